// Pure helpers of the phone pages: time left until a deadline ("剩 3 小时" / "超期 2 天"), the
// urgency colour of a deadline, a map link for navigating to a case, and sorting by deadline.

export type TimeUnit = 'minute' | 'hour' | 'day';

export interface TimeLeft {
  overdue: boolean;
  amount: number;
  unit: TimeUnit;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Time between now and a deadline in the largest sensible unit, rounded down (never 0: "剩 0
 * 小时" says nothing). Under an hour counts minutes, under two days hours, beyond that days.
 */
export function timeLeft(deadline: string | Date, now: Date): TimeLeft | null {
  const at = typeof deadline === 'string' ? new Date(deadline) : deadline;
  const ms = at.getTime() - now.getTime();
  if (!Number.isFinite(ms)) return null;
  const overdue = ms < 0;
  const span = Math.abs(ms);
  if (span < HOUR) return { overdue, amount: Math.max(1, Math.floor(span / MINUTE)), unit: 'minute' };
  if (span < 2 * DAY) return { overdue, amount: Math.floor(span / HOUR), unit: 'hour' };
  return { overdue, amount: Math.floor(span / DAY), unit: 'day' };
}

export type Urgency = 'overdue' | 'soon' | 'ok';

/** Overdue, due within 24 hours, or comfortable. */
export function urgencyOf(deadline: string | null, now: Date, serverOverdue = false): Urgency | null {
  if (serverOverdue) return 'overdue';
  if (!deadline) return null;
  const ms = new Date(deadline).getTime() - now.getTime();
  if (!Number.isFinite(ms)) return null;
  if (ms < 0) return 'overdue';
  return ms <= DAY ? 'soon' : 'ok';
}

/** Earliest deadline first; cases without a deadline last; ties by id. */
export function byDeadline<T extends { id: number; deadlineAt: string | null }>(a: T, b: T): number {
  const da = a.deadlineAt ? new Date(a.deadlineAt).getTime() : Number.POSITIVE_INFINITY;
  const db = b.deadlineAt ? new Date(b.deadlineAt).getTime() : Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return a.id - b.id;
}

// The map-app link lives with the shared phone pieces (the inspection pages use it too).
export { navigationUrl } from '../../../shared/mobile/navigation-url';
