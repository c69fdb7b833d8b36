// The header bell: unread badge (polled every minute and when the window regains focus) and a
// dropdown of the latest messages with "mark all read" and a link to the full list. Clicking a
// case message marks it read and opens the case. Rendered only for users with notification.read.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { useMe } from '../../../app/auth/use-me';
import { formatDateTime } from '../../../shared/format';
import {
  notificationLink,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  useUnreadCount,
  type NotificationItem,
} from '../api/notifications-api';

const LATEST = 8;

export function NotificationRow({
  item,
  onOpen,
}: {
  item: NotificationItem;
  onOpen: (item: NotificationItem) => void;
}) {
  const unread = item.readAt === null;
  return (
    <button
      type="button"
      onClick={() => onOpen(item)}
      data-testid="notification-item"
      data-unread={unread}
      style={{
        display: 'flex',
        gap: 8,
        width: '100%',
        textAlign: 'start',
        padding: '8px 12px',
        border: 'none',
        borderBottom: '1px solid #f5f5f5',
        background: unread ? '#fff7f6' : '#fff',
        cursor: 'pointer',
        font: 'inherit',
      }}
    >
      <span
        aria-hidden
        style={{
          flex: 'none',
          width: 8,
          height: 8,
          marginTop: 7,
          borderRadius: 4,
          background: unread ? '#f5222d' : 'transparent',
        }}
      />
      <span style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={unread} ellipsis style={{ display: 'block' }}>
          {item.title}
        </Typography.Text>
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2 }}
          style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}
        >
          {item.body}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {formatDateTime(item.createdAt)}
        </Typography.Text>
      </span>
    </button>
  );
}

function BellPanel({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const latest = useNotifications({ page: 1, pageSize: LATEST });
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = latest.data?.items ?? [];

  const open = (item: NotificationItem) => {
    if (item.readAt === null) markRead.mutate(item.id);
    const link = notificationLink(item);
    if (link) {
      onNavigate();
      void navigate(link);
    }
  };

  return (
    <div style={{ width: 'min(360px, calc(100vw - 24px))' }} data-testid="notification-panel">
      <Flex justify="space-between" align="center" style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={!unread.data}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 'min(420px, 60vh)', overflowY: 'auto' }}>
        {latest.isLoading ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : latest.isError ? (
          <Typography.Text type="danger" style={{ display: 'block', padding: 16 }}>
            {latest.error.message}
          </Typography.Text>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ margin: 16 }} />
        ) : (
          items.map((item) => <NotificationRow key={item.id} item={item} onOpen={open} />)
        )}
      </div>
      <div style={{ padding: '8px 12px', textAlign: 'center', borderTop: '1px solid #f0f0f0' }}>
        <Link to="/notifications" onClick={onNavigate} data-testid="notifications-all">
          {t('notifications.viewAll')}
        </Link>
      </div>
    </div>
  );
}

function Bell() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void unread.refetch();
      }}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      destroyOnHidden
      styles={{ container: { padding: 0 } }}
      content={<BellPanel onNavigate={() => setOpen(false)} />}
    >
      <Button
        type="text"
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.title')}
        title={t('notifications.title')}
        data-testid="notification-bell"
        data-unread={count}
        style={{ paddingInline: 6 }}
      >
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 17 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

/** The bell, for users who may read notifications; nothing otherwise. */
export function NotificationBell() {
  const { permissions } = useMe();
  if (!permissions.includes('notification.read')) return null;
  return <Bell />;
}
