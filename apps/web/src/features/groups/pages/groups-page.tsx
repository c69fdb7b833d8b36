// 领导小组 / 专班: list with kind filter, create / edit, delete, and the members sub-table.
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { GROUP_KINDS, type GroupKind } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { useListState } from '../../../shared/use-list-state';
import { showApiError } from '../../../shared/form-errors';
import { dash } from '../../../shared/format';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { ExportButton } from '../../../shared/components/export-button';
import { useDeleteGroup, useGroupList, type Group } from '../api/groups-api';
import { GroupFormDrawer } from '../components/group-form-drawer';
import { GroupMembersDrawer } from '../components/group-members-drawer';

type Filters = { kind?: GroupKind };

export default function GroupsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const canWrite = can('org.group.write');
  const list = useListState<Filters>({});
  const query = useGroupList(list.params);
  const remove = useDeleteGroup();
  const [editing, setEditing] = useState<Group | null | undefined>(undefined);
  const [membersOf, setMembersOf] = useState<number | null>(null);

  const columns: TableColumnsType<Group> = [
    {
      title: t('group.name'),
      dataIndex: 'name',
      width: 240,
      ellipsis: true,
      render: (_v, g) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setMembersOf(g.id)}>
          {g.name}
        </Button>
      ),
    },
    {
      title: t('group.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (v: GroupKind) => <Tag color={v === 'leading_group' ? 'red' : 'orange'}>{t(`groupKind.${v}`)}</Tag>,
    },
    { title: t('group.leadUnit'), dataIndex: 'leadUnitName', width: 180, ellipsis: true, render: dash },
    { title: t('group.duty'), dataIndex: 'duty', ellipsis: true, render: dash },
    { title: t('group.memberCount'), dataIndex: 'memberCount', width: 80, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: canWrite ? 210 : 90,
      fixed: 'right',
      render: (_v, g) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setMembersOf(g.id)} data-testid="row-members">
            {t('group.members')}
          </Button>
          {canWrite ? (
            <>
              <Button type="link" size="small" onClick={() => setEditing(g)} data-testid="row-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('group.deleteConfirm', { name: g.name })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(g.id).then(
                    () => void message.success(t('common.deleted')),
                    (error: unknown) => showApiError(error, message),
                  )
                }
              >
                <Button type="link" size="small" danger data-testid="row-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('menu.groups')} data-testid="page-groups">
      <ListToolbar
        onSearch={list.setQ}
        searchPlaceholder={t('group.searchPlaceholder')}
        filters={
          <Select<GroupKind>
            allowClear
            placeholder={t('group.kind')}
            style={{ width: 130 }}
            value={list.filters.kind}
            onChange={(v) => list.setFilter('kind', v ?? undefined)}
            options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groupKind.${k}`) }))}
            data-testid="filter-kind"
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
                {t('group.create')}
              </Button>
            ) : null}
            <ExportButton path="/api/groups" params={list.filterParams} fileName={t('menu.groups')} />
          </>
        }
      />
      <Table<Group>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 900 }}
        locale={{ emptyText: query.isError ? query.error.message : undefined }}
      />
      {editing !== undefined ? <GroupFormDrawer group={editing} onClose={() => setEditing(undefined)} /> : null}
      {membersOf !== null ? (
        <GroupMembersDrawer groupId={membersOf} canWrite={canWrite} onClose={() => setMembersOf(null)} />
      ) : null}
    </Card>
  );
}
