// API types of door-to-door canvassing: drives and assignments, visits, opinions (classify, group,
// route, reply, deliver), topics and the opinion classifier. The web app reads the same shapes.

import { Type, type Static } from 'typebox';
import {
  DELIVERY_CHANNELS,
  DRIVE_STATUSES,
  OPINION_SCOPES,
  OPINION_STATUSES,
  REPLY_KINDS,
  ROUTE_KINDS,
  TEXT_LIMITS,
  VISIT_SOURCES,
} from '@cc/common/canvass';
import { FILE_ID_PATTERN } from '../../platform/files.js';
import { DateString, DateTime, Nullable, PageQuery, StringEnum } from '../../platform/http.js';

const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const FileId = Type.String({ pattern: FILE_ID_PATTERN });
const TopicCode = Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)?$', maxLength: 40 });
const Ref = Type.Object({ id: Type.Integer(), name: Type.String() });
const Material = Type.String({ minLength: 1, maxLength: 40 });
const Exact = { additionalProperties: false } as const;

export const DriveStatus = StringEnum(DRIVE_STATUSES);
export const OpinionScope = StringEnum(OPINION_SCOPES);
export const OpinionStatus = StringEnum(OPINION_STATUSES);
export const RouteKind = StringEnum(ROUTE_KINDS);
export const ReplyKind = StringEnum(REPLY_KINDS);
export const DeliveryChannel = StringEnum(DELIVERY_CHANNELS);
export const VisitSource = StringEnum(VISIT_SOURCES);

// ---------------------------------------------------------------------------------------------
// Drives
// ---------------------------------------------------------------------------------------------

export const Progress = Type.Object({
  targetHouseholds: Type.Integer(),
  visitedHouseholds: Type.Integer({ description: 'distinct households visited (a visit without a door counts once)' }),
  visits: Type.Integer(),
  rate: Nullable(Type.Number({ description: 'visited / target, 0–1; null without a target' })),
});

export const OpinionCounts = Type.Object({
  total: Type.Integer(),
  new: Type.Integer({ description: 'not yet routed' }),
  awaitingReply: Type.Integer({ description: 'routed, no reply yet' }),
  awaitingDelivery: Type.Integer({ description: 'replied, not yet delivered to the resident' }),
  delivered: Type.Integer(),
  overdue: Type.Integer({ description: 'routed and past the answer date without a reply, or a promised date passed' }),
});

export const DriveListItem = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  region: Ref,
  campaign: Nullable(Ref),
  startsOn: DateString,
  endsOn: DateString,
  kickoffDueOn: Nullable(DateString),
  recordsDueOn: Nullable(DateString),
  status: DriveStatus,
  unitCount: Type.Integer(),
  communityCount: Type.Integer(),
  lateUnitCount: Type.Integer(),
  progress: Progress,
  opinions: OpinionCounts,
});
export type DriveListItem = Static<typeof DriveListItem>;

export const DriveDetail = Type.Object({
  ...DriveListItem.properties,
  description: Nullable(Type.String()),
  materials: Type.Array(Type.String()),
  answerDays: Type.Integer(),
  escalateEveryDays: Type.Integer(),
  canManage: Type.Boolean(),
  createdAt: DateTime,
});
export type DriveDetail = Static<typeof DriveDetail>;

export const DriveListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(DriveStatus),
});
export type DriveListQuery = Static<typeof DriveListQuery>;

const driveFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  campaignId: Type.Optional(Nullable(id)),
  startsOn: DateString,
  endsOn: DateString,
  kickoffDueOn: Type.Optional(Nullable(DateString)),
  recordsDueOn: Type.Optional(Nullable(DateString)),
  materials: Type.Optional(Type.Array(Material, { maxItems: 20, uniqueItems: true })),
  answerDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  escalateEveryDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
};
export const CreateDriveBody = Type.Object(
  { ...driveFields, regionId: Type.Optional(id) },
  { ...Exact, description: 'regionId defaults to the actor’s region (the city for city staff)' },
);
export type CreateDriveBody = Static<typeof CreateDriveBody>;
export const UpdateDriveBody = Type.Partial(Type.Object(driveFields), Exact);
export type UpdateDriveBody = Static<typeof UpdateDriveBody>;
export const DriveStatusBody = Type.Object({ status: DriveStatus }, Exact);
export type DriveStatusBody = Static<typeof DriveStatusBody>;

// ---------------------------------------------------------------------------------------------
// Assignments (unit → community → buildings)
// ---------------------------------------------------------------------------------------------

export const Building = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  targetHouseholds: Type.Integer(),
  visitedHouseholds: Type.Integer(),
});

