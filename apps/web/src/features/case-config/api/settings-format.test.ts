import { describe, expect, it } from 'vitest';
import { joinMinutes, percentToRatio, ratioToPercent, remainingAt, splitMinutes } from './settings-format';

describe('settings conversions', () => {
  it('turns ratios into percent and back', () => {
    expect(ratioToPercent(0.2)).toBe(20);
    expect(ratioToPercent(0.125)).toBe(12.5);
    expect(ratioToPercent(null)).toBeNull();
    expect(percentToRatio(20)).toBe(0.2);
    expect(percentToRatio(12.5)).toBe(0.125);
    expect(percentToRatio(33.3)).toBe(0.333);
    expect(percentToRatio(undefined)).toBeNull();
    expect(percentToRatio(ratioToPercent(0.35))).toBe(0.35);
  });

  it('splits and joins minutes', () => {
    expect(splitMinutes(1440)).toEqual({ hours: 24, minutes: 0 });
    expect(splitMinutes(90)).toEqual({ hours: 1, minutes: 30 });
    expect(splitMinutes(null)).toEqual({ hours: 0, minutes: 0 });
    expect(joinMinutes(1, 30)).toBe(90);
    expect(joinMinutes(null, 45)).toBe(45);
    expect(joinMinutes(2, undefined)).toBe(120);
  });

  it('says how much time is left at the reminder', () => {
    expect(remainingAt(24, 0.2)).toBe(4.8);
    expect(remainingAt(8, 0.25)).toBe(2);
  });
});
