// Picks one community (regions of level 'community' in the caller's visible tree), searchable by
// name, with its street as a hint; or several for planning assignments.
import { useMemo } from 'react';
import { Select } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { useAllRegions } from '../../../shared/org-lookups';

export function useCommunityOptions() {
  const regions = useAllRegions();
  const options = useMemo(() => {
    const all = regions.data ?? [];
    const names = new Map(all.map((r) => [r.id, r.name]));
    return all
      .filter((r) => r.level === 'community')
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => {
        const street = r.parentId !== null ? (names.get(r.parentId) ?? null) : null;
        return { value: r.id, label: r.name, street, searchText: `${r.name} ${street ?? ''}`.toLowerCase() };
      });
  }, [regions.data]);
  return { options, loading: regions.isLoading };
}

export function CommunitySelect({
  value,
  onChange,
  width = 180,
  placeholder,
}: {
  value?: number;
  onChange: (id: number | undefined) => void;
  width?: number;
  placeholder?: string;
}) {
  const t = useT();
  const { options, loading } = useCommunityOptions();
  return (
    <Select<number>
      allowClear
      showSearch={{
        filterOption: (input, option) => (option?.searchText ?? '').includes(input.trim().toLowerCase()),
      }}
      loading={loading}
      style={{ width }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      placeholder={placeholder ?? t('canvass.assignment.community')}
      options={options.map((o) => ({ ...o, label: o.street ? `${o.label}（${o.street}）` : o.label }))}
      data-testid="filter-community"
    />
  );
}

export function CommunityMultiSelect({
  value,
  onChange,
  id,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
}) {
  const t = useT();
  const { options, loading } = useCommunityOptions();
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      showSearch={{
        filterOption: (input, option) => (option?.searchText ?? '').includes(input.trim().toLowerCase()),
      }}
      loading={loading}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      placeholder={t('canvass.assignment.communitiesPlaceholder')}
      options={options.map((o) => ({ ...o, label: o.street ? `${o.label}（${o.street}）` : o.label }))}
      maxTagCount="responsive"
      data-testid="assign-communities"
    />
  );
}
