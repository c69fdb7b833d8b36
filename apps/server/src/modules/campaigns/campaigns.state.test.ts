import { describe, expect, it } from 'vitest';
import { TASK_ACTIONS, TASK_STATUSES, TASK_TRANSITIONS, type TaskStatus } from '@cc/common/campaigns';
import { AppError } from '../../platform/errors.js';
import { completion, displayStatus, planTaskAction, reminderDue, type ReminderState } from './campaigns.state.js';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('task report cycle', () => {
  const pairs = TASK_STATUSES.flatMap((status) => TASK_ACTIONS.map((action) => [status, action] as const));

  it.each(pairs)('%s × %s follows the table', (status, action) => {
    const t = TASK_TRANSITIONS[action];
    if (t.from.includes(status)) {
      expect(planTaskAction(status, action, { note: '材料不全，请补充照片' })).toBe(t.to);
    } else {
      const error = refusal(() => planTaskAction(status, action, { note: 'x' }));
      expect(error.status).toBe(409);
      expect(error.messageKey).toBe('TASK_BAD_TRANSITION');
    }
  });

  it('an accepted instance is closed to every action', () => {
    for (const action of TASK_ACTIONS) {
      expect(refusal(() => planTaskAction('accepted', action, { note: 'x' })).status).toBe(409);
    }
  });

  it('returning needs a reason; the state is checked first', () => {
    for (const note of [undefined, null, '', '   ']) {
      const error = refusal(() => planTaskAction('submitted', 'return', { note }));
      expect(error.status).toBe(400);
      expect(error.details?.fields?.[0].path).toBe('body/note');
    }
    expect(refusal(() => planTaskAction('not_started', 'return', {})).status).toBe(409);
    expect(planTaskAction('submitted', 'accept', {})).toBe('accepted');
  });

  it('a returned report can be revised and submitted again', () => {
    let status: TaskStatus = 'not_started';
    status = planTaskAction(status, 'submit', {});
    status = planTaskAction(status, 'return', { note: '缺少现场照片' });
    expect(status).toBe('returned');
    status = planTaskAction(status, 'save_draft', {});
    expect(status).toBe('in_progress');
    status = planTaskAction(status, 'submit', {});
    expect(planTaskAction(status, 'accept', {})).toBe('accepted');
  });
});

describe('displayStatus', () => {
  it.each([
    ['not_started', '2026-03-31', '2026-03-31', 'not_started'],
    ['not_started', '2026-03-31', '2026-04-01', 'overdue'],
    ['in_progress', '2026-03-31', '2026-04-01', 'overdue'],
    ['returned', '2026-03-31', '2026-04-01', 'overdue'],
    ['submitted', '2026-03-31', '2026-04-01', 'submitted'],
    ['accepted', '2026-03-31', '2026-05-01', 'accepted'],
  ] as const)('%s due %s on %s → %s', (status, due, today, shown) => {
    expect(displayStatus(status, due, today)).toBe(shown);
  });
});

describe('completion', () => {
  const instances = [
    { status: 'accepted' as const, dueOn: '2026-03-06', weight: 2 },
    { status: 'submitted' as const, dueOn: '2026-03-13', weight: 2 },
    { status: 'not_started' as const, dueOn: '2026-03-20', weight: 1 },
    { status: 'accepted' as const, dueOn: '2026-03-27', weight: 1 },
    { status: 'not_started' as const, dueOn: '2026-04-03', weight: 4 },
  ];

  it('weights accepted instances over those owed so far', () => {
    // Owed on 3-28: weights 2 + 2 + 1 + 1 = 6, accepted 2 + 1 = 3 → 50 %; plan 3 / 10.
    expect(completion(instances, '2026-03-28')).toEqual({
      percent: 50,
      planPercent: 30,
      total: 5,
      counted: 4,
      accepted: 2,
      submitted: 1,
      overdue: 1,
    });
    // Rounded to one decimal: 2 / 3 of the weight.
    expect(
      completion(
        [
          { status: 'accepted', dueOn: '2026-03-01', weight: 2 },
          { status: 'returned', dueOn: '2026-03-01', weight: 1 },
        ],
        '2026-03-01',
      ).percent,
    ).toBe(66.7);
  });

  it('counts work accepted ahead of its due date, never work not yet due', () => {
    // On 3-14 the 3-27 instance is already accepted: owed 2 + 2 + 1 = 5, done 2 + 1 = 3.
    expect(completion(instances, '2026-03-14')).toMatchObject({ percent: 60, counted: 3, accepted: 2 });
    // The open 4-03 instance is not owed on 3-28, so it does not lower the figure.
    expect(completion(instances.slice(0, 4), '2026-03-28').percent).toBe(50);
  });

  it('is null when nothing is owed yet', () => {
    expect(
      completion(
        instances.filter((i) => i.status !== 'accepted'),
        '2026-03-01',
      ).percent,
    ).toBeNull();
    expect(completion([], '2026-03-01')).toEqual({
      percent: null,
      planPercent: null,
      total: 0,
      counted: 0,
      accepted: 0,
      submitted: 0,
      overdue: 0,
    });
  });
});

describe('reminderDue', () => {
  const base: ReminderState = {
    status: 'not_started',
    dueOn: '2026-03-31',
    remindDaysBefore: 3,
    escalateEveryDays: 2,
    remindedOn: null,
    escalatedOn: null,
  };

  it('reminds once from N days before the due date', () => {
    expect(reminderDue(base, '2026-03-27')).toBeNull();
    expect(reminderDue(base, '2026-03-28')).toBe('remind');
    expect(reminderDue({ ...base, remindedOn: '2026-03-28' }, '2026-03-30')).toBeNull();
    expect(reminderDue(base, '2026-03-31')).toBe('remind');
    expect(reminderDue({ ...base, remindDaysBefore: 0 }, '2026-03-30')).toBeNull();
    expect(reminderDue({ ...base, remindDaysBefore: 0 }, '2026-03-31')).toBe('remind');
  });

  it('escalates the day after the due date and again every interval', () => {
    expect(reminderDue({ ...base, remindedOn: '2026-03-28' }, '2026-04-01')).toBe('escalate');
    expect(reminderDue({ ...base, escalatedOn: '2026-04-01' }, '2026-04-02')).toBeNull();
    expect(reminderDue({ ...base, escalatedOn: '2026-04-01' }, '2026-04-03')).toBe('escalate');
    expect(reminderDue({ ...base, escalatedOn: '2026-04-01', escalateEveryDays: 0 }, '2026-04-02')).toBe('escalate');
  });

  it('stops once the unit has submitted or the office accepted; a returned report is chased again', () => {
    expect(reminderDue({ ...base, status: 'submitted' }, '2026-04-05')).toBeNull();
    expect(reminderDue({ ...base, status: 'accepted' }, '2026-04-05')).toBeNull();
    expect(reminderDue({ ...base, status: 'returned', escalatedOn: '2026-04-01' }, '2026-04-05')).toBe('escalate');
  });
});
