// Picks a community of the city (members cannot read the region tree, so the list comes from the
// volunteer API), searchable by its name or its street's, with the street as a hint.
import { useMemo } from 'react';
import { Select } from 'antd';
import { useVolunteerCommunities } from '../api/volunteers-api';

export function useCommunityOptions(enabled = true) {
  const communities = useVolunteerCommunities(enabled);
  const options = useMemo(
    () =>
      (communities.data?.items ?? []).map((c) => ({
        value: c.id,
        label: c.street ? `${c.name}（${c.street}）` : c.name,
        searchText: `${c.name} ${c.street ?? ''}`.toLowerCase(),
      })),
    [communities.data],
  );
  return { options, loading: communities.isLoading, error: communities.error };
}

export function CommunitySelect({
  id,
  value,
  onChange,
  placeholder,
  width,
  size,
  testId = 'community-select',
  known,
}: {
  id?: string;
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  placeholder: string;
  width?: number;
  size?: 'large' | 'middle';
  testId?: string;
  /** A community to offer even when the region tree is not readable (the member's last one). */
  known?: { id: number; name: string } | null;
}) {
  const community = useCommunityOptions();
  const { loading } = community;
  const options =
    known && !community.options.some((o) => o.value === known.id)
      ? [{ value: known.id, label: known.name, searchText: known.name.toLowerCase() }, ...community.options]
      : community.options;
  return (
    <Select<number>
      id={id}
      allowClear
      size={size}
      showSearch={{
        filterOption: (input, option) => (option?.searchText ?? '').includes(input.trim().toLowerCase()),
      }}
      loading={loading}
      style={{ width: width ?? '100%' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={placeholder}
      options={options}
      data-testid={testId}
    />
  );
}
