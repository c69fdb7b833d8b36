// The rule engine: every kind in both phases, the edges of each threshold, every refused value,
// rule validation, the words, and the site score.

import { describe, expect, it } from 'vitest';
import {
  describeResult,
  describeRule,
  evaluateRule,
  RuleInputError,
  RuleSpecError,
  scoreSite,
  validateRule,
  type RuleSpec,
  type RuleValue,
} from './inspection-rules';

const presence: RuleSpec = { kind: 'presence', expect: 'present' };
const absence: RuleSpec = { kind: 'presence', expect: 'absent' };
const count: RuleSpec = { kind: 'count', thresholds: { normal: { min: 10 } } };
const hoarding: RuleSpec = {
  kind: 'ratio',
  of: 'area',
  thresholds: { normal: { minPercent: 30 }, pre_inspection: { minPercent: 50 } },
};
const screen: RuleSpec = { kind: 'rate', unit: 'minutes', thresholds: { normal: { min: 2, per: 10 } } };
const busTv: RuleSpec = {
  kind: 'rate',
  unit: 'stops',
  thresholds: { normal: { min: 2, per: 5 }, pre_inspection: { min: 3, per: 5 } },
};
const road: RuleSpec = { kind: 'density', unit: 'metres', thresholds: { normal: { min: 5, within: 500 } } };

function refused(rule: RuleSpec, value: unknown): RuleInputError {
  try {
    evaluateRule(rule, value as RuleValue, 'normal');
  } catch (error) {
    expect(error).toBeInstanceOf(RuleInputError);
    return error as RuleInputError;
  }
  throw new Error('expected a refusal');
}

describe('evaluateRule', () => {
  it('presence: present or absent as required', () => {
    expect(evaluateRule(presence, { present: true }, 'normal')).toEqual({
      outcome: 'pass',
      seen: true,
      required: true,
      phase: 'normal',
    });
    expect(evaluateRule(presence, { present: false }, 'normal').outcome).toBe('fail');
    expect(evaluateRule(absence, { present: false }, 'pre_inspection').outcome).toBe('pass');
    expect(evaluateRule(absence, { present: true }, 'normal').outcome).toBe('fail');
    expect(refused(presence, { present: 'yes' }).reason).toBe('wrong_type');
    expect(refused(presence, { count: 1 }).reason).toBe('wrong_type');
  });

  it('count: at least N, the same in both phases when no pre-inspection threshold is set', () => {
    expect(evaluateRule(count, { count: 10 }, 'normal')).toMatchObject({ outcome: 'pass', seen: 10, required: 10 });
    expect(evaluateRule(count, { count: 9 }, 'normal').outcome).toBe('fail');
    expect(evaluateRule(count, { count: 9 }, 'pre_inspection')).toMatchObject({ outcome: 'fail', required: 10 });
    expect(refused(count, { count: -1 }).reason).toBe('negative');
    expect(refused(count, { count: 2.5 }).reason).toBe('not_integer');
    expect(refused(count, { count: Infinity }).reason).toBe('not_finite');
    expect(refused(count, { count: '3' }).reason).toBe('wrong_type');
    expect(refused(count, { count: 3, observed: 10 }).reason).toBe('wrong_type');
  });

  it('ratio: a share given directly or as part of a whole, with the pre-inspection threshold', () => {
    expect(evaluateRule(hoarding, { percent: 30 }, 'normal').outcome).toBe('pass');
    expect(evaluateRule(hoarding, { percent: 29.9 }, 'normal').outcome).toBe('fail');
    expect(evaluateRule(hoarding, { percent: 40 }, 'pre_inspection')).toMatchObject({ outcome: 'fail', required: 50 });
    expect(evaluateRule(hoarding, { part: 60, whole: 120 }, 'pre_inspection')).toMatchObject({
      outcome: 'pass',
      seen: 50,
    });
    expect(evaluateRule(hoarding, { part: 1, whole: 3 }, 'normal')).toMatchObject({ outcome: 'pass', seen: 33.3 });
    expect(refused(hoarding, { percent: 140 }).reason).toBe('over_100');
    expect(refused(hoarding, { percent: -5 }).reason).toBe('negative');
    expect(refused(hoarding, { part: 130, whole: 120 }).reason).toBe('part_over_whole');
    expect(refused(hoarding, { part: 0, whole: 0 }).reason).toBe('zero_base');
    expect(refused(hoarding, { count: 3 }).reason).toBe('wrong_type');
  });

  it('rate: normalised to the window (per 10 minutes, per 5 stops)', () => {
    expect(evaluateRule(screen, { count: 4, observed: 20 }, 'normal')).toMatchObject({ outcome: 'pass', seen: 2 });
    expect(evaluateRule(screen, { count: 3, observed: 20 }, 'normal')).toMatchObject({ outcome: 'fail', seen: 1.5 });
    expect(evaluateRule(busTv, { count: 2, observed: 5 }, 'normal').outcome).toBe('pass');
    expect(evaluateRule(busTv, { count: 2, observed: 5 }, 'pre_inspection')).toMatchObject({
      outcome: 'fail',
      required: 3,
    });
    expect(refused(screen, { count: 3, observed: 0 }).reason).toBe('zero_base');
    expect(refused(screen, { count: -1, observed: 10 }).reason).toBe('negative');
    expect(refused(screen, { count: 3 }).reason).toBe('wrong_type');
  });

  it('density: counted over a shorter stretch it stands, over a longer one it is scaled', () => {
    expect(evaluateRule(road, { count: 5, distance: 300 }, 'normal')).toMatchObject({ outcome: 'pass', seen: 5 });
    expect(evaluateRule(road, { count: 4, distance: 500 }, 'normal').outcome).toBe('fail');
    expect(evaluateRule(road, { count: 8, distance: 1000 }, 'normal')).toMatchObject({ outcome: 'fail', seen: 4 });
    expect(evaluateRule(road, { count: 10, distance: 1000 }, 'normal')).toMatchObject({ outcome: 'pass', seen: 5 });
    expect(refused(road, { count: 5, distance: 0 }).reason).toBe('zero_base');
  });

  it('answers not applicable for any kind when the item is absent from the site', () => {
    for (const rule of [presence, count, hoarding, screen, road]) {
      expect(evaluateRule(rule, { na: true }, 'normal')).toEqual({
        outcome: 'na',
        seen: null,
        required: null,
        phase: 'normal',
      });
    }
    expect(refused(count, null).reason).toBe('wrong_type');
  });
});

