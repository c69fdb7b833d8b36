// 入户征询 on the phone (/m/canvass): the canvasser's assignments in open drives — drive,
// community, street, the unit, and how many households are visited of the target (per building on
// tap) — each opening the visit form for it; a big "record a visit" button, and the visits this
// canvasser recorded lately.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Empty, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import { DownOutlined, FormOutlined, UpOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { ListHeader, LoadErrorAlert } from '../../../shared/mobile/page-parts';
import { useMyAssignments, useVisitList } from '../api/canvass-api';
import { RATE_BAND_COLORS, householdsText, rateBand, ratePercent } from '../api/canvass-format';
import type { MyAssignment } from '../api/canvass-types';

export default function MobileCanvassPage() {
  const t = useT();
  const query = useMyAssignments();
  const items = query.data ?? [];
  const recent = useVisitList({ mine: true, page: 1, pageSize: 5 });

  return (
    <Flex vertical gap={12} data-testid="page-mobile-canvass">
      <ListHeader
        title={t('canvass.mobile.title')}
        totalText={query.data ? t('canvass.mobile.total', { total: items.length }) : null}
        refreshing={query.isRefetching}
        onRefresh={() => {
          void query.refetch();
          void recent.refetch();
        }}
      />
      <Link to="/m/canvass/visit">
        <Button
          type="primary"
          size="large"
          block
          icon={<FormOutlined />}
          style={{ height: 52, fontSize: 17 }}
          disabled={query.isSuccess && items.length === 0}
          data-testid="mobile-canvass-record"
        >
          {t('canvass.mobile.record')}
        </Button>
      </Link>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.isError && items.length === 0 ? (
        <LoadErrorAlert message={query.error.message} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty description={t('canvass.mobile.empty')} style={{ padding: '32px 0' }} />
      ) : (
        items.map((a) => <AssignmentCard key={a.id} assignment={a} />)
      )}
      {recent.data && recent.data.items.length > 0 ? (
        <Card size="small" title={t('canvass.mobile.recent')} data-testid="mobile-canvass-recent">
          <Flex vertical gap={8}>
            {recent.data.items.map((v) => (
              <div
                key={v.id}
                style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}
                data-testid="recent-visit"
              >
                <Typography.Text style={{ display: 'block', overflowWrap: 'anywhere' }}>
                  {[v.community.name, v.building?.name, v.household].filter(Boolean).join(' · ')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(v.visitedAt)} · {t('canvass.mobile.opinionCount', { count: v.opinions.length })}
                </Typography.Text>
              </div>
            ))}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}

function AssignmentCard({ assignment: a }: { assignment: MyAssignment }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const percent = ratePercent(a.progress.rate);
  return (
    <Card size="small" data-testid="my-assignment" data-assignment-id={a.id}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {a.drive.name}
      </Typography.Text>
      <div style={{ fontSize: 17, lineHeight: 1.4, marginTop: 2, overflowWrap: 'anywhere' }}>
        {a.community.name}
        {a.community.street ? (
          <Typography.Text type="secondary" style={{ fontSize: 13, marginInlineStart: 6 }}>
            {a.community.street}
          </Typography.Text>
        ) : null}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {a.unit.name}
      </Typography.Text>
      <Flex align="center" gap={8} style={{ marginTop: 6 }}>
        <Progress
          percent={percent ?? 0}
          showInfo={false}
          strokeColor={RATE_BAND_COLORS[rateBand(a.progress.rate)]}
          style={{ flex: 1, margin: 0 }}
        />
        <Typography.Text style={{ fontSize: 13, whiteSpace: 'nowrap' }} data-testid="my-assignment-progress">
          {t('canvass.mobile.households', { text: householdsText(a.progress) })}
        </Typography.Text>
      </Flex>
      {a.buildings.length > 0 ? (
        <>
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0 }}
            icon={open ? <UpOutlined /> : <DownOutlined />}
            onClick={() => setOpen((o) => !o)}
          >
            {t('canvass.mobile.buildings', { count: a.buildings.length })}
          </Button>
          {open ? (
            <Flex wrap gap={6} style={{ marginBottom: 6 }}>
              {a.buildings.map((b) => (
                <Tag
                  key={b.id}
                  color={b.targetHouseholds > 0 && b.visitedHouseholds >= b.targetHouseholds ? 'green' : 'default'}
                  style={{ marginInlineEnd: 0, fontSize: 13, padding: '2px 8px' }}
                >
                  {b.name} {b.visitedHouseholds}/{b.targetHouseholds}
                </Tag>
              ))}
            </Flex>
          ) : null}
        </>
      ) : null}
      <Link to={`/m/canvass/visit?assignment=${a.id}`}>
        <Button size="large" block style={{ height: 44, marginTop: 6 }} data-testid="my-assignment-record">
          {t('canvass.mobile.recordHere')}
        </Button>
      </Link>
    </Card>
  );
}
