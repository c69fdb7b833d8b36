// 表彰名单 (/volunteer/commendations): the commendation lists drawn up from the rankings — title,
// period, subject, basis, entries and status, filtered by status (in the URL); a row opens the list.
import { Card, Select, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { formatDateTime } from '../../../shared/format';
import { listEmptyText } from '../../../shared/list-empty';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { COMMENDATION_LIST_CODEC, COMMENDATION_STATUSES } from '../api/list-params';
import type { Commendation, CommendationStatus } from '../api/volunteer-types';
import { useCommendationList } from '../api/volunteers-api';
import { CommendationStatusTag } from '../components/commendation-status-tag';

export default function CommendationsPage() {
  const t = useT();
  const list = useUrlListState(COMMENDATION_LIST_CODEC);
  const { status } = list.state;
  const query = useCommendationList(list.params);

  const columns: TableColumnsType<Commendation> = [
    {
      title: t('volunteers.commendations.listTitle'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, c) => (
        <Link to={`/volunteer/commendations/${c.id}`} data-testid="commendation-link">
          {title}
        </Link>
      ),
    },
    {
      title: t('volunteers.commendations.period'),
      key: 'period',
      width: 210,
      render: (_v, c) => `${c.from} – ${c.to}`,
    },
    {
      title: t('volunteers.commendations.subject'),
      dataIndex: 'subject',
      width: 110,
      render: (_v, c) => t(`volunteers.recognition.subject.${c.subject}`),
    },
    {
      title: t('volunteers.commendations.basis'),
      dataIndex: 'basis',
      width: 110,
      render: (_v, c) => t(`volunteers.recognition.basis.${c.basis}`),
    },
    {
      title: t('volunteers.commendations.entries'),
      key: 'entries',
      width: 90,
      align: 'right',
      render: (_v, c) => c.entries.length,
    },
    {
      title: t('volunteers.commendations.status'),
      dataIndex: 'status',
      width: 90,
      render: (_v, c) => <CommendationStatusTag status={c.status} />,
    },
    {
      title: t('volunteers.commendations.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
  ];

  return (
    <Card size="small" title={t('volunteers.commendations.title')} data-testid="page-volunteer-commendations">
      <ListToolbar
        filters={
          <Select<CommendationStatus>
            allowClear
            style={{ width: 140 }}
            value={status}
            placeholder={t('volunteers.commendations.allStatuses')}
            onChange={(v) => list.update({ status: v })}
            options={COMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`volunteers.commendations.status.${s}`) }))}
            data-testid="filter-status"
          />
        }
      />
      <Table<Commendation>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 900 }}
        locale={{
          emptyText: listEmptyText(query, status !== undefined, {
            empty: t('volunteers.commendations.empty'),
            filtered: t('volunteers.commendations.empty'),
          }),
        }}
        data-testid="commendations-table"
      />
    </Card>
  );
}
