// API shapes of cases: categories and settings, intake, the list and its filters, the detail with
// its log, transitions, duplicates, rectification notices, metrics, and the public side.

import { Type, type Static, type TSchema } from 'typebox';
import { CASE_ACTIONS, CASE_SOURCES, CASE_STATUSES, LIMIT_UNITS, OWNER_RULES } from '@cc/common/cases';
import { FILE_ID_PATTERN } from '../../platform/files.js';
import { DateString, DateTime, Nullable, PageQuery, StringEnum } from '../../platform/http.js';

const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
export const CaseStatus = StringEnum(CASE_STATUSES);
export const CaseSource = StringEnum(CASE_SOURCES);
export const CaseAction = StringEnum(CASE_ACTIONS);
export const LimitUnit = StringEnum(LIMIT_UNITS);
export const OwnerRule = StringEnum(OWNER_RULES);
export const FileId = Type.String({ pattern: FILE_ID_PATTERN });

/**
 * Nullable with null tried first: the request validator coerces types, and with the number tried
 * first a JSON null coordinate would become 0 (a point far outside the city) instead of "none".
 */
const OrNull = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

// ---------------------------------------------------------------------------------------------
// Categories and settings
// ---------------------------------------------------------------------------------------------

export const Category = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  code: Type.String(),
  name: Type.String(),
  ownerRule: OwnerRule,
  limitUnit: LimitUnit,
  limitAmount: Type.Integer(),
  verifyLimitUnit: Nullable(LimitUnit),
  verifyLimitAmount: Nullable(Type.Integer()),
  sort: Type.Integer(),
  active: Type.Boolean(),
});
export type Category = Static<typeof Category>;

export const CategoryList = Type.Object({ items: Type.Array(Category) });

const categoryFields = {
  name: Type.String({ minLength: 1, maxLength: 50 }),
  ownerRule: OwnerRule,
  limitUnit: LimitUnit,
  limitAmount: Type.Integer({ minimum: 1, maximum: 10_000 }),
  verifyLimitUnit: Type.Optional(Nullable(LimitUnit)),
  verifyLimitAmount: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000 }))),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  active: Type.Optional(Type.Boolean()),
};

export const CreateCategoryBody = Type.Object(
  {
    parentId: Type.Optional(Nullable(id)),
    code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,30}$', description: 'unique in the city' }),
    ...categoryFields,
  },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const UpdateCategoryBody = Type.Partial(Type.Object(categoryFields), { additionalProperties: false });
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const CaseSettings = Type.Object({
  duplicateRadiusM: Type.Integer({ minimum: 1, maximum: 5000 }),
  duplicateDays: Type.Integer({ minimum: 1, maximum: 365 }),
  duplicateMinSimilarity: Type.Number({ minimum: 0, maximum: 1 }),
  remindBeforeRatio: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'remind when this share of the time limit is left (0.2 = last fifth)',
  }),
  escalateEveryMinutes: Type.Integer({ minimum: 10, maximum: 43_200 }),
  noticeIssuer: Type.String({ maxLength: 100, description: '发文机关 on rectification notices' }),
  noticePrefix: Type.String({ maxLength: 30, description: 'document number prefix, e.g. 示范创城办' }),
});
export type CaseSettings = Static<typeof CaseSettings>;
export const UpdateCaseSettingsBody = Type.Partial(CaseSettings, { additionalProperties: false });
export type UpdateCaseSettingsBody = Static<typeof UpdateCaseSettingsBody>;

// ---------------------------------------------------------------------------------------------
// Intake
// ---------------------------------------------------------------------------------------------

const intakeFields = {
  categoryId: id,
  description: Type.String({ minLength: 2, maxLength: 2000 }),
  address: Type.Optional(OrNull(Type.String({ maxLength: 200 }))),
  lng: Type.Optional(OrNull(Type.Number({ minimum: -180, maximum: 180 }))),
  lat: Type.Optional(OrNull(Type.Number({ minimum: -90, maximum: 90 }))),
  communityId: Type.Optional(OrNull(id)),
  photos: Type.Optional(Type.Array(FileId, { maxItems: 9 })),
  idempotencyKey: Type.Optional(
    Type.String({ minLength: 8, maxLength: 64, description: 'client-made key: a retry returns the same case' }),
  ),
};

export const CreateCaseBody = Type.Object(
  {
    ...intakeFields,
    source: Type.Optional(CaseSource),
    siteName: Type.Optional(OrNull(Type.String({ maxLength: 100 }))),
    ownerUnitId: Type.Optional(OrNull(id)),
    reporterName: Type.Optional(OrNull(Type.String({ maxLength: 50 }))),
    reporterPhone: Type.Optional(OrNull(Type.String({ maxLength: 20 }))),
  },
  { additionalProperties: false },
);
export type CreateCaseBody = Static<typeof CreateCaseBody>;

