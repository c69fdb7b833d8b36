// API shapes of the evaluation index, site types and sites, checklists with rules, inspection
// rounds (draw, assignment, progress, rollups), inspections (the phone checklist, submission,
// rechecks) and material review.

import { Type, type Static, type TSchema } from 'typebox';
import {
  INDEX_LEVELS,
  INDEX_METHODS,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  MATERIAL_STATUSES,
  ROLLUP_DIMENSIONS,
  ROUND_STATUSES,
} from '@cc/common/inspections';
import { PHASES } from '@cc/common/inspection-rules';
import { FILE_ID_PATTERN } from '../../platform/files.js';
import { DateString, DateTime, Nullable, PageQuery, StringEnum } from '../../platform/http.js';

const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const FileId = Type.String({ pattern: FILE_ID_PATTERN });
const Code = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' });
const OrNull = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

export const IndexLevel = StringEnum(INDEX_LEVELS);
export const IndexMethod = StringEnum(INDEX_METHODS);
export const Phase = StringEnum(PHASES);
export const RoundStatus = StringEnum(ROUND_STATUSES);
export const InspectionStatus = StringEnum(INSPECTION_STATUSES);
export const InspectionKind = StringEnum(INSPECTION_KINDS);
export const MaterialStatus = StringEnum(MATERIAL_STATUSES);
export const Outcome = StringEnum(['pass', 'fail', 'na'] as const);

const Ref = Type.Object({ id: Type.Integer(), name: Type.String() });

// ---------------------------------------------------------------------------------------------
// Evaluation index
// ---------------------------------------------------------------------------------------------

export const IndexNode = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  level: IndexLevel,
  code: Type.String(),
  name: Type.String(),
  methods: Type.Array(IndexMethod),
  points: Nullable(Type.Number()),
  siteTypes: Type.Array(Type.String()),
  sort: Type.Integer(),
  active: Type.Boolean(),
});
export type IndexNode = Static<typeof IndexNode>;
export const IndexList = Type.Object({
  items: Type.Array(IndexNode),
  isSample: Type.Boolean({ description: 'the city still uses the editable sample transcribed from the seeds' }),
});

const indexFields = {
  name: Type.String({ minLength: 1, maxLength: 500 }),
  methods: Type.Optional(Type.Array(IndexMethod, { uniqueItems: true, maxItems: 3 })),
  points: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1000 }))),
  siteTypes: Type.Optional(Type.Array(Code, { maxItems: 60, uniqueItems: true })),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  active: Type.Optional(Type.Boolean()),
};
export const CreateIndexNodeBody = Type.Object(
  { parentId: Type.Optional(Nullable(id)), level: IndexLevel, code: Code, ...indexFields },
  { additionalProperties: false },
);
export type CreateIndexNodeBody = Static<typeof CreateIndexNodeBody>;
export const UpdateIndexNodeBody = Type.Partial(Type.Object(indexFields), { additionalProperties: false });
export type UpdateIndexNodeBody = Static<typeof UpdateIndexNodeBody>;

export const ImportResult = Type.Object({ inserted: Type.Integer(), updated: Type.Integer() });
export type ImportResult = Static<typeof ImportResult>;

// ---------------------------------------------------------------------------------------------
// Site types and sites
// ---------------------------------------------------------------------------------------------

export const SiteType = Type.Object({
  code: Type.String(),
  name: Type.String(),
  sort: Type.Integer(),
  active: Type.Boolean(),
  siteCount: Type.Integer(),
  itemCount: Type.Integer({ description: 'active checklist items' }),
});
export type SiteType = Static<typeof SiteType>;
export const SiteTypeList = Type.Object({ items: Type.Array(SiteType) });
export const CreateSiteTypeBody = Type.Object(
  { code: Code, name: Type.String({ minLength: 1, maxLength: 40 }), sort: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);
export type CreateSiteTypeBody = Static<typeof CreateSiteTypeBody>;
export const UpdateSiteTypeBody = Type.Partial(
  Type.Object({
    name: Type.String({ minLength: 1, maxLength: 40 }),
    sort: Type.Integer({ minimum: 0, maximum: 100_000 }),
    active: Type.Boolean(),
  }),
  { additionalProperties: false },
);
export type UpdateSiteTypeBody = Static<typeof UpdateSiteTypeBody>;
export const CodeParams = Type.Object({ code: Code });

export const Site = Type.Object({
  id: Type.Integer(),
  typeCode: Type.String(),
  typeName: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  regionId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String({ description: 'masked' })),
  active: Type.Boolean(),
  lastScore: Nullable(Type.Number()),
  lastInspectedAt: Nullable(DateTime),
});
export type Site = Static<typeof Site>;

