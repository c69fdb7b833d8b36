// Picks the campaign's leading group (领导小组) or task force from the organisation's groups,
// searching as the user types; `initial` names the current group before the list is loaded.
import { useMemo } from 'react';
import { useT } from '../../../app/i18n/locale-provider';
import { RemoteSelect, useRemoteSearch } from '../../../shared/components/remote-select';
import { useGroupOptions } from '../api/campaigns-api';
import type { Ref } from '../api/campaign-types';

export interface GroupSelectProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  initial?: Ref | null;
}

export function GroupSelect({ id, value, onChange, initial }: GroupSelectProps) {
  const t = useT();
  const search = useRemoteSearch();
  const { data, isFetching } = useGroupOptions(search.q, search.opened);
  const options = useMemo(
    () => (data ?? []).map((g) => ({ value: g.id, label: g.name, hint: t(`groupKind.${g.kind}`) })),
    [data, t],
  );
  const known = useMemo(() => new Map(initial ? [[initial.id, initial.name]] : []), [initial]);
  return (
    <RemoteSelect<number | null>
      id={id}
      search={search}
      loading={isFetching}
      options={options}
      value={value ?? null}
      onChange={onChange}
      known={known}
      placeholder={t('campaigns.form.leadingGroupPlaceholder')}
    />
  );
}
