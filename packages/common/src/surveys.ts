// Questionnaires (问卷) shared by server and web: the vocabulary (question types, respondent
// groups, statuses, rate kinds), limits, the checks of a version's questions and of one answer
// sheet, the keys an answer adds to the pre-aggregated counts, and the evaluation's rates computed
// from those counts. Pure: no I/O.
//
// The rates (知晓率 awareness, 支持率 support, 满意度 satisfaction, 参与率 participation)
// --------------------------------------------------------------------------------------------
// Each question may feed one rate; its configuration says how (`RateConfig`). An "answer" below is
// one respondent's answer to the question — for a matrix, each answered row counts as one answer.
//
//   awareness, support, participation (share rates), per question:
//     rate_q = answers counted positive ÷ answers × 100
//     positive = the answer is one of the `positive` options (single choice, matrix column);
//                includes at least one `positive` option (multiple choice);
//                value ≥ `positiveMin` (rating scale).
//   satisfaction (score rate), per question:
//     rate_q = Σ score(answer) ÷ scored answers
//     score  = `scores[option]` (0–100) for a choice or a matrix column — options without a score
//              (e.g. 不了解 "don't know") are left out of numerator and denominator;
//              for a rating, `scores[value]` when given, else (value − min) ÷ (max − min) × 100.
//   The questionnaire's rate of a kind = Σ w_q · rate_q ÷ Σ w_q over the questions of that kind
//   answered at least once (w_q = `weight`, default 1). Over several respondent groups the answers
//   of one question code are pooled (numerators and denominators added) before weighting.

