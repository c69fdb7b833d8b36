// The case list state kept in the URL (see case-list-params.ts), with the setters the list page
// needs and the AntD pagination bound to it. Filter changes go back to page 1 and replace the
// history entry, so the back button leaves the list instead of undoing each click.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TablePaginationConfig } from 'antd';
import type { TFunction } from '../../../app/i18n/locale-provider';
import {
  CASE_PAGE_SIZES,
  caseFilterQuery,
  caseListQuery,
  caseListSearch,
  parseCaseListSearch,
  type CaseListState,
} from './case-list-params';

export function useCaseListUrlState() {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => parseCaseListSearch(search), [search]);

  const update = useCallback(
    (patch: Partial<CaseListState>, keepPage = false) => {
      setSearch(
        (prev) => {
          const current = parseCaseListSearch(prev);
          return caseListSearch({ ...current, ...(keepPage ? {} : { page: 1 }), ...patch });
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  const reset = useCallback(() => setSearch(new URLSearchParams(), { replace: true }), [setSearch]);

  const params = useMemo(() => caseListQuery(state), [state]);
  const filterParams = useMemo(() => caseFilterQuery(state), [state]);

  const pagination = useCallback(
    (total: number | undefined, t: TFunction): TablePaginationConfig => ({
      current: state.page,
      pageSize: state.pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: CASE_PAGE_SIZES,
      showTotal: (n) => t('list.total', { total: n }),
      size: 'small',
      onChange: (page, pageSize) =>
        pageSize !== state.pageSize ? update({ pageSize, page: 1 }, true) : update({ page }, true),
    }),
    [state.page, state.pageSize, update],
  );

  return { state, update, reset, params, filterParams, pagination };
}
