// The case list state kept in the URL (see case-list-params.ts), through the shared URL list
// state hook: setters, the query params and the AntD pagination bound to it.
import { useUrlListState, type UrlListCodec } from '../../../shared/use-url-list-state';
import {
  CASE_PAGE_SIZES,
  DEFAULT_CASE_PAGE_SIZE,
  caseFilterQuery,
  parseCaseListSearch,
  type CaseListState,
} from './case-list-params';

const CODEC: UrlListCodec<CaseListState> = {
  parse: parseCaseListSearch,
  filters: caseFilterQuery,
  pageSizes: CASE_PAGE_SIZES,
  defaultPageSize: DEFAULT_CASE_PAGE_SIZE,
};

export function useCaseListUrlState() {
  return useUrlListState(CODEC);
}
