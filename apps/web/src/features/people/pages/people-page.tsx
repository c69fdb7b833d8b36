// 人员: staff and members with masked phones in the list; search, kind / unit / community /
// party-organisation filters, import, export, create / edit, audited detail, delete.
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PERSON_KINDS, type PersonKind } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { useListState } from '../../../shared/use-list-state';
import { showApiError } from '../../../shared/form-errors';
import { dash } from '../../../shared/format';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { ExportButton } from '../../../shared/components/export-button';
import { ImportButton } from '../../../shared/components/import-modal';
import { SearchBox } from '../../../shared/components/search-box';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitSelect } from '../../../shared/components/unit-select';
import { useDeletePerson, usePeopleList, type Gender, type Person } from '../api/people-api';
import { PersonFormDrawer } from '../components/person-form-drawer';
import { PersonDetailDrawer } from '../components/person-detail-drawer';

type Filters = { kind?: PersonKind; unitId?: number; communityId?: number; partyOrg?: string };

export default function PeoplePage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const canWrite = can('org.person.write');
  const list = useListState<Filters>({});
  const query = usePeopleList(list.params);
  const remove = useDeletePerson();
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [viewing, setViewing] = useState<number | null>(null);

  const columns: TableColumnsType<Person> = [
    {
      title: t('person.name'),
      dataIndex: 'name',
      width: 110,
      render: (_v, p) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewing(p.id)}>
          {p.name}
        </Button>
      ),
    },
    { title: t('person.kind'), dataIndex: 'kind', width: 80, render: (v: PersonKind) => t(`personKind.${v}`) },
    {
      title: t('person.gender'),
      dataIndex: 'gender',
      width: 60,
      render: (v: Gender | null) => (v ? t(`gender.${v}`) : '—'),
    },
    { title: t('person.phone'), dataIndex: 'phone', width: 120, render: dash },
    { title: t('person.unit'), dataIndex: 'unitName', width: 180, ellipsis: true, render: dash },
    { title: t('person.community'), dataIndex: 'communityName', width: 140, ellipsis: true, render: dash },
    { title: t('person.partyOrg'), dataIndex: 'partyOrg', width: 160, ellipsis: true, render: dash },
    { title: t('person.position'), dataIndex: 'position', width: 110, ellipsis: true, render: dash },
    {
      title: t('person.account'),
      dataIndex: 'username',
      width: 110,
      render: (_v, p) => (p.hasAccount ? <Tag color="green">{p.username}</Tag> : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: canWrite ? 180 : 70,
      fixed: 'right',
      render: (_v, p) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setViewing(p.id)}>
            {t('common.view')}
          </Button>
          {canWrite ? (
            <>
              <Button type="link" size="small" onClick={() => setEditing(p.id)} data-testid="row-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('person.deleteConfirm', { name: p.name })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(p.id).then(
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
    <Card size="small" title={t('menu.people')} data-testid="page-people">
      <ListToolbar
        onSearch={list.setQ}
        searchPlaceholder={t('person.searchPlaceholder')}
        filters={
          <>
            <Select<PersonKind>
              allowClear
              placeholder={t('person.kind')}
              style={{ width: 110 }}
              value={list.filters.kind}
              onChange={(v) => list.setFilter('kind', v ?? undefined)}
              options={PERSON_KINDS.map((k) => ({ value: k, label: t(`personKind.${k}`) }))}
              data-testid="filter-kind"
            />
            <UnitSelect
              style={{ width: 180 }}
              placeholder={t('person.unit')}
              value={list.filters.unitId}
              onChange={(v) => list.setFilter('unitId', v ?? undefined)}
            />
            <RegionTreeSelect
              style={{ width: 180 }}
              selectableLevels={['community']}
              placeholder={t('person.community')}
              value={list.filters.communityId}
              onChange={(v) => list.setFilter('communityId', v ?? undefined)}
            />
            <SearchBox
              width={160}
              placeholder={t('person.partyOrg')}
              onSearch={(v) => list.setFilter('partyOrg', v || undefined)}
              testId="filter-party-org"
            />
          </>
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
                {t('person.create')}
              </Button>
            ) : null}
            {canWrite ? <ImportButton kind="people" /> : null}
            <ExportButton path="/api/people" params={list.filterParams} fileName={t('menu.people')} />
          </>
        }
      />
      <Table<Person>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1200 }}
        locale={{ emptyText: query.isError ? query.error.message : undefined }}
      />
      {editing !== undefined ? <PersonFormDrawer editingId={editing} onClose={() => setEditing(undefined)} /> : null}
      {viewing !== null ? <PersonDetailDrawer id={viewing} onClose={() => setViewing(null)} /> : null}
    </Card>
  );
}
