// API shapes of campaigns and the work ledger: campaigns with scope, documents, activities and
// themes; the overview and calendar; ledger tasks (bulk creation, list, detail, import result);
// task instances with their reports and the report cycle; events.

import { Type, type Static } from 'typebox';
import {
  CAMPAIGN_LIMITS as L,
  CAMPAIGN_PHASES,
  CAMPAIGN_STATUSES,
  CAMPAIGN_TITLES,
  EVENT_KINDS,
  RECURRENCE_KINDS,
  TASK_ACTIONS,
  TASK_DISPLAY_STATUSES,
  TASK_LIST_STATES,
  TASK_SOURCES,
  TASK_STATUSES,
  UNIT_SORTS,
} from '@cc/common/campaigns';
import { UNIT_TYPES } from '@cc/common/org';
import { FILE_ID_PATTERN } from '../../platform/files.js';
import { DateString, DateTime, Nullable, PageQuery, StringEnum } from '../../platform/http.js';

const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const FileId = Type.String({ pattern: FILE_ID_PATTERN });
const text = (maxLength: number = L.textMax) => Type.String({ maxLength });
const optionalText = (maxLength: number = L.textMax) => Type.Optional(Nullable(text(maxLength)));
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

export const CampaignTitle = StringEnum(CAMPAIGN_TITLES);
export const CampaignPhase = StringEnum(CAMPAIGN_PHASES);
export const CampaignStatus = StringEnum(CAMPAIGN_STATUSES);
export const RecurrenceKind = StringEnum(RECURRENCE_KINDS);
export const TaskStatus = StringEnum(TASK_STATUSES);
export const TaskDisplayStatus = StringEnum(TASK_DISPLAY_STATUSES);
export const TaskAction = StringEnum(TASK_ACTIONS);
export const EventKind = StringEnum(EVENT_KINDS);

export const Ref = Type.Object({ id: Type.Integer(), name: Type.String() });
export type Ref = Static<typeof Ref>;

export const FileRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
});
export type FileRef = Static<typeof FileRef>;

export const Completion = Type.Object(
  {
    percent: Nullable(Type.Number({ description: 'accepted weight / weight owed so far (due, or accepted early)' })),
    planPercent: Nullable(Type.Number({ description: 'accepted weight / weight of every instance' })),
    total: Type.Integer(),
    counted: Type.Integer({ description: 'instances owed so far' }),
    accepted: Type.Integer(),
    submitted: Type.Integer({ description: 'waiting for review' }),
    overdue: Type.Integer(),
  },
  { description: 'Completion of a set of task instances, weighted by task weight' },
);
export type Completion = Static<typeof Completion>;

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

export const CampaignScope = Type.Object({
  allUnits: Type.Boolean({ description: 'every unit of the city takes part' }),
  unitTypes: Type.Array(StringEnum(UNIT_TYPES), { description: 'every unit of these types (e.g. school)' }),
  regions: Type.Array(Ref, { description: 'every unit located in these regions (subtrees)' }),
  units: Type.Array(Ref, { description: 'these units by name' }),
});

export const CampaignDocument = Type.Object({
  fileId: Type.String(),
  title: Type.String(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
});

export const CampaignListItem = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  titles: Type.Array(CampaignTitle),
  startsOn: DateString,
  endsOn: DateString,
  status: CampaignStatus,
  phase: CampaignPhase,
  regionId: Type.Integer(),
  regionName: Type.String(),
  taskCount: Type.Integer(),
  completion: Completion,
  canManage: Type.Boolean(),
});
export type CampaignListItem = Static<typeof CampaignListItem>;

export const CampaignListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(CampaignStatus),
});
export type CampaignListQuery = Static<typeof CampaignListQuery>;

export const Activity = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  name: Type.String(),
  content: Nullable(Type.String()),
  participants: Nullable(Type.String()),
  organiserUnits: Type.Array(Ref),
  startsOn: DateString,
  endsOn: DateString,
  sort: Type.Integer(),
  taskCount: Type.Integer(),
});
export type Activity = Static<typeof Activity>;

export const Theme = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  month: Month,
  title: Type.String(),
  description: Nullable(Type.String()),
});
export type Theme = Static<typeof Theme>;

