// The shapes the canvassing API sends and takes (see the server's canvass.schemas.ts): drives and
// their assignments, progress rows, the recorder's assignments, visits, opinions with their
// suggestion and allowed actions, opinion groups, topics and the classifier's status.
import type {
  DeliveryChannel,
  DriveStatus,
  OpinionScope,
  OpinionStatus,
  ReplyKind,
  RouteKind,
  VisitSource,
} from '@cc/common/canvass';

export interface Ref {
  id: number;
  name: string;
}

export interface Progress {
  targetHouseholds: number;
  visitedHouseholds: number;
  visits: number;
  /** visited / target, 0–1; null without a target. */
  rate: number | null;
}

export interface OpinionCounts {
  total: number;
  new: number;
  awaitingReply: number;
  awaitingDelivery: number;
  delivered: number;
  overdue: number;
}

export interface DriveListItem {
  id: number;
  name: string;
  region: Ref;
  campaign: Ref | null;
  startsOn: string;
  endsOn: string;
  kickoffDueOn: string | null;
  recordsDueOn: string | null;
  status: DriveStatus;
  unitCount: number;
  communityCount: number;
  lateUnitCount: number;
  progress: Progress;
  opinions: OpinionCounts;
}

export interface DriveDetail extends DriveListItem {
  description: string | null;
  materials: string[];
  answerDays: number;
  escalateEveryDays: number;
  canManage: boolean;
  createdAt: string;
}

export interface DriveFields {
  name: string;
  description?: string | null;
  campaignId?: number | null;
  startsOn: string;
  endsOn: string;
  kickoffDueOn?: string | null;
  recordsDueOn?: string | null;
  materials?: string[];
  answerDays?: number;
  escalateEveryDays?: number;
}

export type CreateDriveBody = DriveFields & { regionId?: number };
export type UpdateDriveBody = Partial<DriveFields>;

export interface Building {
  id: number;
  name: string;
  targetHouseholds: number;
  visitedHouseholds: number;
}

export interface CommunityRef {
  id: number;
  name: string;
  street: string | null;
}

export type LateReason = 'kickoff' | 'records';

export interface Assignment {
  id: number;
  driveId: number;
  unit: Ref;
  community: CommunityRef;
  targetHouseholds: number;
  kickedOffOn: string | null;
  note: string | null;
  buildings: Building[];
  progress: Progress;
  late: boolean;
  lateReasons: LateReason[];
}

export interface BuildingInput {
  name: string;
  targetHouseholds: number;
}

export interface AssignmentFields {
  targetHouseholds: number;
  note?: string | null;
  buildings?: BuildingInput[];
}

export interface CreateAssignmentsBody {
  items: (AssignmentFields & { unitId: number; communityId: number })[];
}

export type UpdateAssignmentBody = Partial<AssignmentFields>;

export const PROGRESS_DIMENSIONS = ['unit', 'community', 'building'] as const;
export type ProgressDimension = (typeof PROGRESS_DIMENSIONS)[number];

export interface ProgressRow {
  id: number;
  name: string;
  /** Street of a community, community of a building. */
  parentName: string | null;
  /** [lng, lat] of a community. */
  centre: [number, number] | null;
  progress: Progress;
  late: boolean;
  opinions: number;
}

export interface ProgressList {
  items: ProgressRow[];
  total: Progress;
}

export interface MyAssignment {
  id: number;
  drive: { id: number; name: string; materials: string[] };
  unit: Ref;
  community: CommunityRef;
  buildings: Building[];
  progress: Progress;
}

export interface OpinionInput {
  text: string;
  scope?: OpinionScope;
  topicCode?: string;
}

export interface CreateVisitBody {
  assignmentId: number;
  buildingId?: number | null;
  household?: string | null;
  nameConsent: boolean;
  intervieweeName?: string | null;
  phone?: string | null;
  visitedAt?: string;
  materials?: string[];
  opinions: OpinionInput[];
  photos?: string[];
  note?: string | null;
  idempotencyKey: string;
}

