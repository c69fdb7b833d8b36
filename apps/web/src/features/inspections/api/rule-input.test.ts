import { describe, expect, it } from 'vitest';
import type { RuleSpec } from '@cc/common/inspection-rules';
import { checkInput, emptyInput, hasInput, inputOfValue, parseRuleInput, valueOfInput } from './rule-input';

const presence: RuleSpec = { kind: 'presence', expect: 'present' };
const absent: RuleSpec = { kind: 'presence', expect: 'absent' };
const count: RuleSpec = { kind: 'count', thresholds: { normal: { min: 10 }, pre_inspection: { min: 15 } } };
const ratio: RuleSpec = { kind: 'ratio', of: 'area', thresholds: { normal: { minPercent: 30 } } };
const rate: RuleSpec = { kind: 'rate', unit: 'minutes', thresholds: { normal: { min: 2, per: 10 } } };
const density: RuleSpec = { kind: 'density', unit: 'metres', thresholds: { normal: { min: 5, within: 500 } } };

describe('valueOfInput', () => {
  it('is null until the kind has what it needs', () => {
    const e = emptyInput();
    for (const rule of [presence, count, ratio, rate, density]) expect(valueOfInput(rule, e)).toBeNull();
    expect(valueOfInput(rate, { ...e, count: 3 })).toBeNull();
    expect(valueOfInput(density, { ...e, distance: 300 })).toBeNull();
    expect(valueOfInput(ratio, { ...e, ratioMode: 'parts', part: 3 })).toBeNull();
  });

  it('builds the value of each kind', () => {
    const e = emptyInput();
    expect(valueOfInput(presence, { ...e, present: false })).toEqual({ present: false });
    expect(valueOfInput(count, { ...e, count: 12 })).toEqual({ count: 12 });
    expect(valueOfInput(ratio, { ...e, percent: 35 })).toEqual({ percent: 35 });
    expect(valueOfInput(ratio, { ...e, ratioMode: 'parts', part: 3, whole: 10, percent: 80 })).toEqual({
      part: 3,
      whole: 10,
    });
    expect(valueOfInput(rate, { ...e, count: 3, observed: 15 })).toEqual({ count: 3, observed: 15 });
    expect(valueOfInput(density, { ...e, count: 4, distance: 400 })).toEqual({ count: 4, distance: 400 });
  });

  it('marks n/a whatever else was typed', () => {
    expect(valueOfInput(count, { ...emptyInput(), na: true, count: 3 })).toEqual({ na: true });
  });
});

describe('checkInput', () => {
  it('scores presence both ways', () => {
    const e = emptyInput();
    expect(checkInput(presence, { ...e, present: true }, 'normal')).toMatchObject({ result: { outcome: 'pass' } });
    expect(checkInput(absent, { ...e, present: true }, 'normal')).toMatchObject({ result: { outcome: 'fail' } });
  });

  it('applies the pre-inspection threshold in that phase', () => {
    const input = { ...emptyInput(), count: 12 };
    expect(checkInput(count, input, 'normal')).toMatchObject({ result: { outcome: 'pass', required: 10 } });
    expect(checkInput(count, input, 'pre_inspection')).toMatchObject({ result: { outcome: 'fail', required: 15 } });
  });

  it('scores a ratio typed as parts', () => {
    const check = checkInput(ratio, { ...emptyInput(), ratioMode: 'parts', part: 2, whole: 10 }, 'normal');
    expect(check).toMatchObject({ state: 'scored', result: { outcome: 'fail', seen: 20 } });
  });

  it('normalises a rate and a density', () => {
    expect(checkInput(rate, { ...emptyInput(), count: 3, observed: 10 }, 'normal')).toMatchObject({
      result: { outcome: 'pass', seen: 3 },
    });
    expect(checkInput(density, { ...emptyInput(), count: 8, distance: 1000 }, 'normal')).toMatchObject({
      result: { outcome: 'fail', seen: 4 },
    });
  });

  it('names what the engine refuses', () => {
    const e = emptyInput();
    expect(checkInput(ratio, { ...e, percent: 140 }, 'normal')).toEqual({ state: 'invalid', reason: 'over_100' });
    expect(checkInput(count, { ...e, count: -1 }, 'normal')).toEqual({ state: 'invalid', reason: 'negative' });
    expect(checkInput(count, { ...e, count: 1.5 }, 'normal')).toEqual({ state: 'invalid', reason: 'not_integer' });
    expect(checkInput(ratio, { ...e, ratioMode: 'parts', part: 5, whole: 3 }, 'normal')).toEqual({
      state: 'invalid',
      reason: 'part_over_whole',
    });
    expect(checkInput(rate, { ...e, count: 2, observed: 0 }, 'normal')).toEqual({
      state: 'invalid',
      reason: 'zero_base',
    });
  });

  it('answers empty while nothing usable is typed, and na when marked', () => {
    expect(checkInput(count, emptyInput(), 'normal')).toEqual({ state: 'empty' });
    expect(checkInput(count, { ...emptyInput(), na: true }, 'normal')).toMatchObject({ result: { outcome: 'na' } });
  });
});

describe('inputOfValue and parseRuleInput', () => {
  it('round-trips a value of each kind', () => {
    const cases: [RuleSpec, object][] = [
      [presence, { present: true }],
      [count, { count: 7 }],
      [ratio, { percent: 42 }],
      [ratio, { part: 3, whole: 9 }],
      [rate, { count: 2, observed: 5 }],
      [density, { count: 1, distance: 80 }],
      [count, { na: true }],
    ];
    for (const [rule, value] of cases) expect(valueOfInput(rule, inputOfValue(rule, value))).toEqual(value);
  });

  it('ignores values of the wrong shape', () => {
    expect(inputOfValue(count, null)).toEqual(emptyInput());
    expect(inputOfValue(count, { count: 'many' })).toEqual(emptyInput());
    expect(hasInput(inputOfValue(presence, { present: 'yes' }))).toBe(false);
  });

  it('reads a stored input defensively', () => {
    expect(parseRuleInput(undefined)).toEqual(emptyInput());
    expect(parseRuleInput({ na: 'true', count: 3, ratioMode: 'odd', distance: Number.NaN })).toEqual({
      ...emptyInput(),
      count: 3,
    });
    expect(parseRuleInput({ ratioMode: 'parts', part: 1, whole: 2 })).toMatchObject({ ratioMode: 'parts', part: 1 });
  });
});
