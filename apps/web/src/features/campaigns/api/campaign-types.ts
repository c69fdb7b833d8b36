// The shapes the campaigns API answers and accepts, mirrored from the server's
// campaigns.schemas.ts (TypeBox). Dates are 'YYYY-MM-DD', times ISO strings, months 'YYYY-MM'.
import type {
  CampaignPhase,
  CampaignStatus,
  CampaignTitle,
  EventKind,
  RecurrenceKind,
  TaskAction,
  TaskDisplayStatus,
  TaskSource,
  TaskStatus,
  UnitSort,
} from '@cc/common/campaigns';

export interface Ref {
  id: number;
  name: string;
}

export interface FileRef {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/** Completion of a set of task instances, weighted by task weight. */
export interface Completion {
  /** Accepted weight / weight owed so far (due, or accepted early); null when nothing is owed. */
  percent: number | null;
  /** Accepted weight / weight of every instance. */
  planPercent: number | null;
  total: number;
  /** Instances owed so far. */
  counted: number;
  accepted: number;
  /** Waiting for review. */
  submitted: number;
  overdue: number;
}

// --- campaigns -------------------------------------------------------------------------------

export interface CampaignScope {
  allUnits: boolean;
  unitTypes: string[];
  regions: Ref[];
  units: Ref[];
}

export interface CampaignDocument {
  fileId: string;
  title: string;
  name: string;
  mime: string;
  size: number;
}

export interface CampaignListItem {
  id: number;
  name: string;
  titles: CampaignTitle[];
  startsOn: string;
  endsOn: string;
  status: CampaignStatus;
  phase: CampaignPhase;
  regionId: number;
  regionName: string;
  taskCount: number;
  completion: Completion;
  canManage: boolean;
}

export interface Activity {
  id: number;
  campaignId: number;
  name: string;
  content: string | null;
  participants: string | null;
  organiserUnits: Ref[];
  startsOn: string;
  endsOn: string;
  sort: number;
  taskCount: number;
}

export interface Theme {
  id: number;
  campaignId: number;
  month: string;
  title: string;
  description: string | null;
}

export interface CampaignDetail extends CampaignListItem {
  description: string | null;
  phaseChangedAt: string | null;
  leadingGroup: Ref | null;
  scope: CampaignScope;
  documents: CampaignDocument[];
  activities: Activity[];
  themes: Theme[];
  remindDaysBefore: number;
  escalateEveryDays: number;
  createdAt: string;
}

export interface ScopeBody {
  allUnits?: boolean;
  unitTypes?: string[];
  regionIds?: number[];
  unitIds?: number[];
}

export interface CampaignFields {
  name: string;
  titles: CampaignTitle[];
  startsOn: string;
  endsOn: string;
  description?: string | null;
  leadingGroupId?: number | null;
  scope?: ScopeBody;
  documents?: { fileId: string; title: string }[];
  remindDaysBefore?: number;
  escalateEveryDays?: number;
}

export interface CreateCampaignBody extends CampaignFields {
  regionId?: number | null;
}

export type UpdateCampaignBody = Partial<CampaignFields & { status: CampaignStatus }>;

export interface PhaseBody {
  phase: CampaignPhase;
  note?: string | null;
}

export interface ActivityBody {
  name: string;
  content?: string | null;
  participants?: string | null;
  organiserUnitIds?: number[];
  startsOn: string;
  endsOn: string;
  sort?: number;
}

export interface ThemeBody {
  month: string;
  title: string;
  description?: string | null;
}

// --- overview and calendar -------------------------------------------------------------------

export interface OverviewQuery {
  unitPage?: number;
  unitPageSize?: number;
  unitSort?: UnitSort;
  unitQ?: string;
}

export interface UnitCompletion {
  unitId: number;
  name: string;
  completion: Completion;
}

export interface CampaignOverview {
  campaignId: number;
  today: string;
  total: Completion;
  /** Instances per display status (overdue instead of its stored status). */
  byStatus: Record<string, number>;
  byActivity: { activityId: number | null; name: string | null; completion: Completion }[];
  /** By the month instances are due. */
  byMonth: { month: string; completion: Completion }[];
  units: { items: UnitCompletion[]; total: number; page: number; pageSize: number };
}

export interface EventListItem {
  id: number;
  campaignId: number;
  kind: EventKind;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  organiserUnit: Ref | null;
  attendance: number | null;
  photoCount: number;
}

export interface DayDues {
  date: string;
  total: number;
  /** Not yet submitted or accepted. */
  open: number;
  overdue: number;
}

export interface CampaignCalendar {
  themes: Theme[];
  activities: Activity[];
  events: EventListItem[];
  dues: DayDues[];
}

export interface ScopeUnit {
  id: number;
  name: string;
  type: string;
  regionName: string | null;
}

// --- ledger tasks ----------------------------------------------------------------------------

export interface Recurrence {
  kind: RecurrenceKind;
  dueOn: string | null;
  from: string | null;
  until: string | null;
  /** Weekday 1–7 (weekly) or day of month 1–31. */
  day: number | null;
}

export interface Evidence {
  /** Photos required with each report. */
  photos: number;
  /** Files required with each report. */
  files: number;
  /** A number to report, e.g. 悬挂横幅. */
  metricName: string | null;
  metricUnit: string | null;
}

export interface TaskListItem {
  id: number;
  campaignId: number;
  campaignName: string;
  activityId: number | null;
  activityName: string | null;
  batchId: number;
  source: TaskSource;
  sourceClause: string | null;
  content: string;
  standard: string | null;
  leadUnit: Ref;
  cooperatingUnits: Ref[];
  responsibleName: string | null;
  recurrence: Recurrence;
  evidence: Evidence;
  weight: number;
  note: string | null;
  status: 'active' | 'cancelled';
  completion: Completion;
  nextDueOn: string | null;
  createdAt: string;
}

export interface TaskFields {
  activityId?: number | null;
  sourceClause?: string | null;
  content: string;
  standard?: string | null;
  cooperatingUnitIds?: number[];
  responsibleName?: string | null;
  recurrence: RecurrenceKind;
  dueOn?: string | null;
  repeatFrom?: string | null;
  repeatUntil?: string | null;
  repeatDay?: number | null;
  evidencePhotos?: number;
  evidenceFiles?: number;
  metricName?: string | null;
  metricUnit?: string | null;
  weight?: number;
  note?: string | null;
}

export interface CreateTasksBody extends TaskFields {
  /** Lead units: one ledger task per unit, created together (one batch). */
  unitIds: number[];
}

export interface CreateTasksResult {
  batchId: number;
  taskIds: number[];
  instances: number;
}

export type UpdateTaskBody = Partial<TaskFields & { leadUnitId: number }>;

export interface TaskLogEntry {
  id: number;
  at: string;
  instanceId: number | null;
  instanceLabel: string | null;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  data: unknown;
}

export interface LedgerImportResult {
  tasks: number;
  instances: number;
  batchId: number;
}

// --- instances and reports -------------------------------------------------------------------

export interface InstanceListItem {
  id: number;
  taskId: number;
  campaignId: number;
  campaignName: string;
  activityName: string | null;
  content: string;
  unit: Ref;
  /** The period: '2026-03', '2026-W10', '2026-Q1' or the due date. */
  label: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  status: TaskStatus;
  displayStatus: TaskDisplayStatus;
  /** Due date minus today (negative when late). */
  daysLeft: number;
  submittedAt: string | null;
  acceptedAt: string | null;
  returnCount: number;
  escalationCount: number;
  evidence: Evidence;
  weight: number;
}

export interface TaskDetail extends TaskListItem {
  instances: InstanceListItem[];
  log: TaskLogEntry[];
  canManage: boolean;
  /** Lead unit and recurrence may change (no report yet). */
  editableSchedule: boolean;
}

export interface TaskReport {
  id: number;
  status: 'draft' | 'submitted' | 'accepted' | 'returned';
  body: string | null;
  metricValue: number | null;
  photos: string[];
  files: FileRef[];
  events: { id: number; title: string; startsAt: string }[];
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

export interface InstanceDetail extends InstanceListItem {
  standard: string | null;
  sourceClause: string | null;
  responsibleName: string | null;
  cooperatingUnits: Ref[];
  returnedAt: string | null;
  draft: TaskReport | null;
  /** Submissions, newest first. */
  reports: TaskReport[];
  log: TaskLogEntry[];
  /** What this user may do now. */
  allowedActions: TaskAction[];
}

export interface InstanceActionBody {
  body?: string | null;
  metricValue?: number | null;
  photos?: string[];
  files?: string[];
  eventIds?: number[];
  /** Review remark; required to return. */
  note?: string | null;
}

// --- events ----------------------------------------------------------------------------------

export interface EventPlace {
  place: string;
  units: Ref[];
}

export interface EventDetail extends EventListItem {
  participants: string | null;
  outcome: string | null;
  photos: string[];
  files: FileRef[];
  places: EventPlace[];
  linkedReports: { instanceId: number; taskId: number; content: string; unitName: string; label: string }[];
  canEdit: boolean;
  createdAt: string;
}

export interface EventBody {
  kind: EventKind;
  title: string;
  startsAt: string;
  endsAt?: string | null;
  place?: string | null;
  organiserUnitId?: number | null;
  participants?: string | null;
  attendance?: number | null;
  outcome?: string | null;
  photos?: string[];
  files?: string[];
  /** Places of a publicity day with the units assigned to each. */
  places?: { place: string; unitIds?: number[] }[];
}

export type UpdateEventBody = Partial<EventBody>;
