// The case list's filters and paging as URL search params, so a filtered list can be bookmarked,
// shared and restored with the back button. Pure: parsing drops anything malformed.
import { CASE_SOURCES, CASE_STATUSES, type CaseSource, type CaseStatus } from '@cc/common/cases';
import type { QueryParams } from '../../../app/api';
import {
  boolParam,
  dateParam,
  enumListParam,
  enumParam,
  hasFilters,
  listSearch,
  pageSizeParam,
  positiveIntParam,
  textParam,
} from '../../../shared/url-params';

export const CASE_PAGE_SIZES = [10, 20, 50, 100, 200];
export const DEFAULT_CASE_PAGE_SIZE = 20;

export interface CaseListState {
  page: number;
  pageSize: number;
  q: string;
  status: CaseStatus[];
  categoryId?: number;
  unitId?: number;
  regionId?: number;
  source?: CaseSource;
  overdue?: boolean;
  escalated?: boolean;
  /** YYYY-MM-DD, intake date from (inclusive). */
  from?: string;
  /** YYYY-MM-DD, intake date to (inclusive). */
  to?: string;
}

export function parseCaseListSearch(search: URLSearchParams): CaseListState {
  return {
    page: positiveIntParam(search.get('page')) ?? 1,
    pageSize: pageSizeParam(search.get('pageSize'), CASE_PAGE_SIZES, DEFAULT_CASE_PAGE_SIZE),
    q: textParam(search.get('q')),
    status: enumListParam(search.get('status'), CASE_STATUSES),
    categoryId: positiveIntParam(search.get('categoryId')),
    unitId: positiveIntParam(search.get('unitId')),
    regionId: positiveIntParam(search.get('regionId')),
    source: enumParam(search.get('source'), CASE_SOURCES),
    overdue: boolParam(search.get('overdue')),
    escalated: boolParam(search.get('escalated')),
    from: dateParam(search.get('from')),
    to: dateParam(search.get('to')),
  };
}

/** The filters only, as the list and the Excel export send them. */
export function caseFilterQuery(state: CaseListState): QueryParams {
  return {
    q: state.q || undefined,
    status: state.status.length > 0 ? state.status.join(',') : undefined,
    categoryId: state.categoryId,
    unitId: state.unitId,
    regionId: state.regionId,
    source: state.source,
    overdue: state.overdue,
    escalated: state.escalated,
    from: state.from,
    to: state.to,
  };
}

/** Filters plus paging, as the list query sends them. */
export function caseListQuery(state: CaseListState): QueryParams {
  return { ...caseFilterQuery(state), page: state.page, pageSize: state.pageSize };
}

/** URL search params for a state; defaults are left out so a fresh list has a clean URL. */
export function caseListSearch(state: CaseListState): URLSearchParams {
  return listSearch(caseFilterQuery(state), state, DEFAULT_CASE_PAGE_SIZE);
}

/** Whether any filter (not paging) is set. */
export function hasCaseFilters(state: CaseListState): boolean {
  return hasFilters(caseFilterQuery(state));
}
