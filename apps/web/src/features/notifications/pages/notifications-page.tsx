// 消息通知: the signed-in user's messages (dispatches, reminders, escalations, extension decisions…),
// newest first, with an unread filter, mark read and mark all read.
import { useNavigate } from 'react-router';
import { App, Badge, Button, Card, Flex, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { useListState } from '../../../shared/use-list-state';
import { showApiError } from '../../../shared/form-errors';
import { formatDateTime } from '../../../shared/format';
import {
  notificationLink,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  useUnreadCount,
  type NotificationItem,
} from '../api/notifications-api';

type Filters = { unread?: boolean };

export default function NotificationsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useListState<Filters>({});
  const query = useNotifications(list.params);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const read = (item: NotificationItem) =>
    markRead.mutate(item.id, { onError: (error) => showApiError(error, message) });

  const open = (item: NotificationItem) => {
    const link = notificationLink(item);
    if (item.readAt === null) read(item);
    if (link) void navigate(link);
  };

  const columns: TableColumnsType<NotificationItem> = [
    {
      title: t('notifications.message'),
      key: 'message',
      render: (_v, item) => {
        const isUnread = item.readAt === null;
        return (
          <Flex gap={8} align="flex-start">
            <Badge status={isUnread ? 'error' : 'default'} style={{ marginTop: 2 }} />
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong={isUnread}>{item.title}</Typography.Text>
              <Typography.Paragraph
                type="secondary"
                style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
              >
                {item.body}
              </Typography.Paragraph>
            </div>
          </Flex>
        );
      },
    },
    {
      title: t('notifications.time'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
    },
    {
      title: t('notifications.state'),
      key: 'state',
      width: 150,
      render: (_v, item) =>
        item.readAt ? (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('notifications.readAt', { time: formatDateTime(item.readAt) })}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger">{t('notifications.unread')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_v, item) => (
        <Space size={4}>
          {notificationLink(item) ? (
            <Button type="link" size="small" onClick={() => open(item)} data-testid="notification-open">
              {t('notifications.openCase')}
            </Button>
          ) : null}
          {item.readAt === null ? (
            <Button
              type="link"
              size="small"
              icon={<CheckOutlined />}
              onClick={() => read(item)}
              data-testid="notification-read"
            >
              {t('notifications.markRead')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('menu.notifications')}
      data-testid="page-notifications"
      extra={
        <Button
          icon={<CheckOutlined />}
          disabled={!unread.data}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => void message.success(t('notifications.allRead')),
              onError: (error) => showApiError(error, message),
            })
          }
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented<'all' | 'unread'>
          value={list.filters.unread ? 'unread' : 'all'}
          onChange={(v) => list.setFilter('unread', v === 'unread' ? true : undefined)}
          options={[
            { value: 'all', label: t('notifications.filter.all') },
            {
              value: 'unread',
              label: (
                <span data-testid="filter-unread">
                  {t('notifications.filter.unread')}
                  {unread.data ? ` (${unread.data})` : ''}
                </span>
              ),
            },
          ]}
        />
      </Flex>
      <Table<NotificationItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 760 }}
        locale={{
          emptyText: query.isError
            ? query.error.message
            : list.filters.unread
              ? t('notifications.noUnread')
              : t('notifications.empty'),
        }}
      />
    </Card>
  );
}