export const QUESTION_TYPES = ['single', 'multiple', 'rating', 'text', 'matrix'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Respondent groups a questionnaire can have a version for. */
export const RESPONDENT_GROUPS = [
  'residents',
  'students',
  'parents',
  'teachers',
  'officials',
  'workers',
  'businesses',
  'visitors',
] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const RATE_KINDS = ['awareness', 'support', 'satisfaction', 'participation'] as const;
export type RateKind = (typeof RATE_KINDS)[number];

/** Share rates: positive answers ÷ answers. Satisfaction is a mean score instead. */
export const SHARE_RATE_KINDS: readonly RateKind[] = ['awareness', 'support', 'participation'];

/** How results are cross-tabulated: by the respondent's district, street or community, or group. */
export const CROSSTAB_DIMENSIONS = ['district', 'street', 'community', 'group'] as const;
export type CrosstabDimension = (typeof CROSSTAB_DIMENSIONS)[number];

export const SURVEY_LIMITS = {
  title: 200,
  intro: 2000,
  questionTitle: 500,
  help: 500,
  optionLabel: 200,
  questions: 100,
  options: 30,
  matrixRows: 30,
  /** Default and ceiling of a text answer's length (characters). */
  textDefault: 500,
  textMax: 2000,
  ratingMin: 0,
  ratingMax: 10,
  quota: 1_000_000,
  perDevice: 100,
  perIpDaily: 10_000,
  versions: 10,
  quotas: 500,
} as const;

/** Question, option and row codes: short, no separators used in count keys. */
export const CODE_PATTERN = '^[A-Za-z0-9_-]{1,20}$';
const CODE_RE = new RegExp(CODE_PATTERN);

export interface SurveyOption {
  code: string;
  label: string;
}

export interface RateConfig {
  kind: RateKind;
  /** Share rates: option codes (choice options, matrix columns) that count as positive. */
  positive?: string[];
  /** Share rates on a rating scale: values at or above this count as positive. */
  positiveMin?: number;
  /** Satisfaction: score 0–100 per option code (or rating value); unscored options do not count. */
  scores?: Record<string, number>;
  /** Weight of this question in the questionnaire's rate of its kind (default 1). */
  weight?: number;
}

export interface SurveyQuestion {
  code: string;
  type: QuestionType;
  title: string;
  help?: string;
  required: boolean;
  /** single, multiple: the choices; matrix: the columns (the same scale for every row). */
  options?: SurveyOption[];
  /** multiple: at most this many choices (default: all). */
  maxChoices?: number;
  /** rating: the scale, e.g. 1–5 or 0–10, with optional end labels. */
  min?: number;
  max?: number;
  minLabel?: string;
  maxLabel?: string;
  /** text: the longest answer accepted. */
  maxLength?: number;
  /** matrix: the rows, each answered with one column. */
  rows?: SurveyOption[];
  rate?: RateConfig | null;
}

/** One answer as sent: a choice code, choice codes, a rating, a text, or row code → column code. */
export type AnswerValue = string | number | string[] | Record<string, string>;
export type AnswerSheet = Record<string, AnswerValue | null | undefined>;

export interface SurveyIssue {
  /** Where: `questions/3/options`, or the question code for an answer. */
  path: string;
  /** A message key of the server catalogue (SURVEY_…). */
  key: string;
  params?: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------
// Checking a version's questions (the builder)
// ---------------------------------------------------------------------------------------------

function checkCodes(items: SurveyOption[] | undefined, path: string, issues: SurveyIssue[]): void {
  const seen = new Set<string>();
  (items ?? []).forEach((item, i) => {
    if (!CODE_RE.test(item.code)) issues.push({ path: `${path}/${i}/code`, key: 'SURVEY_BAD_CODE' });
    else if (seen.has(item.code))
      issues.push({ path: `${path}/${i}/code`, key: 'SURVEY_DUPLICATE_CODE', params: { code: item.code } });
    seen.add(item.code);
    if (!item.label.trim()) issues.push({ path: `${path}/${i}/label`, key: 'SURVEY_LABEL_REQUIRED' });
  });
}

function checkRate(q: SurveyQuestion, path: string, issues: SurveyIssue[]): void {
  const rate = q.rate;
  if (!rate) return;
  const at = `${path}/rate`;
  if (q.type === 'text') {
    issues.push({ path: at, key: 'SURVEY_RATE_TEXT' });
    return;
  }
  const optionCodes = new Set((q.options ?? []).map((o) => o.code));
  if (rate.weight !== undefined && !(rate.weight > 0 && rate.weight <= 100))
    issues.push({ path: `${at}/weight`, key: 'SURVEY_RATE_WEIGHT' });
  if (rate.kind === 'satisfaction') {
    if (q.type === 'multiple') {
      issues.push({ path: at, key: 'SURVEY_RATE_SATISFACTION_MULTIPLE' });
      return;
    }
    const scores = Object.entries(rate.scores ?? {});
    for (const [code, score] of scores) {
      const known = q.type === 'rating' ? isScaleValue(q, Number(code)) : optionCodes.has(code);
      if (!known) issues.push({ path: `${at}/scores`, key: 'SURVEY_RATE_UNKNOWN_OPTION', params: { code } });
      if (!(Number.isFinite(score) && score >= 0 && score <= 100))
        issues.push({ path: `${at}/scores`, key: 'SURVEY_RATE_SCORE_RANGE', params: { code } });
    }
    if (q.type !== 'rating' && scores.length === 0) issues.push({ path: `${at}/scores`, key: 'SURVEY_RATE_NO_SCORES' });
    return;
  }
  if (q.type === 'rating') {
    if (rate.positiveMin === undefined || !isScaleValue(q, rate.positiveMin))
      issues.push({ path: `${at}/positiveMin`, key: 'SURVEY_RATE_POSITIVE_MIN' });
    return;
  }
  const positive = rate.positive ?? [];
  if (positive.length === 0) issues.push({ path: `${at}/positive`, key: 'SURVEY_RATE_NO_POSITIVE' });
  for (const code of positive)
    if (!optionCodes.has(code))
      issues.push({ path: `${at}/positive`, key: 'SURVEY_RATE_UNKNOWN_OPTION', params: { code } });
}

function isScaleValue(q: SurveyQuestion, value: number): boolean {
  return Number.isInteger(value) && value >= (q.min ?? 1) && value <= (q.max ?? 5);
}

/** Everything wrong with a version's questions; empty when it can be saved. */
export function checkQuestions(questions: readonly SurveyQuestion[]): SurveyIssue[] {
  const issues: SurveyIssue[] = [];
  if (questions.length === 0) issues.push({ path: 'questions', key: 'SURVEY_NO_QUESTIONS' });
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const path = `questions/${i}`;
    if (!CODE_RE.test(q.code)) issues.push({ path: `${path}/code`, key: 'SURVEY_BAD_CODE' });
    else if (seen.has(q.code))
      issues.push({ path: `${path}/code`, key: 'SURVEY_DUPLICATE_CODE', params: { code: q.code } });
    seen.add(q.code);
    if (!q.title.trim()) issues.push({ path: `${path}/title`, key: 'SURVEY_TITLE_REQUIRED' });
    const options = q.options ?? [];
    if (q.type === 'single' || q.type === 'multiple' || q.type === 'matrix') {
      if (options.length < 2) issues.push({ path: `${path}/options`, key: 'SURVEY_TWO_OPTIONS' });
      checkCodes(options, `${path}/options`, issues);
    }
    if (q.type === 'multiple' && q.maxChoices !== undefined && (q.maxChoices < 1 || q.maxChoices > options.length))
      issues.push({ path: `${path}/maxChoices`, key: 'SURVEY_MAX_CHOICES' });
    if (q.type === 'matrix') {
      if ((q.rows ?? []).length < 1) issues.push({ path: `${path}/rows`, key: 'SURVEY_MATRIX_ROWS' });
      checkCodes(q.rows, `${path}/rows`, issues);
    }
    if (q.type === 'rating') {
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max || min < SURVEY_LIMITS.ratingMin)
        issues.push({ path: `${path}/max`, key: 'SURVEY_RATING_SCALE' });
      else if (max > SURVEY_LIMITS.ratingMax) issues.push({ path: `${path}/max`, key: 'SURVEY_RATING_SCALE' });
    }
    if (q.type === 'text' && q.maxLength !== undefined && (q.maxLength < 1 || q.maxLength > SURVEY_LIMITS.textMax))
      issues.push({ path: `${path}/maxLength`, key: 'SURVEY_TEXT_LENGTH' });
    checkRate(q, path, issues);
  });
  return issues;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The questions without their rate configuration, as a canonical string (keys sorted, as stored
 * JSON does not keep their order): what answers were given against. Equal strings, same meaning.
 */
