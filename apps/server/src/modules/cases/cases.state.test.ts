// Pure unit tests of the case lifecycle: every (status × action) pair against CASE_TRANSITIONS,
// the actor checks (403/404), the input checks (400), the extension rules and the row effects,
// with a fixed clock and the Chinese holiday calendar. No database, no HTTP.

import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  CASE_ACTIONS,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseStatus,
} from '@cc/common/cases';
import { PERMISSIONS, type Permission } from '@cc/common/permissions';
import { computeDeadline, createCalendar, DEFAULT_PERIODS } from '../../platform/calendar.js';
import { CN_HOLIDAYS } from '../../platform/calendar-cn.js';
import { AppError } from '../../platform/errors.js';
import {
  actionAllowed,
  planTransition,
  type CaseState,
  type TransitionActor,
  type TransitionInput,
} from './cases.state.js';

const cal = createCalendar({ periods: DEFAULT_PERIODS, utcOffsetMinutes: 480, years: CN_HOLIDAYS });
/** Monday 2026-03-02 10:00 China time. */
const NOW = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CASE_DEADLINE = new Date('2026-03-04T02:00:00Z');
const LATER_DEADLINE = new Date('2026-03-10T02:00:00Z');
const HANDLER_ID = 7;
const UNIT_ACTIONS: readonly CaseAction[] = ['accept', 'return', 'handle', 'request_extension'];
const JUDGING_ACTIONS: readonly CaseAction[] = ['verify', 'rework'];

function caseState(overrides: Partial<CaseState> = {}): CaseState {
  return {
    status: 'registered',
    unitId: 3,
    handledBy: HANDLER_ID,
    extensionPending: false,
    suspendedFrom: null,
    suspendedAt: null,
    deadlineAt: CASE_DEADLINE,
    originalDeadlineAt: CASE_DEADLINE,
    handledAt: null,
    limitUnit: 'working_days',
    limitAmount: 2,
    verifyLimitUnit: null,
    verifyLimitAmount: null,
    ...overrides,
  };
}

/** An actor with every permission and the right relation to the case for `action`. */
function actorFor(action: CaseAction, overrides: Partial<TransitionActor> = {}): TransitionActor {
  return {
    userId: UNIT_ACTIONS.includes(action) ? HANDLER_ID : 1,
    permissions: new Set<Permission>(PERMISSIONS),
    ofResponsibleUnit: UNIT_ACTIONS.includes(action),
    ...overrides,
  };
}

const validInput: TransitionInput = {
  note: 'done',
  photos: ['a'.repeat(64)],
  unitId: 5,
  deadline: LATER_DEADLINE,
  targetCaseId: 42,
  requestedDeadline: LATER_DEADLINE,
};

/** The extensionPending value `action` needs (false when it does not care). */
const pendingFor = (action: CaseAction) => CASE_TRANSITIONS[action].extensionPending ?? false;

function plan(
  action: CaseAction,
  state: Partial<CaseState> = {},
  input: TransitionInput = validInput,
  actor: TransitionActor = actorFor(action),
  now: Date = NOW,
) {
  return planTransition(caseState(state), action, input, actor, now, cal);
}

/** Runs `fn`, expects an AppError and returns it. */
function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, but the transition was planned');
}

function expectRefused(
  fn: () => unknown,
  expected: { code: string; status: number; messageKey?: string; field?: string },
) {
  const error = refusal(fn);
  expect(error.code).toBe(expected.code);
  expect(error.status).toBe(expected.status);
  if (expected.messageKey) expect(error.messageKey).toBe(expected.messageKey);
  if (expected.field) expect(error.details?.fields?.[0]?.path).toBe(`body/${expected.field}`);
  return error;
}

const pairs = CASE_STATUSES.flatMap((status) => CASE_ACTIONS.map((action) => [status, action] as const));