export const CampaignDetail = Type.Object({
  ...CampaignListItem.properties,
  description: Nullable(Type.String()),
  phaseChangedAt: Nullable(DateTime),
  leadingGroup: Nullable(Ref),
  scope: CampaignScope,
  documents: Type.Array(CampaignDocument),
  activities: Type.Array(Activity),
  themes: Type.Array(Theme),
  remindDaysBefore: Type.Integer(),
  escalateEveryDays: Type.Integer(),
  createdAt: DateTime,
});
export type CampaignDetail = Static<typeof CampaignDetail>;

const ScopeBody = Type.Object(
  {
    allUnits: Type.Optional(Type.Boolean()),
    unitTypes: Type.Optional(Type.Array(StringEnum(UNIT_TYPES), { maxItems: UNIT_TYPES.length, uniqueItems: true })),
    regionIds: Type.Optional(Type.Array(id, { maxItems: 500 })),
    unitIds: Type.Optional(Type.Array(id, { maxItems: 5000 })),
  },
  { additionalProperties: false },
);
export type ScopeBody = Static<typeof ScopeBody>;

const DocumentBody = Type.Object(
  { fileId: FileId, title: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

const campaignFields = {
  name: Type.String({ minLength: 2, maxLength: L.nameMax }),
  titles: Type.Array(CampaignTitle, { minItems: 1, maxItems: CAMPAIGN_TITLES.length, uniqueItems: true }),
  startsOn: DateString,
  endsOn: DateString,
  description: optionalText(),
  leadingGroupId: Type.Optional(Nullable(id)),
  scope: Type.Optional(ScopeBody),
  documents: Type.Optional(Type.Array(DocumentBody, { maxItems: 30 })),
  remindDaysBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
  escalateEveryDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
};

export const CreateCampaignBody = Type.Object(
  {
    ...campaignFields,
    regionId: Type.Optional(Nullable(id)),
  },
  { additionalProperties: false },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

export const UpdateCampaignBody = Type.Partial(
  Type.Object({ ...campaignFields, status: CampaignStatus }, { additionalProperties: false }),
);
export type UpdateCampaignBody = Static<typeof UpdateCampaignBody>;

export const PhaseBody = Type.Object(
  { phase: CampaignPhase, note: Type.Optional(Nullable(text(500))) },
  { additionalProperties: false },
);
export type PhaseBody = Static<typeof PhaseBody>;

export const ActivityBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: L.nameMax }),
    content: optionalText(),
    participants: optionalText(500),
    organiserUnitIds: Type.Optional(Type.Array(id, { maxItems: 50 })),
    startsOn: DateString,
    endsOn: DateString,
    sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type ActivityBody = Static<typeof ActivityBody>;
export const UpdateActivityBody = Type.Partial(ActivityBody);
export type UpdateActivityBody = Static<typeof UpdateActivityBody>;

export const ThemeBody = Type.Object(
  {
    month: Month,
    title: Type.String({ minLength: 2, maxLength: L.nameMax }),
    description: optionalText(),
  },
  { additionalProperties: false },
);
export type ThemeBody = Static<typeof ThemeBody>;
export const UpdateThemeBody = Type.Partial(ThemeBody);
export type UpdateThemeBody = Static<typeof UpdateThemeBody>;

export const ScopeUnitsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(StringEnum(UNIT_TYPES)),
});
export type ScopeUnitsQuery = Static<typeof ScopeUnitsQuery>;

export const ScopeUnits = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      type: Type.String(),
      regionName: Nullable(Type.String()),
    }),
  ),
});
export type ScopeUnits = Static<typeof ScopeUnits>;

// ---------------------------------------------------------------------------------------------
// Overview and calendar
// ---------------------------------------------------------------------------------------------

export const OverviewQuery = Type.Object({
  unitPage: Type.Optional(Type.Integer({ minimum: 1, default: 1, maximum: 100_000 })),
  unitPageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  unitSort: Type.Optional(
    StringEnum(UNIT_SORTS, {
      description: 'order of the unit table (default: lowest completion first)',
    }),
  ),
  unitQ: Type.Optional(Type.String({ maxLength: 100 })),
});
export type OverviewQuery = Static<typeof OverviewQuery>;

