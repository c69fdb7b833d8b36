// Period arithmetic and number formats of the metrics page. Pure; quarters are computed by hand
// so no dayjs plugin is needed.
import type { Dayjs } from 'dayjs';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** First and last day of the month, quarter or year that contains `date`. */
export function periodRange(kind: PeriodKind, date: Dayjs): DateRange {
  const year = date.year();
  if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = kind === 'quarter' ? Math.floor(date.month() / 3) * 3 : date.month();
  const last = kind === 'quarter' ? first + 2 : first;
  return { from: `${year}-${pad(first + 1)}-01`, to: `${year}-${pad(last + 1)}-${pad(lastDay(year, last))}` };
}

/** 0.9523 → "95.2%"; null (nothing to divide by) → "—". */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** Hours with one decimal; null → "—". */
export function formatHours(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(1);
}
