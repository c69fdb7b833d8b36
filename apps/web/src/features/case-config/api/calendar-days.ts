// Pure helpers of the working-calendar editor: the rows being edited (public holidays and swapped
// workdays), their validation (the server's rules, checked before saving), the month grids of the
// year view and the working-day count of an edited year. Dates are 'YYYY-MM-DD' strings read as
// calendar days (UTC), so the time zone of the browser never shifts a day.
import type { CalendarDay, CalendarDayKind } from './case-config-api';

export interface DayRow {
  /** Stable React key (the date can be edited). */
  key: string;
  date: string | null;
  kind: CalendarDayKind;
  name: string;
}

export type DayRowError = 'dateRequired' | 'otherYear' | 'twice' | 'workdayNotWeekend';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utc(date: string): Date | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}

export function isWeekend(date: string): boolean {
  const d = utc(date);
  if (!d) return false;
  const day = d.getUTCDay();
  return day === 0 || day === 6;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

let keySeq = 0;
export function newRowKey(): string {
  keySeq += 1;
  return `row-${keySeq}`;
}

export function rowsFromDays(days: readonly CalendarDay[]): DayRow[] {
  return [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ key: newRowKey(), date: d.date, kind: d.kind, name: d.name ?? '' }));
}

/** The rows as the PUT body wants them (rows without a date are left out), by date. */
export function daysFromRows(rows: readonly DayRow[]): CalendarDay[] {
  return rows
    .filter((r): r is DayRow & { date: string } => !!r.date)
    .map((r) => ({ date: r.date, kind: r.kind, name: r.name.trim() || null }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether two day lists say the same thing (order and blank names do not matter). */
export function sameDays(a: readonly CalendarDay[], b: readonly CalendarDay[]): boolean {
  const norm = (list: readonly CalendarDay[]) =>
    JSON.stringify(
      [...list]
        .map((d) => [d.date, d.kind, d.name?.trim() || null])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
  return norm(a) === norm(b);
}

/** The same checks the server makes, per row (null = fine). */
export function validateRows(rows: readonly DayRow[], year: number): (DayRowError | null)[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    if (!r.date || !utc(r.date)) return 'dateRequired';
    if (Number(r.date.slice(0, 4)) !== year) return 'otherYear';
    if (seen.has(r.date)) return 'twice';
    seen.add(r.date);
    if (r.kind === 'workday' && !isWeekend(r.date)) return 'workdayNotWeekend';
    return null;
  });
}

/** Row index of a server field error path such as 'body/days/3/date'. */
export function rowIndexOfPath(path: string): number | null {
  const m = /(?:^|\/)days\/(\d+)(?:\/|$)/.exec(path);
  return m ? Number(m[1]) : null;
}

/**
 * Clicking a day in the year view: a listed day is removed; otherwise a weekday becomes a holiday
 * and a weekend day a swapped workday (the only two changes that mean anything).
 */
export function toggleDay(rows: readonly DayRow[], date: string): DayRow[] {
  if (rows.some((r) => r.date === date)) return rows.filter((r) => r.date !== date);
  const added: DayRow = { key: newRowKey(), date, kind: isWeekend(date) ? 'workday' : 'holiday', name: '' };
  return [...rows, added].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
}

export type DayLook = 'holiday' | 'workday' | 'weekend' | 'normal';

/** How a date shows in the year view under the given days. */
export function dayLook(date: string, byDate: ReadonlyMap<string, CalendarDayKind>): DayLook {
  const kind = byDate.get(date);
  if (kind) return kind;
  return isWeekend(date) ? 'weekend' : 'normal';
}

export function kindsByDate(
  rows: readonly { date: string | null; kind: CalendarDayKind }[],
): Map<string, CalendarDayKind> {
  const map = new Map<string, CalendarDayKind>();
  for (const r of rows) if (r.date && !map.has(r.date)) map.set(r.date, r.kind);
  return map;
}

/** Working days of `year`: weekdays that are not holidays, plus swapped workdays. */
export function countWorkingDays(year: number, byDate: ReadonlyMap<string, CalendarDayKind>): number {
  let count = 0;
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = iso(d);
    const look = dayLook(date, byDate);
    if (look === 'normal' || look === 'workday') count++;
  }
  return count;
}

/** Weeks (Monday first) of a month (1–12); days outside the month are null. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = first; d.getUTCMonth() === month - 1; d = new Date(d.getTime() + 86_400_000)) cells.push(iso(d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export type Period = [string, string];

export type PeriodError = 'incomplete' | 'order' | 'overlap';

/** Working periods must be complete, each start before its end, in order and not overlapping. */
export function validatePeriods(periods: readonly (readonly [string | null, string | null])[]): (PeriodError | null)[] {
  return periods.map(([start, end], i) => {
    if (!start || !end) return 'incomplete';
    if (start >= end) return 'order';
    const prev = periods[i - 1];
    if (i > 0 && prev[1] && start < prev[1]) return 'overlap';
    return null;
  });
}

/** Total minutes of work per day. */
export function periodMinutes(periods: readonly Period[]): number {
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return periods.reduce((sum, [a, b]) => sum + Math.max(0, toMin(b) - toMin(a)), 0);
}
