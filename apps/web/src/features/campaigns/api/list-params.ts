// The URL state of the campaign lists, one codec each: the campaign list, the ledger tab's task
// table (activity, unit, state, due range, search) and the instance lists (my tasks, the overdue
// list). Pure: parsing drops anything malformed, defaults stay out of the URL.
import { CAMPAIGN_STATUSES, TASK_DISPLAY_STATUSES, type CampaignStatus } from '@cc/common/campaigns';
import type { TaskDisplayStatus } from '@cc/common/campaigns';
import type { QueryParams } from '../../../app/api';
import type { UrlListCodec } from '../../../shared/use-url-list-state';
import {
  boolParam,
  dateParam,
  enumListParam,
  enumParam,
  pageSizeParam,
  positiveIntParam,
  textParam,
} from '../../../shared/url-params';
import { TASK_LIST_STATES, type TaskListState } from '@cc/common/campaigns';

export const PAGE_SIZES = [10, 20, 50, 100, 200];
export const DEFAULT_PAGE_SIZE = 20;

function paging(search: URLSearchParams) {
  return {
    page: positiveIntParam(search.get('page')) ?? 1,
    pageSize: pageSizeParam(search.get('pageSize'), PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

// --- campaigns -------------------------------------------------------------------------------

export interface CampaignListState {
  page: number;
  pageSize: number;
  q: string;
  status?: CampaignStatus;
}

export const CAMPAIGN_LIST_CODEC: UrlListCodec<CampaignListState> = {
  parse: (search) => ({
    ...paging(search),
    q: textParam(search.get('q')),
    status: enumParam(search.get('status'), CAMPAIGN_STATUSES),
  }),
  filters: (s) => ({ q: s.q || undefined, status: s.status }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

// --- ledger tasks ----------------------------------------------------------------------------

export interface LedgerListState {
  page: number;
  pageSize: number;
  q: string;
  activityId?: number;
  unitId?: number;
  batchId?: number;
  state?: TaskListState;
  /** YYYY-MM-DD: an instance due on or after. */
  dueFrom?: string;
  /** YYYY-MM-DD: an instance due on or before. */
  dueTo?: string;
}

export function parseLedgerSearch(search: URLSearchParams): LedgerListState {
  return {
    ...paging(search),
    q: textParam(search.get('q')),
    activityId: positiveIntParam(search.get('activityId')),
    unitId: positiveIntParam(search.get('unitId')),
    batchId: positiveIntParam(search.get('batchId')),
    state: enumParam(search.get('state'), TASK_LIST_STATES),
    dueFrom: dateParam(search.get('dueFrom')),
    dueTo: dateParam(search.get('dueTo')),
  };
}

/** The ledger filters, as the table and the Excel export send them (the campaign is the page's). */
export function ledgerFilters(state: LedgerListState): QueryParams {
  return {
    q: state.q || undefined,
    activityId: state.activityId,
    unitId: state.unitId,
    batchId: state.batchId,
    state: state.state,
    dueFrom: state.dueFrom,
    dueTo: state.dueTo,
  };
}

export const LEDGER_CODEC: UrlListCodec<LedgerListState> = {
  parse: parseLedgerSearch,
  filters: ledgerFilters,
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

// --- instances -------------------------------------------------------------------------------

export interface InstanceListState {
  page: number;
  pageSize: number;
  q: string;
  campaignId?: number;
  unitId?: number;
  status: TaskDisplayStatus[];
  /** Only instances still to be reported. */
  open?: boolean;
  dueFrom?: string;
  dueTo?: string;
}

export function parseInstanceSearch(search: URLSearchParams): InstanceListState {
  return {
    ...paging(search),
    q: textParam(search.get('q')),
    campaignId: positiveIntParam(search.get('campaignId')),
    unitId: positiveIntParam(search.get('unitId')),
    status: enumListParam(search.get('status'), TASK_DISPLAY_STATUSES),
    open: boolParam(search.get('open')),
    dueFrom: dateParam(search.get('dueFrom')),
    dueTo: dateParam(search.get('dueTo')),
  };
}

export function instanceFilters(state: InstanceListState): QueryParams {
  return {
    q: state.q || undefined,
    campaignId: state.campaignId,
    unitId: state.unitId,
    status: state.status.length > 0 ? state.status.join(',') : undefined,
    open: state.open,
    dueFrom: state.dueFrom,
    dueTo: state.dueTo,
  };
}

export const INSTANCE_CODEC: UrlListCodec<InstanceListState> = {
  parse: parseInstanceSearch,
  filters: instanceFilters,
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};

/** The overdue list always asks for overdue instances, whatever else the URL says. */
export const OVERDUE_CODEC: UrlListCodec<InstanceListState> = {
  ...INSTANCE_CODEC,
  filters: (state) => ({ ...instanceFilters(state), status: 'overdue', open: undefined }),
};

// --- my tasks --------------------------------------------------------------------------------

/** The named views of "my tasks"; 'open' (still to report) is the default. */
export const MY_TASK_VIEWS = ['open', 'returned', 'overdue', 'submitted', 'all'] as const;
export type MyTaskView = (typeof MY_TASK_VIEWS)[number];

export interface MyTasksState {
  page: number;
  pageSize: number;
  q: string;
  view: MyTaskView;
  campaignId?: number;
}

/** The API query of a view: still to report, one display status, or everything. */
export function viewQuery(view: MyTaskView): QueryParams {
  if (view === 'open') return { open: true };
  if (view === 'all') return {};
  return { status: view };
}

export const MY_TASKS_CODEC: UrlListCodec<MyTasksState> = {
  parse: (search) => ({
    ...paging(search),
    q: textParam(search.get('q')),
    view: enumParam(search.get('view'), MY_TASK_VIEWS) ?? 'open',
    campaignId: positiveIntParam(search.get('campaignId')),
  }),
  filters: (s) => ({ q: s.q || undefined, campaignId: s.campaignId, ...viewQuery(s.view) }),
  search: (s) => ({ q: s.q || undefined, campaignId: s.campaignId, view: s.view === 'open' ? undefined : s.view }),
  pageSizes: PAGE_SIZES,
  defaultPageSize: DEFAULT_PAGE_SIZE,
};