const siteFilters = {
  typeCode: Type.Optional(Code),
  regionId: Type.Optional(id),
  unitId: Type.Optional(id),
  active: Type.Optional(Type.Boolean()),
  q: PageQuery.q,
};
export const SiteListQuery = Type.Object({ ...PageQuery, ...siteFilters });
export type SiteListQuery = Static<typeof SiteListQuery>;
export const SiteExportQuery = Type.Object(siteFilters);
export type SiteExportQuery = Static<typeof SiteExportQuery>;

export const SiteMap = Type.Object({
  points: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      typeCode: Type.String(),
      lng: Type.Number(),
      lat: Type.Number(),
      lastScore: Nullable(Type.Number()),
    }),
  ),
});

const siteFields = {
  typeCode: Code,
  name: Type.String({ minLength: 2, maxLength: 100 }),
  address: Type.Optional(OrNull(Type.String({ maxLength: 200 }))),
  lng: Type.Optional(OrNull(Type.Number({ minimum: -180, maximum: 180 }))),
  lat: Type.Optional(OrNull(Type.Number({ minimum: -90, maximum: 90 }))),
  regionId: Type.Optional(OrNull(id)),
  unitId: Type.Optional(OrNull(id)),
  contactName: Type.Optional(OrNull(Type.String({ maxLength: 50 }))),
  contactPhone: Type.Optional(OrNull(Type.String({ maxLength: 20 }))),
  active: Type.Optional(Type.Boolean()),
};
export const CreateSiteBody = Type.Object(siteFields, { additionalProperties: false });
export type CreateSiteBody = Static<typeof CreateSiteBody>;
export const UpdateSiteBody = Type.Partial(Type.Object(siteFields), { additionalProperties: false });
export type UpdateSiteBody = Static<typeof UpdateSiteBody>;

export const InspectionListItem = Type.Object({
  id: Type.Integer(),
  kind: InspectionKind,
  roundId: Nullable(Type.Integer()),
  roundName: Nullable(Type.String()),
  roundStatus: Nullable(RoundStatus),
  windowEndsOn: Nullable(DateString),
  originCaseId: Nullable(Type.Integer()),
  site: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    typeCode: Type.String(),
    typeName: Type.String(),
    address: Nullable(Type.String()),
    lng: Nullable(Type.Number()),
    lat: Nullable(Type.Number()),
  }),
  regionName: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  inspector: Nullable(Ref),
  status: InspectionStatus,
  score: Nullable(Type.Number()),
  failed: Nullable(Type.Integer()),
  submittedAt: Nullable(DateTime),
  distanceM: Nullable(Type.Number({ description: 'from the position given in the query' })),
});
export type InspectionListItem = Static<typeof InspectionListItem>;

export const SiteDetail = Type.Object({
  ...Site.properties,
  inspections: Type.Array(InspectionListItem, { description: 'latest first' }),
});
export type SiteDetail = Static<typeof SiteDetail>;

// ---------------------------------------------------------------------------------------------
// Checklists
// ---------------------------------------------------------------------------------------------

/** A rule as the editor sends it; checked by validateRule (@cc/common/inspection-rules). */
export const RuleBody = Type.Object({ kind: Type.String() }, { additionalProperties: true });

