import { describe, expect, it } from 'vitest';
import { expandRecurrence, isoWeekLabel, MAX_INSTANCES, RecurrenceError } from './campaigns.recurrence.js';

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RecurrenceError);
    return (error as RecurrenceError).reason;
  }
  throw new Error('expected a RecurrenceError');
}

describe('ISO week labels', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // Thursday
    ['2025-12-29', '2026-W01'], // Monday of the week holding 1 January 2026
    ['2027-01-01', '2026-W53'], // Friday: 2026 has 53 weeks
    ['2027-01-04', '2027-W01'],
    ['2026-03-02', '2026-W10'],
    ['2024-12-30', '2025-W01'],
  ])('%s is %s', (date, label) => {
    expect(isoWeekLabel(date)).toBe(label);
  });
});

describe('expandRecurrence', () => {
  it('once: a single instance due on the day', () => {
    expect(expandRecurrence({ kind: 'once', dueOn: '2026-03-31' })).toEqual([
      { periodStart: '2026-03-31', periodEnd: '2026-03-31', dueOn: '2026-03-31', label: '2026-03-31' },
    ]);
  });

  it('weekly: every due weekday between the dates, with ISO weeks as periods', () => {
    // From Wednesday 4 March to Tuesday 31 March 2026, due on Fridays.
    const weeks = expandRecurrence({ kind: 'weekly', from: '2026-03-04', until: '2026-03-31', weekday: 5 });
    expect(weeks.map((w) => w.dueOn)).toEqual(['2026-03-06', '2026-03-13', '2026-03-20', '2026-03-27']);
    expect(weeks[0]).toEqual({
      periodStart: '2026-03-02',
      periodEnd: '2026-03-08',
      dueOn: '2026-03-06',
      label: '2026-W10',
    });
    // A Monday deadline before the start date is not owed.
    const mondays = expandRecurrence({ kind: 'weekly', from: '2026-03-04', until: '2026-03-16', weekday: 1 });
    expect(mondays.map((w) => w.dueOn)).toEqual(['2026-03-09', '2026-03-16']);
  });

  it('weekly across the new year keeps ISO week years', () => {
    const weeks = expandRecurrence({ kind: 'weekly', from: '2026-12-21', until: '2027-01-10', weekday: 7 });
    expect(weeks.map((w) => w.label)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(weeks.map((w) => w.dueOn)).toEqual(['2026-12-27', '2027-01-03', '2027-01-10']);
  });

  it('monthly: the day clamped to the month, 31 meaning the last day', () => {
    const months = expandRecurrence({ kind: 'monthly', from: '2026-01-01', until: '2026-04-30', day: 31 });
    expect(months.map((m) => [m.label, m.dueOn])).toEqual([
      ['2026-01', '2026-01-31'],
      ['2026-02', '2026-02-28'],
      ['2026-03', '2026-03-31'],
      ['2026-04', '2026-04-30'],
    ]);
    expect(months[1]).toMatchObject({ periodStart: '2026-02-01', periodEnd: '2026-02-28' });
    const leap = expandRecurrence({ kind: 'monthly', from: '2028-02-01', until: '2028-02-29', day: 30 });
    expect(leap.map((m) => m.dueOn)).toEqual(['2028-02-29']);
  });

  it('monthly: a due day before the start or after the end is not owed', () => {
    const months = expandRecurrence({ kind: 'monthly', from: '2026-03-26', until: '2026-06-20', day: 25 });
    expect(months.map((m) => m.dueOn)).toEqual(['2026-04-25', '2026-05-25']);
  });

  it('quarterly: due in the last month of each quarter, across years', () => {
    const quarters = expandRecurrence({ kind: 'quarterly', from: '2026-02-15', until: '2027-03-31', day: 31 });
    expect(quarters.map((q) => [q.label, q.periodStart, q.periodEnd, q.dueOn])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30', '2026-06-30'],
      ['2026-Q3', '2026-07-01', '2026-09-30', '2026-09-30'],
      ['2026-Q4', '2026-10-01', '2026-12-31', '2026-12-31'],
      ['2027-Q1', '2027-01-01', '2027-03-31', '2027-03-31'],
    ]);
    const day20 = expandRecurrence({ kind: 'quarterly', from: '2026-01-01', until: '2026-06-30', day: 20 });
    expect(day20.map((q) => q.dueOn)).toEqual(['2026-03-20', '2026-06-20']);
  });

  it('refuses bad dates, reversed ranges, bad days and runaway ranges', () => {
    expect(reason(() => expandRecurrence({ kind: 'once', dueOn: '2026-02-30' }))).toBe('bad_date');
    expect(reason(() => expandRecurrence({ kind: 'once', dueOn: '2026/03/01' }))).toBe('bad_date');
    expect(
      reason(() => expandRecurrence({ kind: 'weekly', from: '2026-03-10', until: '2026-03-01', weekday: 5 })),
    ).toBe('until_before_from');
    expect(
      reason(() => expandRecurrence({ kind: 'weekly', from: '2026-03-01', until: '2026-03-31', weekday: 8 })),
    ).toBe('bad_day');
    expect(reason(() => expandRecurrence({ kind: 'monthly', from: '2026-03-01', until: '2026-03-31', day: 0 }))).toBe(
      'bad_day',
    );
    expect(reason(() => expandRecurrence({ kind: 'monthly', from: '2026-03-01', until: '2026-03-31', day: 1.5 }))).toBe(
      'bad_day',
    );
    expect(
      reason(() => expandRecurrence({ kind: 'weekly', from: '2026-01-01', until: '2040-01-01', weekday: 1 })),
    ).toBe('too_many');
    expect(
      expandRecurrence({ kind: 'weekly', from: '2026-01-01', until: '2032-12-31', weekday: 1 }).length,
    ).toBeLessThanOrEqual(MAX_INSTANCES);
  });

  it('a range shorter than a period may owe nothing', () => {
    expect(expandRecurrence({ kind: 'weekly', from: '2026-03-02', until: '2026-03-04', weekday: 5 })).toEqual([]);
  });
});
