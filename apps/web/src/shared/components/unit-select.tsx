// Searches units on the server as the user types. `initialLabel` names the current value when it
// is not among the search results (e.g. the unit name from the record being edited).
import { useMemo } from 'react';
import type { UnitType } from '@cc/common/org';
import { useT } from '../../app/i18n/locale-provider';
import { useUnitOptions } from '../org-lookups';
import { RemoteSelect, useRemoteSearch } from './remote-select';

export interface UnitSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  initialLabel?: string | null;
  excludeId?: number;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

export function UnitSelect({ value, initialLabel, excludeId, placeholder, ...rest }: UnitSelectProps) {
  const t = useT();
  const search = useRemoteSearch();
  const { data, isFetching } = useUnitOptions(search.q, search.opened);
  const options = useMemo(
    () =>
      (data ?? [])
        .filter((u) => u.id !== excludeId)
        .map((u) => ({ value: u.id, label: u.name, hint: t(`unitType.${u.type as UnitType}`) })),
    [data, excludeId, t],
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
      placeholder={placeholder ?? t('common.selectUnit')}
    />
  );
}
