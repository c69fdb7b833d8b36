// One site (点位): type, address and point, region, responsible unit, contact, last score, and its
// inspection history — every round and re-inspection, latest first, with status, inspector,
// score, failed items and a link to the inspection. The office edits it here (site.manage).
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { RecordPage } from '../../../shared/components/page-states';
import { dash, formatDate, formatDateTime } from '../../../shared/format';
import { routeId } from '../../../shared/url-params';
import { useSite } from '../api/sites-api';
import type { InspectionListItem, SiteDetail } from '../api/inspection-types';
import { InspectionStatusTag, ScoreText } from '../components/inspection-tags';
import { SiteFormDrawer } from '../components/site-form-drawer';

export default function SiteDetailPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useSite(id);
  return (
    <RecordPage
      id={id}
      query={query}
      testId="page-site"
      notFoundTitle={t('inspections.site.notFound')}
      backTo="/sites"
      backText={t('inspections.site.backToList')}
    >
      {(site) => <SiteView site={site} />}
    </RecordPage>
  );
}

function SiteView({ site }: { site: SiteDetail }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);

  const columns: TableColumnsType<InspectionListItem> = [
    {
      title: t('inspections.inspection.round'),
      key: 'round',
      render: (_v, i) =>
        i.kind === 'recheck' ? (
          <Space size={4}>
            <Tag color="purple">{t('inspections.kind.recheck')}</Tag>
            {i.originCaseId ? <Link to={`/cases/${i.originCaseId}`}>#{i.originCaseId}</Link> : null}
          </Space>
        ) : i.roundId ? (
          <Link to={`/inspection-rounds/${i.roundId}`}>{i.roundName}</Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('inspections.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s) => <InspectionStatusTag status={s} />,
    },
    {
      title: t('inspections.inspection.inspector'),
      key: 'inspector',
      width: 120,
      render: (_v, i) => dash(i.inspector?.name),
    },
    {
      title: t('inspections.inspection.submittedAt'),
      dataIndex: 'submittedAt',
      width: 140,
      render: (v) => formatDateTime(v),
    },
    {
      title: t('inspections.inspection.score'),
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (s) => <ScoreText score={s} />,
    },
    {
      title: t('inspections.inspection.failed'),
      dataIndex: 'failed',
      width: 80,
      align: 'right',
      render: (n: number | null) => (n ? <Tag color="red">{n}</Tag> : dash(n)),
    },
    {
      title: '',
      key: 'open',
      width: 70,
      render: (_v, i) => (
        <Link to={`/inspections/${i.id}`} data-testid="inspection-link">
          {t('common.view')}
        </Link>
      ),
    },
  ];

  return (
    <div data-testid="page-site" data-site-id={site.id}>
      <Card size="small">
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Space orientation="vertical" size={4}>
            <Button
              type="link"
              size="small"
              icon={<ArrowLeftOutlined />}
              style={{ paddingInline: 0 }}
              onClick={() => (window.history.length > 1 ? void navigate(-1) : void navigate('/sites'))}
            >
              {t('common.back')}
            </Button>
            <Space size={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="site-name">
                {site.name}
              </Typography.Title>
              <Tag color="blue">{site.typeName}</Tag>
              {site.active ? null : <Tag>{t('inspections.inactive')}</Tag>}
            </Space>
          </Space>
          {can('site.manage') ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="site-edit">
              {t('common.edit')}
            </Button>
          ) : null}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          style={{ marginTop: 12 }}
          items={[
            { key: 'address', label: t('inspections.site.address'), children: dash(site.address) },
            {
              key: 'point',
              label: t('inspections.site.point'),
              children: site.lng !== null && site.lat !== null ? `${site.lng.toFixed(6)}, ${site.lat.toFixed(6)}` : '—',
            },
            { key: 'region', label: t('inspections.site.region'), children: dash(site.regionName) },
            { key: 'unit', label: t('inspections.site.unit'), children: dash(site.unitName) },
            {
              key: 'contact',
              label: t('inspections.site.contact'),
              children: [site.contactName, site.contactPhone].filter(Boolean).join(' ') || '—',
            },
            {
              key: 'score',
              label: t('inspections.site.lastScore'),
              children: (
                <Space size={6}>
                  <ScoreText score={site.lastScore} strong />
                  {site.lastInspectedAt ? (
                    <Typography.Text type="secondary">{formatDate(site.lastInspectedAt)}</Typography.Text>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('inspections.site.history', { count: site.inspections.length })}
        style={{ marginTop: 12 }}
      >
        <Table<InspectionListItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={site.inspections}
          pagination={site.inspections.length > 20 ? { pageSize: 20, size: 'small' } : false}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('inspections.site.noHistory') }}
          data-testid="site-history"
        />
      </Card>
      {editing ? <SiteFormDrawer site={site} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