export const PublicCreateCaseBody = Type.Object(
  {
    ...intakeFields,
    reporterName: Type.Optional(OrNull(Type.String({ maxLength: 50 }))),
    reporterPhone: Type.Optional(OrNull(Type.String({ maxLength: 20 }))),
  },
  { additionalProperties: false },
);
export type PublicCreateCaseBody = Static<typeof PublicCreateCaseBody>;

// ---------------------------------------------------------------------------------------------
// List, detail, log
// ---------------------------------------------------------------------------------------------

export const CaseListItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  status: CaseStatus,
  source: CaseSource,
  categoryId: Type.Integer(),
  categoryName: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  regionId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  deadlineAt: Nullable(DateTime),
  overdue: Type.Boolean({ description: 'working past the deadline, or closed after it' }),
  escalationCount: Type.Integer(),
  extensionPending: Type.Boolean(),
  duplicateOfId: Nullable(Type.Integer()),
  createdAt: DateTime,
  closedAt: Nullable(DateTime),
});
export type CaseListItem = Static<typeof CaseListItem>;

const listFilters = {
  status: Type.Optional(Type.String({ maxLength: 300, description: 'comma-separated statuses' })),
  categoryId: Type.Optional(Type.Integer({ minimum: 1, description: 'the category and its sub-categories' })),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  regionId: Type.Optional(Type.Integer({ minimum: 1, description: 'the region and its subtree' })),
  source: Type.Optional(CaseSource),
  overdue: Type.Optional(Type.Boolean()),
  escalated: Type.Optional(Type.Boolean()),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  q: PageQuery.q,
};

export const CaseExportQuery = Type.Object(listFilters);
export type CaseExportQuery = Static<typeof CaseExportQuery>;
export const CaseListQuery = Type.Object({ ...PageQuery, ...listFilters });
export type CaseListQuery = Static<typeof CaseListQuery>;

export const CaseCounts = Type.Object({
  byStatus: Type.Record(Type.String(), Type.Integer()),
  overdue: Type.Integer(),
  escalated: Type.Integer(),
  extensionPending: Type.Integer(),
  dueSoon: Type.Integer({ description: 'working cases due within 24 hours' }),
});
export type CaseCounts = Static<typeof CaseCounts>;

export const CaseLogEntry = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorName: Nullable(Type.String()),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  note: Nullable(Type.String()),
  data: Type.Unknown(),
  photos: Type.Array(Type.String()),
});
export type CaseLogEntry = Static<typeof CaseLogEntry>;

export const CasePhoto = Type.Object({
  fileId: Type.String(),
  kind: StringEnum(['before', 'after', 'verify'] as const),
  isPublic: Type.Boolean(),
});

export const CaseReporter = Type.Object({
  name: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: 'masked' })),
  source: Type.String(),
  reportedAt: DateTime,
  mergedFromId: Nullable(Type.Integer()),
});

export const Extension = Type.Object({
  id: Type.Integer(),
  requestedAt: DateTime,
  requestedByName: Nullable(Type.String()),
  reason: Type.String(),
  requestedDeadline: DateTime,
  status: StringEnum(['pending', 'approved', 'refused'] as const),
  decidedAt: Nullable(DateTime),
  decisionNote: Nullable(Type.String()),
});

export const Routing = Type.Object({
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  rule: StringEnum(['owner', 'area', 'none'] as const),
  reason: Type.String({ description: 'why this unit, in words a clerk understands' }),
});
export type Routing = Static<typeof Routing>;

export const CaseDetail = Type.Object({
  ...CaseListItem.properties,
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  communityId: Nullable(Type.Integer()),
  communityName: Nullable(Type.String()),
  gridId: Nullable(Type.Integer()),
  gridName: Nullable(Type.String()),
  siteName: Nullable(Type.String()),
  ownerUnitId: Nullable(Type.Integer()),
  ownerUnitName: Nullable(Type.String()),
  limitUnit: LimitUnit,
  limitAmount: Type.Integer(),
  isPublic: Type.Boolean(),
  originalDeadlineAt: Nullable(DateTime),
  verifyDeadlineAt: Nullable(DateTime),
  dispatchedAt: Nullable(DateTime),
  handledAt: Nullable(DateTime),
  verifiedAt: Nullable(DateTime),
  closedOnTime: Nullable(Type.Boolean()),
  reworkCount: Type.Integer(),
  extensionCount: Type.Integer(),
  returnCount: Type.Integer(),
  reopenCount: Type.Integer(),
  mergedIntoId: Nullable(Type.Integer()),
  duplicateScore: Nullable(Type.Number()),
  routing: Routing,
  photos: Type.Array(CasePhoto),
  reporters: Type.Array(CaseReporter),
  extensions: Type.Array(Extension),
  log: Type.Array(CaseLogEntry),
  allowedActions: Type.Array(CaseAction, { description: 'what this user may do now' }),
  replayed: Type.Optional(Type.Boolean({ description: 'intake only: an earlier submission with this key' })),
});
export type CaseDetail = Static<typeof CaseDetail>;

