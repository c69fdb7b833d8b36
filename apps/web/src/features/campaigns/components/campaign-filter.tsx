// Picks one of the campaigns the user sees (for lists across campaigns: my tasks, overdue).
import { useState } from 'react';
import { Select } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { useDebounced } from '../../../shared/use-debounced';
import { useCampaignList } from '../api/campaigns-api';

export function CampaignFilter({ value, onChange }: { value?: number; onChange: (id: number | undefined) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const list = useCampaignList({ q, page: 1, pageSize: 50 });
  const options = (list.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value !== undefined && !options.some((o) => o.value === value)) options.unshift({ value, label: `#${value}` });
  return (
    <Select<number>
      allowClear
      placeholder={t('campaigns.filter.campaign')}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      style={{ width: 220 }}
      popupMatchSelectWidth={false}
      data-testid="filter-campaign"
    />
  );
}