export const ChecklistItem = Type.Object({
  id: Type.Integer(),
  typeCode: Type.String(),
  standardId: Nullable(Type.Integer()),
  standardCode: Nullable(Type.String()),
  standardName: Nullable(Type.String()),
  title: Type.String(),
  guidance: Nullable(Type.String()),
  rule: Type.Unknown({ description: 'RuleSpec' }),
  ruleText: Type.String({ description: 'the requirement in the user’s language' }),
  points: Type.Number(),
  photoRequired: Type.Boolean(),
  caseCategoryCode: Nullable(Type.String()),
  sort: Type.Integer(),
  active: Type.Boolean(),
});
export type ChecklistItem = Static<typeof ChecklistItem>;
export const ChecklistQuery = Type.Object({ typeCode: Type.Optional(Code), active: Type.Optional(Type.Boolean()) });
export type ChecklistQuery = Static<typeof ChecklistQuery>;
export const ChecklistList = Type.Object({ items: Type.Array(ChecklistItem) });

const checklistFields = {
  typeCode: Code,
  standardId: Type.Optional(Nullable(id)),
  title: Type.String({ minLength: 2, maxLength: 200 }),
  guidance: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  rule: RuleBody,
  points: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
  photoRequired: Type.Optional(Type.Boolean()),
  caseCategoryCode: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  active: Type.Optional(Type.Boolean()),
};
export const CreateChecklistItemBody = Type.Object(checklistFields, { additionalProperties: false });
export type CreateChecklistItemBody = Static<typeof CreateChecklistItemBody>;
export const UpdateChecklistItemBody = Type.Partial(Type.Object(checklistFields), { additionalProperties: false });
export type UpdateChecklistItemBody = Static<typeof UpdateChecklistItemBody>;

export const TryRuleBody = Type.Object(
  {
    rule: RuleBody,
    value: Type.Object({}, { additionalProperties: true, description: 'RuleValue' }),
    phase: Type.Optional(Phase),
  },
  { additionalProperties: false },
);
export type TryRuleBody = Static<typeof TryRuleBody>;
export const TryRuleResult = Type.Object({
  outcome: Outcome,
  seen: Type.Union([Type.Number(), Type.Boolean(), Type.Null()]),
  required: Type.Union([Type.Number(), Type.Boolean(), Type.Null()]),
  phase: Phase,
  text: Type.String({ description: 'the result in words' }),
  ruleText: Type.String(),
});
export type TryRuleResult = Static<typeof TryRuleResult>;

// ---------------------------------------------------------------------------------------------
// Rounds
// ---------------------------------------------------------------------------------------------

export const RoundCriteria = Type.Object(
  {
    typeCodes: Type.Array(Code, { minItems: 1, maxItems: 60, uniqueItems: true }),
    regionIds: Type.Optional(Type.Array(id, { maxItems: 200, uniqueItems: true })),
    perType: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 20_000, description: 'sites drawn at random per type; absent = every site' }),
    ),
  },
  { additionalProperties: false },
);
export type RoundCriteria = Static<typeof RoundCriteria>;

export const RoundListItem = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  status: RoundStatus,
  startsOn: DateString,
  endsOn: DateString,
  campaignId: Nullable(Type.Integer()),
  campaignName: Nullable(Type.String()),
  regionName: Type.String(),
  total: Type.Integer(),
  submitted: Type.Integer(),
  averageScore: Nullable(Type.Number()),
  failedItems: Type.Integer(),
  canManage: Type.Boolean(),
});
export type RoundListItem = Static<typeof RoundListItem>;
export const RoundListQuery = Type.Object({ ...PageQuery, status: Type.Optional(RoundStatus) });
export type RoundListQuery = Static<typeof RoundListQuery>;

export const RoundDetail = Type.Object({
  ...RoundListItem.properties,
  drawSeed: Type.String({ description: 'the seed of the random draw (int64 as text), for reproducing it' }),
  criteria: RoundCriteria,
  byType: Type.Array(Type.Object({ typeCode: Type.String(), typeName: Type.String(), total: Type.Integer() })),
  inspectors: Type.Array(
    Type.Object({ userId: Type.Integer(), name: Type.String(), assigned: Type.Integer(), submitted: Type.Integer() }),
  ),
  unassigned: Type.Integer(),
  createdAt: DateTime,
});
export type RoundDetail = Static<typeof RoundDetail>;

