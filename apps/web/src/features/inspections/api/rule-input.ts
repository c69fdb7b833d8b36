// What an inspector (or the office trying a rule) types for one checklist item, and how it becomes
// the rule engine's value: a toggle for presence; a count; a percent or part / whole for a ratio;
// a count and the minutes or stops observed for a rate; a count and the metres or steps walked for
// a density; or "不适用" (not applicable). The engine (@cc/common/inspection-rules) then scores it
// in the round's phase — the same code the server scores with, so the hint on the phone is the
// verdict the server will give. Pure.
import {
  RuleInputError,
  evaluateRule,
  type Phase,
  type RuleResult,
  type RuleSpec,
  type RuleValue,
} from '@cc/common/inspection-rules';

export type RatioMode = 'percent' | 'parts';

export interface RuleInput {
  /** Not applicable here (e.g. no screen at this stop). */
  na: boolean;
  /** presence */
  present: boolean | null;
  /** count, rate, density */
  count: number | null;
  /** ratio: a share typed directly, or a part of a whole (e.g. m² of ads over m² of hoarding) */
  ratioMode: RatioMode;
  percent: number | null;
  part: number | null;
  whole: number | null;
  /** rate: minutes or stops observed */
  observed: number | null;
  /** density: metres or steps walked */
  distance: number | null;
}

export function emptyInput(): RuleInput {
  return {
    na: false,
    present: null,
    count: null,
    ratioMode: 'percent',
    percent: null,
    part: null,
    whole: null,
    observed: null,
    distance: null,
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown): number | null => (isNum(v) ? v : null);

/** The engine's value for what was typed, or null while something is still missing. */
export function valueOfInput(rule: RuleSpec, input: RuleInput): RuleValue | null {
  if (input.na) return { na: true };
  switch (rule.kind) {
    case 'presence':
      return input.present === null ? null : { present: input.present };
    case 'count':
      return input.count === null ? null : { count: input.count };
    case 'ratio':
      if (input.ratioMode === 'percent') return input.percent === null ? null : { percent: input.percent };
      return input.part === null || input.whole === null ? null : { part: input.part, whole: input.whole };
    case 'rate':
      return input.count === null || input.observed === null ? null : { count: input.count, observed: input.observed };
    case 'density':
      return input.count === null || input.distance === null ? null : { count: input.count, distance: input.distance };
  }
}

/** The input a stored value stands for (a server draft, a submitted result); empty when unusable. */
export function inputOfValue(rule: RuleSpec, value: unknown): RuleInput {
  const input = emptyInput();
  if (!value || typeof value !== 'object') return input;
  const v = value as Record<string, unknown>;
  if (v.na === true) return { ...input, na: true };
  switch (rule.kind) {
    case 'presence':
      return { ...input, present: typeof v.present === 'boolean' ? v.present : null };
    case 'count':
      return { ...input, count: numOrNull(v.count) };
    case 'ratio':
      if ('part' in v || 'whole' in v) {
        return { ...input, ratioMode: 'parts', part: numOrNull(v.part), whole: numOrNull(v.whole) };
      }
      return { ...input, percent: numOrNull(v.percent) };
    case 'rate':
      return { ...input, count: numOrNull(v.count), observed: numOrNull(v.observed) };
    case 'density':
      return { ...input, count: numOrNull(v.count), distance: numOrNull(v.distance) };
  }
}

/** Reads a stored input defensively (a draft from an older version, foreign data). */
export function parseRuleInput(raw: unknown): RuleInput {
  const input = emptyInput();
  if (!raw || typeof raw !== 'object') return input;
  const v = raw as Record<string, unknown>;
  return {
    na: v.na === true,
    present: typeof v.present === 'boolean' ? v.present : null,
    count: numOrNull(v.count),
    ratioMode: v.ratioMode === 'parts' ? 'parts' : 'percent',
    percent: numOrNull(v.percent),
    part: numOrNull(v.part),
    whole: numOrNull(v.whole),
    observed: numOrNull(v.observed),
    distance: numOrNull(v.distance),
  };
}

export type InputReason = RuleInputError['reason'];

export type InputCheck =
  | { state: 'empty' }
  | { state: 'invalid'; reason: InputReason }
  | { state: 'scored'; value: RuleValue; result: RuleResult };

/** Scores what was typed: nothing yet, a value the engine refuses (and why), or the result. */
export function checkInput(rule: RuleSpec, input: RuleInput, phase: Phase): InputCheck {
  const value = valueOfInput(rule, input);
  if (value === null) return { state: 'empty' };
  try {
    return { state: 'scored', value, result: evaluateRule(rule, value, phase) };
  } catch (error) {
    if (error instanceof RuleInputError) return { state: 'invalid', reason: error.reason };
    throw error;
  }
}

/** Whether anything was typed for the item. */
export function hasInput(input: RuleInput): boolean {
  return (
    input.na ||
    input.present !== null ||
    input.count !== null ||
    input.percent !== null ||
    input.part !== null ||
    input.whole !== null ||
    input.observed !== null ||
    input.distance !== null
  );
}
