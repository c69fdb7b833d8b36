// The case category an opinion routed as a case is filed under (GET /api/case-categories): active
// main types with their active sub-types; a main type with sub-types is only a heading.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { useCaseCategories } from '../../../shared/cases/cases-api';

export function CaseCategorySelect({
  value,
  onChange,
  id,
}: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
}) {
  const t = useT();
  const categories = useCaseCategories();
  const treeData = useMemo(() => {
    const active = (categories.data ?? []).filter((c) => c.active);
    const order = (a: { sort: number; id: number }, b: { sort: number; id: number }) => a.sort - b.sort || a.id - b.id;
    return active
      .filter((c) => c.parentId === null)
      .sort(order)
      .map((parent) => {
        const children = active.filter((c) => c.parentId === parent.id).sort(order);
        return {
          value: parent.id,
          title: parent.name,
          selectable: children.length === 0,
          children: children.map((c) => ({ value: c.id, title: c.name })),
        };
      });
  }, [categories.data]);
  return (
    <TreeSelect<number>
      id={id}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={categories.isLoading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      placeholder={t('canvass.route.categoryPlaceholder')}
      treeDefaultExpandAll={false}
      data-testid="route-category"
    />
  );
}
