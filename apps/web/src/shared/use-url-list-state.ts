// A server-paged list whose filters and paging live in the URL (see url-params.ts), with the
// setters a list page needs and the AntD pagination bound to it. Filter changes go back to page 1
// and replace the history entry, so the back button leaves the list instead of undoing each click.
// The codec is a module constant of the list (parse, filters, page sizes).
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TablePaginationConfig } from 'antd';
import type { QueryParams } from '../app/api';
import type { TFunction } from '../app/i18n/locale-provider';
import { listSearch } from './url-params';

export interface PagedState {
  page: number;
  pageSize: number;
}

export interface UrlListCodec<S extends PagedState> {
  parse: (search: URLSearchParams) => S;
  /** The filters only, as the list and the Excel export send them. */
  filters: (state: S) => QueryParams;
  /** What the URL keeps, when it differs from what the API is sent (e.g. a named view). */
  search?: (state: S) => QueryParams;
  pageSizes: number[];
  defaultPageSize: number;
}

export function useUrlListState<S extends PagedState>(codec: UrlListCodec<S>) {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => codec.parse(search), [codec, search]);

  const update = useCallback(
    (patch: Partial<S>, keepPage = false) => {
      setSearch(
        (prev) => {
          const next = { ...codec.parse(prev), ...(keepPage ? {} : { page: 1 }), ...patch };
          return listSearch((codec.search ?? codec.filters)(next), next, codec.defaultPageSize);
        },
        { replace: true },
      );
    },
    [codec, setSearch],
  );

  const reset = useCallback(() => setSearch(new URLSearchParams(), { replace: true }), [setSearch]);

  const filterParams = useMemo(() => codec.filters(state), [codec, state]);
  const params = useMemo<QueryParams>(
    () => ({ ...filterParams, page: state.page, pageSize: state.pageSize }),
    [filterParams, state.page, state.pageSize],
  );

  const pagination = useCallback(
    (total: number | undefined, t: TFunction): TablePaginationConfig => ({
      current: state.page,
      pageSize: state.pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: codec.pageSizes,
      showTotal: (n) => t('list.total', { total: n }),
      size: 'small',
      onChange: (page, pageSize) =>
        pageSize !== state.pageSize
          ? update({ pageSize, page: 1 } as Partial<S>, true)
          : update({ page } as Partial<S>, true),
    }),
    [codec.pageSizes, state.page, state.pageSize, update],
  );

  return { state, update, reset, params, filterParams, pagination };
}
