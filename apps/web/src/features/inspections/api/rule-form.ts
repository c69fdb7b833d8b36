// The checklist editor's rule fields and the rule they stand for: the kind, its basis (presence
// expected or forbidden; share of area, airtime or a total; per minutes or stops; within metres
// or steps), the normal threshold and an optional, separate 迎检 (pre-inspection) one. Pure; the
// result goes through validateRule before it is sent, as the server does.
import {
  RuleSpecError,
  validateRule,
  type DistanceUnit,
  type RatioBase,
  type RateUnit,
  type RuleKind,
  type RuleSpec,
} from '@cc/common/inspection-rules';

/** One phase's threshold fields; which ones count depends on the kind. */
export interface ThresholdValues {
  /** count, rate, density */
  min?: number | null;
  /** ratio */
  minPercent?: number | null;
  /** rate: per N minutes or stops */
  per?: number | null;
  /** density: within N metres or steps */
  within?: number | null;
}

export interface RuleFormValues {
  kind: RuleKind;
  expect: 'present' | 'absent';
  of: RatioBase;
  rateUnit: RateUnit;
  distanceUnit: DistanceUnit;
  normal: ThresholdValues;
  /** Whether the pre-inspection phase has its own, stricter threshold. */
  hasPre: boolean;
  pre: ThresholdValues;
}

export function defaultRuleForm(kind: RuleKind = 'presence'): RuleFormValues {
  return {
    kind,
    expect: 'present',
    of: 'area',
    rateUnit: 'minutes',
    distanceUnit: 'metres',
    normal: {},
    hasPre: false,
    pre: {},
  };
}

const n = (v: number | null | undefined) => (typeof v === 'number' ? v : NaN);

/** The rule the fields describe (not yet validated: missing numbers are NaN). */
export function ruleOfForm(v: RuleFormValues): RuleSpec {
  const withPre = <T>(make: (t: ThresholdValues) => T) => ({
    normal: make(v.normal ?? {}),
    ...(v.hasPre ? { pre_inspection: make(v.pre ?? {}) } : {}),
  });
  switch (v.kind) {
    case 'presence':
      return { kind: 'presence', expect: v.expect };
    case 'count':
      return { kind: 'count', thresholds: withPre((t) => ({ min: n(t.min) })) };
    case 'ratio':
      return { kind: 'ratio', of: v.of, thresholds: withPre((t) => ({ minPercent: n(t.minPercent) })) };
    case 'rate':
      return { kind: 'rate', unit: v.rateUnit, thresholds: withPre((t) => ({ min: n(t.min), per: n(t.per) })) };
    case 'density':
      return {
        kind: 'density',
        unit: v.distanceUnit,
        thresholds: withPre((t) => ({ min: n(t.min), within: n(t.within) })),
      };
  }
}

/** The fields of a stored rule (a rule of an unknown shape opens as a fresh presence rule). */
export function formOfRule(rule: RuleSpec | null | undefined): RuleFormValues {
  const base = defaultRuleForm(rule?.kind);
  if (!rule) return base;
  switch (rule.kind) {
    case 'presence':
      return { ...base, expect: rule.expect };
    case 'count':
      return {
        ...base,
        normal: { min: rule.thresholds.normal.min },
        hasPre: !!rule.thresholds.pre_inspection,
        pre: { min: rule.thresholds.pre_inspection?.min },
      };
    case 'ratio':
      return {
        ...base,
        of: rule.of,
        normal: { minPercent: rule.thresholds.normal.minPercent },
        hasPre: !!rule.thresholds.pre_inspection,
        pre: { minPercent: rule.thresholds.pre_inspection?.minPercent },
      };
    case 'rate':
      return {
        ...base,
        rateUnit: rule.unit,
        normal: { ...rule.thresholds.normal },
        hasPre: !!rule.thresholds.pre_inspection,
        pre: { ...rule.thresholds.pre_inspection },
      };
    case 'density':
      return {
        ...base,
        distanceUnit: rule.unit,
        normal: { ...rule.thresholds.normal },
        hasPre: !!rule.thresholds.pre_inspection,
        pre: { ...rule.thresholds.pre_inspection },
      };
  }
}

export type RuleCheck = { rule: RuleSpec; error: null } | { rule: null; error: RuleSpecError };

/** The rule when it can be applied, else the engine's complaint (with the offending path). */
export function checkRuleForm(v: RuleFormValues): RuleCheck {
  try {
    return { rule: validateRule(ruleOfForm(v)), error: null };
  } catch (error) {
    if (error instanceof RuleSpecError) return { rule: null, error };
    throw error;
  }
}

/** The form field a validateRule path names, e.g. `thresholds.pre_inspection.min` → ['pre', 'min']. */
export function fieldOfRulePath(path: string): (string | number)[] | null {
  const m = /^thresholds\.(normal|pre_inspection)\.(\w+)$/.exec(path);
  if (m) return ['rule', m[1] === 'normal' ? 'normal' : 'pre', m[2]];
  if (path === 'expect') return ['rule', 'expect'];
  if (path === 'of') return ['rule', 'of'];
  return null;
}

/** Which threshold fields a kind asks for, in the order they read ("≥ min per N minutes"). */
export function thresholdFields(kind: RuleKind): (keyof ThresholdValues)[] {
  switch (kind) {
    case 'presence':
      return [];
    case 'count':
      return ['min'];
    case 'ratio':
      return ['minPercent'];
    case 'rate':
      return ['min', 'per'];
    case 'density':
      return ['min', 'within'];
  }
}