export const CampaignOverview = Type.Object({
  campaignId: Type.Integer(),
  today: DateString,
  total: Completion,
  byStatus: Type.Record(Type.String(), Type.Integer(), {
    description: 'instances per display status (overdue instead of its stored status)',
  }),
  byActivity: Type.Array(
    Type.Object({ activityId: Nullable(Type.Integer()), name: Nullable(Type.String()), completion: Completion }),
  ),
  byMonth: Type.Array(Type.Object({ month: Month, completion: Completion }), {
    description: 'by the month instances are due',
  }),
  units: Type.Object({
    items: Type.Array(Type.Object({ unitId: Type.Integer(), name: Type.String(), completion: Completion })),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  }),
});
export type CampaignOverview = Static<typeof CampaignOverview>;

export const CalendarQuery = Type.Object({ from: DateString, to: DateString });
export type CalendarQuery = Static<typeof CalendarQuery>;

export const EventListItem = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  kind: EventKind,
  title: Type.String(),
  startsAt: DateTime,
  endsAt: Nullable(DateTime),
  place: Nullable(Type.String()),
  organiserUnit: Nullable(Ref),
  attendance: Nullable(Type.Integer()),
  photoCount: Type.Integer(),
});
export type EventListItem = Static<typeof EventListItem>;

export const CampaignCalendar = Type.Object({
  themes: Type.Array(Theme),
  activities: Type.Array(Activity),
  events: Type.Array(EventListItem),
  dues: Type.Array(
    Type.Object({
      date: DateString,
      total: Type.Integer(),
      open: Type.Integer({ description: 'not yet submitted or accepted' }),
      overdue: Type.Integer(),
    }),
  ),
});
export type CampaignCalendar = Static<typeof CampaignCalendar>;

// ---------------------------------------------------------------------------------------------
// Ledger tasks
// ---------------------------------------------------------------------------------------------

export const Recurrence = Type.Object({
  kind: RecurrenceKind,
  dueOn: Nullable(DateString),
  from: Nullable(DateString),
  until: Nullable(DateString),
  day: Nullable(Type.Integer({ description: 'weekday 1–7 (weekly) or day of month 1–31' })),
});
export type Recurrence = Static<typeof Recurrence>;

export const Evidence = Type.Object({
  photos: Type.Integer({ description: 'photos required with each report' }),
  files: Type.Integer({ description: 'files required with each report' }),
  metricName: Nullable(Type.String({ description: 'a number to report, e.g. 悬挂横幅' })),
  metricUnit: Nullable(Type.String()),
});
export type Evidence = Static<typeof Evidence>;

export const TaskListItem = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  campaignName: Type.String(),
  activityId: Nullable(Type.Integer()),
  activityName: Nullable(Type.String()),
  batchId: Type.Integer(),
  source: StringEnum(TASK_SOURCES),
  sourceClause: Nullable(Type.String()),
  content: Type.String(),
  standard: Nullable(Type.String()),
  leadUnit: Ref,
  cooperatingUnits: Type.Array(Ref),
  responsibleName: Nullable(Type.String()),
  recurrence: Recurrence,
  evidence: Evidence,
  weight: Type.Number(),
  note: Nullable(Type.String()),
  status: StringEnum(['active', 'cancelled'] as const),
  completion: Completion,
  nextDueOn: Nullable(DateString),
  createdAt: DateTime,
});
export type TaskListItem = Static<typeof TaskListItem>;

const taskFilters = {
  campaignId: Type.Optional(id),
  activityId: Type.Optional(id),
  unitId: Type.Optional(id),
  batchId: Type.Optional(id),
  state: Type.Optional(
    StringEnum(TASK_LIST_STATES, {
      description:
        'open: some instance still to report; overdue: some instance overdue; submitted: waiting for review; done: every instance accepted',
    }),
  ),
  dueFrom: Type.Optional(DateString),
  dueTo: Type.Optional(DateString),
  q: PageQuery.q,
};
export const TaskExportQuery = Type.Object(taskFilters);
export type TaskExportQuery = Static<typeof TaskExportQuery>;
export const TaskListQuery = Type.Object({ ...PageQuery, ...taskFilters });
export type TaskListQuery = Static<typeof TaskListQuery>;

