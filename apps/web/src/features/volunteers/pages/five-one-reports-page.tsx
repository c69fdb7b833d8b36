// 五个一自报审核 (/volunteer/five-one/reports): members' self-reported items with their photo and
// note, filtered by status and community in the URL; a pending one is confirmed (the item counts
// for that week) or rejected with a reason.
import { useState } from 'react';
import { App, Button, Card, Flex, Image, Select, Table, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import { fileUrl } from '../../../shared/cases/cases-api';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { REPORT_LIST_CODEC } from '../api/list-params';
import { REPORT_STATUSES, type FiveOneReport, type ReportStatus } from '../api/volunteer-types';
import { useDecideReport, useFiveOneReports } from '../api/volunteers-api';
import { CommunitySelect } from '../components/community-select';
import { ReasonModal } from '../components/reason-modal';
import { ReportStatusTag } from '../components/volunteer-tags';

export default function FiveOneReportsPage() {
  const t = useT();
  const { message } = App.useApp();
  const list = useUrlListState(REPORT_LIST_CODEC);
  const { state, update } = list;
  const query = useFiveOneReports(list.params);
  const decide = useDecideReport();
  const [rejecting, setRejecting] = useState<FiveOneReport | null>(null);

  const columns: TableColumnsType<FiveOneReport> = [
    { title: t('volunteers.reports.person'), key: 'person', width: 110, render: (_v, r) => r.person.name },
    { title: t('volunteers.reports.community'), key: 'community', width: 140, render: (_v, r) => r.community.name },
    { title: t('volunteers.reports.week'), dataIndex: 'weekStart', width: 110 },
    {
      title: t('volunteers.reports.item'),
      dataIndex: 'item',
      width: 140,
      render: (i: FiveOneReport['item']) => t(`volunteers.fiveOne.${i}`),
    },
    {
      title: t('volunteers.reports.photo'),
      dataIndex: 'photo',
      width: 90,
      render: (id: string) => (
        <Image src={fileUrl(id)} width={64} height={64} style={{ objectFit: 'cover', borderRadius: 4 }} />
      ),
    },
    { title: t('volunteers.reports.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('volunteers.reports.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('volunteers.reports.status'),
      key: 'status',
      width: 120,
      render: (_v, r) => (
        <Flex vertical gap={2}>
          <ReportStatusTag status={r.status} />
          {r.rejectReason ? <span style={{ fontSize: 12, color: '#cf1322' }}>{r.rejectReason}</span> : null}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_v, r) =>
        r.canDecide ? (
          <Flex gap={4}>
            <Button
              size="small"
              type="primary"
              loading={decide.isPending}
              onClick={() =>
                decide.mutate(
                  { id: r.id, body: { decision: 'confirm' } },
                  {
                    onSuccess: () => void message.success(t('volunteers.decide.confirmed')),
                    onError: (e) => showApiError(e, message),
                  },
                )
              }
              data-testid="report-confirm"
            >
              {t('volunteers.decide.confirm')}
            </Button>
            <Button size="small" danger onClick={() => setRejecting(r)} data-testid="report-reject">
              {t('volunteers.decide.reject')}
            </Button>
          </Flex>
        ) : null,
    },
  ];

  return (
    <Card size="small" title={t('volunteers.reports.title')} data-testid="page-five-one-reports">
      <ListToolbar
        filters={
          <>
            <CommunitySelect
              width={200}
              value={state.communityId}
              onChange={(communityId) => update({ communityId })}
              placeholder={t('volunteers.reports.community')}
              testId="filter-community"
            />
            <Select<ReportStatus>
              allowClear
              placeholder={t('volunteers.reports.status')}
              style={{ width: 120 }}
              value={state.status}
              onChange={(status) => update({ status: status ?? undefined })}
              options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`volunteers.reportStatus.${s}`) }))}
              data-testid="filter-status"
            />
          </>
        }
      />
      <Table<FiveOneReport>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ 'data-testid': 'report-row', 'data-report-id': r.id, 'data-status': r.status }) as never}
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t('volunteers.reports.empty'),
            filtered: t('volunteers.reports.emptyFiltered'),
          }),
        }}
        data-testid="reports-table"
      />
      {rejecting ? (
        <ReasonModal
          title={t('volunteers.reports.rejectTitle', { name: rejecting.person.name })}
          submitting={decide.isPending}
          onClose={() => setRejecting(null)}
          reject={(reason) => decide.mutateAsync({ id: rejecting.id, body: { decision: 'reject', reason } })}
        />
      ) : null}
    </Card>
  );
}
