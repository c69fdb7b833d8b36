// The rule engine of field inspections (实地考察): each checklist item states a machine-checkable
// rule, the inspector enters what was seen, and the engine answers pass / fail / not applicable
// with the value seen and the threshold, in words a clerk understands (zh-CN and en-US). Shared
// by the server (scoring) and the web app (the editor's "try this rule" box, live feedback on the
// phone). Pure: no I/O, no clock; the campaign's phase is an argument.
//
// Rule kinds (thresholds per phase; the pre-inspection threshold defaults to the normal one):
//   presence — something must be there (or must not: 牛皮癣, 吸烟);
//   count    — at least N (e.g. ≥ 10 公益广告 in a park);
//   ratio    — at least x % of an area, airtime or a total (e.g. hoardings ≥ 30 %, 迎检 ≥ 50 %);
//   rate     — at least N per window (e.g. ≥ 2 per 10 minutes of screen time, ≥ 2 per 5 stops);
//   density  — at least N within M metres (e.g. ≥ 5 along 500 m of main road; 1 within 100 m).

export const RULE_KINDS = ['presence', 'count', 'ratio', 'rate', 'density'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RATIO_BASES = ['area', 'airtime', 'total'] as const;
export type RatioBase = (typeof RATIO_BASES)[number];

export const RATE_UNITS = ['minutes', 'stops'] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

export const DISTANCE_UNITS = ['metres', 'steps'] as const;
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];

export const PHASES = ['normal', 'pre_inspection'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseThresholds<T> {
  normal: T;
  pre_inspection?: T | null;
}

export type RuleSpec =
  | { kind: 'presence'; expect: 'present' | 'absent' }
  | { kind: 'count'; thresholds: PhaseThresholds<{ min: number }> }
  | { kind: 'ratio'; of: RatioBase; thresholds: PhaseThresholds<{ minPercent: number }> }
  | { kind: 'rate'; unit: RateUnit; thresholds: PhaseThresholds<{ min: number; per: number }> }
  | { kind: 'density'; unit: DistanceUnit; thresholds: PhaseThresholds<{ min: number; within: number }> };

/** What the inspector enters. `na` marks the item not applicable here (e.g. no screen at a stop). */
export type RuleValue =
  | { na: true }
  | { present: boolean }
  | { count: number }
  | { percent: number }
  | { part: number; whole: number }
  | { count: number; observed: number }
  | { count: number; distance: number };

export type Outcome = 'pass' | 'fail' | 'na';

export interface RuleResult {
  outcome: Outcome;
  /** The value seen, normalised to the rule's terms (e.g. per 10 minutes); null when n/a. */
  seen: number | boolean | null;
  /** The threshold applied in this phase. */
  required: number | boolean | null;
  phase: Phase;
}

export class RuleInputError extends Error {
  constructor(
    readonly reason:
      'wrong_type' | 'negative' | 'not_integer' | 'over_100' | 'part_over_whole' | 'zero_base' | 'not_finite',
    message: string,
  ) {
    super(message);
    this.name = 'RuleInputError';
  }
}

export class RuleSpecError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuleSpecError';
  }
}