export const Assignment = Type.Object({
  id: Type.Integer(),
  driveId: Type.Integer(),
  unit: Ref,
  community: Type.Object({ id: Type.Integer(), name: Type.String(), street: Nullable(Type.String()) }),
  targetHouseholds: Type.Integer(),
  kickedOffOn: Nullable(DateString),
  note: Nullable(Type.String()),
  buildings: Type.Array(Building),
  progress: Progress,
  late: Type.Boolean({ description: 'kick-off or records date passed and not met' }),
  lateReasons: Type.Array(StringEnum(['kickoff', 'records'] as const)),
});
export type Assignment = Static<typeof Assignment>;

export const AssignmentListQuery = Type.Object({
  ...PageQuery,
  unitId: Type.Optional(id),
  communityId: Type.Optional(id),
  late: Type.Optional(Type.Boolean()),
});
export type AssignmentListQuery = Static<typeof AssignmentListQuery>;

const BuildingInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    targetHouseholds: Type.Integer({ minimum: 0, maximum: 10_000 }),
  },
  Exact,
);
const assignmentFields = {
  targetHouseholds: Type.Integer({ minimum: 0, maximum: 100_000 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: TEXT_LIMITS.note }))),
  buildings: Type.Optional(Type.Array(BuildingInput, { maxItems: 500 })),
};
export const CreateAssignmentsBody = Type.Object(
  {
    items: Type.Array(Type.Object({ unitId: id, communityId: id, ...assignmentFields }, Exact), {
      minItems: 1,
      maxItems: 1000,
    }),
  },
  { ...Exact, description: 'all or nothing: one bad item refuses the batch (400 naming the item)' },
);
export type CreateAssignmentsBody = Static<typeof CreateAssignmentsBody>;
export const UpdateAssignmentBody = Type.Partial(Type.Object(assignmentFields), {
  ...Exact,
  description: 'buildings, when given, replace the list; a building with visits cannot be removed',
});
export type UpdateAssignmentBody = Static<typeof UpdateAssignmentBody>;
export const KickoffBody = Type.Object({ on: DateString }, Exact);
export type KickoffBody = Static<typeof KickoffBody>;

export const ProgressQuery = Type.Object({
  by: StringEnum(['unit', 'community', 'building'] as const),
  unitId: Type.Optional(id),
  communityId: Type.Optional(id),
});
export type ProgressQuery = Static<typeof ProgressQuery>;

export const ProgressRow = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  parentName: Nullable(Type.String({ description: 'street of a community, community of a building' })),
  centre: Nullable(Type.Tuple([Type.Number(), Type.Number()], { description: '[lng, lat] of a community' })),
  progress: Progress,
  late: Type.Boolean(),
  opinions: Type.Integer(),
});
export const ProgressList = Type.Object({ items: Type.Array(ProgressRow), total: Progress });
export type ProgressList = Static<typeof ProgressList>;

/** What a recorder may record against: open drives' assignments of the recorder's unit. */
export const MyAssignment = Type.Object({
  id: Type.Integer(),
  drive: Type.Object({ id: Type.Integer(), name: Type.String(), materials: Type.Array(Type.String()) }),
  unit: Ref,
  community: Type.Object({ id: Type.Integer(), name: Type.String(), street: Nullable(Type.String()) }),
  buildings: Type.Array(Building),
  progress: Progress,
});
export const MyAssignmentList = Type.Object({ items: Type.Array(MyAssignment) });
export type MyAssignmentList = Static<typeof MyAssignmentList>;

// ---------------------------------------------------------------------------------------------
// Visits
// ---------------------------------------------------------------------------------------------

const OpinionInput = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.opinion }),
    scope: Type.Optional(OpinionScope),
    topicCode: Type.Optional(TopicCode),
  },
  Exact,
);

