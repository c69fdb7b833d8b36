// Searches units on the server as the user types. `initialLabel` names the current value when it
// is not among the search results (e.g. the unit name from the record being edited).
import { useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import type { UnitType } from '@cc/common/org';
import { useT } from '../../app/i18n/locale-provider';
import { useUnitOptions } from '../org-lookups';
import { useDebounced } from '../use-debounced';

export interface UnitSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  initialLabel?: string | null;
  excludeId?: number;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

export function UnitSelect({
  value,
  onChange,
  initialLabel,
  excludeId,
  placeholder,
  allowClear = true,
  style,
  id,
}: UnitSelectProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const q = useDebounced(search);
  const { data, isFetching } = useUnitOptions(q, opened);

  const options = useMemo(() => {
    const list = (data ?? [])
      .filter((u) => u.id !== excludeId)
      .map((u) => ({ value: u.id, label: u.name, type: u.type }));
    if (value != null && !list.some((o) => o.value === value)) {
      list.unshift({ value, label: initialLabel ?? `#${value}`, type: 'other' });
    }
    return list;
  }, [data, excludeId, value, initialLabel]);

  return (
    <Select<number | null>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      optionRender={(option) => (
        <span>
          {option.label}
          <span style={{ color: '#999', marginInlineStart: 6, fontSize: 12 }}>
            {t(`unitType.${option.data.type as UnitType}`)}
          </span>
        </span>
      )}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpened}
      placeholder={placeholder ?? t('common.selectUnit')}
      allowClear={allowClear}
      notFoundContent={isFetching ? <Spin size="small" /> : t('common.noData')}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
