// The searchable select over a server list (units, people, groups): the search text debounced,
// the list fetched only once the select is opened, each option with a grey hint (type, unit…),
// and the current value(s) kept visible by name when they are not among the results.
//
//   const search = useRemoteSearch();
//   const { data, isFetching } = useUnitOptions(search.q, search.opened);
//   <RemoteSelect search={search} loading={isFetching} options={…} value={id} onChange={…} known={…} />
import { useMemo, useState } from 'react';
import { Select, Spin, type SelectProps } from 'antd';
import { useT } from '../../app/i18n/locale-provider';
import { useDebounced } from '../use-debounced';

export interface RemoteOption {
  value: number;
  label: string;
  hint?: string | null;
}

export interface RemoteSearch {
  /** The debounced search text. */
  q: string;
  opened: boolean;
  onSearch: (text: string) => void;
  onOpenChange: (open: boolean) => void;
}

export function useRemoteSearch(): RemoteSearch {
  const [text, setText] = useState('');
  const [opened, setOpened] = useState(false);
  const q = useDebounced(text);
  return { q, opened, onSearch: setText, onOpenChange: setOpened };
}

type Value = number | number[] | null;

export interface RemoteSelectProps<V extends Value> {
  search: RemoteSearch;
  loading: boolean;
  options: RemoteOption[];
  value?: V;
  onChange?: (value: V) => void;
  /** Names of values that may not be among the results (the record's current ones). */
  known?: ReadonlyMap<number, string>;
  multiple?: boolean;
  placeholder: string;
  allowClear?: boolean;
  disabled?: boolean;
  maxCount?: number;
  style?: React.CSSProperties;
  id?: string;
}

export function RemoteSelect<V extends Value>({
  search,
  loading,
  options,
  value,
  onChange,
  known,
  multiple = false,
  placeholder,
  allowClear = true,
  disabled,
  maxCount,
  style,
  id,
}: RemoteSelectProps<V>) {
  const t = useT();
  const chosen = useMemo<number[]>(
    () => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value as number]),
    [value],
  );
  const shown = useMemo(() => {
    const list = [...options];
    for (const v of chosen) {
      if (!list.some((o) => o.value === v)) list.unshift({ value: v, label: known?.get(v) ?? `#${v}`, hint: null });
    }
    return list;
  }, [options, chosen, known]);

  const props: SelectProps<number | number[], RemoteOption> = {
    id,
    options: shown,
    optionRender: (option) => (
      <span>
        {option.label}
        {option.data.hint ? (
          <span style={{ color: '#999', marginInlineStart: 6, fontSize: 12 }}>{option.data.hint}</span>
        ) : null}
      </span>
    ),
    showSearch: { filterOption: false, onSearch: search.onSearch },
    onOpenChange: search.onOpenChange,
    placeholder,
    allowClear,
    disabled,
    notFoundContent: loading ? <Spin size="small" /> : t('common.noData'),
    style: { width: '100%', ...style },
    popupMatchSelectWidth: false,
  };

  return multiple ? (
    <Select<number[], RemoteOption>
      {...(props as SelectProps<number[], RemoteOption>)}
      mode="multiple"
      maxCount={maxCount}
      value={chosen}
      onChange={(next) => onChange?.((next ?? []) as V)}
    />
  ) : (
    <Select<number, RemoteOption>
      {...(props as SelectProps<number, RemoteOption>)}
      value={chosen[0]}
      onChange={(next) => onChange?.((next ?? null) as V)}
    />
  );
}