function threshold<T>(t: PhaseThresholds<T>, phase: Phase): T {
  return phase === 'pre_inspection' && t.pre_inspection ? t.pre_inspection : t.normal;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function num(value: unknown, name: string, options: { integer?: boolean; positive?: boolean } = {}): number {
  if (typeof value !== 'number') throw new RuleInputError('wrong_type', `${name} must be a number`);
  if (!Number.isFinite(value)) throw new RuleInputError('not_finite', `${name} must be finite`);
  if (value < 0) throw new RuleInputError('negative', `${name} cannot be negative`);
  if (options.integer && !Number.isInteger(value)) throw new RuleInputError('not_integer', `${name} must be whole`);
  if (options.positive && value === 0) throw new RuleInputError('zero_base', `${name} must be above zero`);
  return value;
}

function has<K extends string>(value: object, ...keys: K[]): value is Record<K, unknown> {
  return keys.every((k) => k in value);
}

/** Scores one value against a rule in a phase; throws RuleInputError for a value that cannot be. */
export function evaluateRule(rule: RuleSpec, value: RuleValue, phase: Phase): RuleResult {
  if (typeof value !== 'object' || value === null) throw new RuleInputError('wrong_type', 'no value');
  if ('na' in value && value.na === true) return { outcome: 'na', seen: null, required: null, phase };
  switch (rule.kind) {
    case 'presence': {
      if (!has(value, 'present') || typeof value.present !== 'boolean') {
        throw new RuleInputError('wrong_type', 'presence takes { present: boolean }');
      }
      const wanted = rule.expect === 'present';
      return { outcome: value.present === wanted ? 'pass' : 'fail', seen: value.present, required: wanted, phase };
    }
    case 'count': {
      if (!has(value, 'count') || has(value, 'observed') || has(value, 'distance')) {
        throw new RuleInputError('wrong_type', 'count takes { count }');
      }
      const count = num(value.count, 'count', { integer: true });
      const { min } = threshold(rule.thresholds, phase);
      return { outcome: count >= min ? 'pass' : 'fail', seen: count, required: min, phase };
    }
    case 'ratio': {
      let percent: number;
      if (has(value, 'percent')) {
        percent = num(value.percent, 'percent');
        if (percent > 100) throw new RuleInputError('over_100', 'a share cannot exceed 100 %');
      } else if (has(value, 'part', 'whole')) {
        const part = num(value.part, 'part');
        const whole = num(value.whole, 'whole', { positive: true });
        if (part > whole) throw new RuleInputError('part_over_whole', 'the part cannot exceed the whole');
        percent = (part / whole) * 100;
      } else throw new RuleInputError('wrong_type', 'ratio takes { percent } or { part, whole }');
      const { minPercent } = threshold(rule.thresholds, phase);
      return { outcome: percent >= minPercent ? 'pass' : 'fail', seen: round1(percent), required: minPercent, phase };
    }
    case 'rate': {
      if (!has(value, 'count', 'observed')) throw new RuleInputError('wrong_type', 'rate takes { count, observed }');
      const count = num(value.count, 'count', { integer: true });
      const observed = num(value.observed, 'observed', { positive: true });
      const { min, per } = threshold(rule.thresholds, phase);
      const rate = (count / observed) * per;
      return { outcome: rate >= min ? 'pass' : 'fail', seen: round1(rate), required: min, phase };
    }
    case 'density': {
      if (!has(value, 'count', 'distance')) throw new RuleInputError('wrong_type', 'density takes { count, distance }');
      const count = num(value.count, 'count', { integer: true });
      const distance = num(value.distance, 'distance', { positive: true });
      const { min, within } = threshold(rule.thresholds, phase);
      // Counted over a shorter stretch, the count stands as it is; over a longer one it is scaled
      // to the rule's stretch (8 along 1,000 m is 4 per 500 m).
      const seen = distance <= within ? count : (count * within) / distance;
      return { outcome: seen >= min ? 'pass' : 'fail', seen: round1(seen), required: min, phase };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Checking a rule as the office writes it
// ---------------------------------------------------------------------------------------------

function positive(path: string, value: unknown, options: { integer?: boolean; max?: number } = {}) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RuleSpecError(path, `${path} must be a number above zero`);
  }
  if (options.integer && !Number.isInteger(value)) throw new RuleSpecError(path, `${path} must be whole`);
  if (options.max !== undefined && value > options.max)
    throw new RuleSpecError(path, `${path} must be at most ${options.max}`);
}

function thresholds<T>(t: PhaseThresholds<T> | undefined, check: (path: string, v: T) => void) {
  if (!t || typeof t !== 'object' || !t.normal)
    throw new RuleSpecError('thresholds.normal', 'a normal threshold is required');
  check('thresholds.normal', t.normal);
  if (t.pre_inspection) check('thresholds.pre_inspection', t.pre_inspection);
}

/** Throws RuleSpecError (with the offending path) for a rule that cannot be applied. */
export function validateRule(rule: RuleSpec): RuleSpec {
  if (!rule || typeof rule !== 'object' || !(RULE_KINDS as readonly string[]).includes(rule.kind)) {
    throw new RuleSpecError('kind', 'unknown rule kind');
  }
  switch (rule.kind) {
    case 'presence':
      if (rule.expect !== 'present' && rule.expect !== 'absent') throw new RuleSpecError('expect', 'present or absent');
      break;
    case 'count':
      thresholds(rule.thresholds, (p, v) => positive(`${p}.min`, v?.min, { integer: true }));
      break;
    case 'ratio':
      if (!(RATIO_BASES as readonly string[]).includes(rule.of))
        throw new RuleSpecError('of', 'area, airtime or total');
      thresholds(rule.thresholds, (p, v) => positive(`${p}.minPercent`, v?.minPercent, { max: 100 }));
      break;
    case 'rate':
      if (!(RATE_UNITS as readonly string[]).includes(rule.unit)) throw new RuleSpecError('unit', 'minutes or stops');
      thresholds(rule.thresholds, (p, v) => {
        positive(`${p}.min`, v?.min);
        positive(`${p}.per`, v?.per);
      });
      break;
    case 'density':
      if (!(DISTANCE_UNITS as readonly string[]).includes(rule.unit))
        throw new RuleSpecError('unit', 'metres or steps');
      thresholds(rule.thresholds, (p, v) => {
        positive(`${p}.min`, v?.min, { integer: true });
        positive(`${p}.within`, v?.within);
      });
      break;
  }
  return rule;
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

export type RuleLocale = 'zh-CN' | 'en-US';

const BASE_WORDS: Record<RatioBase, Record<RuleLocale, string>> = {
  area: { 'zh-CN': '面积', 'en-US': 'of the area' },
  airtime: { 'zh-CN': '播放时长', 'en-US': 'of the airtime' },
  total: { 'zh-CN': '总量', 'en-US': 'of the total' },
};
const RATE_WORDS: Record<RateUnit, Record<RuleLocale, string>> = {
  minutes: { 'zh-CN': '分钟', 'en-US': 'minutes' },
  stops: { 'zh-CN': '站', 'en-US': 'stops' },
};
const DISTANCE_WORDS: Record<DistanceUnit, Record<RuleLocale, string>> = {
  metres: { 'zh-CN': '米', 'en-US': 'm' },
  steps: { 'zh-CN': '步', 'en-US': 'steps' },
};

/** The requirement in words, e.g. "占面积不低于 30%（迎检阶段 50%）". */
export function describeRule(rule: RuleSpec, locale: RuleLocale): string {
  const zh = locale === 'zh-CN';
  const pre = <T>(t: PhaseThresholds<T>, fmt: (v: T) => string) =>
    t.pre_inspection
      ? zh
        ? `（迎检阶段 ${fmt(t.pre_inspection)}）`
        : ` (pre-inspection: ${fmt(t.pre_inspection)})`
      : '';
  switch (rule.kind) {
    case 'presence':
      return rule.expect === 'present' ? (zh ? '应当设置' : 'must be present') : zh ? '不得出现' : 'must be absent';
    case 'count': {
      const f = (v: { min: number }) => (zh ? `不少于 ${v.min} 处` : `at least ${v.min}`);
      return f(rule.thresholds.normal) + pre(rule.thresholds, f);
    }
    case 'ratio': {
      const f = (v: { minPercent: number }) => `${v.minPercent}%`;
      const base = BASE_WORDS[rule.of][locale];
      return (
        (zh ? `占${base}不低于 ` : `at least `) +
        f(rule.thresholds.normal) +
        (zh ? '' : ` ${base}`) +
        pre(rule.thresholds, f)
      );
    }
    case 'rate': {
      const u = RATE_WORDS[rule.unit][locale];
      const f = (v: { min: number; per: number }) =>
        zh ? `每 ${v.per} ${u}不少于 ${v.min} 条` : `at least ${v.min} per ${v.per} ${u}`;
      return f(rule.thresholds.normal) + pre(rule.thresholds, f);
    }
    case 'density': {
      const u = DISTANCE_WORDS[rule.unit][locale];
      const f = (v: { min: number; within: number }) =>
        zh ? `${v.within} ${u}内不少于 ${v.min} 处` : `at least ${v.min} within ${v.within} ${u}`;
      return f(rule.thresholds.normal) + pre(rule.thresholds, f);
    }
  }
}

/** One sentence a clerk reads: outcome, what was seen, what was required, in which phase. */
export function describeResult(rule: RuleSpec, result: RuleResult, locale: RuleLocale): string {
  const zh = locale === 'zh-CN';
  if (result.outcome === 'na') return zh ? '不适用（现场无此项）' : 'not applicable here';
  const verdict = result.outcome === 'pass' ? (zh ? '达标' : 'Pass') : zh ? '不达标' : 'Fail';
  const phase = result.phase === 'pre_inspection' ? (zh ? '（迎检阶段标准）' : ' (pre-inspection standard)') : '';
  let seen: string;
  let required: string;
  switch (rule.kind) {
    case 'presence':
      seen = result.seen ? (zh ? '现场有' : 'present') : zh ? '现场没有' : 'absent';
      required = rule.expect === 'present' ? (zh ? '应当设置' : 'must be present') : zh ? '不得出现' : 'must be absent';
      break;
    case 'count':
      seen = zh ? `实见 ${result.seen} 处` : `seen ${result.seen}`;
      required = zh ? `要求不少于 ${result.required} 处` : `at least ${result.required} required`;
      break;
    case 'ratio':
      seen = zh ? `实占 ${result.seen}%` : `seen ${result.seen}%`;
      required = zh ? `要求不低于 ${result.required}%` : `at least ${result.required}% required`;
      break;
    case 'rate': {
      const t = threshold(rule.thresholds, result.phase);
      const u = RATE_WORDS[rule.unit][locale];
      seen = zh ? `折合每 ${t.per} ${u} ${result.seen} 条` : `${result.seen} per ${t.per} ${u}`;
      required = zh ? `要求不少于 ${result.required} 条` : `at least ${result.required} required`;
      break;
    }
    case 'density': {
      const t = threshold(rule.thresholds, result.phase);
      const u = DISTANCE_WORDS[rule.unit][locale];
      seen = zh ? `${t.within} ${u}内实见 ${result.seen} 处` : `${result.seen} within ${t.within} ${u}`;
      required = zh ? `要求不少于 ${result.required} 处` : `at least ${result.required} required`;
      break;
    }
  }
  return zh ? `${verdict}：${seen}，${required}${phase}` : `${verdict}: ${seen}; ${required}${phase}`;
}

/** Site score: points earned over points applicable (items marked n/a do not count), 0–100. */
export function scoreSite(items: readonly { points: number; outcome: Outcome }[]): {
  earned: number;
  applicable: number;
  score: number | null;
} {
  let earned = 0;
  let applicable = 0;
  for (const i of items) {
    if (i.outcome === 'na') continue;
    applicable += i.points;
    if (i.outcome === 'pass') earned += i.points;
  }
  return { earned, applicable, score: applicable > 0 ? Math.round((earned / applicable) * 1000) / 10 : null };
}
