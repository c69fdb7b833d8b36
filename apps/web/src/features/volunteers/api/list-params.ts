// The URL state of the feature's desk lists, one codec each: registrations (status, community,
// party organisation, unit), activities (community, type, dates, only mine to manage), 五个一
// reports (status, community) and compliance (dimension, period, day, community, and the party
// organisation or unit drilled into), rankings (subject, basis, period) and commendation lists
// (status). Pure: parsing
// drops anything malformed, defaults stay out of the URL.
import { REGISTRATION_STATUSES, type RegistrationStatus } from '@cc/common/volunteers';
import type { UrlListCodec } from '../../../shared/use-url-list-state';
import {
  boolParam,
  dateParam,
  enumParam,
  pageSizeParam,
  positiveIntParam,
  textParam,
} from '../../../shared/url-params';
import {
  COMPLIANCE_DIMENSIONS,
  COMPLIANCE_PERIODS,
  REPORT_STATUSES,
  RANKING_BASES,
  RANKING_SUBJECTS,
  type CommendationStatus,
  type ComplianceDimension,
  type CompliancePeriod,
  type RankingBasis,
  type RankingSubject,
  type ReportStatus,
} from './volunteer-types';

export const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

const TYPE_CODE = /^[a-z][a-z0-9_]{0,39}$/;

function paging(search: URLSearchParams) {
  return {
    page: positiveIntParam(search.get('page')) ?? 1,
    pageSize: pageSizeParam(search.get('pageSize'), PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

const common = { pageSizes: PAGE_SIZES, defaultPageSize: DEFAULT_PAGE_SIZE };

// --- registrations ---------------------------------------------------------------------------

export interface RegistrationListState {
  page: number;
  pageSize: number;
  status?: RegistrationStatus;
  communityId?: number;
  partyOrg: string;
  unitId?: number;
}

/** Without a status filter the server lists pending first; the page opens on the pending ones. */
export const REGISTRATION_LIST_CODEC: UrlListCodec<RegistrationListState> = {
  parse: (search) => ({
    ...paging(search),
    status: enumParam(search.get('status'), REGISTRATION_STATUSES),
    communityId: positiveIntParam(search.get('communityId')),
    partyOrg: textParam(search.get('partyOrg'), 60),
    unitId: positiveIntParam(search.get('unitId')),
  }),
  filters: (s) => ({
    status: s.status,
    communityId: s.communityId,
    partyOrg: s.partyOrg || undefined,
    unitId: s.unitId,
  }),
  ...common,
};

// --- activities ------------------------------------------------------------------------------

export interface ActivityListState {
  page: number;
  pageSize: number;
  communityId?: number;
  typeCode?: string;
  from?: string;
  to?: string;
  organised?: boolean;
}

export const ACTIVITY_LIST_CODEC: UrlListCodec<ActivityListState> = {
  parse: (search) => {
    const type = search.get('typeCode');
    return {
      ...paging(search),
      communityId: positiveIntParam(search.get('communityId')),
      typeCode: type && TYPE_CODE.test(type) ? type : undefined,
      from: dateParam(search.get('from')),
      to: dateParam(search.get('to')),
      organised: boolParam(search.get('organised')) === true ? true : undefined,
    };
  },
  filters: (s) => ({
    communityId: s.communityId,
    typeCode: s.typeCode,
    from: s.from,
    to: s.to,
    organised: s.organised,
  }),
  ...common,
};

// --- 五个一 reports ----------------------------------------------------------------------------

export interface ReportListState {
  page: number;
  pageSize: number;
  status?: ReportStatus;
  communityId?: number;
}

export const REPORT_LIST_CODEC: UrlListCodec<ReportListState> = {
  parse: (search) => ({
    ...paging(search),
    status: enumParam(search.get('status'), REPORT_STATUSES),
    communityId: positiveIntParam(search.get('communityId')),
  }),
  filters: (s) => ({ status: s.status, communityId: s.communityId }),
  ...common,
};

// --- compliance ------------------------------------------------------------------------------

export interface ComplianceState {
  page: number;
  pageSize: number;
  by: ComplianceDimension;
  period: CompliancePeriod;
  day?: string;
  communityId?: number;
  /** Drilled down into one party organisation or unit (its members). */
  partyOrg: string;
  unitId?: number;
}

export const COMPLIANCE_CODEC: UrlListCodec<ComplianceState> = {
  parse: (search) => ({
    ...paging(search),
    by: enumParam(search.get('by'), COMPLIANCE_DIMENSIONS) ?? 'community',
    period: enumParam(search.get('period'), COMPLIANCE_PERIODS) ?? 'week',
    day: dateParam(search.get('day')),
    communityId: positiveIntParam(search.get('communityId')),
    partyOrg: textParam(search.get('partyOrg'), 60),
    unitId: positiveIntParam(search.get('unitId')),
  }),
  filters: (s) => ({
    by: s.by,
    period: s.period,
    day: s.day,
    communityId: s.communityId,
    partyOrg: s.partyOrg || undefined,
    unitId: s.unitId,
  }),
  search: (s) => ({
    by: s.by === 'community' ? undefined : s.by,
    period: s.period === 'week' ? undefined : s.period,
    day: s.day,
    communityId: s.communityId,
    partyOrg: s.partyOrg || undefined,
    unitId: s.unitId,
  }),
  ...common,
};

// --- rankings and commendation lists ---------------------------------------------------------

export interface RankingState {
  page: number;
  pageSize: number;
  subject: RankingSubject;
  basis: RankingBasis;
  /** The period; absent = this year so far. */
  from?: string;
  to?: string;
}

export const RANKING_CODEC: UrlListCodec<RankingState> = {
  parse: (search) => {
    const from = dateParam(search.get('from'));
    const to = dateParam(search.get('to'));
    const ordered = from && to && from <= to;
    return {
      ...paging(search),
      subject: enumParam(search.get('subject'), RANKING_SUBJECTS) ?? 'member',
      basis: enumParam(search.get('basis'), RANKING_BASES) ?? 'hours',
      from: ordered ? from : undefined,
      to: ordered ? to : undefined,
    };
  },
  filters: (s) => ({ subject: s.subject, basis: s.basis, from: s.from, to: s.to }),
  search: (s) => ({
    subject: s.subject === 'member' ? undefined : s.subject,
    basis: s.basis === 'hours' ? undefined : s.basis,
    from: s.from,
    to: s.to,
  }),
  ...common,
};

export const COMMENDATION_STATUSES: readonly CommendationStatus[] = ['draft', 'published'];

export interface CommendationListState {
  page: number;
  pageSize: number;
  status?: CommendationStatus;
}

export const COMMENDATION_LIST_CODEC: UrlListCodec<CommendationListState> = {
  parse: (search) => ({ ...paging(search), status: enumParam(search.get('status'), COMMENDATION_STATUSES) }),
  filters: (s) => ({ status: s.status }),
  ...common,
};

// --- the community dashboard -----------------------------------------------------------------

/** The dashboard is not paged; page and pageSize only satisfy the list-state hook. */
export interface DashboardState {
  page: number;
  pageSize: number;
  day?: string;
  communityId?: number;
}

export const DASHBOARD_CODEC: UrlListCodec<DashboardState> = {
  parse: (search) => ({
    ...paging(search),
    day: dateParam(search.get('day')),
    communityId: positiveIntParam(search.get('communityId')),
  }),
  filters: (s) => ({ day: s.day, communityId: s.communityId }),
  ...common,
};
