// API shapes of questionnaires (问卷): the list and detail, the builder's bodies (questionnaire,
// versions per respondent group with their questions and rate configuration, quotas), results
// (distributions, rates, cross-tabs) and the public answering page.

import { Type, type Static } from 'typebox';
import {
  CODE_PATTERN,
  CROSSTAB_DIMENSIONS,
  QUESTION_TYPES,
  RATE_KINDS,
  RESPONDENT_GROUPS,
  SURVEY_LIMITS as L,
  SURVEY_STATUSES,
} from '@cc/common/surveys';
import { DateTime, Nullable, PageQuery, StringEnum } from '../../platform/http.js';

const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const Code = Type.String({ pattern: CODE_PATTERN });

export const SurveyStatus = StringEnum(SURVEY_STATUSES);
export const RespondentGroup = StringEnum(RESPONDENT_GROUPS);
export const RateKind = StringEnum(RATE_KINDS);
export const QuestionType = StringEnum(QUESTION_TYPES);

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------

export const SurveyOption = Type.Object(
  { code: Code, label: Type.String({ maxLength: L.optionLabel }) },
  { additionalProperties: false },
);

export const RateConfig = Type.Object(
  {
    kind: RateKind,
    positive: Type.Optional(Type.Array(Code, { maxItems: L.options, uniqueItems: true })),
    positiveMin: Type.Optional(Type.Integer({ minimum: L.ratingMin, maximum: L.ratingMax })),
    scores: Type.Optional(Type.Record(Type.String({ maxLength: 20 }), Type.Number({ minimum: 0, maximum: 100 }))),
    weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
  },
  {
    additionalProperties: false,
    description:
      'Share rates (awareness, support, participation): positive options or positiveMin; satisfaction: scores 0–100',
  },
);

export const SurveyQuestion = Type.Object(
  {
    code: Code,
    type: QuestionType,
    title: Type.String({ maxLength: L.questionTitle }),
    help: Type.Optional(Type.String({ maxLength: L.help })),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(SurveyOption, { maxItems: L.options })),
    maxChoices: Type.Optional(Type.Integer({ minimum: 1, maximum: L.options })),
    min: Type.Optional(Type.Integer({ minimum: L.ratingMin, maximum: L.ratingMax })),
    max: Type.Optional(Type.Integer({ minimum: L.ratingMin, maximum: L.ratingMax })),
    minLabel: Type.Optional(Type.String({ maxLength: 50 })),
    maxLabel: Type.Optional(Type.String({ maxLength: 50 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: L.textMax })),
    rows: Type.Optional(Type.Array(SurveyOption, { maxItems: L.matrixRows })),
    rate: Type.Optional(Nullable(RateConfig)),
  },
  { additionalProperties: false },
);

// ---------------------------------------------------------------------------------------------
// Questionnaires
// ---------------------------------------------------------------------------------------------

const Ref = Type.Object({ id: Type.Integer(), name: Type.String() });

export const SurveyListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(SurveyStatus),
});
export type SurveyListQuery = Static<typeof SurveyListQuery>;

export const SurveyListItem = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  status: SurveyStatus,
  region: Ref,
  campaign: Nullable(Ref),
  opensAt: Nullable(DateTime),
  closesAt: Nullable(DateTime),
  groups: Type.Array(RespondentGroup),
  responses: Type.Integer(),
  canManage: Type.Boolean(),
  createdAt: DateTime,
});
export type SurveyListItem = Static<typeof SurveyListItem>;

export const SurveyVersion = Type.Object({
  id: Type.Integer(),
  group: RespondentGroup,
  title: Nullable(Type.String()),
  questions: Type.Array(SurveyQuestion),
  responses: Type.Integer(),
  /** Answers were given against it: only the rate configuration may still change. */
  isLocked: Type.Boolean(),
});
export type SurveyVersion = Static<typeof SurveyVersion>;

export const SurveyQuota = Type.Object({
  regionId: Type.Integer(),
  regionName: Type.String(),
  regionLevel: Type.String(),
  quota: Type.Integer(),
  counted: Type.Integer(),
});

export const SurveyDetail = Type.Object({
  ...SurveyListItem.properties,
  intro: Nullable(Type.String()),
  token: Type.String({ description: 'the public link is /public/survey/<token>' }),
  perDeviceLimit: Type.Integer(),
  perIpDailyLimit: Type.Integer(),
  versions: Type.Array(SurveyVersion),
  quotas: Type.Array(SurveyQuota),
  openedAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
});
export type SurveyDetail = Static<typeof SurveyDetail>;

const surveyFields = {
  title: Type.String({ minLength: 1, maxLength: L.title }),
  intro: Type.Optional(Nullable(Type.String({ maxLength: L.intro }))),
  campaignId: Type.Optional(Nullable(id)),
  opensAt: Type.Optional(Nullable(DateTime)),
  closesAt: Type.Optional(Nullable(DateTime)),
  perDeviceLimit: Type.Optional(
    Type.Integer({ minimum: 0, maximum: L.perDevice, description: 'answers per device; 0 = no limit' }),
  ),
  perIpDailyLimit: Type.Optional(
    Type.Integer({ minimum: 0, maximum: L.perIpDaily, description: 'answers per address and day; 0 = no limit' }),
  ),
};

export const CreateSurveyBody = Type.Object(
  { ...surveyFields, regionId: Type.Optional(id) },
  { additionalProperties: false },
);
export type CreateSurveyBody = Static<typeof CreateSurveyBody>;

