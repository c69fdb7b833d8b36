// The lead units of a bulk assignment, picked from the campaign's scope (GET scope-units): filter
// by name or region and by unit type (with counts), "select all shown" / "unselect shown" /
// "clear", and a virtualised checkbox table that stays fast with thousands of units. The value is
// the list of chosen unit ids.
import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { UnitType } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { useScopeUnits } from '../api/campaigns-api';
import type { ScopeUnit } from '../api/campaign-types';
import { allShownSelected, countByType, filterScopeUnits, selectShown, unselectShown } from '../api/unit-selection';

export interface ScopeUnitPickerProps {
  campaignId: number;
  id?: string;
  value?: number[];
  onChange?: (ids: number[]) => void;
  max?: number;
}

const EMPTY: number[] = [];

export function ScopeUnitPicker({ campaignId, id, value = EMPTY, onChange, max }: ScopeUnitPickerProps) {
  const t = useT();
  const query = useScopeUnits(campaignId);
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | null>(null);
  const units = useMemo(() => query.data ?? [], [query.data]);
  const shown = useMemo(() => filterScopeUnits(units, { q, type }), [units, q, type]);
  const counts = useMemo(() => countByType(units), [units]);
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const typeLabel = (value: string) => t(`unitType.${value as UnitType}`);
  const emit = (next: number[]) => onChange?.(next);
  const everyShown = allShownSelected(value, shown);

  return (
    <div id={id} data-testid="scope-unit-picker">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Input
          allowClear
          prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
          placeholder={t('campaigns.picker.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 220 }}
          data-testid="picker-search"
        />
        <Select<string | null>
          allowClear
          placeholder={t('campaigns.picker.allTypes')}
          value={type}
          onChange={(v) => setType(v ?? null)}
          style={{ width: 180 }}
          options={counts.map(([v, n]) => ({ value: v, label: `${typeLabel(v)}（${n}）` }))}
          data-testid="picker-type"
        />
        <Space size={4} wrap>
          <Button
            size="small"
            onClick={() => emit(selectShown(value, shown))}
            disabled={shown.length === 0 || everyShown}
            data-testid="picker-select-shown"
          >
            {t('campaigns.picker.selectShown', { count: shown.length })}
          </Button>
          <Button size="small" onClick={() => emit(unselectShown(value, shown))} disabled={shown.length === 0}>
            {t('campaigns.picker.unselectShown')}
          </Button>
          <Button size="small" type="link" danger onClick={() => emit([])} disabled={value.length === 0}>
            {t('campaigns.picker.clear')}
          </Button>
        </Space>
      </Flex>
      {query.isError ? <Alert type="error" showIcon title={query.error.message} style={{ marginBottom: 8 }} /> : null}
      <Table<ScopeUnit>
        rowKey="id"
        size="small"
        virtual
        scroll={{ y: 400 }}
        loading={query.isPending}
        dataSource={shown}
        pagination={false}
        rowSelection={{
          selectedRowKeys: value,
          preserveSelectedRowKeys: true,
          onChange: (keys) => emit(keys.map(Number)),
        }}
        onRow={(u) => ({ 'data-testid': 'picker-row', 'data-unit-name': u.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('campaigns.field.unit'), dataIndex: 'name', ellipsis: true },
          { title: t('campaigns.picker.type'), dataIndex: 'type', width: 140, render: typeLabel },
          {
            title: t('campaigns.picker.region'),
            dataIndex: 'regionName',
            width: 140,
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
        ]}
        locale={{ emptyText: query.isPending ? ' ' : t('campaigns.picker.none') }}
      />
      <Flex wrap gap={4} align="center" style={{ marginTop: 8 }} data-testid="picker-selected">
        <Typography.Text strong={value.length > 0} type={max && value.length > max ? 'danger' : undefined}>
          {t('campaigns.picker.selected', { count: value.length, total: units.length })}
        </Typography.Text>
        {value.slice(0, 12).map((unitId) => (
          <Tag
            key={unitId}
            closable
            onClose={(e) => {
              e.preventDefault();
              emit(value.filter((x) => x !== unitId));
            }}
            style={{ marginInlineEnd: 0 }}
          >
            {names.get(unitId) ?? `#${unitId}`}
          </Tag>
        ))}
        {value.length > 12 ? (
          <Typography.Text type="secondary">{t('campaigns.picker.more', { count: value.length - 12 })}</Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}
