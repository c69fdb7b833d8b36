import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  computeDeadline,
  createCalendar,
  isWorkingDate,
  limitUsed,
  workingDayMinutes,
  workingMinutesBetween,
  type LimitUnit,
} from './calendar.js';
import { CN_HOLIDAYS } from './calendar-cn.js';

const cal = createCalendar();
/** A Beijing wall-clock time. */
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
/** Formats an instant as Beijing wall-clock 'YYYY-MM-DD HH:MM'. */
const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const deadline = (start: string, unit: LimitUnit, amount: number) =>
  fmt(computeDeadline(bj(start), { unit, amount }, cal));

describe('holiday data', () => {
  it('lists swapped workdays only on weekends and holidays never on them', () => {
    for (const year of CN_HOLIDAYS) {
      for (const date of year.workdays) {
        expect([0, 6], date).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
        expect(year.holidays, date).not.toContain(date);
        expect(date.startsWith(String(year.year)), date).toBe(true);
      }
      for (const date of year.holidays) expect(date.startsWith(String(year.year)), date).toBe(true);
    }
  });

  it('knows the 2025 and 2026 arrangements', () => {
    const cases: [string, boolean][] = [
      ['2025-01-01', false], // 元旦
      ['2025-01-26', true], // Sunday worked before 春节
      ['2025-01-28', false],
      ['2025-02-04', false],
      ['2025-02-05', true],
      ['2025-02-08', true], // Saturday worked
      ['2025-04-04', false],
      ['2025-04-27', true],
      ['2025-05-05', false],
      ['2025-06-02', false],
      ['2025-09-28', true],
      ['2025-10-08', false],
      ['2025-10-11', true],
      ['2026-01-02', false],
      ['2026-01-04', true], // Sunday worked after 元旦
      ['2026-02-14', true],
      ['2026-02-16', false], // 春节 Monday
      ['2026-02-23', false],
      ['2026-02-24', true],
      ['2026-02-28', true],
      ['2026-05-09', true],
      ['2026-06-19', false],
      ['2026-09-20', true],
      ['2026-09-25', false],
      ['2026-10-07', false],
      ['2026-10-10', true],
      ['2026-03-02', true], // an ordinary Monday
      ['2026-03-07', false], // an ordinary Saturday
    ];
    for (const [date, working] of cases) expect(isWorkingDate(date, cal), date).toBe(working);
  });
});

describe('computeDeadline', () => {
  it('counts urgent hours on the wall clock, nights and holidays included', () => {
    expect(deadline('2026-02-14 22:00', 'urgent_hours', 4)).toBe('2026-02-15 02:00');
    expect(deadline('2026-10-01 09:00', 'urgent_hours', 24)).toBe('2026-10-02 09:00');
  });

  it('counts natural days as calendar days at the same time', () => {
    expect(deadline('2026-03-06 16:20', 'natural_days', 3)).toBe('2026-03-09 16:20');
    expect(deadline('2026-09-30 10:00', 'natural_days', 7)).toBe('2026-10-07 10:00');
  });

  it('counts working hours inside the working periods only', () => {
    expect(deadline('2026-03-02 10:00', 'working_hours', 2)).toBe('2026-03-02 12:00'); // ends at the lunch break
    expect(deadline('2026-03-02 10:00', 'working_hours', 3)).toBe('2026-03-02 15:00'); // lunch skipped
    expect(deadline('2026-03-02 12:30', 'working_hours', 1)).toBe('2026-03-02 15:00'); // starts after lunch
    expect(deadline('2026-03-02 07:00', 'working_hours', 1)).toBe('2026-03-02 09:30'); // before the day starts
    expect(deadline('2026-03-02 20:00', 'working_hours', 1)).toBe('2026-03-03 09:30'); // after it ends
    expect(deadline('2026-03-06 17:00', 'working_hours', 1)).toBe('2026-03-09 09:00'); // over the weekend
    expect(deadline('2026-03-07 11:00', 'working_hours', 1)).toBe('2026-03-09 09:30'); // reported on Saturday
    expect(deadline('2026-03-02 10:15', 'working_hours', 0.5)).toBe('2026-03-02 10:45');
  });

  it('skips holidays and works the swapped weekend days', () => {
    // Friday before 春节 2026, then Saturday 2-14 is a working day, then nine days off.
    expect(deadline('2026-02-13 16:30', 'working_hours', 2)).toBe('2026-02-14 09:30');
    expect(deadline('2026-02-14 16:30', 'working_hours', 2)).toBe('2026-02-24 09:30');
    // 元旦 2026: Jan 1–3 off, Sunday Jan 4 worked.
    expect(deadline('2025-12-31 17:00', 'working_hours', 1)).toBe('2026-01-04 09:00');
  });

  it('counts working days as whole days of working time', () => {
    expect(workingDayMinutes(cal)).toBe(420);
    expect(deadline('2026-03-02 10:00', 'working_days', 1)).toBe('2026-03-03 10:00');
    expect(deadline('2026-03-06 10:00', 'working_days', 1)).toBe('2026-03-09 10:00');
    expect(deadline('2026-09-30 10:00', 'working_days', 1)).toBe('2026-10-08 10:00'); // over 国庆
    expect(deadline('2026-03-02 08:30', 'working_days', 5)).toBe('2026-03-06 17:30'); // a full week
    expect(deadline('2026-03-07 09:00', 'working_days', 3)).toBe('2026-03-11 17:30'); // reported at the weekend
  });

  it('refuses limits that are not positive', () => {
    expect(() => computeDeadline(bj('2026-03-02 10:00'), { unit: 'working_days', amount: 0 }, cal)).toThrow(RangeError);
    expect(() => computeDeadline(bj('2026-03-02 10:00'), { unit: 'urgent_hours', amount: -1 }, cal)).toThrow(
      RangeError,
    );
    expect(() => computeDeadline(bj('2026-03-02 10:00'), { unit: 'natural_days', amount: NaN }, cal)).toThrow(
      RangeError,
    );
  });
});