describe('transition table: every status × action', () => {
  it('covers 13 statuses × 17 actions', () => {
    expect(CASE_STATUSES).toHaveLength(13);
    expect(CASE_ACTIONS).toHaveLength(17);
    expect(pairs).toHaveLength(221);
  });

  it.each(pairs)('%s + %s', (status, action) => {
    const t = CASE_TRANSITIONS[action];
    const state = caseState({
      status,
      extensionPending: pendingFor(action),
      suspendedFrom: status === 'suspended' ? 'accepted' : null,
      suspendedAt: status === 'suspended' ? new Date(NOW.getTime() - DAY) : null,
    });
    const actor = actorFor(action);
    const run = () => planTransition(state, action, validInput, actor, NOW, cal);
    const allowed = t.from.includes(status);
    expect(actionAllowed(state, action, actor)).toBe(allowed);
    if (!allowed) {
      const error = expectRefused(run, { code: 'CONFLICT', status: 409, messageKey: 'CASE_BAD_TRANSITION' });
      expect(error.details).toMatchObject({ status, action });
      return;
    }
    const result = run();
    const to = t.to === 'same' ? status : t.to === 'previous' ? state.suspendedFrom : t.to;
    expect(result.from).toBe(status);
    expect(result.to).toBe(to);
    expect(result.patch.status).toBe(to === status ? undefined : to);
  });

  it.each(CASE_STATUSES.flatMap((status) => [false, true].map((pending) => [status, pending] as const)))(
    'actionsFrom(%s, pending=%s) is exactly what planTransition accepts',
    (status, pending) => {
      const accepted = CASE_ACTIONS.filter((action) => {
        const state = caseState({ status, extensionPending: pending, suspendedFrom: 'accepted', suspendedAt: NOW });
        try {
          planTransition(state, action, validInput, actorFor(action), NOW, cal);
          return true;
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('CONFLICT');
          return false;
        }
      });
      expect(accepted).toEqual(actionsFrom(status, pending));
    },
  );
});

/** A status the action is allowed from, and one it is not. */
const fromOf = (action: CaseAction) => CASE_TRANSITIONS[action].from[0] as CaseStatus;
const notFromOf = (action: CaseAction) =>
  CASE_STATUSES.find((status) => !CASE_TRANSITIONS[action].from.includes(status)) as CaseStatus;

describe('actor checks', () => {
  it.each(CASE_ACTIONS)('%s without its permission → 403 FORBIDDEN', (action) => {
    const missing = CASE_TRANSITIONS[action].permission;
    const actor = actorFor(action, { permissions: new Set(PERMISSIONS.filter((p) => p !== missing)) });
    const state = { status: fromOf(action), extensionPending: pendingFor(action) };
    expectRefused(() => plan(action, state, validInput, actor), {
      code: 'FORBIDDEN',
      status: 403,
      messageKey: 'FORBIDDEN',
    });
    expect(actionAllowed(caseState(state), action, actor)).toBe(false);
    // …even on a case in the wrong state.
    expectRefused(() => plan(action, { status: notFromOf(action) }, validInput, actor), {
      code: 'FORBIDDEN',
      status: 403,
    });
  });

  it.each(UNIT_ACTIONS)('%s by someone outside the responsible unit → 404 NOT_FOUND', (action) => {
    const actor = actorFor(action, { ofResponsibleUnit: false });
    const state = { status: fromOf(action), extensionPending: pendingFor(action) };
    expectRefused(() => plan(action, state, validInput, actor), { code: 'NOT_FOUND', status: 404 });
    expect(actionAllowed(caseState(state), action, actor)).toBe(false);
  });

  it.each(UNIT_ACTIONS)('%s by a wrong-unit actor on a wrong-state case → still 404, not 409', (action) => {
    const actor = actorFor(action, { ofResponsibleUnit: false });
    expectRefused(() => plan(action, { status: notFromOf(action) }, {}, actor), { code: 'NOT_FOUND', status: 404 });
  });

  it.each(JUDGING_ACTIONS)('%s by the responsible unit → 403 CASE_VERIFIER_IS_FIXER', (action) => {
    const actor = actorFor(action, { ofResponsibleUnit: true });
    expectRefused(() => plan(action, { status: 'handled' }, validInput, actor), {
      code: 'FORBIDDEN',
      status: 403,
      messageKey: 'CASE_VERIFIER_IS_FIXER',
    });
    expect(actionAllowed(caseState({ status: 'handled' }), action, actor)).toBe(false);
  });

  it.each(JUDGING_ACTIONS)('%s by the handler himself → 403 CASE_VERIFIER_IS_FIXER', (action) => {
    const actor = actorFor(action, { userId: HANDLER_ID });
    expectRefused(() => plan(action, { status: 'handled' }, validInput, actor), {
      code: 'FORBIDDEN',
      status: 403,
      messageKey: 'CASE_VERIFIER_IS_FIXER',
    });
  });

  it.each(JUDGING_ACTIONS)('%s by the fixer on a wrong-state case → 403 before 409', (action) => {
    const actor = actorFor(action, { ofResponsibleUnit: true });
    expectRefused(() => plan(action, { status: 'accepted' }, {}, actor), {
      code: 'FORBIDDEN',
      status: 403,
      messageKey: 'CASE_VERIFIER_IS_FIXER',
    });
  });

  it.each(CASE_ACTIONS.filter((a) => !UNIT_ACTIONS.includes(a) && !JUDGING_ACTIONS.includes(a)))(
    '%s does not depend on the actor’s unit',
    (action) => {
      const state = {
        status: fromOf(action),
        extensionPending: pendingFor(action),
        suspendedFrom: 'accepted' as const,
      };
      for (const ofResponsibleUnit of [false, true]) {
        expect(plan(action, state, validInput, actorFor(action, { ofResponsibleUnit })).from).toBe(fromOf(action));
      }
    },
  );

  it('state is checked before input: a wrong-state case with empty input → 409', () => {
    for (const action of CASE_ACTIONS) {
      expectRefused(() => plan(action, { status: notFromOf(action) }, {}), {
        code: 'CONFLICT',
        status: 409,
        messageKey: 'CASE_BAD_TRANSITION',
      });
    }
  });
});

