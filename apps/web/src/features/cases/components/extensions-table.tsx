// The case's extension requests (申请延期): who asked, until when, why, and the decision.
import { Table, Tag, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { dash, formatDateTime } from '../../../shared/format';
import type { CaseExtension } from '../../../shared/cases/cases-api';

const COLORS: Record<CaseExtension['status'], string> = { pending: 'gold', approved: 'green', refused: 'red' };

export function ExtensionsTable({ extensions }: { extensions: CaseExtension[] }) {
  const t = useT();
  const columns: TableColumnsType<CaseExtension> = [
    { title: t('cases.extension.requestedAt'), dataIndex: 'requestedAt', width: 135, render: formatDateTime },
    { title: t('cases.extension.requestedBy'), dataIndex: 'requestedByName', width: 90, render: dash },
    {
      title: t('cases.extension.requestedDeadline'),
      dataIndex: 'requestedDeadline',
      width: 135,
      render: formatDateTime,
    },
    { title: t('cases.extension.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('cases.extension.status'),
      dataIndex: 'status',
      width: 80,
      render: (s: CaseExtension['status']) => <Tag color={COLORS[s]}>{t(`cases.extension.status.${s}`)}</Tag>,
    },
    {
      title: t('cases.extension.decision'),
      key: 'decision',
      ellipsis: true,
      render: (_v, e) => (e.decidedAt ? `${formatDateTime(e.decidedAt)} ${e.decisionNote ?? ''}` : '—'),
    },
  ];
  return (
    <Table<CaseExtension>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={extensions}
      pagination={false}
      scroll={{ x: 720 }}
      data-testid="extensions"
    />
  );
}
