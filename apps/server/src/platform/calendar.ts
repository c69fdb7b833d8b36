// The working calendar and deadline arithmetic used by every time limit in the product (case
// handling limits, task deadlines, answer deadlines). Pure functions over an injected calendar:
// no clock, no database. Times are instants (Date); the calendar's working hours are local wall
// clock times at a fixed UTC offset (China has no daylight saving time).

import { CN_HOLIDAYS, type HolidayYear } from './calendar-cn.js';

/** The four units a time limit can be given in (PRODUCT.md §3.3). */
export type LimitUnit = 'urgent_hours' | 'working_hours' | 'working_days' | 'natural_days';

export interface TimeLimit {
  unit: LimitUnit;
  amount: number;
}

export interface WorkingCalendar {
  /** Minutes east of UTC of the city's wall clock; 480 for China. */
  utcOffsetMinutes: number;
  /** Working periods of a working day, as 'HH:MM' pairs in order, e.g. 08:30–12:00, 14:00–17:30. */
  periods: [string, string][];
  /** Days off that would otherwise be working days (public holidays), 'YYYY-MM-DD'. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are worked (调休), 'YYYY-MM-DD'. */
  workdays: ReadonlySet<string>;
}

export const DEFAULT_PERIODS: [string, string][] = [
  ['08:30', '12:00'],
  ['14:00', '17:30'],
];

export function createCalendar(
  options: {
    utcOffsetMinutes?: number;
    periods?: [string, string][];
    years?: HolidayYear[];
  } = {},
): WorkingCalendar {
  const years = options.years ?? CN_HOLIDAYS;
  const periods = options.periods ?? DEFAULT_PERIODS;
  assertPeriods(periods);
  return {
    utcOffsetMinutes: options.utcOffsetMinutes ?? 480,
    periods,
    holidays: new Set(years.flatMap((y) => y.holidays)),
    workdays: new Set(years.flatMap((y) => y.workdays)),
  };
}

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

function toMinutes(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`Invalid time of day "${hhmm}" (expected HH:MM)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Periods must be well-formed, non-empty and ordered without overlap. */
export function assertPeriods(periods: [string, string][]): void {
  if (periods.length === 0) throw new RangeError('A working day needs at least one working period');
  let previousEnd = -1;
  for (const [from, to] of periods) {
    const start = toMinutes(from);
    const end = toMinutes(to);
    if (end <= start) throw new RangeError(`Working period ${from}–${to} ends before it starts`);
    if (start < previousEnd) throw new RangeError(`Working period ${from}–${to} overlaps the previous one`);
    previousEnd = end;
  }
}

function periodMinutes(calendar: WorkingCalendar): [number, number][] {
  return calendar.periods.map(([from, to]) => [toMinutes(from), toMinutes(to)]);
}

/** Working minutes in one working day. */
export function workingDayMinutes(calendar: WorkingCalendar): number {
  return periodMinutes(calendar).reduce((sum, [from, to]) => sum + (to - from), 0);
}

/** Local day number (days since 1970-01-01 on the city's wall clock) and the (fractional) minute of it. */
function localParts(instant: Date, calendar: WorkingCalendar): { day: number; minute: number } {
  const localMinutes = instant.getTime() / MINUTE + calendar.utcOffsetMinutes;
  const day = Math.floor(localMinutes / DAY_MINUTES);
  return { day, minute: localMinutes - day * DAY_MINUTES };
}

function instantOf(day: number, minute: number, calendar: WorkingCalendar): Date {
  return new Date(Math.round((day * DAY_MINUTES + minute - calendar.utcOffsetMinutes) * MINUTE));
}

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a local calendar day ('YYYY-MM-DD') is a working day. */
export function isWorkingDate(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function isWorkingDay(day: number, calendar: WorkingCalendar): boolean {
  return isWorkingDate(isoDate(day), calendar);
}

/** A year has at most ~30 consecutive days off; anything longer means a broken calendar. */
const MAX_DAYS_OFF_IN_A_ROW = 60;

/**
 * Adds `minutes` of working time to `start`. A start outside working hours begins counting at
 * the next working period. The result is the instant the working time runs out; when it runs out
 * exactly at the end of a period, that end is returned (not the start of the next one).
 */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkingCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('Working minutes must be ≥ 0');
  const periods = periodMinutes(calendar);
  let { day, minute } = localParts(start, calendar);
  let remaining = minutes;
  let daysOff = 0;
  for (;;) {
    if (isWorkingDay(day, calendar)) {
      daysOff = 0;
      for (const [from, to] of periods) {
        if (minute >= to) continue;
        const begin = Math.max(minute, from);
        const available = to - begin;
        if (remaining <= available) return instantOf(day, begin + remaining, calendar);
        remaining -= available;
        minute = to;
      }
    } else if (++daysOff > MAX_DAYS_OFF_IN_A_ROW) {
      throw new RangeError('The working calendar has no working day for more than 60 days');
    }
    day += 1;
    minute = 0;
  }
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  const periods = periodMinutes(calendar);
  const a = localParts(from, calendar);
  const b = localParts(to, calendar);
  let total = 0;
  for (let day = a.day; day <= b.day; day++) {
    if (!isWorkingDay(day, calendar)) continue;
    const lower = day === a.day ? a.minute : 0;
    const upper = day === b.day ? b.minute : DAY_MINUTES;
    for (const [start, end] of periods) {
      const overlap = Math.min(end, upper) - Math.max(start, lower);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * The deadline of a time limit started at `start`:
 * - urgent hours: wall-clock hours, nights and holidays included;
 * - working hours: hours of working time on the calendar;
 * - working days: whole working days of working time (a day = the sum of the working periods),
 *   so a case registered at 10:00 with one working day is due at 10:00 on the next working day;
 * - natural days: calendar days, same local time.
 */
export function computeDeadline(start: Date, limit: TimeLimit, calendar: WorkingCalendar): Date {
  if (!Number.isFinite(limit.amount) || limit.amount <= 0) throw new RangeError('A time limit must be > 0');
  switch (limit.unit) {
    case 'urgent_hours':
      return new Date(start.getTime() + limit.amount * 60 * MINUTE);
    case 'natural_days':
      return new Date(start.getTime() + limit.amount * DAY_MINUTES * MINUTE);
    case 'working_hours':
      return addWorkingMinutes(start, limit.amount * 60, calendar);
    case 'working_days':
      return addWorkingMinutes(start, limit.amount * workingDayMinutes(calendar), calendar);
  }
}

/** How much of a limit has been used at `now`, in the limit's own clock (1 = due now, >1 overdue). */
export function limitUsed(start: Date, now: Date, limit: TimeLimit, calendar: WorkingCalendar): number {
  const deadline = computeDeadline(start, limit, calendar);
  if (limit.unit === 'urgent_hours' || limit.unit === 'natural_days') {
    return (now.getTime() - start.getTime()) / (deadline.getTime() - start.getTime());
  }
  const total = workingMinutesBetween(start, deadline, calendar);
  return workingMinutesBetween(start, now, calendar) / total;
}

/** 'YYYY-MM-DD HH:mm' of an instant in a zone given by its UTC offset (China: 480). */
export function formatLocalTime(d: Date, utcOffsetMinutes = 480): string {
  return new Date(d.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar date 'YYYY-MM-DD' of an instant in a zone given by its UTC offset (China: 480). */
export function localDate(d: Date, utcOffsetMinutes = 480): string {
  return new Date(d.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Whole days from calendar date `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
