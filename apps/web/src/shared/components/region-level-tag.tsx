// A coloured tag naming a region level (市 / 区县 / 街道 / 社区 / 网格).
import { Tag } from 'antd';
import type { RegionLevel } from '@cc/common/org';
import { useT } from '../../app/i18n/locale-provider';

const LEVEL_COLORS: Record<RegionLevel, string> = {
  city: 'red',
  district: 'volcano',
  street: 'gold',
  community: 'green',
  grid: 'blue',
};

export function RegionLevelTag({ level }: { level: RegionLevel }) {
  const t = useT();
  return (
    <Tag color={LEVEL_COLORS[level]} style={{ marginInlineEnd: 4 }}>
      {t(`regionLevel.${level}`)}
    </Tag>
  );
}
