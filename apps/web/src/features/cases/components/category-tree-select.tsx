// Picks a problem category from the city's category tree. Filters may pick any category (a parent
// covers its sub-categories); intake passes `forIntake` to offer only active leaf categories.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { useCaseCategories, type CaseCategory } from '../../../shared/cases/cases-api';

interface CategoryOption {
  value: number;
  key: number;
  title: string;
  label: string;
  searchText: string;
  selectable: boolean;
  disabled?: boolean;
  children: CategoryOption[];
}

export interface CategoryTreeSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Only active categories, and only leaves are selectable. */
  forIntake?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

export function CategoryTreeSelect({
  value,
  onChange,
  forIntake = false,
  placeholder,
  allowClear = true,
  style,
  id,
}: CategoryTreeSelectProps) {
  const t = useT();
  const { data, isLoading } = useCaseCategories();

  const treeData = useMemo(() => {
    const all = (data ?? []).filter((c) => !forIntake || c.active);
    const byParent = new Map<number | null, CaseCategory[]>();
    const ids = new Set(all.map((c) => c.id));
    for (const c of all) {
      const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
      byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
    }
    const build = (parent: number | null): CategoryOption[] =>
      (byParent.get(parent) ?? [])
        .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
        .map((c) => {
          const children = build(c.id);
          const suffix = c.active ? '' : t('cases.category.inactive');
          return {
            value: c.id,
            key: c.id,
            title: `${c.name}${suffix}`,
            label: c.name,
            searchText: `${c.name} ${c.code}`.toLowerCase(),
            selectable: !forIntake || children.length === 0,
            children,
          };
        });
    return build(null);
  }, [data, forIntake, t]);

  return (
    <TreeSelect<number | null>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{
        filterTreeNode: (input, node) => String(node.searchText ?? '').includes(input.trim().toLowerCase()),
      }}
      treeDefaultExpandAll={forIntake}
      placeholder={placeholder ?? t('cases.field.category')}
      allowClear={allowClear}
      loading={isLoading}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      listHeight={360}
      notFoundContent={t('common.noData')}
      data-testid="category-select"
    />
  );
}
