// Recurrence of ledger tasks (工作台帐): a task is done once by a date, or once per week, month or
// quarter between two dates. Expansion turns a rule into task instances — one per period whose due
// date falls within the rule's range (both ends included) — each with its period, the due date and
// a label a clerk reads ('2026-W10', '2026-03', '2026-Q1'). Pure: dates in, instances out (all
// dates 'YYYY-MM-DD').

export type RecurrenceRule =
  | { kind: 'once'; dueOn: string }
  /** Due on `weekday` (1 = Monday … 7 = Sunday) of each ISO week. */
  | { kind: 'weekly'; from: string; until: string; weekday: number }
  /** Due on `day` of each month (clamped to the month's length; 31 = the last day). */
  | { kind: 'monthly'; from: string; until: string; day: number }
  /** Due on `day` of the last month of each quarter (clamped; 31 = quarter end). */
  | { kind: 'quarterly'; from: string; until: string; day: number };

export interface TaskInstancePlan {
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  label: string;
}

export class RecurrenceError extends Error {
  constructor(
    readonly reason: 'bad_date' | 'until_before_from' | 'bad_day' | 'too_many',
    message: string,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

/** At most this many instances per task (a weekly task over 7 years). */
export const MAX_INSTANCES = 370;

const DAY_MS = 86_400_000;

function parse(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(t) || format(t) !== date) throw new RecurrenceError('bad_date', `not a date: ${date}`);
  return t;
}

function format(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** ISO 8601 week label of a date: the year of its Thursday and the week number. */
export function isoWeekLabel(date: string): string {
  const t = parse(date);
  const weekday = ((new Date(t).getUTCDay() + 6) % 7) + 1; // 1 = Monday
  const thursday = t + (4 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function checkRange(from: string, until: string): [number, number] {
  const start = parse(from);
  const end = parse(until);
  if (end < start) throw new RecurrenceError('until_before_from', `${until} is before ${from}`);
  return [start, end];
}

function checkDay(day: number, max: number) {
  if (!Number.isInteger(day) || day < 1 || day > max) {
    throw new RecurrenceError('bad_day', `day must be an integer from 1 to ${max}`);
  }
}

function guard(count: number) {
  if (count > MAX_INSTANCES) {
    throw new RecurrenceError('too_many', `more than ${MAX_INSTANCES} instances; shorten the range`);
  }
}

/** Expands a rule into its instances, in date order. */
export function expandRecurrence(rule: RecurrenceRule): TaskInstancePlan[] {
  switch (rule.kind) {
    case 'once': {
      parse(rule.dueOn);
      return [{ periodStart: rule.dueOn, periodEnd: rule.dueOn, dueOn: rule.dueOn, label: rule.dueOn }];
    }
    case 'weekly': {
      checkDay(rule.weekday, 7);
      const [start, end] = checkRange(rule.from, rule.until);
      const weekday = ((new Date(start).getUTCDay() + 6) % 7) + 1;
      const out: TaskInstancePlan[] = [];
      for (let monday = start - (weekday - 1) * DAY_MS; monday <= end; monday += 7 * DAY_MS) {
        const due = monday + (rule.weekday - 1) * DAY_MS;
        if (due < start || due > end) continue;
        guard(out.length + 1);
        out.push({
          periodStart: format(monday),
          periodEnd: format(monday + 6 * DAY_MS),
          dueOn: format(due),
          label: isoWeekLabel(format(monday)),
        });
      }
      return out;
    }
    case 'monthly':
    case 'quarterly': {
      checkDay(rule.day, 31);
      const [start, end] = checkRange(rule.from, rule.until);
      const step = rule.kind === 'monthly' ? 1 : 3;
      const first = new Date(start);
      let year = first.getUTCFullYear();
      let month0 = rule.kind === 'monthly' ? first.getUTCMonth() : Math.floor(first.getUTCMonth() / 3) * 3;
      const out: TaskInstancePlan[] = [];
      while (Date.UTC(year, month0, 1) <= end) {
        const lastMonth0 = month0 + step - 1;
        const periodEnd = Date.UTC(year, lastMonth0, daysInMonth(year, lastMonth0));
        const due = Date.UTC(year, lastMonth0, Math.min(rule.day, daysInMonth(year, lastMonth0)));
        if (due >= start && due <= end) {
          guard(out.length + 1);
          out.push({
            periodStart: format(Date.UTC(year, month0, 1)),
            periodEnd: format(periodEnd),
            dueOn: format(due),
            label:
              rule.kind === 'monthly'
                ? `${year}-${String(month0 + 1).padStart(2, '0')}`
                : `${year}-Q${Math.floor(month0 / 3) + 1}`,
          });
        }
        month0 += step;
        if (month0 >= 12) {
          month0 -= 12;
          year += 1;
        }
      }
      return out;
    }
  }
}