describe('validateRule', () => {
  it('accepts well-formed rules and names what is wrong with the others', () => {
    for (const rule of [presence, absence, count, hoarding, screen, busTv, road]) expect(validateRule(rule)).toBe(rule);
    const bad: [unknown, string][] = [
      [{ kind: 'magic' }, 'kind'],
      [{ kind: 'presence', expect: 'maybe' }, 'expect'],
      [{ kind: 'count', thresholds: {} }, 'thresholds.normal'],
      [{ kind: 'count', thresholds: { normal: { min: 0 } } }, 'thresholds.normal.min'],
      [{ kind: 'count', thresholds: { normal: { min: 2.5 } } }, 'thresholds.normal.min'],
      [{ kind: 'ratio', of: 'area', thresholds: { normal: { minPercent: 120 } } }, 'thresholds.normal.minPercent'],
      [{ kind: 'ratio', of: 'volume', thresholds: { normal: { minPercent: 20 } } }, 'of'],
      [{ kind: 'rate', unit: 'minutes', thresholds: { normal: { min: 2 } } }, 'thresholds.normal.per'],
      [{ kind: 'rate', unit: 'hours', thresholds: { normal: { min: 2, per: 1 } } }, 'unit'],
      [
        {
          kind: 'density',
          unit: 'metres',
          thresholds: { normal: { min: 5, within: 500 }, pre_inspection: { min: 5 } },
        },
        'thresholds.pre_inspection.within',
      ],
    ];
    for (const [rule, path] of bad) {
      try {
        validateRule(rule as RuleSpec);
        throw new Error(`accepted ${JSON.stringify(rule)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(RuleSpecError);
        expect((error as RuleSpecError).path).toBe(path);
      }
    }
  });
});

describe('words', () => {
  it('states the requirement with the pre-inspection threshold', () => {
    expect(describeRule(hoarding, 'zh-CN')).toBe('占面积不低于 30%（迎检阶段 50%）');
    expect(describeRule(hoarding, 'en-US')).toBe('at least 30% of the area (pre-inspection: 50%)');
    expect(describeRule(screen, 'zh-CN')).toBe('每 10 分钟不少于 2 条');
    expect(describeRule(road, 'zh-CN')).toBe('500 米内不少于 5 处');
    expect(describeRule(count, 'en-US')).toBe('at least 10');
    expect(describeRule(absence, 'zh-CN')).toBe('不得出现');
  });

  it('says the verdict, the value seen and the threshold in a clerk’s words', () => {
    const r = evaluateRule(hoarding, { percent: 40 }, 'pre_inspection');
    expect(describeResult(hoarding, r, 'zh-CN')).toBe('不达标：实占 40%，要求不低于 50%（迎检阶段标准）');
    expect(describeResult(hoarding, r, 'en-US')).toBe(
      'Fail: seen 40%; at least 50% required (pre-inspection standard)',
    );
    const s = evaluateRule(screen, { count: 3, observed: 20 }, 'normal');
    expect(describeResult(screen, s, 'zh-CN')).toBe('不达标：折合每 10 分钟 1.5 条，要求不少于 2 条');
    const d = evaluateRule(road, { count: 6, distance: 500 }, 'normal');
    expect(describeResult(road, d, 'zh-CN')).toBe('达标：500 米内实见 6 处，要求不少于 5 处');
    expect(describeResult(presence, evaluateRule(presence, { present: false }, 'normal'), 'zh-CN')).toBe(
      '不达标：现场没有，应当设置',
    );
    expect(describeResult(count, evaluateRule(count, { na: true }, 'normal'), 'zh-CN')).toBe('不适用（现场无此项）');
  });
});

describe('scoreSite', () => {
  it('is points earned over applicable points, n/a left out', () => {
    expect(
      scoreSite([
        { points: 2, outcome: 'pass' },
        { points: 1, outcome: 'fail' },
        { points: 3, outcome: 'na' },
        { points: 1, outcome: 'pass' },
      ]),
    ).toEqual({ earned: 3, applicable: 4, score: 75 });
    expect(scoreSite([{ points: 1, outcome: 'na' }])).toEqual({ earned: 0, applicable: 0, score: null });
    expect(
      scoreSite([
        { points: 1, outcome: 'pass' },
        { points: 2, outcome: 'fail' },
      ]).score,
    ).toBe(33.3);
  });
});
