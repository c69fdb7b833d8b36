// 包联: which unit is responsible for which community / site / road segment, and when.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PAIRING_TARGETS, type PairingTarget } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { useListState } from '../../../shared/use-list-state';
import { showApiError } from '../../../shared/form-errors';
import { DATE_FORMAT, dash, formatDate } from '../../../shared/format';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { ExportButton } from '../../../shared/components/export-button';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitSelect } from '../../../shared/components/unit-select';
import { useDeletePairing, usePairingList, type Pairing } from '../api/pairings-api';
import { PairingFormDrawer } from '../components/pairing-form-drawer';

type Filters = { unitId?: number; targetType?: PairingTarget; regionId?: number; activeOn?: string };

function isActive(p: Pairing, today: string): boolean {
  return p.startsOn <= today && (!p.endsOn || p.endsOn >= today);
}

export default function PairingsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const canWrite = can('org.pairing.write');
  const list = useListState<Filters>({});
  const query = usePairingList(list.params);
  const remove = useDeletePairing();
  const [editing, setEditing] = useState<Pairing | null | undefined>(undefined);
  const today = dayjs().format(DATE_FORMAT);

  const columns: TableColumnsType<Pairing> = [
    { title: t('pairing.unit'), dataIndex: 'unitName', width: 200, ellipsis: true },
    {
      title: t('pairing.targetType'),
      dataIndex: 'targetType',
      width: 90,
      render: (v: PairingTarget) => t(`pairingTarget.${v}`),
    },
    {
      title: t('pairing.target'),
      key: 'target',
      width: 200,
      ellipsis: true,
      render: (_v, p) => (p.targetType === 'community' ? (p.regionName ?? p.targetName) : p.targetName),
    },
    { title: t('pairing.region'), dataIndex: 'regionName', width: 140, ellipsis: true, render: dash },
    { title: t('pairing.startsOn'), dataIndex: 'startsOn', width: 105, render: formatDate },
    {
      title: t('pairing.endsOn'),
      dataIndex: 'endsOn',
      width: 105,
      render: (v: string | null) => (v ? formatDate(v) : t('pairing.openEnded')),
    },
    {
      title: t('pairing.status'),
      key: 'status',
      width: 80,
      render: (_v, p) =>
        isActive(p, today) ? <Tag color="green">{t('pairing.active')}</Tag> : <Tag>{t('pairing.inactive')}</Tag>,
    },
    { title: t('pairing.note'), dataIndex: 'note', ellipsis: true, render: dash },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_v, p) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing(p)} data-testid="row-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('pairing.deleteConfirm', { unit: p.unitName, target: p.targetName || p.regionName || '' })}
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
        </Space>
      ),
    });
  }

  return (
    <Card size="small" title={t('menu.pairings')} data-testid="page-pairings">
      <ListToolbar
        onSearch={list.setQ}
        searchPlaceholder={t('pairing.searchPlaceholder')}
        filters={
          <>
            <UnitSelect
              style={{ width: 180 }}
              placeholder={t('pairing.unit')}
              value={list.filters.unitId}
              onChange={(v) => list.setFilter('unitId', v ?? undefined)}
            />
            <Select<PairingTarget>
              allowClear
              placeholder={t('pairing.targetType')}
              style={{ width: 120 }}
              value={list.filters.targetType}
              onChange={(v) => list.setFilter('targetType', v ?? undefined)}
              options={PAIRING_TARGETS.map((p) => ({ value: p, label: t(`pairingTarget.${p}`) }))}
              data-testid="filter-target-type"
            />
            <RegionTreeSelect
              style={{ width: 180 }}
              placeholder={t('pairing.region')}
              value={list.filters.regionId}
              onChange={(v) => list.setFilter('regionId', v ?? undefined)}
            />
            <DatePicker
              placeholder={t('pairing.activeOn')}
              format={DATE_FORMAT}
              value={list.filters.activeOn ? dayjs(list.filters.activeOn) : null}
              onChange={(d) => list.setFilter('activeOn', d ? d.format(DATE_FORMAT) : undefined)}
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
                {t('pairing.create')}
              </Button>
            ) : null}
            <ExportButton path="/api/pairings" params={list.filterParams} fileName={t('menu.pairings')} />
          </>
        }
      />
      <Table<Pairing>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1100 }}
        locale={{ emptyText: query.isError ? query.error.message : undefined }}
      />
      {editing !== undefined ? <PairingFormDrawer pairing={editing} onClose={() => setEditing(undefined)} /> : null}
    </Card>
  );
}
