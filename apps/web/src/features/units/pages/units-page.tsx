// 单位: paged list of responsible units with search, type / region / parent filters, Excel
// import and export, create / edit drawer, detail with unmasked phones, delete.
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { UNIT_TYPES, type UnitType } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { useListState } from '../../../shared/use-list-state';
import { showApiError } from '../../../shared/form-errors';
import { dash } from '../../../shared/format';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { ExportButton } from '../../../shared/components/export-button';
import { ImportButton } from '../../../shared/components/import-modal';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitSelect } from '../../../shared/components/unit-select';
import { useDeleteUnit, useUnitList, type Unit } from '../api/units-api';
import { UnitFormDrawer } from '../components/unit-form-drawer';
import { UnitDetailDrawer } from '../components/unit-detail-drawer';

type Filters = { type?: UnitType; regionId?: number; parentId?: number };

function Contact({ name, phone }: { name: string | null; phone: string | null }) {
  if (!name && !phone) return <>—</>;
  return (
    <>
      {name ?? '—'}
      {phone ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {phone}
        </Typography.Text>
      ) : null}
    </>
  );
}

export default function UnitsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const canWrite = can('org.unit.write');
  const list = useListState<Filters>({});
  const query = useUnitList(list.params);
  const remove = useDeleteUnit();
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [viewing, setViewing] = useState<number | null>(null);

  const columns: TableColumnsType<Unit> = [
    {
      title: t('unit.name'),
      dataIndex: 'name',
      width: 240,
      ellipsis: true,
      render: (_v, u) => (
        <>
          <Typography.Link onClick={() => setViewing(u.id)}>{u.name}</Typography.Link>
          {u.shortName ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {u.shortName}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('unit.type'), dataIndex: 'type', width: 110, render: (v: UnitType) => t(`unitType.${v}`) },
    { title: t('unit.parent'), dataIndex: 'parentName', width: 180, ellipsis: true, render: dash },
    { title: t('unit.region'), dataIndex: 'regionName', width: 140, ellipsis: true, render: dash },
    {
      title: t('unit.head'),
      key: 'head',
      width: 130,
      render: (_v, u) => <Contact name={u.headName} phone={u.headPhone} />,
    },
    {
      title: t('unit.liaison'),
      key: 'liaison',
      width: 130,
      render: (_v, u) => <Contact name={u.liaisonName} phone={u.liaisonPhone} />,
    },
    { title: t('unit.peopleCount'), dataIndex: 'peopleCount', width: 80, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: canWrite ? 180 : 70,
      fixed: 'right',
      render: (_v, u) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setViewing(u.id)}>
            {t('common.view')}
          </Button>
          {canWrite ? (
            <>
              <Button type="link" size="small" onClick={() => setEditing(u.id)} data-testid="row-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('unit.deleteConfirm', { name: u.name })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(u.id).then(
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
    <Card size="small" title={t('menu.units')} data-testid="page-units">
      <ListToolbar
        onSearch={list.setQ}
        searchPlaceholder={t('unit.searchPlaceholder')}
        filters={
          <>
            <Select<UnitType>
              allowClear
              placeholder={t('unit.type')}
              style={{ width: 140 }}
              value={list.filters.type}
              onChange={(v) => list.setFilter('type', v ?? undefined)}
              options={UNIT_TYPES.map((type) => ({ value: type, label: t(`unitType.${type}`) }))}
              data-testid="filter-type"
            />
            <RegionTreeSelect
              style={{ width: 180 }}
              placeholder={t('unit.region')}
              value={list.filters.regionId}
              onChange={(v) => list.setFilter('regionId', v ?? undefined)}
            />
            <UnitSelect
              style={{ width: 180 }}
              placeholder={t('unit.parent')}
              value={list.filters.parentId}
              onChange={(v) => list.setFilter('parentId', v ?? undefined)}
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
                {t('unit.create')}
              </Button>
            ) : null}
            {canWrite ? <ImportButton kind="units" /> : null}
            <ExportButton path="/api/units" params={list.filterParams} fileName={t('menu.units')} />
          </>
        }
      />
      <Table<Unit>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1100 }}
        locale={{ emptyText: query.isError ? query.error.message : undefined }}
      />
      {editing !== undefined ? <UnitFormDrawer editingId={editing} onClose={() => setEditing(undefined)} /> : null}
      {viewing !== null ? <UnitDetailDrawer id={viewing} onClose={() => setViewing(null)} /> : null}
    </Card>
  );
}
