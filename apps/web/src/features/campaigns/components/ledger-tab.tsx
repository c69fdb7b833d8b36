// 工作台帐: the campaign's ledger tasks in the familiar layout (序号, 工作任务, 责任单位, 责任人,
// 完成时限, 完成情况), filtered by activity, unit, state, due range and text — kept in the URL so
// a filtered ledger can be bookmarked. The office assigns tasks in bulk, imports a ledger from
// Excel (template, upload, row-by-row rejection report); the Excel export takes the same filters.
import { TASK_LIST_STATES, type TaskListState } from '@cc/common/campaigns';
import { useState } from 'react';
import { Button, Card, DatePicker, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ClearOutlined, CloseOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { DATE_FORMAT, dash } from '../../../shared/format';
import { ExportButton } from '../../../shared/components/export-button';
import { ImportButton, type ImportTarget } from '../../../shared/components/import-modal';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UnitPicker } from '../../../shared/components/unit-picker';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { campaignsKey } from '../api/campaigns-api';
import { TASKS_PATH, useTaskList } from '../api/ledger-api';
import { type CampaignDetail, type LedgerImportResult, type TaskListItem } from '../api/campaign-types';
import { LEDGER_CODEC } from '../api/list-params';
import { evidenceParts, recurrenceRule } from '../api/ledger-format';
import { CompletionBar } from './campaign-tags';
import { ContentCell } from './table-cells';
import { TaskBulkDrawer } from './task-bulk-drawer';

