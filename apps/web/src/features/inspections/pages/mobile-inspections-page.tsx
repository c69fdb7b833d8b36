// 我的督查 on the phone (/m/inspections): the inspections on the inspector's list — round sites and
// re-inspections of cases — nearest first once the phone's GPS position is known (asked for when
// the page opens, with the reason and a retry when it cannot be had), each card with the site,
// type, distance, round or case, the window's end and the status; "待督查 / 已提交" is kept in the
// URL so "back" returns to the same list.
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Empty, Flex, Segmented, Skeleton, Tag, Typography } from 'antd';
import { AimOutlined, RightOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { ListHeader, LoadErrorAlert } from '../../../shared/mobile/page-parts';
import { enumParam } from '../../../shared/url-params';
import { useMyInspections } from '../api/rounds-api';
import type { InspectionListItem } from '../api/inspection-types';
import { distanceLabel } from '../api/distance-label';
import { usePosition } from '../api/use-position';
import { InspectionStatusTag, ScoreText } from '../components/inspection-tags';

const VIEWS = ['open', 'submitted'] as const;
type View = (typeof VIEWS)[number];

export default function MobileInspectionsPage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const view: View = enumParam(search.get('view'), VIEWS) ?? 'open';
  const { fix, failure, locating, relocate } = usePosition();
  const query = useMyInspections(view, fix ? { lng: fix.lng, lat: fix.lat } : null);
  const items = query.data ?? [];

  return (
    <Flex vertical gap={12} data-testid="page-mobile-inspections">
      <ListHeader
        title={t('inspections.mobile.title')}
        totalText={query.data ? t('inspections.mobile.total', { total: items.length }) : null}
        refreshing={query.isRefetching}
        onRefresh={() => {
          relocate();
          void query.refetch();
        }}
      />
      <Segmented<View>
        block
        size="large"
        value={view}
        onChange={(next) => setSearch(next === 'open' ? {} : { view: next }, { replace: true })}
        options={VIEWS.map((v) => ({ value: v, label: t(`inspections.mobile.view.${v}`) }))}
        data-testid="mobile-inspections-view"
      />
      {failure ? (
        <Alert
          type="warning"
          showIcon
          title={t(`inspections.mobile.locate.${failure}`)}
          description={t('inspections.mobile.locateFallback')}
          action={
            <Button size="small" icon={<AimOutlined />} onClick={relocate}>
              {t('common.retry')}
            </Button>
          }
          data-testid="locate-failed"
        />
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="sort-note" data-located={!!fix}>
          <AimOutlined />{' '}
          {locating && !fix
            ? t('inspections.mobile.locating')
            : fix
              ? t('inspections.mobile.sortedByDistance', { accuracy: fix.accuracy ?? '—' })
              : t('inspections.mobile.locateFallback')}
        </Typography.Text>
      )}
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.isError && items.length === 0 ? (
        <LoadErrorAlert message={query.error.message} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty description={t(`inspections.mobile.empty.${view}`)} style={{ padding: '32px 0' }} />
      ) : (
        items.map((item) => <InspectionCard key={item.id} item={item} />)
      )}
    </Flex>
  );
}

function InspectionCard({ item }: { item: InspectionListItem }) {
  const t = useT();
  return (
    <Link
      to={`/m/inspections/${item.id}`}
      data-testid="inspection-card"
      data-inspection-id={item.id}
      data-site-id={item.site.id}
      data-distance={item.distanceM ?? ''}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        minHeight: 72,
        padding: 12,
        background: '#fff',
        borderRadius: 8,
        borderInlineStart: `4px solid ${item.kind === 'recheck' ? '#722ed1' : item.status === 'draft' ? '#fa8c16' : 'transparent'}`,
        color: 'inherit',
      }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <Flex gap={6} wrap align="center">
          <InspectionStatusTag status={item.status} />
          {item.kind === 'recheck' ? (
            <Tag color="purple" style={{ marginInlineEnd: 0 }}>
              {t('inspections.kind.recheck')}
            </Tag>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.site.typeName}
          </Typography.Text>
          {item.distanceM !== null ? (
            <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="card-distance">
              {distanceLabel(t, item.distanceM)}
            </Tag>
          ) : null}
          {item.score !== null ? <ScoreText score={item.score} strong /> : null}
        </Flex>
        <div style={{ marginTop: 6, fontSize: 16, lineHeight: 1.4, overflowWrap: 'anywhere' }} data-testid="card-site">
          {item.site.name}
        </div>
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
          {[
            item.site.address,
            item.kind === 'recheck'
              ? t('inspections.mobile.recheckOf', { id: item.originCaseId ?? '—' })
              : item.roundName,
            item.windowEndsOn ? t('inspections.mobile.until', { date: item.windowEndsOn }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </div>
      <RightOutlined style={{ color: '#bbb', flex: 'none' }} />
    </Link>
  );
}
