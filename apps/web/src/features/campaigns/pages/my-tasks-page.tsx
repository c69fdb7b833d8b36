// 我的任务 (desktop, unit staff): the unit's task instances — the server answers only the unit's
// own — most urgent first: what is still to report by due date, overdue rows highlighted, with a
// view switch (to report / returned / overdue / waiting for review / all), campaign filter and
// search kept in the URL.
import { Card, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { useInstanceList } from '../api/ledger-api';
import type { InstanceListItem } from '../api/campaign-types';
import { MY_TASKS_CODEC, MY_TASK_VIEWS, type MyTaskView } from '../api/list-params';
import { evidenceParts } from '../api/ledger-format';
import { DueTag, InstanceStatusTag } from '../components/campaign-tags';
import { CampaignFilter } from '../components/campaign-filter';
import { ContentCell, returnsColumn } from '../components/table-cells';

export default function MyTasksPage() {
  const t = useT();
  const list = useUrlListState(MY_TASKS_CODEC);
  const { state, update } = list;
  const query = useInstanceList(list.params);

  const columns: TableColumnsType<InstanceListItem> = [
    {
      title: t('campaigns.instance.dueOn'),
      dataIndex: 'dueOn',
      width: 150,
      render: (due: string, i) => (
        <Space orientation="vertical" size={2}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{due}</span>
          <DueTag item={i} />
        </Space>
      ),
    },
    {
      title: t('campaigns.instance.status'),
      dataIndex: 'displayStatus',
      width: 100,
      render: (_v, i) => <InstanceStatusTag status={i.displayStatus} />,
    },
    {
      title: t('campaigns.ledger.content'),
      dataIndex: 'content',
      render: (content: string, i) => (
        <ContentCell
          to={`/task-instances/${i.id}`}
          text={content}
          testId="instance-link"
          maxWidth={420}
          meta={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[i.campaignName, i.activityName].filter(Boolean).join(' · ')}
            </Typography.Text>
          }
        />
      ),
    },
    { title: t('campaigns.instance.label'), dataIndex: 'label', width: 100 },
    { title: t('campaigns.ledger.unit'), key: 'unit', width: 150, ellipsis: true, render: (_v, i) => i.unit.name },
    {
      title: t('campaigns.ledger.evidence'),
      key: 'evidence',
      width: 160,
      render: (_v, i) => evidenceParts(t, i.evidence).join(' · ') || '—',
    },
    returnsColumn(t),
  ];

  return (
    <Card size="small" title={t('menu.campaignMyTasks')} data-testid="page-my-tasks">
      <ListToolbar
        filters={
          <>
            <Segmented<MyTaskView>
              value={state.view}
              onChange={(view) => update({ view })}
              options={MY_TASK_VIEWS.map((v) => ({ value: v, label: t(`campaigns.myTasks.view.${v}`) }))}
              data-testid="my-tasks-view"
            />
            <UrlSearchBox
              value={state.q}
              placeholder={t('campaigns.ledger.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <CampaignFilter value={state.campaignId} onChange={(campaignId) => update({ campaignId })} />
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
        rowClassName={(i) => (i.displayStatus === 'overdue' ? 'cc-row-overdue' : '')}
        scroll={{ x: 1000 }}
        locale={{ emptyText: query.isError ? query.error.message : t(`campaigns.myTasks.empty.${state.view}`) }}
        data-testid="my-tasks-table"
      />
    </Card>
  );
}