export function LedgerTab({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const can = useCan();
  const list = useUrlListState(LEDGER_CODEC);
  const { state, update } = list;
  const params = { ...list.params, campaignId: campaign.id };
  const query = useTaskList(params);
  const [assigning, setAssigning] = useState(false);
  const canManage = campaign.canManage && campaign.status === 'active';
  const filtered = hasFilters(list.filterParams);

  const importTarget: ImportTarget<LedgerImportResult> = {
    title: t('campaigns.import.title'),
    templatePath: `/api/campaigns/${campaign.id}/tasks/import-template`,
    templateFileName: `${t('campaigns.import.templateName')}.xlsx`,
    uploadPath: `/api/campaigns/${campaign.id}/tasks/import`,
    describe: (r) => t('campaigns.import.success', { tasks: r.tasks, instances: r.instances }),
    invalidate: [campaignsKey],
  };

  const columns: TableColumnsType<TaskListItem> = [
    {
      title: t('campaigns.ledger.index'),
      key: 'index',
      width: 60,
      align: 'center',
      render: (_v, _task, i) => (state.page - 1) * state.pageSize + i + 1,
    },
    {
      title: t('campaigns.ledger.content'),
      dataIndex: 'content',
      render: (content: string, task) => (
        <ContentCell
          to={`/campaign-tasks/${task.id}`}
          text={content}
          testId="task-link"
          maxWidth={360}
          meta={
            <Space size={4} wrap>
              {task.activityName ? <Tag style={{ marginInlineEnd: 0 }}>{task.activityName}</Tag> : null}
              {task.sourceClause ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {task.sourceClause}
                </Typography.Text>
              ) : null}
              {task.status === 'cancelled' ? <Tag color="default">{t('campaigns.taskState.cancelled')}</Tag> : null}
            </Space>
          }
        />
      ),
    },
    {
      title: t('campaigns.ledger.unit'),
      key: 'unit',
      width: 170,
      render: (_v, task) => (
        <Tooltip
          title={
            task.cooperatingUnits.length > 0
              ? t('campaigns.ledger.cooperating', { units: task.cooperatingUnits.map((u) => u.name).join('、') })
              : undefined
          }
        >
          <span data-testid="task-unit">{task.leadUnit.name}</span>
          {task.cooperatingUnits.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              +{task.cooperatingUnits.length}
            </Typography.Text>
          ) : null}
        </Tooltip>
      ),
    },
    { title: t('campaigns.ledger.responsible'), dataIndex: 'responsibleName', width: 90, render: dash },
    {
      title: t('campaigns.ledger.deadline'),
      key: 'deadline',
      width: 190,
      render: (_v, task) => (
        <Space orientation="vertical" size={0}>
          <span>{recurrenceRule(t, task.recurrence)}</span>
          {task.nextDueOn && task.recurrence.kind !== 'once' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('campaigns.ledger.nextDue', { date: task.nextDueOn })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('campaigns.ledger.evidence'),
      key: 'evidence',
      width: 150,
      render: (_v, task) => {
        const parts = evidenceParts(t, task.evidence);
        return parts.length > 0 ? (
          <Typography.Text style={{ fontSize: 12 }}>{parts.join(' · ')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    {
      title: t('campaigns.ledger.completion'),
      key: 'completion',
      width: 190,
      render: (_v, task) => (
        <Space orientation="vertical" size={0}>
          <CompletionBar completion={task.completion} width={170} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('campaigns.ledger.completionCounts', {
              accepted: task.completion.accepted,
              total: task.completion.total,
              submitted: task.completion.submitted,
            })}
            {task.completion.overdue > 0 ? (
              <span style={{ color: '#cf1322' }}>
                {' '}
                · {t('campaigns.ledger.overdueCount', { count: task.completion.overdue })}
              </span>
            ) : null}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    state.dueFrom && state.dueTo ? [dayjs(state.dueFrom), dayjs(state.dueTo)] : null;

  return (
    <Card size="small" data-testid="campaign-ledger">
      <ListToolbar
        filters={
          <>
            <UrlSearchBox
              value={state.q}
              placeholder={t('campaigns.ledger.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <Select<number>
              allowClear
              placeholder={t('campaigns.task.activity')}
              style={{ width: 170 }}
              value={state.activityId}
              onChange={(v) => update({ activityId: v ?? undefined })}
              options={campaign.activities.map((a) => ({ value: a.id, label: a.name }))}
              data-testid="filter-activity"
            />
            <UnitPicker
              style={{ width: 180 }}
              placeholder={t('campaigns.ledger.unit')}
              value={state.unitId}
              onChange={(v) => update({ unitId: v ?? undefined })}
            />
            <Select<TaskListState>
              allowClear
              placeholder={t('campaigns.ledger.state')}
              style={{ width: 120 }}
              value={state.state}
              onChange={(v) => update({ state: v ?? undefined })}
              options={TASK_LIST_STATES.map((s) => ({ value: s, label: t(`campaigns.taskState.${s}`) }))}
              data-testid="filter-state"
            />
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              value={range}
              placeholder={[t('campaigns.ledger.dueFrom'), t('campaigns.ledger.dueTo')]}
              style={{ width: 240 }}
              onChange={(dates) =>
                update({
                  dueFrom: dates?.[0] ? dates[0].format(DATE_FORMAT) : undefined,
                  dueTo: dates?.[1] ? dates[1].format(DATE_FORMAT) : undefined,
                })
              }
              data-testid="filter-due"
            />
            {state.batchId ? (
              <Tag
                closable
                closeIcon={<CloseOutlined />}
                color="blue"
                onClose={() => update({ batchId: undefined })}
                data-testid="filter-batch"
              >
                {t('campaigns.ledger.batch', { id: state.batchId })}
              </Tag>
            ) : null}
            {filtered ? (
              <Button icon={<ClearOutlined />} onClick={list.reset} data-testid="filter-reset">
                {t('campaigns.ledger.reset')}
              </Button>
            ) : null}
          </>
        }
        actions={
          <>
            {canManage ? (
              <>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  onClick={() => setAssigning(true)}
                  data-testid="bulk-assign-button"
                >
                  {t('campaigns.bulk.button')}
                </Button>
                <ImportButton target={importTarget} label={t('campaigns.import.button')} />
              </>
            ) : null}
            {can('campaign.export') ? (
              <ExportButton
                path={TASKS_PATH}
                params={{ ...list.filterParams, campaignId: campaign.id }}
                fileName={`${campaign.name}-${t('campaigns.tab.ledger')}`}
              />
            ) : null}
          </>
        }
      />
      <Table<TaskListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1200 }}
        rowClassName={(task) => (task.status === 'cancelled' ? 'cc-row-muted' : '')}
        locale={{
          emptyText: query.isError
            ? query.error.message
            : filtered
              ? t('campaigns.ledger.emptyFiltered')
              : t('campaigns.ledger.empty'),
        }}
        data-testid="ledger-table"
      />
      {assigning ? (
        <TaskBulkDrawer
          campaign={campaign}
          onClose={() => setAssigning(false)}
          onCreated={(result) => update({ batchId: result.batchId })}
        />
      ) : null}
    </Card>
  );
}