const visitFields = {
  assignmentId: id,
  buildingId: Type.Optional(Nullable(id)),
  household: Type.Optional(Nullable(Type.String({ maxLength: TEXT_LIMITS.household }))),
  nameConsent: Type.Boolean({ description: 'the resident agreed to give the name' }),
  intervieweeName: Type.Optional(Nullable(Type.String({ maxLength: TEXT_LIMITS.name }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  visitedAt: Type.Optional(DateTime),
  materials: Type.Optional(Type.Array(Material, { maxItems: 20, uniqueItems: true })),
  opinions: Type.Array(OpinionInput, { maxItems: TEXT_LIMITS.opinionsPerVisit }),
  photos: Type.Optional(Type.Array(FileId, { maxItems: 6 })),
  note: Type.Optional(Nullable(Type.String({ maxLength: TEXT_LIMITS.note }))),
  idempotencyKey: Type.String({ minLength: 8, maxLength: 64 }),
};
export const CreateVisitBody = Type.Object(visitFields, Exact);
export type CreateVisitBody = Static<typeof CreateVisitBody>;
export const BatchVisitsBody = Type.Object(
  { visits: Type.Array(CreateVisitBody, { minItems: 1, maxItems: TEXT_LIMITS.batch }) },
  {
    ...Exact,
    description:
      'paper forms typed in: all checked first, saved in one transaction or refused (400 with every bad row’s fields)',
  },
);
export type BatchVisitsBody = Static<typeof BatchVisitsBody>;

export const OpinionBrief = Type.Object({
  id: Type.Integer(),
  seq: Type.Integer(),
  text: Type.String(),
  scope: Nullable(OpinionScope),
  topicCode: Nullable(Type.String()),
  subtopicCode: Nullable(Type.String()),
  status: OpinionStatus,
});

export const Visit = Type.Object({
  id: Type.Integer(),
  drive: Ref,
  assignmentId: Type.Integer(),
  unit: Ref,
  community: Ref,
  building: Nullable(Ref),
  household: Nullable(Type.String()),
  intervieweeName: Nullable(Type.String()),
  nameConsent: Type.Boolean(),
  phoneMasked: Nullable(Type.String({ description: 'e.g. 138****5678; the full number only via /phone' })),
  recorderName: Type.String(),
  visitedAt: DateTime,
  materials: Type.Array(Type.String()),
  photos: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  source: VisitSource,
  opinions: Type.Array(OpinionBrief),
  createdAt: DateTime,
});
export type Visit = Static<typeof Visit>;
export const VisitReceipt = Type.Object({ ...Visit.properties, replayed: Type.Boolean() });
export type VisitReceipt = Static<typeof VisitReceipt>;
export const BatchResult = Type.Object({
  created: Type.Integer(),
  replayed: Type.Integer(),
  ids: Type.Array(Type.Integer()),
});
export type BatchResult = Static<typeof BatchResult>;

export const VisitListQuery = Type.Object({
  ...PageQuery,
  driveId: Type.Optional(id),
  unitId: Type.Optional(id),
  communityId: Type.Optional(id),
  assignmentId: Type.Optional(id),
  mine: Type.Optional(Type.Boolean({ description: 'only visits recorded by the actor' })),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
});
export type VisitListQuery = Static<typeof VisitListQuery>;
export const PhoneResponse = Type.Object({ phone: Nullable(Type.String()) });

// ---------------------------------------------------------------------------------------------
// Opinions
// ---------------------------------------------------------------------------------------------

export const Suggestion = Type.Object({
  topicCode: Type.String(),
  subtopicCode: Nullable(Type.String()),
  unit: Nullable(Ref),
  confidence: Type.Number({ description: 'posterior probability of the suggested topic, 0–1' }),
});

export const Opinion = Type.Object({
  id: Type.Integer(),
  drive: Ref,
  visitId: Type.Integer(),
  unit: Ref,
  community: Ref,
  text: Type.String(),
  scope: Nullable(OpinionScope),
  topicCode: Nullable(Type.String()),
  subtopicCode: Nullable(Type.String()),
  classified: Type.Boolean({ description: 'a person confirmed the topic' }),
  suggestion: Nullable(Suggestion),
  group: Nullable(Type.Object({ id: Type.Integer(), label: Type.String(), count: Type.Integer() })),
  status: OpinionStatus,
  routeKind: Nullable(RouteKind),
  routedUnit: Nullable(Ref),
  routedAt: Nullable(DateTime),
  caseId: Nullable(Type.Integer()),
  answerDueOn: Nullable(DateString),
  overdue: Type.Boolean(),
  escalationCount: Type.Integer(),
  reply: Nullable(
    Type.Object({
      kind: ReplyKind,
      text: Type.String(),
      promisedOn: Nullable(DateString),
      byName: Nullable(Type.String()),
      at: DateTime,
    }),
  ),
  delivery: Nullable(Type.Object({ via: DeliveryChannel, note: Nullable(Type.String()), at: DateTime })),
  createdAt: DateTime,
  actions: Type.Array(StringEnum(['classify', 'route', 'reply', 'deliver'] as const)),
});
export type Opinion = Static<typeof Opinion>;

export const OpinionListQuery = Type.Object({
  ...PageQuery,
  driveId: Type.Optional(id),
  status: Type.Optional(OpinionStatus),
  topicCode: Type.Optional(TopicCode),
  scope: Type.Optional(OpinionScope),
  unclassified: Type.Optional(Type.Boolean()),
  communityId: Type.Optional(id),
  unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'the recording unit' })),
  routedUnitId: Type.Optional(id),
  groupId: Type.Optional(id),
  overdue: Type.Optional(Type.Boolean()),
  inbox: Type.Optional(
    Type.Boolean({ description: 'routed to the actor’s unit (office staff: any in scope) and not yet delivered' }),
  ),
});
export type OpinionListQuery = Static<typeof OpinionListQuery>;

