// The work ledger's rules as pure functions: the report cycle of a task instance (the table is
// TASK_TRANSITIONS in @cc/common/campaigns), the derived 'overdue' status, completion percentages
// weighted by task weight, and when a reminder or an escalation is due. Dates are local calendar
// days 'YYYY-MM-DD' (the caller turns its clock into the city's date).

import { TASK_TRANSITIONS, type TaskAction, type TaskDisplayStatus, type TaskStatus } from '@cc/common/campaigns';
import { AppError, fieldInvalid } from '../../platform/errors.js';

/** The status after `action`, or 409 (wrong status) / 400 (missing reason). */
export function planTaskAction(status: TaskStatus, action: TaskAction, input: { note?: string | null }): TaskStatus {
  const t = TASK_TRANSITIONS[action];
  if (!t.from.includes(status)) {
    throw new AppError('CONFLICT', {
      messageKey: 'TASK_BAD_TRANSITION',
      params: { action: `@TASK_ACTION_${action}`, status: `@TASK_STATUS_${status}` },
      details: { status, action },
    });
  }
  if (t.needsNote && !input.note?.trim()) throw fieldInvalid('note', 'TASK_NOTE_REQUIRED');
  return t.to;
}

/** What a clerk sees: past its due date and neither submitted nor accepted is 'overdue'. */
export function displayStatus(status: TaskStatus, dueOn: string, today: string): TaskDisplayStatus {
  if (status === 'submitted' || status === 'accepted') return status;
  return dueOn < today ? 'overdue' : status;
}

export interface WeightedInstance {
  status: TaskStatus;
  dueOn: string;
  weight: number;
}

export interface Completion {
  /**
   * Weighted share of what is owed so far that has been accepted, 0–100 with one decimal; null
   * when nothing is owed yet. Owed = instances due on or before today, plus instances already
   * accepted ahead of their due date (early work counts; future work is not yet owed).
   */
  percent: number | null;
  /** Accepted weight over the weight of the whole plan (every instance). */
  planPercent: number | null;
  total: number;
  /** Instances owed so far (see `percent`). */
  counted: number;
  accepted: number;
  submitted: number;
  overdue: number;
}

function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/**
 * Completion of a set of instances on `today`. The SQL in campaigns.repository.ts
 * (`completionColumns`) computes the same figures for the overview; a test holds them equal.
 */
export function completion(instances: readonly WeightedInstance[], today: string): Completion {
  let owed = 0;
  let done = 0;
  let all = 0;
  const counts = { total: 0, counted: 0, accepted: 0, submitted: 0, overdue: 0 };
  for (const i of instances) {
    counts.total++;
    all += i.weight;
    if (i.status === 'submitted') counts.submitted++;
    if (displayStatus(i.status, i.dueOn, today) === 'overdue') counts.overdue++;
    if (i.dueOn > today && i.status !== 'accepted') continue;
    counts.counted++;
    owed += i.weight;
    if (i.status === 'accepted') {
      counts.accepted++;
      done += i.weight;
    }
  }
  return { percent: percentOf(done, owed), planPercent: percentOf(done, all), ...counts };
}

export interface ReminderState {
  status: TaskStatus;
  dueOn: string;
  /** Remind this many days before the due date (0 = on the day). */
  remindDaysBefore: number;
  /** Escalate again every this many days while overdue. */
  escalateEveryDays: number;
  remindedOn: string | null;
  escalatedOn: string | null;
}

function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * What the scheduler owes an instance today: a reminder once in the days before it is due, an
 * escalation to the unit's head and liaison from the day after the due date, repeated every
 * `escalateEveryDays` — and nothing once the unit has submitted or the office accepted.
 */
export function reminderDue(s: ReminderState, today: string): 'remind' | 'escalate' | null {
  if (s.status === 'submitted' || s.status === 'accepted') return null;
  if (today > s.dueOn) {
    if (s.escalatedOn === null) return 'escalate';
    return today >= addDays(s.escalatedOn, Math.max(1, s.escalateEveryDays)) ? 'escalate' : null;
  }
  if (s.remindedOn === null && today >= addDays(s.dueOn, -Math.max(0, s.remindDaysBefore))) return 'remind';
  return null;
}