describe('input checks', () => {
  const noteRequired: CaseAction[] = [
    'return',
    'handle',
    'rework',
    'suspend',
    'void',
    'refuse_extension',
    'request_extension',
    'reopen',
  ];

  it('the table requires a note for exactly these actions', () => {
    expect(CASE_ACTIONS.filter((a) => CASE_TRANSITIONS[a].input.note === 'required')).toEqual(
      CASE_ACTIONS.filter((a) => noteRequired.includes(a)),
    );
  });

  it.each(noteRequired.flatMap((action) => [undefined, null, '', '   '].map((note) => [action, note] as const)))(
    '%s with note %j → 400 body/note',
    (action, note) => {
      const state = { status: fromOf(action), extensionPending: pendingFor(action) };
      expectRefused(() => plan(action, state, { ...validInput, note }), {
        code: 'VALIDATION_FAILED',
        status: 400,
        messageKey: 'CASE_NOTE_REQUIRED',
        field: 'note',
      });
    },
  );

  it.each(CASE_ACTIONS.filter((a) => CASE_TRANSITIONS[a].input.note !== 'required'))(
    '%s without a note is fine',
    (action) => {
      const state = {
        status: fromOf(action),
        extensionPending: pendingFor(action),
        suspendedFrom: 'accepted' as const,
      };
      expect(() => plan(action, state, { ...validInput, note: undefined })).not.toThrow();
    },
  );

  it.each([undefined, []])('handle with photos %j → 400 body/photos', (photos) => {
    expectRefused(() => plan('handle', { status: 'accepted' }, { ...validInput, photos }), {
      code: 'VALIDATION_FAILED',
      status: 400,
      messageKey: 'CASE_PHOTO_REQUIRED',
      field: 'photos',
    });
  });

  it.each(['verify', 'rework'] as const)('%s without photos is fine', (action) => {
    expect(() => plan(action, { status: 'handled' }, { ...validInput, photos: undefined })).not.toThrow();
  });

  it('dispatch without unitId → 400 body/unitId', () => {
    expectRefused(() => plan('dispatch', {}, { ...validInput, unitId: undefined }), {
      code: 'VALIDATION_FAILED',
      status: 400,
      messageKey: 'CASE_UNIT_REQUIRED',
      field: 'unitId',
    });
  });

  it('request_extension without a deadline → 400 body/deadline', () => {
    expectRefused(() => plan('request_extension', { status: 'accepted' }, { ...validInput, deadline: undefined }), {
      code: 'VALIDATION_FAILED',
      status: 400,
      messageKey: 'CASE_DEADLINE_REQUIRED',
      field: 'deadline',
    });
  });

  it.each([
    ['equal to the current deadline', CASE_DEADLINE, CASE_DEADLINE],
    ['before the current deadline', new Date(CASE_DEADLINE.getTime() - HOUR), CASE_DEADLINE],
    ['not after now (no current deadline)', NOW, null],
    ['in the past (no current deadline)', new Date(NOW.getTime() - DAY), null],
  ])('request_extension with a deadline %s → 400 CASE_EXTENSION_NOT_LATER', (_label, deadline, deadlineAt) => {
    expectRefused(() => plan('request_extension', { status: 'accepted', deadlineAt }, { ...validInput, deadline }), {
      code: 'VALIDATION_FAILED',
      status: 400,
      messageKey: 'CASE_EXTENSION_NOT_LATER',
      field: 'deadline',
    });
  });

  it('request_extension with a later deadline marks the extension pending, status unchanged', () => {
    const result = plan('request_extension', { status: 'rework' });
    expect(result).toEqual({ from: 'rework', to: 'rework', patch: { extensionPending: true } });
  });

  it('merge without targetCaseId → 400 body/targetCaseId', () => {
    expectRefused(() => plan('merge', { status: 'reported' }, { ...validInput, targetCaseId: undefined }), {
      code: 'VALIDATION_FAILED',
      status: 400,
      messageKey: 'CASE_TARGET_REQUIRED',
      field: 'targetCaseId',
    });
  });
});

