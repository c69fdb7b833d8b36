// Page / page size / search text / filters of a server-paged list, and the AntD pagination that
// drives them. Changing the search or a filter returns to page 1.
import { useCallback, useMemo, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import type { QueryParams } from '../app/api';
import type { TFunction } from '../app/i18n/locale-provider';

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100, 200];

export function useListState<F extends QueryParams>(initialFilters: F) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQState] = useState('');
  const [filters, setFilters] = useState<F>(initialFilters);

  const setQ = useCallback((value: string) => {
    setQState(value.trim());
    setPage(1);
  }, []);

  const setFilter = useCallback(<K extends keyof F>(key: K, value: F[K]) => {
    setFilters((prev) => ({ ...prev, [key]: value }));
    setPage(1);
  }, []);

  const resetFilters = useCallback(() => {
    setFilters(initialFilters);
    setQState('');
    setPage(1);
    // initialFilters is a literal at the call site; its first value is what "reset" means
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Filters only — what the Excel export sends. */
  const filterParams = useMemo<QueryParams>(() => ({ q, ...filters }), [q, filters]);
  /** Filters plus paging — what the list query sends. */
  const params = useMemo<QueryParams>(() => ({ ...filterParams, page, pageSize }), [filterParams, page, pageSize]);

  const pagination = useCallback(
    (total: number | undefined, t: TFunction): TablePaginationConfig => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZE_OPTIONS,
      showTotal: (n) => t('list.total', { total: n }),
      size: 'small',
      onChange: (nextPage, nextSize) => {
        if (nextSize !== pageSize) {
          setPageSize(nextSize);
          setPage(1);
        } else setPage(nextPage);
      },
    }),
    [page, pageSize],
  );

  return { q, setQ, filters, setFilter, resetFilters, params, filterParams, pagination, setPage };
}
