// The API shapes of the evaluation index, sites, checklists, rounds, inspections and material
// review, mirrored from the server's inspections.schemas.ts (the contract). Dates are
// 'YYYY-MM-DD', times ISO strings.
import type {
  IndexLevel,
  IndexMethod,
  InspectionKind,
  InspectionStatus,
  MaterialStatus,
  RollupDimension,
  RoundStatus,
} from '@cc/common/inspections';
import type { Outcome, Phase, RuleSpec, RuleValue } from '@cc/common/inspection-rules';

export interface Ref {
  id: number;
  name: string;
}

// --- evaluation index ------------------------------------------------------------------------

export interface IndexNode {
  id: number;
  parentId: number | null;
  level: IndexLevel;
  code: string;
  name: string;
  methods: IndexMethod[];
  points: number | null;
  siteTypes: string[];
  sort: number;
  active: boolean;
}

export interface IndexList {
  items: IndexNode[];
  isSample: boolean;
}

export interface IndexNodeFields {
  name: string;
  methods?: IndexMethod[];
  points?: number | null;
  siteTypes?: string[];
  sort?: number;
  active?: boolean;
}

export interface CreateIndexNodeBody extends IndexNodeFields {
  parentId?: number | null;
  level: IndexLevel;
  code: string;
}

export type UpdateIndexNodeBody = Partial<IndexNodeFields>;

export interface ImportResult {
  inserted: number;
  updated: number;
}

// --- site types and sites --------------------------------------------------------------------

export interface SiteType {
  code: string;
  name: string;
  sort: number;
  active: boolean;
  siteCount: number;
  /** Active checklist items. */
  itemCount: number;
}

export interface CreateSiteTypeBody {
  code: string;
  name: string;
  sort?: number;
}

export type UpdateSiteTypeBody = Partial<{ name: string; sort: number; active: boolean }>;

export interface Site {
  id: number;
  typeCode: string;
  typeName: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  regionId: number | null;
  regionName: string | null;
  unitId: number | null;
  unitName: string | null;
  contactName: string | null;
  /** Masked. */
  contactPhone: string | null;
  active: boolean;
  lastScore: number | null;
  lastInspectedAt: string | null;
}

export interface SiteMapPoint {
  id: number;
  name: string;
  typeCode: string;
  lng: number;
  lat: number;
  lastScore: number | null;
}

export interface SiteBody {
  typeCode: string;
  name: string;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  regionId?: number | null;
  unitId?: number | null;
  contactName?: string | null;
  contactPhone?: string | null;
  active?: boolean;
}

export interface InspectionListItem {
  id: number;
  kind: InspectionKind;
  roundId: number | null;
  roundName: string | null;
  roundStatus: RoundStatus | null;
  windowEndsOn: string | null;
  originCaseId: number | null;
  site: {
    id: number;
    name: string;
    typeCode: string;
    typeName: string;
    address: string | null;
    lng: number | null;
    lat: number | null;
  };
  regionName: string | null;
  unitId: number | null;
  unitName: string | null;
  inspector: Ref | null;
  status: InspectionStatus;
  score: number | null;
  failed: number | null;
  submittedAt: string | null;
  /** From the position given in the query. */
  distanceM: number | null;
}

export interface SiteDetail extends Site {
  /** Latest first. */
  inspections: InspectionListItem[];
}

// --- checklists ------------------------------------------------------------------------------

export interface ChecklistItem {
  id: number;
  typeCode: string;
  standardId: number | null;
  standardCode: string | null;
  standardName: string | null;
  title: string;
  guidance: string | null;
  rule: RuleSpec;
  /** The requirement in the user's language. */
  ruleText: string;
  points: number;
  photoRequired: boolean;
  caseCategoryCode: string | null;
  sort: number;
  active: boolean;
}

export interface ChecklistItemBody {
  typeCode: string;
  standardId?: number | null;
  title: string;
  guidance?: string | null;
  rule: RuleSpec;
  points: number;
  photoRequired?: boolean;
  caseCategoryCode?: string | null;
  sort?: number;
  active?: boolean;
}

// --- rounds ----------------------------------------------------------------------------------

export interface RoundCriteria {
  typeCodes: string[];
  regionIds?: number[];
  /** Sites drawn at random per type; absent = every site. */
  perType?: number;
}

