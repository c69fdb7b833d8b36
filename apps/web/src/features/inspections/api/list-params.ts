// The URL state of the feature's lists, one codec each: the site registry (type, region, unit,
// active, text, list or map), the rounds (status, text), a round's inspections (status, inspector,
// type, unassigned) and the material requirements (standard, unit, status). Pure: parsing drops
// anything malformed, defaults stay out of the URL.
import { INSPECTION_STATUSES, MATERIAL_STATUSES, ROUND_STATUSES } from '@cc/common/inspections';
import type { InspectionStatus, MaterialStatus, RoundStatus } from '@cc/common/inspections';
import type { UrlListCodec } from '../../../shared/use-url-list-state';
import { boolParam, enumParam, pageSizeParam, positiveIntParam, textParam } from '../../../shared/url-params';

export const PAGE_SIZES = [10, 20, 50, 100, 200];
export const DEFAULT_PAGE_SIZE = 20;

const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/** A site type code (the server's pattern), or undefined. */
export function codeParam(text: string | null): string | undefined {
  return text && CODE.test(text) ? text : undefined;
}

function paging(search: URLSearchParams) {
  return {
    page: positiveIntParam(search.get('page')) ?? 1,
    pageSize: pageSizeParam(search.get('pageSize'), PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

// --- sites -----------------------------------------------------------------------------------

export const SITE_VIEWS = ['list', 'map'] as const;
export type SiteView = (typeof SITE_VIEWS)[number];

export interface SiteListState {
  page: number;
  pageSize: number;
  q: string;
  typeCode?: string;
  regionId?: number;
  unitId?: number;
  active?: boolean;
  view: SiteView;
}

/** The filters the list, the map and the Excel export send (the map takes no text or active). */
export function siteFilters(s: SiteListState) {
  return { q: s.q || undefined, typeCode: s.typeCode, regionId: s.regionId, unitId: s.unitId, active: s.active };
}

export const SITE_LIST_CODEC: UrlListCodec<SiteListState> = {
  parse: (search) => ({
    ...paging(search),
    q: textParam(search.get('q')),
    typeCode: codeParam(search.get('typeCode')),
    regionId: positiveIntParam(search.get('regionId')),
    unitId: positiveIntParam(search.get('unitId')),
    active: boolParam(search.get('active')),
    view: enumParam(search.get('view'), SITE_VIEWS) ?? 'list',
  }),
  filters: siteFilters,
  search: (s) => ({ ...siteFilters(s), view: s.view === 'list' ? undefined : s.view }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

// --- rounds ----------------------------------------------------------------------------------

export interface RoundListState {
  page: number;
  pageSize: number;
  q: string;
  status?: RoundStatus;
}

export const ROUND_LIST_CODEC: UrlListCodec<RoundListState> = {
  parse: (search) => ({
    ...paging(search),
    q: textParam(search.get('q')),
    status: enumParam(search.get('status'), ROUND_STATUSES),
  }),
  filters: (s) => ({ q: s.q || undefined, status: s.status }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

// --- a round's inspections -------------------------------------------------------------------

export interface RoundInspectionsState {
  page: number;
  pageSize: number;
  q: string;
  status?: InspectionStatus;
  inspectorId?: number;
  typeCode?: string;
  /** Only those no inspector has yet. */
  unassigned?: boolean;
}

export const ROUND_INSPECTIONS_CODEC: UrlListCodec<RoundInspectionsState> = {
  parse: (search) => ({
    ...paging(search),
    q: textParam(search.get('q')),
    status: enumParam(search.get('status'), INSPECTION_STATUSES),
    inspectorId: positiveIntParam(search.get('inspectorId')),
    typeCode: codeParam(search.get('typeCode')),
    unassigned: boolParam(search.get('unassigned')) === true ? true : undefined,
  }),
  filters: (s) => ({
    q: s.q || undefined,
    status: s.status,
    inspectorId: s.unassigned ? undefined : s.inspectorId,
    typeCode: s.typeCode,
    unassigned: s.unassigned,
  }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

// --- material requirements -------------------------------------------------------------------

export interface RequirementListState {
  page: number;
  pageSize: number;
  standardId?: number;
  unitId?: number;
  status?: MaterialStatus;
}

export const REQUIREMENT_LIST_CODEC: UrlListCodec<RequirementListState> = {
  parse: (search) => ({
    ...paging(search),
    standardId: positiveIntParam(search.get('standardId')),
    unitId: positiveIntParam(search.get('unitId')),
    status: enumParam(search.get('status'), MATERIAL_STATUSES),
  }),
  filters: (s) => ({ standardId: s.standardId, unitId: s.unitId, status: s.status }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};
