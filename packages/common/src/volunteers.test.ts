import { describe, expect, it } from 'vitest';
import {
  ALL_FIVE,
  checkInWindow,
  checkOutWindow,
  complianceRate,
  countItems,
  fiveOneBit,
  itemsOf,
  localDay,
  maskIdNumber,
  serviceMinutes,
  weekStartOf,
} from './volunteers';

const at = (s: string) => new Date(s);
const activity = { startsAt: at('2026-03-07T01:00:00Z'), endsAt: at('2026-03-07T03:00:00Z') };

describe('the 五个一 bits', () => {
  it('maps each item to its own bit and back', () => {
    expect(fiveOneBit('sanitation')).toBe(1);
    expect(fiveOneBit('dissuasion')).toBe(16);
    expect(ALL_FIVE).toBe(31);
    const bits = fiveOneBit('volunteer') | fiveOneBit('sorting');
    expect(itemsOf(bits)).toEqual(['volunteer', 'sorting']);
    expect(countItems(bits)).toBe(2);
    expect(countItems(ALL_FIVE)).toBe(5);
    expect(countItems(0)).toBe(0);
  });
});

describe('weeks', () => {
  it('starts on Monday in local time', () => {
    expect(weekStartOf('2026-03-02')).toBe('2026-03-02'); // Monday
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02'); // Sunday
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09');
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29'); // across the year
    // 23:30 UTC on Sunday is already Monday in Beijing.
    expect(weekStartOf(localDay(at('2026-03-08T16:30:00Z')))).toBe('2026-03-09');
  });
});

describe('hours', () => {
  it('counts only the part inside the activity', () => {
    expect(serviceMinutes(at('2026-03-07T01:10:00Z'), at('2026-03-07T02:40:00Z'), activity)).toBe(90);
    // Arrived early and stayed late: capped at the activity's two hours.
    expect(serviceMinutes(at('2026-03-07T00:40:00Z'), at('2026-03-07T04:00:00Z'), activity)).toBe(120);
    // Left before it started.
    expect(serviceMinutes(at('2026-03-07T00:40:00Z'), at('2026-03-07T00:55:00Z'), activity)).toBe(0);
    expect(serviceMinutes(at('2026-03-07T01:00:00Z'), at('2026-03-07T01:00:59Z'), activity)).toBe(0);
  });

  it('opens check-in half an hour early and check-out until two hours after the end', () => {
    expect(checkInWindow(at('2026-03-07T00:29:00Z'), activity)).toBe('too_early');
    expect(checkInWindow(at('2026-03-07T00:30:00Z'), activity)).toBeNull();
    expect(checkInWindow(at('2026-03-07T03:00:01Z'), activity)).toBe('too_late');
    expect(checkOutWindow(at('2026-03-07T05:00:00Z'), activity)).toBeNull();
    expect(checkOutWindow(at('2026-03-07T05:00:01Z'), activity)).toBe('too_late');
  });
});

describe('compliance', () => {
  it('is items done over five per member and week', () => {
    // Three members, one week: 5 + 2 + nothing = 7 of 15.
    expect(complianceRate([ALL_FIVE, fiveOneBit('volunteer') | fiveOneBit('sorting')], 3)).toBeCloseTo(7 / 15);
    // Two members over four weeks, one full week between them: 5 of 40.
    expect(complianceRate([ALL_FIVE], 2, 4)).toBe(5 / 40);
    expect(complianceRate([], 0)).toBeNull();
  });
});

describe('ID numbers on certificates', () => {
  it('keeps only the first three and last four characters', () => {
    expect(maskIdNumber('410802199001011234')).toBe('410***********1234');
    expect(maskIdNumber('G1234567')).toBe('G12*4567');
    expect(maskIdNumber('123')).toBe('***');
  });
});

describe('ID numbers', () => {
  it('checks resident IDs by date and check character', async () => {
    const { isValidIdNumber, isValidResidentId } = await import('./volunteers');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false); // wrong check character
    expect(isValidResidentId('110105194902300027')).toBe(false); // 30 February
    expect(isValidResidentId('1101051949123100')).toBe(false);
    expect(isValidIdNumber('passport', 'E12345678')).toBe(true);
    expect(isValidIdNumber('passport', '<b>')).toBe(false);
  });
});
