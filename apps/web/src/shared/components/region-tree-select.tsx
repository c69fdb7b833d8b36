// Picks one region (RegionTreeSelect) or several (RegionTreeMultiSelect) from the caller's visible
// region tree; optionally only some levels selectable.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { RegionLevel } from '@cc/common/org';
import { useT } from '../../app/i18n/locale-provider';
import { buildRegionForest, useAllRegions, type RegionNode } from '../org-lookups';

interface RegionOption {
  value: number;
  key: number;
  title: string;
  label: string;
  searchText: string;
  selectable: boolean;
  children: RegionOption[];
}

export interface RegionTreeSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  selectableLevels?: readonly RegionLevel[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** The visible region tree as TreeSelect options, and the roots to show expanded. */
function useRegionTreeData(selectableLevels?: readonly RegionLevel[]) {
  const t = useT();
  const { data, isLoading } = useAllRegions();
  const treeData = useMemo(() => {
    const toOption = (node: RegionNode): RegionOption => ({
      value: node.id,
      key: node.id,
      title: `${node.name}（${t(`regionLevel.${node.level}`)}）`,
      label: node.name,
      searchText: `${node.name} ${node.code}`.toLowerCase(),
      selectable: !selectableLevels || selectableLevels.includes(node.level),
      children: node.children.map(toOption),
    });
    return buildRegionForest(data ?? []).map(toOption);
  }, [data, selectableLevels, t]);
  const defaultExpanded = useMemo(() => treeData.map((n) => n.key), [treeData]);
  return { treeData, defaultExpanded, isLoading };
}

const filterTreeNode = (input: string, node: object) =>
  String((node as { searchText?: unknown }).searchText ?? '').includes(input.trim().toLowerCase());

export function RegionTreeSelect({
  value,
  onChange,
  selectableLevels,
  placeholder,
  allowClear = true,
  disabled,
  style,
  id,
}: RegionTreeSelectProps) {
  const t = useT();
  const { treeData, defaultExpanded, isLoading } = useRegionTreeData(selectableLevels);

  return (
    <TreeSelect<number | null>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{ filterTreeNode }}
      treeDefaultExpandedKeys={defaultExpanded}
      placeholder={placeholder ?? t('common.selectRegion')}
      allowClear={allowClear}
      disabled={disabled}
      loading={isLoading}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      listHeight={320}
      notFoundContent={t('common.noData')}
    />
  );
}

export interface RegionTreeMultiSelectProps {
  value?: number[];
  onChange?: (value: number[]) => void;
  selectableLevels?: readonly RegionLevel[];
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}

/** Several regions; each stands for its whole subtree, so children of a chosen region stay free. */
export function RegionTreeMultiSelect({
  value,
  onChange,
  selectableLevels,
  placeholder,
  style,
  id,
}: RegionTreeMultiSelectProps) {
  const t = useT();
  const { treeData, defaultExpanded, isLoading } = useRegionTreeData(selectableLevels);
  return (
    <TreeSelect<number[]>
      id={id}
      multiple
      value={value ?? []}
      onChange={(v) => onChange?.(v ?? [])}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{ filterTreeNode }}
      treeDefaultExpandedKeys={defaultExpanded}
      placeholder={placeholder ?? t('common.selectRegion')}
      allowClear
      loading={isLoading}
      maxTagCount="responsive"
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      listHeight={320}
      notFoundContent={t('common.noData')}
    />
  );
}
