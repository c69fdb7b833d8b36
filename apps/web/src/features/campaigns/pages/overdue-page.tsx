// 逾期督办 (office): every overdue task instance in the office's scope — unit, task, period, due
// date, days late and how often it was escalated (督办) — longest overdue first by due date, with
// links to the instance and the task; campaign, unit and text filters in the URL.
import { Link } from 'react-router';
import { Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UnitPicker } from '../../../shared/components/unit-picker';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { useInstanceList } from '../api/ledger-api';
import type { InstanceListItem } from '../api/campaign-types';
import { OVERDUE_CODEC } from '../api/list-params';
import { InstanceStatusTag } from '../components/campaign-tags';
import { CampaignFilter } from '../components/campaign-filter';
import { ContentCell, CountTag, returnsColumn } from '../components/table-cells';

export default function OverduePage() {
  const t = useT();
  const list = useUrlListState(OVERDUE_CODEC);
  const { state, update } = list;
  const query = useInstanceList(list.params);

  const columns: TableColumnsType<InstanceListItem> = [
    {
      title: t('campaigns.ledger.unit'),
      key: 'unit',
      width: 170,
      render: (_v, i) => <Typography.Text strong>{i.unit.name}</Typography.Text>,
    },
    {
      title: t('campaigns.ledger.content'),
      dataIndex: 'content',
      render: (content: string, i) => (
        <ContentCell
          to={`/task-instances/${i.id}`}
          text={content}
          testId="instance-link"
          meta={
            <Space size={6} wrap style={{ fontSize: 12 }}>
              <Link to={`/campaigns/${i.campaignId}`}>{i.campaignName}</Link>
              <Link to={`/campaign-tasks/${i.taskId}`}>{t('campaigns.overdue.task')}</Link>
            </Space>
          }
        />
      ),
    },
    { title: t('campaigns.instance.label'), dataIndex: 'label', width: 100 },
    { title: t('campaigns.instance.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('campaigns.overdue.daysLate'),
      dataIndex: 'daysLeft',
      width: 90,
      align: 'right',
      sorter: false,
      render: (d: number) => (
        <Typography.Text type="danger" strong data-testid="days-late">
          {t('campaigns.overdue.days', { days: Math.max(0, -d) })}
        </Typography.Text>
      ),
    },
    {
      title: t('campaigns.instance.escalations'),
      dataIndex: 'escalationCount',
      width: 90,
      align: 'center',
      render: (n: number) => <CountTag n={n} color="red" text={t('campaigns.overdue.escalated', { count: n })} />,
    },
    {
      title: t('campaigns.instance.status'),
      key: 'stored',
      width: 100,
      render: (_v, i) => <InstanceStatusTag status={i.status} />,
    },
    returnsColumn(t),
  ];

  return (
    <Card size="small" title={t('menu.campaignOverdue')} data-testid="page-overdue">
      <ListToolbar
        filters={
          <>
            <UrlSearchBox
              value={state.q}
              placeholder={t('campaigns.ledger.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <CampaignFilter value={state.campaignId} onChange={(campaignId) => update({ campaignId })} />
            <UnitPicker
              style={{ width: 180 }}
              placeholder={t('campaigns.ledger.unit')}
              value={state.unitId}
              onChange={(v) => update({ unitId: v ?? undefined })}
            />
          </>
        }
      />
      <Table<InstanceListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1000 }}
        locale={{ emptyText: query.isError ? query.error.message : t('campaigns.overdue.empty') }}
        data-testid="overdue-table"
      />
    </Card>
  );
}