export interface RoundListItem {
  id: number;
  name: string;
  status: RoundStatus;
  startsOn: string;
  endsOn: string;
  campaignId: number | null;
  campaignName: string | null;
  regionName: string;
  total: number;
  submitted: number;
  averageScore: number | null;
  failedItems: number;
  canManage: boolean;
}

export interface RoundDetail extends RoundListItem {
  /** The seed of the random draw (int64 as text), for reproducing it. */
  drawSeed: string;
  criteria: RoundCriteria;
  byType: { typeCode: string; typeName: string; total: number }[];
  inspectors: { userId: number; name: string; assigned: number; submitted: number }[];
  unassigned: number;
  createdAt: string;
}

export interface CreateRoundBody {
  name: string;
  startsOn: string;
  endsOn: string;
  campaignId?: number | null;
  regionId?: number | null;
  criteria: RoundCriteria;
  seed?: string;
}

export interface AssignBody {
  inspectorIds: number[];
  inspectionIds?: number[];
}

export interface RollupFigures {
  inspected: number;
  /** Mean of site scores, 0–100. */
  averageScore: number | null;
  earned: number;
  applicable: number;
  /** Earned / applicable over all sites, 0–100. */
  pointsScore: number | null;
  failedItems: number;
  previousAverage: number | null;
  /** averageScore minus the previous round's. */
  delta: number | null;
}

export interface RollupRow extends RollupFigures {
  key: string;
  name: string;
}

export interface Rollup {
  roundId: number;
  previousRoundId: number | null;
  by: RollupDimension;
  rows: RollupRow[];
  total: RollupFigures;
}

// --- inspections -----------------------------------------------------------------------------

export interface InspectionPhoto {
  fileId: string;
  itemId: number | null;
  takenAt: string | null;
  lng: number | null;
  lat: number | null;
  distanceM: number | null;
  /** Taken farther than the limit from the site. */
  far: boolean;
}

export interface ItemResult {
  outcome: Outcome;
  value: unknown;
  points: number;
  earned: number;
  /** The result in words. */
  text: string;
  note: string | null;
  caseId: number | null;
}

export interface InspectionItem extends ChecklistItem {
  result: ItemResult | null;
}

export interface InspectionDetail extends InspectionListItem {
  phase: Phase;
  earned: number | null;
  applicable: number | null;
  items: InspectionItem[];
  /** What the inspector saved so far (PUT …/draft). */
  draft: unknown;
  photos: InspectionPhoto[];
  caseIds: number[];
  canPerform: boolean;
}

export interface PhotoBody {
  fileId: string;
  takenAt?: string | null;
  lng?: number | null;
  lat?: number | null;
  accuracy?: number | null;
}

export interface ValueBody {
  itemId: number;
  value: RuleValue;
  note?: string | null;
  photos?: PhotoBody[];
}

export interface SubmitBody {
  idempotencyKey: string;
  lng?: number | null;
  lat?: number | null;
  values: ValueBody[];
}

// --- material review -------------------------------------------------------------------------

export type SubmissionStatus = 'submitted' | 'accepted' | 'returned';

export interface MaterialSubmission {
  id: number;
  status: SubmissionStatus;
  note: string | null;
  files: { id: string; name: string; mime: string; size: number }[];
  submittedByName: string | null;
  submittedAt: string;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

export interface MaterialRequirement {
  id: number;
  standard: { id: number; code: string; name: string; points: number | null };
  unit: Ref;
  dueOn: string | null;
  status: MaterialStatus;
  lastSubmittedAt: string | null;
}

export interface MaterialRequirementDetail extends MaterialRequirement {
  /** Latest first. */
  submissions: MaterialSubmission[];
  canSubmit: boolean;
  canReview: boolean;
}

export interface CreateRequirementsBody {
  standardId: number;
  unitIds: number[];
  dueOn?: string | null;
}

export interface ReviewMaterialBody {
  decision: 'accept' | 'return';
  note?: string | null;
}

export type CompletenessDimension = 'standard' | 'unit';

export interface CompletenessRow {
  id: number;
  name: string;
  code: string | null;
  required: number;
  submitted: number;
  accepted: number;
  returned: number;
  /** Accepted / required, 0–100. */
  percent: number | null;
}

export interface Completeness {
  rows: CompletenessRow[];
  total: { required: number; accepted: number; percent: number | null };
}
