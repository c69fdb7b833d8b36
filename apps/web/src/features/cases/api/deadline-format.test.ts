import { describe, expect, it } from 'vitest';
import { deadlineDistance } from './deadline-format';

const now = new Date('2026-03-10T08:00:00Z');

describe('deadlineDistance', () => {
  it('counts whole days, hours or minutes', () => {
    expect(deadlineDistance('2026-03-12T09:00:00Z', now)).toMatchObject({ past: false, amount: 2, unit: 'day' });
    expect(deadlineDistance('2026-03-10T13:30:00Z', now)).toMatchObject({ past: false, amount: 5, unit: 'hour' });
    expect(deadlineDistance('2026-03-10T08:20:00Z', now)).toMatchObject({ past: false, amount: 20, unit: 'minute' });
  });

  it('says how long ago a passed deadline was', () => {
    const d = deadlineDistance('2026-03-09T07:00:00Z', now)!;
    expect(d).toMatchObject({ past: true, amount: 1, unit: 'day' });
    expect(d.hoursLeft).toBeCloseTo(-25);
  });

  it('never says 0 minutes and rejects bad input', () => {
    expect(deadlineDistance('2026-03-10T08:00:10Z', now)).toMatchObject({ amount: 1, unit: 'minute' });
    expect(deadlineDistance('garbage', now)).toBeNull();
  });
});