const taskFields = {
  activityId: Type.Optional(Nullable(id)),
  sourceClause: optionalText(100),
  content: Type.String({ minLength: 2, maxLength: L.textMax }),
  standard: optionalText(),
  cooperatingUnitIds: Type.Optional(Type.Array(id, { maxItems: 50 })),
  responsibleName: optionalText(50),
  recurrence: RecurrenceKind,
  dueOn: Type.Optional(Nullable(DateString)),
  repeatFrom: Type.Optional(Nullable(DateString)),
  repeatUntil: Type.Optional(Nullable(DateString)),
  repeatDay: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 31 }))),
  evidencePhotos: Type.Optional(Type.Integer({ minimum: 0, maximum: L.photosMax })),
  evidenceFiles: Type.Optional(Type.Integer({ minimum: 0, maximum: L.filesMax })),
  metricName: optionalText(30),
  metricUnit: optionalText(10),
  weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: L.weightMax })),
  note: optionalText(500),
};

export const CreateTasksBody = Type.Object(
  {
    ...taskFields,
    unitIds: Type.Array(id, {
      minItems: 1,
      maxItems: L.bulkUnitsMax,
      description: 'lead units: one ledger task per unit, created together (one batch)',
    }),
  },
  { additionalProperties: false },
);
export type CreateTasksBody = Static<typeof CreateTasksBody>;

export const CreateTasksResult = Type.Object({
  batchId: Type.Integer(),
  taskIds: Type.Array(Type.Integer()),
  instances: Type.Integer(),
});
export type CreateTasksResult = Static<typeof CreateTasksResult>;

export const UpdateTaskBody = Type.Partial(
  Type.Object({ ...taskFields, leadUnitId: id }, { additionalProperties: false }),
);
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;

export const CancelTaskBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type CancelTaskBody = Static<typeof CancelTaskBody>;

export const TaskLogEntry = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  instanceId: Nullable(Type.Integer()),
  instanceLabel: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  note: Nullable(Type.String()),
  data: Type.Unknown(),
});
export type TaskLogEntry = Static<typeof TaskLogEntry>;

// ---------------------------------------------------------------------------------------------
// Instances and reports
// ---------------------------------------------------------------------------------------------

export const InstanceListItem = Type.Object({
  id: Type.Integer(),
  taskId: Type.Integer(),
  campaignId: Type.Integer(),
  campaignName: Type.String(),
  activityName: Nullable(Type.String()),
  content: Type.String(),
  unit: Ref,
  label: Type.String({ description: "the period: '2026-03', '2026-W10', '2026-Q1' or the due date" }),
  periodStart: DateString,
  periodEnd: DateString,
  dueOn: DateString,
  status: TaskStatus,
  displayStatus: TaskDisplayStatus,
  daysLeft: Type.Integer({ description: 'due date minus today (negative when late)' }),
  submittedAt: Nullable(DateTime),
  acceptedAt: Nullable(DateTime),
  returnCount: Type.Integer(),
  escalationCount: Type.Integer(),
  evidence: Evidence,
  weight: Type.Number(),
});
export type InstanceListItem = Static<typeof InstanceListItem>;

const instanceFilters = {
  campaignId: Type.Optional(id),
  taskId: Type.Optional(id),
  activityId: Type.Optional(id),
  unitId: Type.Optional(id),
  status: Type.Optional(
    Type.String({ maxLength: 200, description: 'comma-separated display statuses (overdue included)' }),
  ),
  open: Type.Optional(Type.Boolean({ description: 'still to be reported (not submitted or accepted)' })),
  dueFrom: Type.Optional(DateString),
  dueTo: Type.Optional(DateString),
  q: PageQuery.q,
};
export const InstanceListQuery = Type.Object({ ...PageQuery, ...instanceFilters });
export type InstanceListQuery = Static<typeof InstanceListQuery>;

export const TaskReport = Type.Object({
  id: Type.Integer(),
  status: StringEnum(['draft', 'submitted', 'accepted', 'returned'] as const),
  body: Nullable(Type.String()),
  metricValue: Nullable(Type.Number()),
  photos: Type.Array(Type.String()),
  files: Type.Array(FileRef),
  events: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), startsAt: DateTime })),
  createdByName: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
  submittedAt: Nullable(DateTime),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(DateTime),
  reviewNote: Nullable(Type.String()),
});
export type TaskReport = Static<typeof TaskReport>;