export const CreateRoundBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    startsOn: DateString,
    endsOn: DateString,
    campaignId: Type.Optional(Nullable(id)),
    regionId: Type.Optional(Nullable(id)),
    criteria: RoundCriteria,
    seed: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,18}$', description: 'reuse a seed to reproduce a draw; absent = a new one' }),
    ),
  },
  { additionalProperties: false },
);
export type CreateRoundBody = Static<typeof CreateRoundBody>;

export const AssignBody = Type.Object(
  {
    inspectorIds: Type.Array(id, { minItems: 1, maxItems: 200, uniqueItems: true }),
    inspectionIds: Type.Optional(
      Type.Array(id, { maxItems: 20_000, description: 'these inspections only; absent = every unassigned one' }),
    ),
  },
  { additionalProperties: false },
);
export type AssignBody = Static<typeof AssignBody>;

export const RoundInspectionsQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(InspectionStatus),
  inspectorId: Type.Optional(id),
  typeCode: Type.Optional(Code),
  unassigned: Type.Optional(Type.Boolean()),
});
export type RoundInspectionsQuery = Static<typeof RoundInspectionsQuery>;

export const RollupQuery = Type.Object({ by: StringEnum(ROLLUP_DIMENSIONS) });
export type RollupQuery = Static<typeof RollupQuery>;

const RollupFigures = {
  inspected: Type.Integer(),
  averageScore: Nullable(Type.Number({ description: 'mean of site scores, 0–100' })),
  earned: Type.Number(),
  applicable: Type.Number(),
  pointsScore: Nullable(Type.Number({ description: 'earned / applicable over all sites, 0–100' })),
  failedItems: Type.Integer(),
  previousAverage: Nullable(Type.Number()),
  delta: Nullable(Type.Number({ description: 'averageScore minus the previous round’s' })),
};
export const Rollup = Type.Object({
  roundId: Type.Integer(),
  previousRoundId: Nullable(Type.Integer()),
  by: StringEnum(ROLLUP_DIMENSIONS),
  rows: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), ...RollupFigures })),
  total: Type.Object(RollupFigures),
});
export type Rollup = Static<typeof Rollup>;

export const InspectorList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});

// ---------------------------------------------------------------------------------------------
// Inspections
// ---------------------------------------------------------------------------------------------

export const MyInspectionsQuery = Type.Object({
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  status: Type.Optional(StringEnum(['open', 'submitted'] as const)),
});
export type MyInspectionsQuery = Static<typeof MyInspectionsQuery>;

export const InspectionPhoto = Type.Object({
  fileId: Type.String(),
  itemId: Nullable(Type.Integer()),
  takenAt: Nullable(DateTime),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  distanceM: Nullable(Type.Number()),
  far: Type.Boolean({ description: 'taken farther than the limit from the site' }),
});

export const ItemResult = Type.Object({
  outcome: Outcome,
  value: Type.Unknown(),
  points: Type.Number(),
  earned: Type.Number(),
  text: Type.String({ description: 'the result in words' }),
  note: Nullable(Type.String()),
  caseId: Nullable(Type.Integer()),
});

export const InspectionDetail = Type.Object({
  ...InspectionListItem.properties,
  phase: Phase,
  earned: Nullable(Type.Number()),
  applicable: Nullable(Type.Number()),
  items: Type.Array(Type.Object({ ...ChecklistItem.properties, result: Nullable(ItemResult) })),
  draft: Type.Unknown({ description: 'what the inspector saved so far' }),
  photos: Type.Array(InspectionPhoto),
  caseIds: Type.Array(Type.Integer()),
  canPerform: Type.Boolean(),
});
export type InspectionDetail = Static<typeof InspectionDetail>;

const PhotoBody = Type.Object(
  {
    fileId: FileId,
    takenAt: Type.Optional(OrNull(DateTime)),
    lng: Type.Optional(OrNull(Type.Number({ minimum: -180, maximum: 180 }))),
    lat: Type.Optional(OrNull(Type.Number({ minimum: -90, maximum: 90 }))),
    accuracy: Type.Optional(OrNull(Type.Number({ minimum: 0, maximum: 100_000 }))),
  },
  { additionalProperties: false },
);

