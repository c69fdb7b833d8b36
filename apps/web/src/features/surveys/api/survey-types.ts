// The API shapes of questionnaires as the web sees them (mirroring the server's
// surveys.schemas.ts); the question model itself is shared from @cc/common/surveys.
import type {
  CrosstabDimension,
  QuestionType,
  RateKind,
  RespondentGroup,
  SurveyQuestion,
  SurveyStatus,
} from '@cc/common/surveys';

export interface Ref {
  id: number;
  name: string;
}

export interface SurveyListItem {
  id: number;
  title: string;
  status: SurveyStatus;
  region: Ref;
  campaign: Ref | null;
  opensAt: string | null;
  closesAt: string | null;
  groups: RespondentGroup[];
  responses: number;
  canManage: boolean;
  createdAt: string;
}

export interface SurveyVersion {
  id: number;
  group: RespondentGroup;
  title: string | null;
  questions: SurveyQuestion[];
  responses: number;
  isLocked: boolean;
}

export interface SurveyQuota {
  regionId: number;
  regionName: string;
  regionLevel: string;
  quota: number;
  counted: number;
}

export interface SurveyDetail extends SurveyListItem {
  intro: string | null;
  token: string;
  perDeviceLimit: number;
  perIpDailyLimit: number;
  versions: SurveyVersion[];
  quotas: SurveyQuota[];
  openedAt: string | null;
  closedAt: string | null;
}

export interface SurveyBody {
  title: string;
  intro?: string | null;
  regionId?: number;
  campaignId?: number | null;
  opensAt?: string | null;
  closesAt?: string | null;
  perDeviceLimit?: number;
  perIpDailyLimit?: number;
}

export interface VersionBody {
  group: RespondentGroup;
  title?: string | null;
  questions: SurveyQuestion[];
}

export interface OptionCount {
  code: string;
  label: string;
  count: number;
  percent: number;
}

export type Rates = Record<RateKind, number | null>;

export interface QuestionResult {
  code: string;
  type: QuestionType;
  title: string;
  groups: RespondentGroup[];
  answered: number;
  options: OptionCount[];
  mean: number | null;
  rows: { code: string; label: string; answered: number; options: OptionCount[] }[];
  rate: { kind: RateKind; value: number | null; weight: number; n: number } | null;
}

export interface CrossRow {
  key: string;
  name: string;
  responses: number;
  rates: Rates;
}

export interface SurveyResults {
  responses: number;
  rates: { kind: RateKind; value: number | null; questions: number; answers: number }[];
  questions: QuestionResult[];
  byDistrict: CrossRow[];
  byStreet: CrossRow[];
  byGroup: CrossRow[];
  quotas: SurveyQuota[];
}

export interface Crosstab {
  question: string;
  title: string;
  columns: { code: string; label: string }[];
  rows: { key: string; name: string; answered: number; counts: number[]; percents: number[]; rate: number | null }[];
}

export interface CrosstabParams {
  question: string;
  by: CrosstabDimension;
  versionId?: number;
  regionId?: number;
}

export interface TextAnswer {
  id: number;
  text: string;
  group: RespondentGroup;
  regionName: string;
  submittedAt: string;
}

export interface PublicRegion {
  id: number;
  parentId: number | null;
  level: string;
  name: string;
}

export interface PublicSurvey {
  title: string;
  intro: string | null;
  cityName: string;
  isOpen: boolean;
  closedMessage: string | null;
  versions: { id: number; group: RespondentGroup; title: string | null; questions: SurveyQuestion[] }[];
  regions: PublicRegion[];
  rootRegionId: number;
}

export interface SubmitReceipt {
  receipt: string;
  isRepeat: boolean;
}
