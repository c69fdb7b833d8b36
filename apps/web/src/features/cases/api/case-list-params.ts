// The case list's filters and paging as URL search params, so a filtered list can be bookmarked,
// shared and restored with the back button. Pure: parsing drops anything malformed.
import { CASE_SOURCES, CASE_STATUSES, type CaseSource, type CaseStatus } from '@cc/common/cases';
import type { QueryParams } from '../../../app/api';

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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(text: string | null): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 ? n : undefined;
}

function bool(text: string | null): boolean | undefined {
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

export function parseCaseListSearch(search: URLSearchParams): CaseListState {
  const statuses = (search.get('status') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s));
  const source = search.get('source');
  const pageSize = positiveInt(search.get('pageSize'));
  const from = search.get('from');
  const to = search.get('to');
  return {
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: pageSize && CASE_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_CASE_PAGE_SIZE,
    q: (search.get('q') ?? '').trim().slice(0, 100),
    status: [...new Set(statuses)],
    categoryId: positiveInt(search.get('categoryId')),
    unitId: positiveInt(search.get('unitId')),
    regionId: positiveInt(search.get('regionId')),
    source: source && (CASE_SOURCES as readonly string[]).includes(source) ? (source as CaseSource) : undefined,
    overdue: bool(search.get('overdue')),
    escalated: bool(search.get('escalated')),
    from: from && DATE.test(from) ? from : undefined,
    to: to && DATE.test(to) ? to : undefined,
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
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(caseFilterQuery(state))) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  if (state.page > 1) search.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_CASE_PAGE_SIZE) search.set('pageSize', String(state.pageSize));
  return search;
}

/** Whether any filter (not paging) is set. */
export function hasCaseFilters(state: CaseListState): boolean {
  return Object.values(caseFilterQuery(state)).some((v) => v !== undefined);
}
