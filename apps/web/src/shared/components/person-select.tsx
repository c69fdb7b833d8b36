// Searches people on the server as the user types (name, phone, unit), e.g. to add a group member.
import { useMemo } from 'react';
import { useT } from '../../app/i18n/locale-provider';
import { usePersonOptions } from '../org-lookups';
import { RemoteSelect, useRemoteSearch } from './remote-select';

export interface PersonSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  initialLabel?: string | null;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

export function PersonSelect({ value, initialLabel, placeholder, ...rest }: PersonSelectProps) {
  const t = useT();
  const search = useRemoteSearch();
  const { data, isFetching } = usePersonOptions(search.q, search.opened);
  const options = useMemo(
    () =>
      (data ?? []).map((p) => ({
        value: p.id,
        label: p.name,
        hint: [p.unitName, p.communityName].filter(Boolean).join(' · '),
      })),
    [data],
  );
  const known = useMemo(
    () => new Map(value != null && initialLabel ? [[value, initialLabel]] : []),
    [value, initialLabel],
  );
  return (
    <RemoteSelect<number | null>
      {...rest}
      search={search}
      loading={isFetching}
      options={options}
      value={value ?? null}
      known={known}
      placeholder={placeholder ?? t('common.searchPerson')}
    />
  );
}