export const ClassifyBody = Type.Object(
  { scope: OpinionScope, topicCode: TopicCode, subtopicCode: Type.Optional(Nullable(TopicCode)) },
  Exact,
);
export type ClassifyBody = Static<typeof ClassifyBody>;
export const AcceptSuggestionsBody = Type.Object(
  { ids: Type.Array(id, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  { ...Exact, description: 'confirms the suggested topic of each opinion (scope: common when grouped with others)' },
);
export type AcceptSuggestionsBody = Static<typeof AcceptSuggestionsBody>;
export const AcceptSuggestionsResult = Type.Object({ classified: Type.Integer(), skipped: Type.Integer() });

export const RouteBody = Type.Object(
  {
    unitId: id,
    kind: RouteKind,
    answerDueOn: Type.Optional(DateString),
    caseCategoryId: Type.Optional(id),
    wholeGroup: Type.Optional(Type.Boolean({ description: 'route every unrouted opinion of the group alike' })),
  },
  { ...Exact, description: 'kind case needs caseCategoryId; the case goes to the chosen unit' },
);
export type RouteBody = Static<typeof RouteBody>;
export const RouteResult = Type.Object({
  routed: Type.Integer(),
  caseIds: Type.Array(Type.Integer()),
  opinion: Opinion,
});
export type RouteResult = Static<typeof RouteResult>;

export const ReplyBody = Type.Object(
  {
    kind: ReplyKind,
    text: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.reply }),
    promisedOn: Type.Optional(Nullable(DateString)),
  },
  { ...Exact, description: 'scheduled needs promisedOn; cannot needs the explanation in text' },
);
export type ReplyBody = Static<typeof ReplyBody>;
export const DeliverBody = Type.Object(
  { via: DeliveryChannel, note: Type.Optional(Nullable(Type.String({ maxLength: TEXT_LIMITS.note }))) },
  Exact,
);
export type DeliverBody = Static<typeof DeliverBody>;

export const OpinionGroup = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  count: Type.Integer(),
  communityCount: Type.Integer(),
  topicCode: Nullable(Type.String({ description: 'the most frequent topic among the members' })),
  statusCounts: Type.Object({
    new: Type.Integer(),
    routed: Type.Integer(),
    answered: Type.Integer(),
    delivered: Type.Integer(),
  }),
});
export const GroupListQuery = Type.Object({
  ...PageQuery,
  driveId: id,
  minCount: Type.Optional(Type.Integer({ minimum: 1, default: 2 })),
});
export type GroupListQuery = Static<typeof GroupListQuery>;
export const RegroupResult = Type.Object({ opinions: Type.Integer(), groups: Type.Integer(), ms: Type.Integer() });

// ---------------------------------------------------------------------------------------------
// Topics and the classifier
// ---------------------------------------------------------------------------------------------

export const Topic = Type.Object({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  name: Type.String(),
  sort: Type.Integer(),
  active: Type.Boolean(),
});
export const TopicList = Type.Object({ items: Type.Array(Topic) });
export const CreateTopicBody = Type.Object(
  {
    parentCode: TopicCode,
    code: Type.String({ pattern: '^[a-z0-9_]{1,20}$', description: 'the part after the dot' }),
    name: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { ...Exact, description: 'adds a sub-topic under one of the four top-level topics' },
);
export type CreateTopicBody = Static<typeof CreateTopicBody>;
export const UpdateTopicBody = Type.Partial(
  Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }), active: Type.Boolean(), sort: Type.Integer() }),
  Exact,
);
export type UpdateTopicBody = Static<typeof UpdateTopicBody>;
export const TopicParams = Type.Object({ code: TopicCode });

const Metric = Type.Object({
  code: Type.String(),
  precision: Type.Number(),
  recall: Type.Number(),
  support: Type.Integer(),
});
export const ClassifierStatus = Type.Object({
  trained: Type.Boolean(),
  trainedAt: Nullable(DateTime),
  sampleCount: Type.Integer(),
  holdoutCount: Type.Integer(),
  accuracy: Nullable(Type.Number({ description: 'top-level topic accuracy on the held-out split, 0–1' })),
  subtopicAccuracy: Nullable(Type.Number()),
  unitAccuracy: Nullable(Type.Number({ description: 'suggested unit = routed unit on the held-out split' })),
  trainMs: Nullable(Type.Integer()),
  perTopic: Type.Array(Metric),
  confusion: Type.Array(Type.Object({ actual: Type.String(), predicted: Type.String(), count: Type.Integer() })),
  availableSamples: Type.Integer({ description: 'classified opinions the next training would use' }),
});
export type ClassifierStatus = Static<typeof ClassifierStatus>;
export const SuggestBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.opinion }) }, Exact);
export const SuggestResponse = Type.Object({
  suggestion: Nullable(Suggestion),
  topics: Type.Array(Type.Object({ code: Type.String(), probability: Type.Number() })),
});
export type SuggestResponse = Static<typeof SuggestResponse>;
