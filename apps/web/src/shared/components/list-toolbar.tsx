// The bar above a list: search box and filters on the left, actions (create / import / export)
// on the right; wraps on narrow screens.
import type { ReactNode } from 'react';
import { Flex } from 'antd';
import { SearchBox } from './search-box';
import { useT } from '../../app/i18n/locale-provider';

export interface ListToolbarProps {
  onSearch?: (q: string) => void;
  searchPlaceholder?: string;
  filters?: ReactNode;
  actions?: ReactNode;
}

export function ListToolbar({ onSearch, searchPlaceholder, filters, actions }: ListToolbarProps) {
  const t = useT();
  return (
    <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
      <Flex wrap gap={8} align="center">
        {onSearch ? (
          <SearchBox
            onSearch={onSearch}
            placeholder={searchPlaceholder ?? t('common.search')}
            width={220}
            testId="list-search"
          />
        ) : null}
        {filters}
      </Flex>
      <Flex wrap gap={8} align="center">
        {actions}
      </Flex>
    </Flex>
  );
}