describe('working time, property checks over 2025–2026', () => {
  // A fixed-seed generator keeps the run reproducible.
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const from = bj('2025-01-01 00:00').getTime();
  const span = bj('2026-12-20 00:00').getTime() - from;

  it('adds exactly the working time asked for, and lands inside a working period', () => {
    for (let i = 0; i < 2000; i++) {
      const start = new Date(from + Math.floor((rand() * span) / 60_000) * 60_000);
      const minutes = Math.floor(rand() * 60 * 60); // up to 60 working hours
      const end = addWorkingMinutes(start, minutes, cal);
      expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(workingMinutesBetween(start, end, cal)).toBeCloseTo(minutes, 6);
      const local = fmt(end);
      if (minutes > 0) {
        expect(isWorkingDate(local.slice(0, 10), cal), local).toBe(true);
        const hm = local.slice(11);
        const inside = (hm > '08:30' && hm <= '12:00') || (hm > '14:00' && hm <= '17:30');
        expect(inside, `${fmt(start)} + ${minutes} min = ${local}`).toBe(true);
      }
    }
  });

  it('measures a limit as used up exactly at its deadline', () => {
    for (const unit of ['urgent_hours', 'working_hours', 'working_days', 'natural_days'] as const) {
      const start = bj('2026-04-03 15:10');
      const limit = { unit, amount: 3 };
      const due = computeDeadline(start, limit, cal);
      expect(limitUsed(start, due, limit, cal)).toBeCloseTo(1, 9);
      expect(limitUsed(start, start, limit, cal)).toBe(0);
    }
  });

  it('counts no working time between two instants in the wrong order or on a holiday', () => {
    expect(workingMinutesBetween(bj('2026-03-03 10:00'), bj('2026-03-02 10:00'), cal)).toBe(0);
    expect(workingMinutesBetween(bj('2026-10-01 00:00'), bj('2026-10-07 23:59'), cal)).toBe(0);
    expect(workingMinutesBetween(bj('2026-03-02 00:00'), bj('2026-03-09 00:00'), cal)).toBe(5 * 420);
  });
});

describe('configurable calendar', () => {
  it('uses the city’s own working periods and years', () => {
    const summer = createCalendar({
      periods: [
        ['08:00', '12:00'],
        ['15:00', '18:00'],
      ],
      years: [{ year: 2026, holidays: ['2026-03-03'], workdays: ['2026-03-07'] }],
    });
    expect(fmt(addWorkingMinutes(bj('2026-03-02 11:00'), 120, summer))).toBe('2026-03-02 16:00');
    expect(fmt(computeDeadline(bj('2026-03-02 17:00'), { unit: 'working_hours', amount: 2 }, summer))).toBe(
      '2026-03-04 09:00',
    );
    expect(isWorkingDate('2026-03-07', summer)).toBe(true);
  });

  it('rejects malformed working periods', () => {
    expect(() => createCalendar({ periods: [] })).toThrow(/at least one/);
    expect(() => createCalendar({ periods: [['12:00', '08:00']] })).toThrow(/ends before/);
    expect(() => createCalendar({ periods: [['8:00', '12:00']] })).toThrow(/HH:MM/);
    expect(() =>
      createCalendar({
        periods: [
          ['08:00', '12:00'],
          ['11:00', '13:00'],
        ],
      }),
    ).toThrow(/overlaps/);
  });
});
