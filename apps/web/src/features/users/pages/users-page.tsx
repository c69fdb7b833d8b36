// 账号: user accounts. The system admin creates, edits, disables and resets passwords; the
// security admin sees the list and unlocks locked accounts.
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ROLES, type Role } from '@cc/common/permissions';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan, useMe } from '../../../app/auth/use-me';
import { useListState } from '../../../shared/use-list-state';
import { showApiError } from '../../../shared/form-errors';
import { dash, formatDateTime } from '../../../shared/format';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { ExportButton } from '../../../shared/components/export-button';
import { useUnlockUser, useUpdateUser, useUserList, type User } from '../api/users-api';
import { UserFormDrawer } from '../components/user-form-drawer';
import { ResetPasswordModal } from '../components/reset-password-modal';

type Filters = { role?: Role };

function isLocked(user: User): boolean {
  return !!user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs());
}

export default function UsersPage() {
  const t = useT();
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const canWrite = can('user.write');
  const canUnlock = can('security.user.unlock');
  const list = useListState<Filters>({});
  const query = useUserList(list.params);
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [resetting, setResetting] = useState<User | null>(null);

  const toggleStatus = (user: User) =>
    update.mutateAsync({ id: user.id, input: { status: user.status === 'active' ? 'disabled' : 'active' } }).then(
      () => void message.success(user.status === 'active' ? t('user.disabledDone') : t('user.enabledDone')),
      (error: unknown) => showApiError(error, message),
    );

  const doUnlock = (user: User) =>
    unlock.mutateAsync(user.id).then(
      () => void message.success(t('user.unlocked', { username: user.username })),
      (error: unknown) => showApiError(error, message),
    );

  const columns: TableColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', width: 130, ellipsis: true },
    { title: t('user.displayName'), dataIndex: 'displayName', width: 130, ellipsis: true },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      width: 200,
      render: (roles: Role[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color="blue">
              {t(`role.${r}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('user.region'), dataIndex: 'regionName', width: 130, ellipsis: true, render: dash },
    { title: t('user.unit'), dataIndex: 'unitName', width: 160, ellipsis: true, render: dash },
    {
      title: t('user.status'),
      key: 'status',
      width: 150,
      render: (_v, u) => (
        <Space size={[0, 4]} wrap>
          {u.status === 'active' ? (
            <Tag color="green">{t('userStatus.active')}</Tag>
          ) : (
            <Tag>{t('userStatus.disabled')}</Tag>
          )}
          {isLocked(u) ? (
            <Tooltip title={t('user.lockedUntil', { until: formatDateTime(u.lockedUntil) })}>
              <Tag color="red">{t('user.locked')}</Tag>
            </Tooltip>
          ) : null}
          {u.mustChangePassword ? <Tag color="orange">{t('user.mustChange')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('user.lastLoginAt'), dataIndex: 'lastLoginAt', width: 150, render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: (canWrite ? 230 : 0) + (canUnlock ? 70 : 0) || 80,
      fixed: 'right',
      render: (_v, u) => (
        <Space size={0} wrap>
          {canWrite ? (
            <>
              <Button type="link" size="small" onClick={() => setEditing(u)} data-testid="row-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={
                  u.status === 'active'
                    ? t('user.disableConfirm', { username: u.username })
                    : t('user.enableConfirm', { username: u.username })
                }
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: u.status === 'active' }}
                onConfirm={() => toggleStatus(u)}
                disabled={u.id === me.id}
              >
                <Button
                  type="link"
                  size="small"
                  danger={u.status === 'active'}
                  disabled={u.id === me.id}
                  data-testid="row-toggle-status"
                >
                  {u.status === 'active' ? t('user.disable') : t('user.enable')}
                </Button>
              </Popconfirm>
              <Button type="link" size="small" onClick={() => setResetting(u)} data-testid="row-reset-password">
                {t('user.resetPassword')}
              </Button>
            </>
          ) : null}
          {canUnlock ? (
            <Popconfirm
              title={t('user.unlockConfirm', { username: u.username })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => doUnlock(u)}
              disabled={!isLocked(u)}
            >
              <Button type="link" size="small" disabled={!isLocked(u)} data-testid="row-unlock">
                {t('user.unlock')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('menu.users')} data-testid="page-users">
      <ListToolbar
        onSearch={list.setQ}
        searchPlaceholder={t('user.searchPlaceholder')}
        filters={
          <Select<Role>
            allowClear
            placeholder={t('user.roles')}
            style={{ width: 150 }}
            value={list.filters.role}
            onChange={(v) => list.setFilter('role', v ?? undefined)}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            data-testid="filter-role"
          />
        }
        actions={
          <>
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="create-button"
              >
                {t('user.create')}
              </Button>
            ) : null}
            <ExportButton path="/api/users" params={list.filterParams} fileName={t('menu.users')} />
          </>
        }
      />
      <Table<User>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1300 }}
        locale={{ emptyText: query.isError ? query.error.message : undefined }}
      />
      {editing !== undefined ? <UserFormDrawer user={editing} onClose={() => setEditing(undefined)} /> : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </Card>
  );
}