const ValueBody = Type.Object(
  {
    itemId: id,
    value: Type.Object({}, { additionalProperties: true, description: 'RuleValue' }),
    note: Type.Optional(OrNull(Type.String({ maxLength: 1000 }))),
    photos: Type.Optional(Type.Array(PhotoBody, { maxItems: 6 })),
  },
  { additionalProperties: false },
);

export const DraftBody = Type.Object(
  { values: Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 60 }) },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

export const SubmitBody = Type.Object(
  {
    idempotencyKey: Type.String({ minLength: 8, maxLength: 64 }),
    lng: Type.Optional(OrNull(Type.Number({ minimum: -180, maximum: 180 }))),
    lat: Type.Optional(OrNull(Type.Number({ minimum: -90, maximum: 90 }))),
    values: Type.Array(ValueBody, { minItems: 1, maxItems: 60 }),
  },
  { additionalProperties: false },
);
export type SubmitBody = Static<typeof SubmitBody>;

export const RecheckBody = Type.Object({ caseId: id }, { additionalProperties: false });
export type RecheckBody = Static<typeof RecheckBody>;

// ---------------------------------------------------------------------------------------------
// Material review
// ---------------------------------------------------------------------------------------------

export const MaterialSubmission = Type.Object({
  id: Type.Integer(),
  status: StringEnum(['submitted', 'accepted', 'returned'] as const),
  note: Nullable(Type.String()),
  files: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), mime: Type.String(), size: Type.Integer() })),
  submittedByName: Nullable(Type.String()),
  submittedAt: DateTime,
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(DateTime),
  reviewNote: Nullable(Type.String()),
});

export const MaterialRequirement = Type.Object({
  id: Type.Integer(),
  standard: Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    points: Nullable(Type.Number()),
  }),
  unit: Ref,
  dueOn: Nullable(DateString),
  status: MaterialStatus,
  lastSubmittedAt: Nullable(DateTime),
});
export type MaterialRequirement = Static<typeof MaterialRequirement>;

export const MaterialRequirementDetail = Type.Object({
  ...MaterialRequirement.properties,
  submissions: Type.Array(MaterialSubmission, { description: 'latest first' }),
  canSubmit: Type.Boolean(),
  canReview: Type.Boolean(),
});
export type MaterialRequirementDetail = Static<typeof MaterialRequirementDetail>;

export const MaterialListQuery = Type.Object({
  ...PageQuery,
  standardId: Type.Optional(id),
  unitId: Type.Optional(id),
  status: Type.Optional(MaterialStatus),
});
export type MaterialListQuery = Static<typeof MaterialListQuery>;

export const CreateRequirementsBody = Type.Object(
  {
    standardId: id,
    unitIds: Type.Array(id, { minItems: 1, maxItems: 2000, uniqueItems: true }),
    dueOn: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
export type CreateRequirementsBody = Static<typeof CreateRequirementsBody>;

export const SubmitMaterialBody = Type.Object(
  {
    files: Type.Array(FileId, { minItems: 1, maxItems: 20 }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type SubmitMaterialBody = Static<typeof SubmitMaterialBody>;

export const ReviewMaterialBody = Type.Object(
  {
    decision: StringEnum(['accept', 'return'] as const),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type ReviewMaterialBody = Static<typeof ReviewMaterialBody>;

export const CompletenessQuery = Type.Object({ by: StringEnum(['standard', 'unit'] as const) });
export type CompletenessQuery = Static<typeof CompletenessQuery>;
export const Completeness = Type.Object({
  rows: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      code: Nullable(Type.String()),
      required: Type.Integer(),
      submitted: Type.Integer(),
      accepted: Type.Integer(),
      returned: Type.Integer(),
      percent: Nullable(Type.Number({ description: 'accepted / required, 0–100' })),
    }),
  ),
  total: Type.Object({ required: Type.Integer(), accepted: Type.Integer(), percent: Nullable(Type.Number()) }),
});
export type Completeness = Static<typeof Completeness>;