export const InstanceDetail = Type.Object({
  ...InstanceListItem.properties,
  standard: Nullable(Type.String()),
  sourceClause: Nullable(Type.String()),
  responsibleName: Nullable(Type.String()),
  cooperatingUnits: Type.Array(Ref),
  returnedAt: Nullable(DateTime),
  draft: Nullable(TaskReport),
  reports: Type.Array(TaskReport, { description: 'submissions, newest first' }),
  log: Type.Array(TaskLogEntry),
  allowedActions: Type.Array(TaskAction, { description: 'what this user may do now' }),
});
export type InstanceDetail = Static<typeof InstanceDetail>;

export const TaskDetail = Type.Object({
  ...TaskListItem.properties,
  instances: Type.Array(InstanceListItem),
  log: Type.Array(TaskLogEntry),
  canManage: Type.Boolean(),
  editableSchedule: Type.Boolean({ description: 'lead unit and recurrence may change (no report yet)' }),
});
export type TaskDetail = Static<typeof TaskDetail>;

export const InstanceActionParams = Type.Object({ id, action: TaskAction });
export type InstanceActionParams = Static<typeof InstanceActionParams>;

export const InstanceActionBody = Type.Object(
  {
    body: Type.Optional(Nullable(Type.String({ maxLength: L.reportMax }))),
    metricValue: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e9 }))),
    photos: Type.Optional(Type.Array(FileId, { maxItems: L.photosMax })),
    files: Type.Optional(Type.Array(FileId, { maxItems: L.filesMax })),
    eventIds: Type.Optional(Type.Array(id, { maxItems: 20 })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'review remark; required to return' }))),
  },
  { additionalProperties: false },
);
export type InstanceActionBody = Static<typeof InstanceActionBody>;

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

export const EventPlace = Type.Object({ place: Type.String(), units: Type.Array(Ref) });

export const EventDetail = Type.Object({
  ...EventListItem.properties,
  participants: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  photos: Type.Array(Type.String()),
  files: Type.Array(FileRef),
  places: Type.Array(EventPlace),
  linkedReports: Type.Array(
    Type.Object({
      instanceId: Type.Integer(),
      taskId: Type.Integer(),
      content: Type.String(),
      unitName: Type.String(),
      label: Type.String(),
    }),
  ),
  canEdit: Type.Boolean(),
  createdAt: DateTime,
});
export type EventDetail = Static<typeof EventDetail>;

export const EventListQuery = Type.Object({
  ...PageQuery,
  campaignId: Type.Optional(id),
  kind: Type.Optional(EventKind),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
});
export type EventListQuery = Static<typeof EventListQuery>;

const eventFields = {
  kind: EventKind,
  title: Type.String({ minLength: 2, maxLength: L.nameMax }),
  startsAt: DateTime,
  endsAt: Type.Optional(Nullable(DateTime)),
  place: optionalText(200),
  organiserUnitId: Type.Optional(Nullable(id)),
  participants: optionalText(500),
  attendance: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
  outcome: optionalText(),
  photos: Type.Optional(Type.Array(FileId, { maxItems: L.photosMax })),
  files: Type.Optional(Type.Array(FileId, { maxItems: L.filesMax })),
  places: Type.Optional(
    Type.Array(
      Type.Object(
        {
          place: Type.String({ minLength: 1, maxLength: 100 }),
          unitIds: Type.Optional(Type.Array(id, { maxItems: 50 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50, description: 'places of a publicity day with the units assigned to each' },
    ),
  ),
};
export const EventBody = Type.Object(eventFields, { additionalProperties: false });
export type EventBody = Static<typeof EventBody>;
export const UpdateEventBody = Type.Partial(EventBody);
export type UpdateEventBody = Static<typeof UpdateEventBody>;

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

export const LedgerImportResult = Type.Object({
  tasks: Type.Integer(),
  instances: Type.Integer(),
  batchId: Type.Integer(),
});
export type LedgerImportResult = Static<typeof LedgerImportResult>;
