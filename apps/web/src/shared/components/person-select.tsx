// Searches people on the server as the user types (name, phone, unit), e.g. to add a group member.
import { useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import { useT } from '../../app/i18n/locale-provider';
import { usePersonOptions } from '../org-lookups';
import { useDebounced } from '../use-debounced';

export interface PersonSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  initialLabel?: string | null;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

export function PersonSelect({
  value,
  onChange,
  initialLabel,
  placeholder,
  allowClear = true,
  style,
  id,
}: PersonSelectProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const q = useDebounced(search);
  const { data, isFetching } = usePersonOptions(q, opened);

  const options = useMemo(() => {
    const list = (data ?? []).map((p) => ({
      value: p.id,
      label: p.name,
      hint: [p.unitName, p.communityName].filter(Boolean).join(' · '),
    }));
    if (value != null && !list.some((o) => o.value === value)) {
      list.unshift({ value, label: initialLabel ?? `#${value}`, hint: '' });
    }
    return list;
  }, [data, value, initialLabel]);

  return (
    <Select<number | null>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      optionRender={(option) => (
        <span>
          {option.label}
          {option.data.hint ? (
            <span style={{ color: '#999', marginInlineStart: 6, fontSize: 12 }}>{option.data.hint}</span>
          ) : null}
        </span>
      )}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpened}
      placeholder={placeholder ?? t('common.searchPerson')}
      allowClear={allowClear}
      notFoundContent={isFetching ? <Spin size="small" /> : t('common.noData')}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
