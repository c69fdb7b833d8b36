// Picks several units, searching on the server as the user types (e.g. organiser or cooperating
// units). `known` names units the record already carries, so chosen units outside the current
// search results still show by name; names of units picked from a search are remembered too.
import { useMemo, useState } from 'react';
import type { UnitType } from '@cc/common/org';
import { useT } from '../../app/i18n/locale-provider';
import { useUnitOptions } from '../org-lookups';
import { RemoteSelect, useRemoteSearch } from './remote-select';

export interface UnitMultiSelectProps {
  value?: number[];
  onChange?: (value: number[]) => void;
  known?: readonly { id: number; name: string }[];
  placeholder?: string;
  maxCount?: number;
  style?: React.CSSProperties;
  id?: string;
}

export function UnitMultiSelect({ value, onChange, known, placeholder, ...rest }: UnitMultiSelectProps) {
  const t = useT();
  const search = useRemoteSearch();
  const { data, isFetching } = useUnitOptions(search.q, search.opened);
  const [picked, setPicked] = useState<ReadonlyMap<number, string>>(new Map());
  const options = useMemo(
    () => (data ?? []).map((u) => ({ value: u.id, label: u.name, hint: t(`unitType.${u.type as UnitType}`) })),
    [data, t],
  );
  const names = useMemo(
    () => new Map([...(known ?? []).map((k) => [k.id, k.name] as const), ...picked]),
    [known, picked],
  );
  return (
    <RemoteSelect<number[]>
      {...rest}
      multiple
      search={search}
      loading={isFetching}
      options={options}
      value={value ?? []}
      known={names}
      onChange={(next) => {
        // Remember the names of units picked from a search, for when the search moves on.
        const found = new Map(picked);
        for (const o of options) if (next.includes(o.value)) found.set(o.value, o.label);
        setPicked(found);
        onChange?.(next);
      }}
      placeholder={placeholder ?? t('common.selectUnit')}
    />
  );
}
