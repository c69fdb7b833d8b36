import { describe, expect, it } from 'vitest';
import { roundCoordinate } from '../../../shared/geolocation';
import { byDeadline, timeLeft, urgencyOf } from './field-format';

const NOW = new Date('2026-05-01T08:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('timeLeft', () => {
  it('counts hours under two days', () => {
    expect(timeLeft(at(3 * HOUR + 20 * MIN), NOW)).toEqual({ overdue: false, amount: 3, unit: 'hour' });
    expect(timeLeft(at(47 * HOUR), NOW)).toEqual({ overdue: false, amount: 47, unit: 'hour' });
  });

  it('counts days from two days on', () => {
    expect(timeLeft(at(2 * DAY), NOW)).toEqual({ overdue: false, amount: 2, unit: 'day' });
    expect(timeLeft(at(5 * DAY + 23 * HOUR), NOW)).toEqual({ overdue: false, amount: 5, unit: 'day' });
  });

  it('counts minutes under an hour, never zero', () => {
    expect(timeLeft(at(25 * MIN), NOW)).toEqual({ overdue: false, amount: 25, unit: 'minute' });
    expect(timeLeft(at(10_000), NOW)).toEqual({ overdue: false, amount: 1, unit: 'minute' });
  });

  it('reports overdue time the same way', () => {
    expect(timeLeft(at(-2 * DAY - HOUR), NOW)).toEqual({ overdue: true, amount: 2, unit: 'day' });
    expect(timeLeft(at(-5 * HOUR), NOW)).toEqual({ overdue: true, amount: 5, unit: 'hour' });
    expect(timeLeft(at(-30_000), NOW)).toEqual({ overdue: true, amount: 1, unit: 'minute' });
  });

  it('returns null for an invalid date', () => {
    expect(timeLeft('not a date', NOW)).toBeNull();
  });
});

describe('urgencyOf', () => {
  it('classifies deadlines', () => {
    expect(urgencyOf(at(-1), NOW)).toBe('overdue');
    expect(urgencyOf(at(23 * HOUR), NOW)).toBe('soon');
    expect(urgencyOf(at(3 * DAY), NOW)).toBe('ok');
    expect(urgencyOf(null, NOW)).toBeNull();
  });

  it('trusts the server when it says overdue', () => {
    expect(urgencyOf(at(3 * DAY), NOW, true)).toBe('overdue');
    expect(urgencyOf(null, NOW, true)).toBe('overdue');
  });
});

describe('byDeadline', () => {
  it('sorts earliest first and cases without a deadline last', () => {
    const items = [
      { id: 1, deadlineAt: null },
      { id: 2, deadlineAt: at(5 * HOUR) },
      { id: 3, deadlineAt: at(-HOUR) },
      { id: 4, deadlineAt: at(5 * HOUR) },
    ];
    expect([...items].sort(byDeadline).map((i) => i.id)).toEqual([3, 2, 4, 1]);
  });
});

describe('roundCoordinate', () => {
  it('keeps six decimals', () => {
    expect(roundCoordinate(30.123456789)).toBe(30.123457);
    expect(roundCoordinate(-120.0000004)).toBe(-120);
  });
});