export const TransitionParams = Type.Object({ id, action: CaseAction });
export type TransitionParams = Static<typeof TransitionParams>;

export const TransitionBody = Type.Object(
  {
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    photos: Type.Optional(Type.Array(FileId, { maxItems: 9 })),
    unitId: Type.Optional(id),
    deadline: Type.Optional(DateTime),
    targetCaseId: Type.Optional(id),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const PublishBody = Type.Object(
  {
    isPublic: Type.Boolean(),
    publicPhotos: Type.Optional(Type.Array(FileId, { description: 'photos shown on the public board' })),
  },
  { additionalProperties: false },
);
export type PublishBody = Static<typeof PublishBody>;

export const DuplicateCandidate = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  status: CaseStatus,
  categoryName: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  distanceM: Nullable(Type.Number()),
  similarity: Type.Number(),
  createdAt: DateTime,
});
export const DuplicateList = Type.Object({ items: Type.Array(DuplicateCandidate) });
export type DuplicateList = Static<typeof DuplicateList>;

export const MapPoint = Type.Object({
  id: Type.Integer(),
  lng: Type.Number(),
  lat: Type.Number(),
  status: CaseStatus,
  categoryName: Type.String(),
  overdue: Type.Boolean(),
});
export const MapPoints = Type.Object({
  items: Type.Array(MapPoint),
  truncated: Type.Boolean(),
  grids: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), polygon: Type.Unknown() })),
});

// ---------------------------------------------------------------------------------------------
// Rectification notices
// ---------------------------------------------------------------------------------------------

export const CreateNoticeBody = Type.Object(
  {
    caseIds: Type.Array(id, { minItems: 1, maxItems: 50, description: 'open cases of one unit' }),
    deadline: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export type CreateNoticeBody = Static<typeof CreateNoticeBody>;

export const Notice = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  caseIds: Type.Array(Type.Integer()),
  deadlineAt: DateTime,
  issuedAt: DateTime,
  issuedByName: Nullable(Type.String()),
});
export type Notice = Static<typeof Notice>;
export const NoticeListQuery = Type.Object({ ...PageQuery, unitId: Type.Optional(id) });

// ---------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------

export const MetricsQuery = Type.Object({
  groupBy: StringEnum(['unit', 'region', 'category', 'month'] as const),
  from: DateString,
  to: DateString,
  regionId: Type.Optional(id),
  unitId: Type.Optional(id),
  categoryId: Type.Optional(id),
});
export type MetricsQuery = Static<typeof MetricsQuery>;

export const MetricsRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  received: Type.Integer(),
  due: Type.Integer(),
  closed: Type.Integer(),
  closedOnTime: Type.Integer(),
  closeRate: Nullable(Type.Number()),
  onTimeRate: Nullable(Type.Number()),
  reworkRate: Nullable(Type.Number()),
  extensionRate: Nullable(Type.Number()),
  escalated: Type.Integer(),
  avgHandlingHours: Nullable(Type.Number()),
  p90HandlingHours: Nullable(Type.Number()),
});
export type MetricsRow = Static<typeof MetricsRow>;
export const MetricsResult = Type.Object({ rows: Type.Array(MetricsRow), total: MetricsRow });
export type MetricsResult = Static<typeof MetricsResult>;

// ---------------------------------------------------------------------------------------------
// Public side (no sign-in): report, follow a report, the board
// ---------------------------------------------------------------------------------------------

export const CityCodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{12}$' }) });
export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });

export const PublicCity = Type.Object({
  name: Type.String(),
  code: Type.String(),
  categories: Type.Array(Type.Object({ id: Type.Integer(), parentId: Nullable(Type.Integer()), name: Type.String() })),
  communities: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), streetName: Type.String() })),
});

export const PublicReceipt = Type.Object({
  code: Type.String(),
  trackingToken: Type.String({ description: 'keep it to follow the report' }),
  duplicateOfCode: Nullable(Type.String()),
});

export const PublicCaseView = Type.Object({
  code: Type.String(),
  status: CaseStatus,
  categoryName: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  createdAt: DateTime,
  closedAt: Nullable(DateTime),
  canSayNotFixed: Type.Boolean(),
  steps: Type.Array(Type.Object({ at: DateTime, action: Type.String(), toStatus: Nullable(Type.String()) })),
});

export const NotFixedBody = Type.Object(
  { note: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);

export const BoardItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  status: CaseStatus,
  categoryName: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  createdAt: DateTime,
  closedAt: Nullable(DateTime),
  beforePhotos: Type.Array(Type.String({ description: 'URL of the public copy' })),
  afterPhotos: Type.Array(Type.String()),
});
export const BoardQuery = Type.Object({
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
  state: Type.Optional(StringEnum(['exposed', 'fixed'] as const)),
});
export const PublicPhotoParams = Type.Object({ code: CityCodeParams.properties.code, id, fileId: FileId });
