// Turns what a clerk typed for a ledger task (a form, a bulk assignment or a row of an Excel
// ledger) into the stored schedule and its dated instances, with the campaign's rules: deadlines
// inside the campaign's period, recurrence with an end, sensible days. Pure: every refusal is a
// PlanError naming the field, so the API answers a field error and the import a cell error.

import type { RecurrenceKind } from '@cc/common/campaigns';
import {
  expandRecurrence,
  RecurrenceError,
  type RecurrenceRule,
  type TaskInstancePlan,
} from './campaigns.recurrence.js';

export class PlanError extends Error {
  constructor(
    readonly field: string,
    readonly key: string,
    readonly params?: Record<string, unknown>,
  ) {
    super(key);
    this.name = 'PlanError';
  }
}

export interface ScheduleInput {
  recurrence: RecurrenceKind;
  dueOn?: string | null;
  repeatFrom?: string | null;
  repeatUntil?: string | null;
  repeatDay?: number | null;
}

export interface Schedule {
  recurrence: RecurrenceKind;
  due_on: string | null;
  repeat_from: string | null;
  repeat_until: string | null;
  repeat_day: number | null;
}

/** The due day used when none is given: Friday for weekly tasks, the last day of the period otherwise. */
export const DEFAULT_DUE_DAY: Record<Exclude<RecurrenceKind, 'once'>, number> = {
  weekly: 5,
  monthly: 31,
  quarterly: 31,
};

export function planSchedule(
  campaign: { starts_on: string; ends_on: string },
  input: ScheduleInput,
): { schedule: Schedule; instances: TaskInstancePlan[] } {
  const period = { start: campaign.starts_on, end: campaign.ends_on };
  const inside = (field: string, date: string) => {
    if (date < period.start) throw new PlanError(field, 'TASK_DUE_BEFORE_START', period);
    if (date > period.end) throw new PlanError(field, 'TASK_DUE_AFTER_END', period);
  };
  let rule: RecurrenceRule;
  let schedule: Schedule;
  if (input.recurrence === 'once') {
    if (!input.dueOn) throw new PlanError('dueOn', 'TASK_DUE_REQUIRED');
    inside('dueOn', input.dueOn);
    rule = { kind: 'once', dueOn: input.dueOn };
    schedule = { recurrence: 'once', due_on: input.dueOn, repeat_from: null, repeat_until: null, repeat_day: null };
  } else {
    if (!input.repeatUntil) throw new PlanError('repeatUntil', 'TASK_RECURRENCE_NO_END');
    const from = input.repeatFrom ?? campaign.starts_on;
    const day = input.repeatDay ?? DEFAULT_DUE_DAY[input.recurrence];
    inside('repeatFrom', from);
    inside('repeatUntil', input.repeatUntil);
    if (input.recurrence === 'weekly' && day > 7) throw new PlanError('repeatDay', 'TASK_BAD_WEEKDAY');
    rule =
      input.recurrence === 'weekly'
        ? { kind: 'weekly', from, until: input.repeatUntil, weekday: day }
        : { kind: input.recurrence, from, until: input.repeatUntil, day };
    schedule = {
      recurrence: input.recurrence,
      due_on: null,
      repeat_from: from,
      repeat_until: input.repeatUntil,
      repeat_day: day,
    };
  }
  let instances: TaskInstancePlan[];
  try {
    instances = expandRecurrence(rule);
  } catch (error) {
    if (!(error instanceof RecurrenceError)) throw error;
    switch (error.reason) {
      case 'until_before_from':
        throw new PlanError('repeatUntil', 'TASK_UNTIL_BEFORE_FROM');
      case 'too_many':
        throw new PlanError('repeatUntil', 'TASK_TOO_MANY_INSTANCES');
      case 'bad_day':
        throw new PlanError('repeatDay', 'TASK_BAD_DAY');
      default:
        throw new PlanError(input.recurrence === 'once' ? 'dueOn' : 'repeatFrom', 'TASK_BAD_DATE');
    }
  }
  if (instances.length === 0) throw new PlanError('repeatDay', 'TASK_NO_INSTANCES');
  return { schedule, instances };
}
