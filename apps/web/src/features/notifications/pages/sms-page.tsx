// 短信记录: the SMS outbox. With the default driver nothing is really sent: each message is only
// recorded here, so the office can see who would have been told what, and when.
import { Link } from 'react-router';
import { Alert, Card, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { useListState } from '../../../shared/use-list-state';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { dash, formatDateTime } from '../../../shared/format';
import { notificationLink, useSmsMessages, type SmsMessage } from '../api/notifications-api';

const STATUSES = ['logged', 'queued', 'sent', 'failed'] as const;
type KnownStatus = (typeof STATUSES)[number];
const STATUS_COLORS: Record<KnownStatus, string> = {
  logged: 'default',
  queued: 'gold',
  sent: 'green',
  failed: 'red',
};

function isKnownStatus(status: string): status is KnownStatus {
  return (STATUSES as readonly string[]).includes(status);
}

export default function SmsPage() {
  const t = useT();
  const can = useCan();
  const list = useListState({});
  const query = useSmsMessages(list.params);
  const canOpenCase = can('case.read');

  const columns: TableColumnsType<SmsMessage> = [
    {
      title: t('notifications.sms.time'),
      dataIndex: 'createdAt',
      width: 140,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
    },
    { title: t('notifications.sms.recipient'), dataIndex: 'recipient', width: 130, ellipsis: true, render: dash },
    {
      title: t('notifications.sms.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{v}</span>,
    },
    {
      title: t('notifications.sms.text'),
      dataIndex: 'body',
      render: (v: string) => (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('notifications.sms.driver'),
      dataIndex: 'driver',
      width: 110,
      render: (v: string) =>
        v === 'log' ? <Tag>{t('notifications.sms.driverLog')}</Tag> : <Tag color="blue">{v}</Tag>,
    },
    {
      title: t('notifications.sms.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: string, m) => {
        const tag = isKnownStatus(status) ? (
          <Tag color={STATUS_COLORS[status]}>{t(`notifications.sms.status.${status}`)}</Tag>
        ) : (
          <Tag>{status}</Tag>
        );
        return m.error ? <Tooltip title={m.error}>{tag}</Tooltip> : tag;
      },
    },
    {
      title: t('notifications.sms.about'),
      key: 'about',
      width: 110,
      render: (_v, m) => {
        const link = notificationLink(m);
        if (!link) return '—';
        return canOpenCase ? (
          <Link to={link}>{t('notifications.sms.case')}</Link>
        ) : (
          <Typography.Text type="secondary">{t('notifications.sms.case')}</Typography.Text>
        );
      },
    },
  ];

  return (
    <Card size="small" title={t('menu.sms')} data-testid="page-sms">
      <Alert type="info" showIcon title={t('notifications.sms.explain')} style={{ marginBottom: 12 }} />
      <ListToolbar onSearch={list.setQ} searchPlaceholder={t('notifications.sms.searchPlaceholder')} />
      <Table<SmsMessage>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1000 }}
        locale={{ emptyText: query.isError ? query.error.message : t('notifications.sms.empty') }}
      />
    </Card>
  );
}
