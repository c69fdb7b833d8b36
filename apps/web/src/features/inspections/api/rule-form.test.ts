import { describe, expect, it } from 'vitest';
import type { RuleSpec } from '@cc/common/inspection-rules';
import { checkRuleForm, defaultRuleForm, fieldOfRulePath, formOfRule, ruleOfForm, thresholdFields } from './rule-form';

describe('rule form', () => {
  it('round-trips every kind, with and without a pre-inspection threshold', () => {
    const rules: RuleSpec[] = [
      { kind: 'presence', expect: 'absent' },
      { kind: 'count', thresholds: { normal: { min: 10 } } },
      { kind: 'count', thresholds: { normal: { min: 10 }, pre_inspection: { min: 20 } } },
      { kind: 'ratio', of: 'airtime', thresholds: { normal: { minPercent: 30 }, pre_inspection: { minPercent: 50 } } },
      { kind: 'rate', unit: 'stops', thresholds: { normal: { min: 2, per: 5 } } },
      {
        kind: 'density',
        unit: 'steps',
        thresholds: { normal: { min: 1, within: 100 }, pre_inspection: { min: 2, within: 100 } },
      },
    ];
    for (const rule of rules) expect(ruleOfForm(formOfRule(rule))).toEqual(rule);
  });

  it('leaves the pre-inspection threshold out unless asked for', () => {
    const v = { ...defaultRuleForm('count'), normal: { min: 3 }, pre: { min: 9 } };
    expect(ruleOfForm(v)).toEqual({ kind: 'count', thresholds: { normal: { min: 3 } } });
    expect(ruleOfForm({ ...v, hasPre: true })).toEqual({
      kind: 'count',
      thresholds: { normal: { min: 3 }, pre_inspection: { min: 9 } },
    });
  });

  it('checks the rule with the engine and names the offending field', () => {
    const missing = checkRuleForm(defaultRuleForm('rate'));
    expect(missing.error?.path).toBe('thresholds.normal.min');
    expect(fieldOfRulePath(missing.error!.path)).toEqual(['rule', 'normal', 'min']);
    const badPre = checkRuleForm({
      ...defaultRuleForm('ratio'),
      normal: { minPercent: 30 },
      hasPre: true,
      pre: { minPercent: 130 },
    });
    expect(badPre.error?.path).toBe('thresholds.pre_inspection.minPercent');
    expect(fieldOfRulePath(badPre.error!.path)).toEqual(['rule', 'pre', 'minPercent']);
    expect(checkRuleForm({ ...defaultRuleForm('count'), normal: { min: 2.5 } }).error?.path).toBe(
      'thresholds.normal.min',
    );
    expect(checkRuleForm({ ...defaultRuleForm('count'), normal: { min: 2 } }).rule).toEqual({
      kind: 'count',
      thresholds: { normal: { min: 2 } },
    });
    expect(fieldOfRulePath('kind')).toBeNull();
  });

  it('opens an unknown rule as a fresh one', () => {
    expect(formOfRule(null)).toEqual(defaultRuleForm());
  });

  it('lists the threshold fields of each kind', () => {
    expect(thresholdFields('presence')).toEqual([]);
    expect(thresholdFields('rate')).toEqual(['min', 'per']);
    expect(thresholdFields('density')).toEqual(['min', 'within']);
  });
});