export const UpdateSurveyBody = Type.Partial(Type.Object(surveyFields), { additionalProperties: false });
export type UpdateSurveyBody = Static<typeof UpdateSurveyBody>;

export const VersionBody = Type.Object(
  {
    group: RespondentGroup,
    title: Type.Optional(Nullable(Type.String({ maxLength: L.title }))),
    questions: Type.Array(SurveyQuestion, { maxItems: L.questions }),
  },
  { additionalProperties: false },
);
export type VersionBody = Static<typeof VersionBody>;

export const VersionParams = Type.Object({ id, versionId: id });

export const QuotasBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { regionId: id, quota: Type.Integer({ minimum: 0, maximum: L.quota }) },
        { additionalProperties: false },
      ),
      { maxItems: L.quotas },
    ),
  },
  { additionalProperties: false },
);
export type QuotasBody = Static<typeof QuotasBody>;

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

export const ResultsQuery = Type.Object({
  versionId: Type.Optional(id),
  regionId: Type.Optional(id),
});
export type ResultsQuery = Static<typeof ResultsQuery>;

const OptionCount = Type.Object({
  code: Type.String(),
  label: Type.String(),
  count: Type.Integer(),
  percent: Type.Number(),
});

export const RateResult = Type.Object({
  kind: RateKind,
  value: Nullable(Type.Number()),
  questions: Type.Integer(),
  answers: Type.Integer(),
});

const Rates = Type.Object({
  awareness: Nullable(Type.Number()),
  support: Nullable(Type.Number()),
  satisfaction: Nullable(Type.Number()),
  participation: Nullable(Type.Number()),
});

export const QuestionResult = Type.Object({
  code: Type.String(),
  type: QuestionType,
  title: Type.String(),
  /** The respondent groups whose version asks it. */
  groups: Type.Array(RespondentGroup),
  answered: Type.Integer(),
  options: Type.Array(OptionCount),
  mean: Nullable(Type.Number()),
  rows: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      answered: Type.Integer(),
      options: Type.Array(OptionCount),
    }),
  ),
  rate: Nullable(
    Type.Object({ kind: RateKind, value: Nullable(Type.Number()), weight: Type.Number(), n: Type.Integer() }),
  ),
});
export type QuestionResult = Static<typeof QuestionResult>;

export const CrossRow = Type.Object({
  key: Type.String({ description: 'region id, or the respondent group' }),
  name: Type.String(),
  responses: Type.Integer(),
  rates: Rates,
});
export type CrossRow = Static<typeof CrossRow>;

export const SurveyResults = Type.Object({
  responses: Type.Integer(),
  rates: Type.Array(RateResult),
  questions: Type.Array(QuestionResult),
  byDistrict: Type.Array(CrossRow),
  byStreet: Type.Array(CrossRow),
  byGroup: Type.Array(CrossRow),
  quotas: Type.Array(SurveyQuota),
});
export type SurveyResults = Static<typeof SurveyResults>;

export const CrosstabQuery = Type.Object({
  question: Code,
  by: StringEnum(CROSSTAB_DIMENSIONS),
  versionId: Type.Optional(id),
  regionId: Type.Optional(id),
});
export type CrosstabQuery = Static<typeof CrosstabQuery>;

export const Crosstab = Type.Object({
  question: Type.String(),
  title: Type.String(),
  /** The columns: options (choice, rating values, matrix columns over all rows). */
  columns: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  rows: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      answered: Type.Integer(),
      counts: Type.Array(Type.Integer()),
      percents: Type.Array(Type.Number()),
      rate: Nullable(Type.Number()),
    }),
  ),
});
export type Crosstab = Static<typeof Crosstab>;

export const TextAnswersQuery = Type.Object({
  ...PageQuery,
  question: Code,
});
export type TextAnswersQuery = Static<typeof TextAnswersQuery>;

export const TextAnswer = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  group: RespondentGroup,
  regionName: Type.String(),
  submittedAt: DateTime,
});

// ---------------------------------------------------------------------------------------------
// Public answering
// ---------------------------------------------------------------------------------------------

export const SurveyTokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });

export const PublicRegion = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  level: Type.String(),
  name: Type.String(),
});

export const PublicSurvey = Type.Object({
  title: Type.String(),
  intro: Nullable(Type.String()),
  cityName: Type.String(),
  isOpen: Type.Boolean(),
  /** Why it cannot be answered now, in the caller's language (closed, not yet open). */
  closedMessage: Nullable(Type.String()),
  versions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      group: RespondentGroup,
      title: Nullable(Type.String()),
      questions: Type.Array(SurveyQuestion),
    }),
  ),
  /** The owner region's subtree down to communities (the respondent picks a community). */
  regions: Type.Array(PublicRegion),
  rootRegionId: Type.Integer(),
});
export type PublicSurvey = Static<typeof PublicSurvey>;

export const SubmitResponseBody = Type.Object(
  {
    versionId: id,
    regionId: id,
    deviceId: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$', description: 'a random id kept by the device' }),
    idempotencyKey: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }),
    answers: Type.Record(Type.String({ maxLength: 20 }), Type.Unknown(), { maxProperties: L.questions }),
  },
  { additionalProperties: false },
);
export type SubmitResponseBody = Static<typeof SubmitResponseBody>;

export const SubmitReceipt = Type.Object({
  receipt: Type.String({ description: 'a short number to quote' }),
  isRepeat: Type.Boolean({ description: 'the same idempotency key was already received' }),
});
export type SubmitReceipt = Static<typeof SubmitReceipt>;
