// Likely duplicates of a case still at intake (same category, nearby, recent, similar text), with
// "并入此案件": merge the case being viewed into the candidate (transition 'merge').
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { CaseStatusTag } from '../../../shared/cases/case-status-tag';
import { useCaseDuplicates, type DuplicateCandidate } from '../../../shared/cases/cases-api';

export function DuplicatesPanel({ caseId, onMerge }: { caseId: number; onMerge: (targetId: number) => void }) {
  const t = useT();
  const query = useCaseDuplicates(caseId);

  const columns: TableColumnsType<DuplicateCandidate> = [
    {
      title: t('cases.field.code'),
      dataIndex: 'code',
      width: 120,
      fixed: 'left',
      render: (code: string, d) => <Link to={`/cases/${d.id}`}>{code}</Link>,
    },
    {
      title: t('cases.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (_v, d) => <CaseStatusTag status={d.status} />,
    },
    {
      title: t('cases.field.description'),
      dataIndex: 'description',
      ellipsis: true,
      render: (text: string, d) => (
        <Typography.Text ellipsis={{ tooltip: `${text}${d.address ? `（${d.address}）` : ''}` }}>
          {text}
        </Typography.Text>
      ),
    },
    {
      title: t('cases.duplicates.distance'),
      dataIndex: 'distanceM',
      width: 80,
      render: (m: number | null) => (m === null ? '—' : t('cases.duplicates.metres', { m: Math.round(m) })),
    },
    {
      title: t('cases.duplicates.similarity'),
      dataIndex: 'similarity',
      width: 80,
      render: (s: number) => (
        <Tag color={s >= 0.8 ? 'red' : s >= 0.5 ? 'orange' : 'default'}>{Math.round(s * 100)}%</Tag>
      ),
    },
    { title: t('cases.field.createdAt'), dataIndex: 'createdAt', width: 135, render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_v, d) => (
        <Button size="small" onClick={() => onMerge(d.id)} data-testid="merge-into">
          {t('cases.duplicates.mergeInto')}
        </Button>
      ),
    },
  ];

  return (
    <Table<DuplicateCandidate>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={query.data}
      loading={query.isFetching}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: query.isError ? query.error.message : t('cases.duplicates.none') }}
      data-testid="duplicates"
    />
  );
}
