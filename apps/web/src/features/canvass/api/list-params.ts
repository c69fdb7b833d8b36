// The URL state of the feature's lists, one codec each: drives (status, text), the opinion
// workbench (drive, status, topic, scope, unclassified, community, recording and routed unit,
// group, overdue, text), a drive's visits and assignments, and the opinion groups (drive, minimum
// size, text). Pure: parsing drops anything malformed, defaults stay out of the URL.
import { DRIVE_STATUSES, OPINION_SCOPES, OPINION_STATUSES } from '@cc/common/canvass';
import type { DriveStatus, OpinionScope, OpinionStatus } from '@cc/common/canvass';
import type { UrlListCodec } from '../../../shared/use-url-list-state';
import { boolParam, enumParam, pageSizeParam, positiveIntParam, textParam } from '../../../shared/url-params';

export const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

const TOPIC_CODE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$/;

/** A topic code (the server's pattern), or undefined. */
export function topicParam(text: string | null): string | undefined {
  return text && text.length <= 40 && TOPIC_CODE.test(text) ? text : undefined;
}

const onlyTrue = (text: string | null) => (boolParam(text) === true ? true : undefined);

function paging(search: URLSearchParams) {
  return {
    page: positiveIntParam(search.get('page')) ?? 1,
    pageSize: pageSizeParam(search.get('pageSize'), PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

// --- drives ----------------------------------------------------------------------------------

export interface DriveListState {
  page: number;
  pageSize: number;
  q: string;
  status?: DriveStatus;
}

export const DRIVE_LIST_CODEC: UrlListCodec<DriveListState> = {
  parse: (search) => ({
    ...paging(search),
    q: textParam(search.get('q')),
    status: enumParam(search.get('status'), DRIVE_STATUSES),
  }),
  filters: (s) => ({ q: s.q || undefined, status: s.status }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

// --- opinions --------------------------------------------------------------------------------

export interface OpinionListState {
  page: number;
  pageSize: number;
  q: string;
  driveId?: number;
  status?: OpinionStatus;
  topicCode?: string;
  scope?: OpinionScope;
  unclassified?: boolean;
  communityId?: number;
  unitId?: number;
  routedUnitId?: number;
  groupId?: number;
  overdue?: boolean;
}

export function opinionFilters(s: OpinionListState) {
  return {
    q: s.q || undefined,
    driveId: s.driveId,
    status: s.status,
    topicCode: s.topicCode,
    scope: s.scope,
    unclassified: s.unclassified,
    communityId: s.communityId,
    unitId: s.unitId,
    routedUnitId: s.routedUnitId,
    groupId: s.groupId,
    overdue: s.overdue,
  };
}

export const OPINION_LIST_CODEC: UrlListCodec<OpinionListState> = {
  parse: (search) => ({
    ...paging(search),
    q: textParam(search.get('q')),
    driveId: positiveIntParam(search.get('driveId')),
    status: enumParam(search.get('status'), OPINION_STATUSES),
    topicCode: topicParam(search.get('topicCode')),
    scope: enumParam(search.get('scope'), OPINION_SCOPES),
    unclassified: onlyTrue(search.get('unclassified')),
    communityId: positiveIntParam(search.get('communityId')),
    unitId: positiveIntParam(search.get('unitId')),
    routedUnitId: positiveIntParam(search.get('routedUnitId')),
    groupId: positiveIntParam(search.get('groupId')),
    overdue: onlyTrue(search.get('overdue')),
  }),
  filters: opinionFilters,
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

// --- a drive's visits and assignments --------------------------------------------------------

export interface DriveVisitsState {
  page: number;
  pageSize: number;
  unitId?: number;
  communityId?: number;
}

export const DRIVE_VISITS_CODEC: UrlListCodec<DriveVisitsState> = {
  parse: (search) => ({
    ...paging(search),
    unitId: positiveIntParam(search.get('unitId')),
    communityId: positiveIntParam(search.get('communityId')),
  }),
  filters: (s) => ({ unitId: s.unitId, communityId: s.communityId }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

export interface AssignmentsState {
  page: number;
  pageSize: number;
  unitId?: number;
  communityId?: number;
  late?: boolean;
}

export const ASSIGNMENTS_CODEC: UrlListCodec<AssignmentsState> = {
  parse: (search) => ({
    ...paging(search),
    unitId: positiveIntParam(search.get('unitId')),
    communityId: positiveIntParam(search.get('communityId')),
    late: onlyTrue(search.get('late')),
  }),
  filters: (s) => ({ unitId: s.unitId, communityId: s.communityId, late: s.late }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

// --- groups ----------------------------------------------------------------------------------

export interface GroupListState {
  page: number;
  pageSize: number;
  q: string;
  driveId?: number;
  minCount?: number;
}

export const GROUP_LIST_CODEC: UrlListCodec<GroupListState> = {
  parse: (search) => ({
    ...paging(search),
    q: textParam(search.get('q')),
    driveId: positiveIntParam(search.get('driveId')),
    minCount: positiveIntParam(search.get('minCount')),
  }),
  filters: (s) => ({ q: s.q || undefined, driveId: s.driveId, minCount: s.minCount }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};