describe('extension pending rules', () => {
  const working: CaseStatus[] = ['dispatched', 'accepted', 'rework'];

  it.each(working)('request_extension on a %s case with a request pending → 409 CASE_EXTENSION_PENDING', (status) => {
    expectRefused(() => plan('request_extension', { status, extensionPending: true }), {
      code: 'CONFLICT',
      status: 409,
      messageKey: 'CASE_EXTENSION_PENDING',
    });
  });

  it.each(
    working.flatMap((status) => (['approve_extension', 'refuse_extension'] as const).map((a) => [a, status] as const)),
  )('%s on a %s case with none pending → 409 CASE_NO_EXTENSION_PENDING', (action, status) => {
    expectRefused(() => plan(action, { status, extensionPending: false }), {
      code: 'CONFLICT',
      status: 409,
      messageKey: 'CASE_NO_EXTENSION_PENDING',
    });
  });

  it('refuse_extension clears the pending flag and keeps the deadline', () => {
    expect(plan('refuse_extension', { status: 'accepted', extensionPending: true })).toEqual({
      from: 'accepted',
      to: 'accepted',
      patch: { extensionPending: false },
    });
  });
});

describe('effects', () => {
  it('register stamps registeredAt', () => {
    expect(plan('register', { status: 'checked' }).patch).toEqual({ status: 'registered', registeredAt: NOW });
  });

  it('dispatch on Monday 10:00 with 2 working days is due Wednesday 10:00', () => {
    const limit = { unit: 'working_days', amount: 2 } as const;
    const { to, patch } = plan('dispatch', { limitUnit: limit.unit, limitAmount: limit.amount, deadlineAt: null });
    const due = computeDeadline(NOW, limit, cal);
    expect(due).toEqual(new Date('2026-03-04T02:00:00Z'));
    expect(to).toBe('dispatched');
    expect(patch).toEqual({
      status: 'dispatched',
      unitId: validInput.unitId,
      dispatchedAt: NOW,
      deadlineAt: due,
      originalDeadlineAt: due,
      acceptedAt: null,
      remindedAt: null,
      escalatedAt: null,
    });
  });

  it('dispatch on 2026-09-30 with 2 working days skips the National Day holiday', () => {
    const now = new Date('2026-09-30T02:00:00Z'); // Wednesday 10:00 China time
    const limit = { unit: 'working_days', amount: 2 } as const;
    const { patch } = plan(
      'dispatch',
      { status: 'returned', limitUnit: limit.unit, limitAmount: limit.amount },
      validInput,
      actorFor('dispatch'),
      now,
    );
    expect(patch.deadlineAt).toEqual(computeDeadline(now, limit, cal));
    expect(patch.originalDeadlineAt).toEqual(patch.deadlineAt);
    expect(patch.dispatchedAt).toEqual(now);
    expect(patch.deadlineAt!.getTime()).toBeGreaterThan(new Date('2026-10-09T00:00:00+08:00').getTime());
    expect(patch.deadlineAt).toEqual(new Date('2026-10-09T02:00:00Z')); // Friday 9 October 10:00
  });

  it('accept stamps acceptedAt', () => {
    expect(plan('accept', { status: 'dispatched' }).patch).toEqual({ status: 'accepted', acceptedAt: NOW });
  });

  it('return counts the return and clears the deadline', () => {
    const { to, patch } = plan('return', { status: 'dispatched' });
    expect(to).toBe('returned');
    expect(patch).toEqual({
      status: 'returned',
      returnCount: 'increment',
      deadlineAt: null,
      remindedAt: null,
      escalatedAt: null,
    });
  });

  it('handle stamps handledAt/handledBy and a verify deadline when a verify limit exists', () => {
    const verifyLimit = { unit: 'working_hours', amount: 4 } as const;
    const { patch } = plan(
      'handle',
      { status: 'accepted', handledBy: null, verifyLimitUnit: verifyLimit.unit, verifyLimitAmount: verifyLimit.amount },
      validInput,
      actorFor('handle', { userId: 11 }),
    );
    expect(patch).toEqual({
      status: 'handled',
      handledAt: NOW,
      handledBy: 11,
      verifyDeadlineAt: computeDeadline(NOW, verifyLimit, cal),
    });
    expect(patch.verifyDeadlineAt).toEqual(new Date('2026-03-02T08:00:00Z')); // 16:00 the same day
  });

  it.each([
    [null, null],
    ['working_days', null],
    [null, 2],
  ] as const)('handle without a verify limit (%s, %s) sets verifyDeadlineAt null', (unit, amount) => {
    const { patch } = plan('handle', { status: 'rework', verifyLimitUnit: unit, verifyLimitAmount: amount });
    expect(patch).toMatchObject({ status: 'handled', handledAt: NOW, handledBy: HANDLER_ID, verifyDeadlineAt: null });
  });

  it('verify stamps verifiedAt', () => {
    expect(plan('verify', { status: 'handled' }).patch).toEqual({ status: 'verified', verifiedAt: NOW });
  });

  it('rework counts the rework and sets a fresh deadline from now', () => {
    const limit = { unit: 'working_days', amount: 3 } as const;
    const { to, patch } = plan('rework', {
      status: 'handled',
      limitUnit: limit.unit,
      limitAmount: limit.amount,
      deadlineAt: new Date('2026-02-01T00:00:00Z'),
    });
    expect(to).toBe('rework');
    expect(patch).toEqual({
      status: 'rework',
      reworkCount: 'increment',
      deadlineAt: computeDeadline(NOW, limit, cal),
      verifyDeadlineAt: null,
      remindedAt: null,
      escalatedAt: null,
    });
    expect(patch.deadlineAt).toEqual(new Date('2026-03-05T02:00:00Z'));
  });

  it.each([
    ['before the deadline', new Date(CASE_DEADLINE.getTime() - HOUR), true],
    ['exactly at the deadline', CASE_DEADLINE, true],
    ['after the deadline', new Date(CASE_DEADLINE.getTime() + 1), false],
  ])('close of a case handled %s sets closedOnTime %s', (_label, handledAt, onTime) => {
    const { to, patch } = plan('close', { status: 'verified', handledAt });
    expect(to).toBe('closed');
    expect(patch).toEqual({ status: 'closed', closedAt: NOW, closedOnTime: onTime });
  });

  it.each(['registered', 'returned', 'dispatched', 'accepted', 'rework'] as const)(
    'suspend from %s remembers the status and the time',
    (status) => {
      expect(plan('suspend', { status })).toEqual({
        from: status,
        to: 'suspended',
        patch: { status: 'suspended', suspendedFrom: status, suspendedAt: NOW },
      });
    },
  );

  it.each(['dispatched', 'accepted', 'rework'] as const)(
    'resume to %s moves the deadline by exactly the suspended time',
    (suspendedFrom) => {
      const paused = 3 * DAY + 5 * HOUR + 17_000;
      const { from, to, patch } = plan('resume', {
        status: 'suspended',
        suspendedFrom,
        suspendedAt: new Date(NOW.getTime() - paused),
      });
      expect(from).toBe('suspended');
      expect(to).toBe(suspendedFrom);
      expect(patch).toEqual({
        status: suspendedFrom,
        deadlineAt: new Date(CASE_DEADLINE.getTime() + paused),
        suspendedFrom: null,
        suspendedAt: null,
      });
    },
  );

  it.each(['registered', 'returned'] as const)('resume to %s without a deadline leaves it unset', (suspendedFrom) => {
    const { to, patch } = plan('resume', {
      status: 'suspended',
      suspendedFrom,
      suspendedAt: new Date(NOW.getTime() - DAY),
      deadlineAt: null,
    });
    expect(to).toBe(suspendedFrom);
    expect(patch).toEqual({ status: suspendedFrom, suspendedFrom: null, suspendedAt: null });
  });

  it('approve_extension takes the requested deadline', () => {
    const requested = new Date('2026-03-12T02:00:00Z');
    const result = plan(
      'approve_extension',
      { status: 'accepted', extensionPending: true },
      { note: 'ok', requestedDeadline: requested },
    );
    expect(result).toEqual({
      from: 'accepted',
      to: 'accepted',
      patch: {
        extensionPending: false,
        extensionCount: 'increment',
        deadlineAt: requested,
        remindedAt: null,
        escalatedAt: null,
      },
    });
  });

  it('approve_extension takes the office’s own deadline when it gives one', () => {
    const requested = new Date('2026-03-12T02:00:00Z');
    const office = new Date('2026-03-09T02:00:00Z');
    const { patch } = plan(
      'approve_extension',
      { status: 'dispatched', extensionPending: true },
      { deadline: office, requestedDeadline: requested },
    );
    expect(patch).toMatchObject({ extensionPending: false, extensionCount: 'increment', deadlineAt: office });
  });

  it('merge records the target case', () => {
    expect(plan('merge', { status: 'checked' }).patch).toEqual({ status: 'merged', mergedIntoId: 42 });
  });

  it('void and check change only the status', () => {
    expect(plan('void', { status: 'suspended' }).patch).toEqual({ status: 'voided' });
    expect(plan('check', { status: 'reported' }).patch).toEqual({ status: 'checked' });
  });

  it('reopen counts the reopening, clears closedAt/closedOnTime and restarts the verification limit', () => {
    const { from, to, patch } = plan('reopen', { status: 'closed' });
    expect(from).toBe('closed');
    expect(to).toBe('handled');
    expect(patch).toMatchObject({
      status: 'handled',
      reopenCount: 'increment',
      closedAt: null,
      closedOnTime: null,
      verifiedAt: null,
    });
    const noVerifyLimit = plan('reopen', { status: 'closed', verifyLimitUnit: null, verifyLimitAmount: null });
    expect(noVerifyLimit.patch.verifyDeadlineAt).toBeNull();
    const withLimit = plan('reopen', { status: 'closed', verifyLimitUnit: 'working_days', verifyLimitAmount: 2 });
    expect(withLimit.patch.verifyDeadlineAt).toEqual(computeDeadline(NOW, { unit: 'working_days', amount: 2 }, cal));
  });

  it('approve_extension refuses an office deadline that is not later than the current one', () => {
    const state = { status: 'accepted' as const, extensionPending: true, deadlineAt: LATER_DEADLINE };
    const error = refusal(() => plan('approve_extension', state, { deadline: LATER_DEADLINE }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.messageKey).toBe('CASE_EXTENSION_NOT_LATER');
  });
});