export function questionStructure(questions: readonly SurveyQuestion[]): string {
  return canonical(
    questions.map((q) => {
      const { rate: _rate, ...rest } = q;
      return rest;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Checking one answer sheet (the public page)
// ---------------------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Free text as stored: plain text, control characters removed, trimmed. Never rendered as HTML. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(/\r\n?/g, '\n').trim();
}

export type CheckedAnswers =
  { ok: true; answers: Record<string, AnswerValue> } | { ok: false; issue: SurveyIssue & { question: string } };

function fail(q: SurveyQuestion, index: number, key: string, params: Record<string, string | number> = {}) {
  return {
    ok: false as const,
    issue: { path: q.code, key, question: q.code, params: { no: index + 1, title: q.title, ...params } },
  };
}

/**
 * Checks answers against the version's questions: unknown questions, unknown options, missing
 * required answers, too many choices, ratings off the scale, over-long text. Answers the cleaned
 * sheet (only answered questions, text cleaned, choices de-duplicated) or the first issue.
 */
export function checkAnswers(questions: readonly SurveyQuestion[], sheet: AnswerSheet): CheckedAnswers {
  const known = new Set(questions.map((q) => q.code));
  const unknown = Object.keys(sheet).find((code) => !known.has(code));
  if (unknown)
    return {
      ok: false,
      issue: { path: unknown, key: 'SURVEY_ANSWER_UNKNOWN_QUESTION', question: unknown, params: { code: unknown } },
    };
  const answers: Record<string, AnswerValue> = {};
  for (const [index, q] of questions.entries()) {
    const raw = sheet[q.code];
    const empty =
      raw === undefined ||
      raw === null ||
      (typeof raw === 'string' && cleanText(raw) === '') ||
      (Array.isArray(raw) && raw.length === 0) ||
      (typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0);
    if (empty) {
      if (q.required) return fail(q, index, 'SURVEY_ANSWER_REQUIRED');
      continue;
    }
    const options = new Set((q.options ?? []).map((o) => o.code));
    switch (q.type) {
      case 'single': {
        if (typeof raw !== 'string') return fail(q, index, 'SURVEY_ANSWER_WRONG_TYPE');
        if (!options.has(raw)) return fail(q, index, 'SURVEY_ANSWER_UNKNOWN_OPTION', { option: raw });
        answers[q.code] = raw;
        break;
      }
      case 'multiple': {
        if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string'))
          return fail(q, index, 'SURVEY_ANSWER_WRONG_TYPE');
        const unknownOption = raw.find((v) => !options.has(v));
        if (unknownOption !== undefined)
          return fail(q, index, 'SURVEY_ANSWER_UNKNOWN_OPTION', { option: unknownOption });
        const chosen = (q.options ?? []).map((o) => o.code).filter((c) => raw.includes(c));
        const max = q.maxChoices ?? options.size;
        if (chosen.length > max) return fail(q, index, 'SURVEY_ANSWER_TOO_MANY', { max });
        answers[q.code] = chosen;
        break;
      }
      case 'rating': {
        if (typeof raw !== 'number') return fail(q, index, 'SURVEY_ANSWER_WRONG_TYPE');
        const min = q.min ?? 1;
        const max = q.max ?? 5;
        if (!Number.isInteger(raw) || raw < min || raw > max)
          return fail(q, index, 'SURVEY_ANSWER_OUT_OF_RANGE', { min, max });
        answers[q.code] = raw;
        break;
      }
      case 'text': {
        if (typeof raw !== 'string') return fail(q, index, 'SURVEY_ANSWER_WRONG_TYPE');
        const text = cleanText(raw);
        const max = q.maxLength ?? SURVEY_LIMITS.textDefault;
        if ([...text].length > max) return fail(q, index, 'SURVEY_ANSWER_TOO_LONG', { max });
        answers[q.code] = text;
        break;
      }
      case 'matrix': {
        if (typeof raw !== 'object' || Array.isArray(raw)) return fail(q, index, 'SURVEY_ANSWER_WRONG_TYPE');
        const rows = q.rows ?? [];
        const rowCodes = new Set(rows.map((r) => r.code));
        const cells: Record<string, string> = {};
        for (const [row, column] of Object.entries(raw)) {
          if (!rowCodes.has(row)) return fail(q, index, 'SURVEY_ANSWER_UNKNOWN_OPTION', { option: row });
          if (typeof column !== 'string') return fail(q, index, 'SURVEY_ANSWER_WRONG_TYPE');
          if (!options.has(column)) return fail(q, index, 'SURVEY_ANSWER_UNKNOWN_OPTION', { option: column });
        }
        for (const row of rows) {
          const column = (raw as Record<string, string>)[row.code];
          if (column !== undefined) cells[row.code] = column;
          else if (q.required) return fail(q, index, 'SURVEY_ANSWER_ROW_REQUIRED', { row: row.label });
        }
        answers[q.code] = cells;
        break;
      }
    }
  }
  return { ok: true, answers };
}

// ---------------------------------------------------------------------------------------------
// Pre-aggregated counts
// ---------------------------------------------------------------------------------------------

/** The count row of whole answer sheets (responses) of a version and region. */
export const RESPONSES_KEY = { question: '', answer: '' } as const;

/**
 * The keys one (checked) answer adds 1 to, per question: the option code (single), the sorted set
 * of chosen codes joined by ',' (multiple — so "chose any of these" is exact from counts), the
 * value (rating), `row=column` per answered row (matrix), '' (text: answered).
 */
export function answerKeys(q: SurveyQuestion, value: AnswerValue): string[] {
  switch (q.type) {
    case 'single':
      return [String(value)];
    case 'multiple':
      return [(value as string[]).join(',')];
    case 'rating':
      return [String(value)];
    case 'text':
      return [''];
    case 'matrix':
      return Object.entries(value as Record<string, string>).map(([row, column]) => `${row}=${column}`);
  }
}

/** All count keys of a checked sheet, the responses key first. */
export function sheetKeys(
  questions: readonly SurveyQuestion[],
  answers: Record<string, AnswerValue>,
): { question: string; answer: string }[] {
  const keys: { question: string; answer: string }[] = [{ ...RESPONSES_KEY }];
  for (const q of questions) {
    const value = answers[q.code];
    if (value === undefined) continue;
    for (const answer of answerKeys(q, value)) keys.push({ question: q.code, answer });
  }
  return keys;
}

/** Count of one key: `question` '' and `answer` '' is the number of responses. */
export interface AnswerCount {
  question: string;
  answer: string;
  count: number;
}

export interface OptionCount {
  code: string;
  label: string;
  count: number;
  /** Share of the question's respondents (or answered rows), 0–100. */
  percent: number;
}

export interface QuestionDistribution {
  code: string;
  type: QuestionType;
  title: string;
  /** Respondents who answered (matrix: who answered at least one row is not known; rows answered). */
  answered: number;
  options: OptionCount[];
  /** rating: mean value; matrix: per row. */
  mean: number | null;
  rows: { code: string; label: string; answered: number; options: OptionCount[] }[];
}

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

function countsOf(counts: readonly AnswerCount[], question: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of counts) if (c.question === question) map.set(c.answer, (map.get(c.answer) ?? 0) + c.count);
  return map;
}

function scaleOf(q: SurveyQuestion): number[] {
  const min = q.min ?? 1;
  const max = q.max ?? 5;
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
}

/** Per-question distribution from the counts of one version (or several pooled with one layout). */
export function distribution(q: SurveyQuestion, counts: readonly AnswerCount[]): QuestionDistribution {
  const byKey = countsOf(counts, q.code);
  const base = { code: q.code, type: q.type, title: q.title, mean: null, rows: [] };
  switch (q.type) {
    case 'single': {
      const answered = [...byKey.values()].reduce((a, b) => a + b, 0);
      return {
        ...base,
        answered,
        options: (q.options ?? []).map((o) => {
          const count = byKey.get(o.code) ?? 0;
          return { code: o.code, label: o.label, count, percent: pct(count, answered) };
        }),
      };
    }
    case 'multiple': {
      let answered = 0;
      const per = new Map<string, number>();
      for (const [combo, n] of byKey) {
        answered += n;
        for (const code of combo.split(',')) per.set(code, (per.get(code) ?? 0) + n);
      }
      return {
        ...base,
        answered,
        options: (q.options ?? []).map((o) => {
          const count = per.get(o.code) ?? 0;
          return { code: o.code, label: o.label, count, percent: pct(count, answered) };
        }),
      };
    }
    case 'rating': {
      let answered = 0;
      let sum = 0;
      for (const [value, n] of byKey) {
        answered += n;
        sum += Number(value) * n;
      }
      return {
        ...base,
        answered,
        mean: answered > 0 ? sum / answered : null,
        options: scaleOf(q).map((v) => {
          const count = byKey.get(String(v)) ?? 0;
          return { code: String(v), label: String(v), count, percent: pct(count, answered) };
        }),
      };
    }
    case 'text':
      return { ...base, answered: byKey.get('') ?? 0, options: [] };
    case 'matrix': {
      const rows = (q.rows ?? []).map((row) => {
        const cells = (q.options ?? []).map((o) => ({ o, count: byKey.get(`${row.code}=${o.code}`) ?? 0 }));
        const answered = cells.reduce((a, c) => a + c.count, 0);
        return {
          code: row.code,
          label: row.label,
          answered,
          options: cells.map(({ o, count }) => ({
            code: o.code,
            label: o.label,
            count,
            percent: pct(count, answered),
          })),
        };
      });
      const answered = rows.reduce((a, r) => a + r.answered, 0);
      const totals = (q.options ?? []).map((o) => {
        const count = rows.reduce((a, r) => a + (r.options.find((c) => c.code === o.code)?.count ?? 0), 0);
        return { code: o.code, label: o.label, count, percent: pct(count, answered) };
      });
      return { ...base, answered, options: totals, rows };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rates
// ---------------------------------------------------------------------------------------------

/** A question's contribution to a rate: rate = sum ÷ n (share rates: sum = positive answers). */
export interface RateTally {
  kind: RateKind;
  weight: number;
  /** Answers counted: all answers (share rates), scored answers (satisfaction). */
  n: number;
  /** Positive answers (share rates) or the sum of scores (satisfaction). */
  sum: number;
}

function ratingScore(q: SurveyQuestion, rate: RateConfig, value: number): number | null {
  const given = rate.scores?.[String(value)];
  if (given !== undefined) return given;
  const min = q.min ?? 1;
  const max = q.max ?? 5;
  return max > min ? ((value - min) / (max - min)) * 100 : null;
}

/** The tally of one question over counts, or null when the question feeds no rate. */
export function rateTally(q: SurveyQuestion, counts: readonly AnswerCount[]): RateTally | null {
  const rate = q.rate;
  if (!rate || q.type === 'text') return null;
  const byKey = countsOf(counts, q.code);
  const tally: RateTally = { kind: rate.kind, weight: rate.weight ?? 1, n: 0, sum: 0 };
  const positive = new Set(rate.positive ?? []);
  for (const [key, count] of byKey) {
    if (rate.kind === 'satisfaction') {
      let score: number | null | undefined;
      if (q.type === 'rating') score = ratingScore(q, rate, Number(key));
      else if (q.type === 'matrix') score = rate.scores?.[key.slice(key.indexOf('=') + 1)];
      else score = rate.scores?.[key];
      if (score === undefined || score === null) continue;
      tally.n += count;
      tally.sum += score * count;
    } else {
      let isPositive: boolean;
      if (q.type === 'rating') isPositive = Number(key) >= (rate.positiveMin ?? Infinity);
      else if (q.type === 'multiple') isPositive = key.split(',').some((code) => positive.has(code));
      else if (q.type === 'matrix') isPositive = positive.has(key.slice(key.indexOf('=') + 1));
      else isPositive = positive.has(key);
      tally.n += count;
      if (isPositive) tally.sum += count;
    }
  }
  return tally;
}

/** The rate of one tally (0–100), null without answers. */
export function tallyRate(tally: RateTally): number | null {
  if (tally.n === 0) return null;
  return tally.kind === 'satisfaction' ? tally.sum / tally.n : (tally.sum / tally.n) * 100;
}

/** Adds tallies of one question pooled across versions (the first one's kind and weight stand). */
export function poolTallies(a: RateTally, b: RateTally): RateTally {
  return { ...a, n: a.n + b.n, sum: a.sum + b.sum };
}

export interface RateResult {
  kind: RateKind;
  /** 0–100, null when no question of this kind was answered. */
  value: number | null;
  /** Questions of this kind (answered or not). */
  questions: number;
  /** Answers (share rates) or scored answers (satisfaction) behind the rate. */
  answers: number;
}

/** The questionnaire's rates: the weighted mean of the question rates of each kind. */
export function combineRates(tallies: readonly RateTally[]): RateResult[] {
  return RATE_KINDS.map((kind) => {
    const own = tallies.filter((t) => t.kind === kind);
    let weighted = 0;
    let weights = 0;
    for (const t of own) {
      const r = tallyRate(t);
      if (r === null) continue;
      weighted += t.weight * r;
      weights += t.weight;
    }
    return {
      kind,
      value: weights > 0 ? weighted / weights : null,
      questions: own.length,
      answers: own.reduce((a, t) => a + t.n, 0),
    };
  });
}

/**
 * Rates over several versions: each version's questions tallied on its own counts (with its own
 * configuration), tallies of the same question code pooled, then combined per kind.
 */
export function surveyRates(
  versions: readonly { questions: readonly SurveyQuestion[]; counts: readonly AnswerCount[] }[],
): { rates: RateResult[]; questions: Map<string, RateTally> } {
  const pooled = new Map<string, RateTally>();
  for (const v of versions) {
    for (const q of v.questions) {
      const tally = rateTally(q, v.counts);
      if (!tally) continue;
      const before = pooled.get(q.code);
      pooled.set(q.code, before && before.kind === tally.kind ? poolTallies(before, tally) : (before ?? tally));
    }
  }
  return { rates: combineRates([...pooled.values()]), questions: pooled };
}
