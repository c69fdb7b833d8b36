// The buildings list of an assignment: one row per building (name, target households) with
// remove, "add a building", and "add numbered buildings" (N buildings 1号楼 … with the same target).
import { useState } from 'react';
import { Button, Flex, Input, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { householdTotal, MAX_BUILDINGS, numberedBuildings } from '../api/buildings';
import type { BuildingInput } from '../api/canvass-types';

export function BuildingsEditor({
  value = [],
  onChange,
  locked,
}: {
  value?: BuildingInput[];
  onChange?: (buildings: BuildingInput[]) => void;
  /** Names of buildings that already have visits (cannot be removed). */
  locked?: ReadonlySet<string>;
}) {
  const t = useT();
  const [count, setCount] = useState<number | null>(6);
  const [each, setEach] = useState<number | null>(24);
  const emit = (next: BuildingInput[]) => onChange?.(next);

  return (
    <Flex vertical gap={6} data-testid="buildings-editor">
      {value.map((b, i) => (
        <Flex key={i} gap={6} align="center">
          <Input
            value={b.name}
            maxLength={40}
            placeholder={t('canvass.building.name')}
            onChange={(e) => emit(value.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
            style={{ flex: 1 }}
            data-testid="building-name"
          />
          <InputNumber
            min={0}
            max={10000}
            precision={0}
            value={b.targetHouseholds}
            onChange={(n) => emit(value.map((x, j) => (j === i ? { ...x, targetHouseholds: n ?? 0 } : x)))}
            suffix={t('canvass.unit.households')}
            style={{ width: 130 }}
            data-testid="building-target"
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={locked?.has(b.name)}
            aria-label={t('common.remove')}
            onClick={() => emit(value.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Flex wrap gap={8} align="center">
        <Button
          icon={<PlusOutlined />}
          disabled={value.length >= MAX_BUILDINGS}
          onClick={() => emit([...value, { name: '', targetHouseholds: each ?? 0 }])}
          data-testid="building-add"
        >
          {t('canvass.building.add')}
        </Button>
        <Space.Compact>
          <InputNumber min={1} max={100} precision={0} value={count} onChange={setCount} style={{ width: 80 }} />
          <InputNumber
            min={0}
            max={10000}
            precision={0}
            value={each}
            onChange={setEach}
            style={{ width: 110 }}
            suffix={t('canvass.unit.households')}
          />
          <Button
            onClick={() =>
              emit([...value, ...numberedBuildings(value, count ?? 0, each ?? 0, t('canvass.building.pattern'))])
            }
            data-testid="building-generate"
          >
            {t('canvass.building.generate')}
          </Button>
        </Space.Compact>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('canvass.building.total', { count: value.length, households: householdTotal(value) })}
      </Typography.Text>
    </Flex>
  );
}