export interface OpinionBrief {
  id: number;
  seq: number;
  text: string;
  scope: OpinionScope | null;
  topicCode: string | null;
  subtopicCode: string | null;
  status: OpinionStatus;
}

export interface Visit {
  id: number;
  drive: Ref;
  assignmentId: number;
  unit: Ref;
  community: Ref;
  building: Ref | null;
  household: string | null;
  intervieweeName: string | null;
  nameConsent: boolean;
  phoneMasked: string | null;
  recorderName: string;
  visitedAt: string;
  materials: string[];
  photos: string[];
  note: string | null;
  source: VisitSource;
  opinions: OpinionBrief[];
  createdAt: string;
}

export interface VisitReceipt extends Visit {
  replayed: boolean;
}

export interface BatchResult {
  created: number;
  replayed: number;
  ids: number[];
}

export interface Suggestion {
  topicCode: string;
  subtopicCode: string | null;
  unit: Ref | null;
  /** Posterior probability of the suggested topic, 0–1. */
  confidence: number;
}

export const OPINION_ACTIONS = ['classify', 'route', 'reply', 'deliver'] as const;
export type OpinionAction = (typeof OPINION_ACTIONS)[number];

export interface Opinion {
  id: number;
  drive: Ref;
  visitId: number;
  unit: Ref;
  community: Ref;
  text: string;
  scope: OpinionScope | null;
  topicCode: string | null;
  subtopicCode: string | null;
  classified: boolean;
  suggestion: Suggestion | null;
  group: { id: number; label: string; count: number } | null;
  status: OpinionStatus;
  routeKind: RouteKind | null;
  routedUnit: Ref | null;
  routedAt: string | null;
  caseId: number | null;
  answerDueOn: string | null;
  overdue: boolean;
  escalationCount: number;
  reply: {
    kind: ReplyKind;
    text: string;
    promisedOn: string | null;
    byName: string | null;
    at: string;
  } | null;
  delivery: { via: DeliveryChannel; note: string | null; at: string } | null;
  createdAt: string;
  actions: OpinionAction[];
}

export interface ClassifyBody {
  scope: OpinionScope;
  topicCode: string;
  subtopicCode?: string | null;
}

export interface RouteBody {
  unitId: number;
  kind: RouteKind;
  answerDueOn?: string;
  caseCategoryId?: number;
  wholeGroup?: boolean;
}

export interface RouteResult {
  routed: number;
  caseIds: number[];
  opinion: Opinion;
}

export interface ReplyBody {
  kind: ReplyKind;
  text: string;
  promisedOn?: string | null;
}

export interface DeliverBody {
  via: DeliveryChannel;
  note?: string | null;
}

export interface OpinionGroup {
  id: number;
  label: string;
  count: number;
  communityCount: number;
  topicCode: string | null;
  statusCounts: Record<OpinionStatus, number>;
}

export interface RegroupResult {
  opinions: number;
  groups: number;
  ms: number;
}

export interface Topic {
  code: string;
  parentCode: string | null;
  name: string;
  sort: number;
  active: boolean;
}

export interface CreateTopicBody {
  parentCode: string;
  /** The part after the dot. */
  code: string;
  name: string;
}

export interface UpdateTopicBody {
  name?: string;
  active?: boolean;
  sort?: number;
}

export interface TopicMetric {
  code: string;
  precision: number;
  recall: number;
  support: number;
}

export interface ClassifierStatus {
  trained: boolean;
  trainedAt: string | null;
  sampleCount: number;
  holdoutCount: number;
  accuracy: number | null;
  subtopicAccuracy: number | null;
  unitAccuracy: number | null;
  trainMs: number | null;
  perTopic: TopicMetric[];
  confusion: { actual: string; predicted: string; count: number }[];
  availableSamples: number;
}

export interface SuggestResponse {
  suggestion: Suggestion | null;
  topics: { code: string; probability: number }[];
}
