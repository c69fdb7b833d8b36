// Campaign vocabulary shared by server and web: the titles a city pursues, campaign phases, task
// recurrence kinds, and the status table of a task instance in the work ledger (工作台帐).

export const CAMPAIGN_TITLES = [
  'civilized_city', // 文明城市
  'sanitary_city', // 卫生城市
  'garden_city', // 园林城市
  'forest_city', // 森林城市
  'environmental_model_city', // 环保模范城市
] as const;
export type CampaignTitle = (typeof CAMPAIGN_TITLES)[number];

/** 常态 normal work, or 迎检 the run-up to an inspection (later modules read thresholds by phase). */
export const CAMPAIGN_PHASES = ['normal', 'pre_inspection'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export const RECURRENCE_KINDS = ['once', 'weekly', 'monthly', 'quarterly'] as const;
export type RecurrenceKind = (typeof RECURRENCE_KINDS)[number];

/**
 * Stored statuses of a task instance. 'overdue' is not stored: it is derived from the due date
 * (an instance past due and not yet submitted or accepted), so it can never go stale.
 */
export const TASK_STATUSES = ['not_started', 'in_progress', 'submitted', 'accepted', 'returned'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskDisplayStatus = TaskStatus | 'overdue';

export const TASK_ACTIONS = ['save_draft', 'submit', 'accept', 'return'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface TaskTransition {
  from: readonly TaskStatus[];
  to: TaskStatus;
  /** Who acts: the responsible unit reports, the office reviews. */
  by: 'unit' | 'office';
  /** A reason is required (returning a report). */
  needsNote: boolean;
}

/** The ledger's report cycle. An accepted instance is closed: nothing moves it any more. */
export const TASK_TRANSITIONS: Record<TaskAction, TaskTransition> = {
  save_draft: { from: ['not_started', 'in_progress', 'returned'], to: 'in_progress', by: 'unit', needsNote: false },
  submit: { from: ['not_started', 'in_progress', 'returned'], to: 'submitted', by: 'unit', needsNote: false },
  accept: { from: ['submitted'], to: 'accepted', by: 'office', needsNote: false },
  return: { from: ['submitted'], to: 'returned', by: 'office', needsNote: true },
};

export const CAMPAIGN_STATUSES = ['active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** What produced a ledger task: the campaign as a whole or one of its activities. */
export const TASK_SOURCES = ['campaign', 'activity'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const TASK_DISPLAY_STATUSES = [...TASK_STATUSES, 'overdue'] as const;

/** 会议 (e.g. the 四方座谈会), 集中宣传日, 清洁日 / 大扫除, other. */
export const EVENT_KINDS = ['meeting', 'publicity', 'cleanup', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Whether a unit may still report on an instance in this status (accepted is closed). */
export function isOpenForReport(status: TaskStatus): boolean {
  return TASK_TRANSITIONS.submit.from.includes(status);
}

/** Limits shared by the API schemas and the forms. */
export const CAMPAIGN_LIMITS = {
  nameMax: 100,
  textMax: 2000,
  reportMax: 5000,
  photosMax: 9,
  filesMax: 9,
  /** One bulk assignment reaches at most this many units (one transaction). */
  bulkUnitsMax: 1000,
  weightMax: 100,
} as const;

/** Ledger list filter: some instance still to report / overdue / waiting for review; all accepted; cancelled. */
export const TASK_LIST_STATES = ['open', 'overdue', 'submitted', 'done', 'cancelled'] as const;
export type TaskListState = (typeof TASK_LIST_STATES)[number];

/** Orders of the overview's unit table. */
export const UNIT_SORTS = ['percent_asc', 'percent_desc', 'overdue_desc', 'name'] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];

/** What the append-only task log records: task changes, the report cycle, the scheduler's steps. */
export const TASK_LOG_ACTIONS = [
  'create',
  'update',
  'reschedule',
  'cancel',
  ...TASK_ACTIONS,
  'remind',
  'escalate',
] as const;
export type TaskLogAction = (typeof TASK_LOG_ACTIONS)[number];
