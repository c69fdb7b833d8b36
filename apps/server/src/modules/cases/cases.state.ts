// The case lifecycle as a pure function: given a case (as locked in the transaction), an action,
// its input, the actor's relation to the case and the clock, either refuse (409 wrong state,
// 403 wrong person, 400 missing input) or answer the row changes and the log entry. The table of
// allowed moves is CASE_TRANSITIONS in @cc/common/cases; the service does the I/O around this.

import {
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseStatus,
  type LimitUnitName,
  type Transition,
} from '@cc/common/cases';
import type { Permission } from '@cc/common/permissions';
import { computeDeadline, type WorkingCalendar } from '../../platform/calendar.js';
import { AppError, fieldInvalid } from '../../platform/errors.js';

/** The fields of a case the lifecycle reads. */
export interface CaseState {
  status: CaseStatus;
  unitId: number | null;
  handledBy: number | null;
  extensionPending: boolean;
  suspendedFrom: CaseStatus | null;
  suspendedAt: Date | null;
  deadlineAt: Date | null;
  originalDeadlineAt: Date | null;
  handledAt: Date | null;
  limitUnit: LimitUnitName;
  limitAmount: number;
  verifyLimitUnit: LimitUnitName | null;
  verifyLimitAmount: number | null;
}

export interface TransitionActor {
  userId: number;
  permissions: ReadonlySet<Permission>;
  /** The actor works for the case's responsible unit (or a parent of it). */
  ofResponsibleUnit: boolean;
}

export interface TransitionInput {
  note?: string | null;
  photos?: string[];
  unitId?: number;
  deadline?: Date;
  targetCaseId?: number;
  /** For extension decisions: the pending request's deadline. */
  requestedDeadline?: Date | null;
}

/** Column changes of `cases`, in camelCase; the repository maps them. */
export interface CasePatch {
  status?: CaseStatus;
  unitId?: number;
  deadlineAt?: Date | null;
  originalDeadlineAt?: Date | null;
  verifyDeadlineAt?: Date | null;
  registeredAt?: Date;
  dispatchedAt?: Date;
  acceptedAt?: Date | null;
  handledAt?: Date | null;
  handledBy?: number | null;
  verifiedAt?: Date | null;
  closedAt?: Date | null;
  closedOnTime?: boolean | null;
  suspendedFrom?: CaseStatus | null;
  suspendedAt?: Date | null;
  extensionPending?: boolean;
  extensionCount?: 'increment';
  reworkCount?: 'increment';
  returnCount?: 'increment';
  reopenCount?: 'increment';
  mergedIntoId?: number;
  remindedAt?: null;
  escalatedAt?: null;
}

export interface TransitionPlan {
  from: CaseStatus;
  to: CaseStatus;
  patch: CasePatch;
}

/** Actions only the responsible unit may take. */
const UNIT_ACTIONS: ReadonlySet<CaseAction> = new Set(['accept', 'return', 'handle', 'request_extension']);
/** Actions that judge the unit's work: never by the unit itself or the person who fixed it. */
const JUDGING_ACTIONS: ReadonlySet<CaseAction> = new Set(['verify', 'rework']);

/** Whether the table and the actor's relation allow `action` now (no input checks). */
export function actionAllowed(state: CaseState, action: CaseAction, actor: TransitionActor): boolean {
  try {
    checkActor(state, action, CASE_TRANSITIONS[action], actor);
    checkState(state, action, CASE_TRANSITIONS[action]);
    return true;
  } catch {
    return false;
  }
}

function checkActor(state: CaseState, action: CaseAction, t: Transition, actor: TransitionActor) {
  if (!actor.permissions.has(t.permission)) throw new AppError('FORBIDDEN');
  if (UNIT_ACTIONS.has(action) && !actor.ofResponsibleUnit) throw new AppError('NOT_FOUND');
  if (JUDGING_ACTIONS.has(action) && (actor.ofResponsibleUnit || actor.userId === state.handledBy)) {
    throw new AppError('FORBIDDEN', { messageKey: 'CASE_VERIFIER_IS_FIXER' });
  }
}

function checkState(state: CaseState, action: CaseAction, t: Transition) {
  if (!t.from.includes(state.status)) {
    throw new AppError('CONFLICT', {
      messageKey: 'CASE_BAD_TRANSITION',
      params: { action: `@CASE_ACTION_${action}`, status: `@CASE_STATUS_${state.status}` },
      details: { status: state.status, action },
    });
  }
  if (t.extensionPending === false && state.extensionPending) {
    throw new AppError('CONFLICT', { messageKey: 'CASE_EXTENSION_PENDING' });
  }
  if (t.extensionPending === true && !state.extensionPending) {
    throw new AppError('CONFLICT', { messageKey: 'CASE_NO_EXTENSION_PENDING' });
  }
}

function checkInput(t: Transition, input: TransitionInput) {
  if (t.input.note === 'required' && !input.note?.trim()) throw fieldInvalid('note', 'CASE_NOTE_REQUIRED');
  if (t.input.photos === 'required' && !(input.photos && input.photos.length > 0)) {
    throw fieldInvalid('photos', 'CASE_PHOTO_REQUIRED');
  }
  if (t.input.unit === 'required' && !input.unitId) throw fieldInvalid('unitId', 'CASE_UNIT_REQUIRED');
  if (t.input.deadline === 'required' && !input.deadline) throw fieldInvalid('deadline', 'CASE_DEADLINE_REQUIRED');
  if (t.input.target === 'required' && !input.targetCaseId) throw fieldInvalid('targetCaseId', 'CASE_TARGET_REQUIRED');
}

/**
 * Plans `action` on a case. Order of refusals: the actor (403/404), the state (409), the input
 * (400) — so a second dispatcher racing the first always learns the case has moved on.
 */
export function planTransition(
  state: CaseState,
  action: CaseAction,
  input: TransitionInput,
  actor: TransitionActor,
  now: Date,
  calendar: WorkingCalendar,
): TransitionPlan {
  const t = CASE_TRANSITIONS[action];
  checkActor(state, action, t, actor);
  checkState(state, action, t);
  checkInput(t, input);

  const from = state.status;
  const limit = { unit: state.limitUnit, amount: state.limitAmount };
  const patch: CasePatch = {};
  let to: CaseStatus = t.to === 'same' ? from : t.to === 'previous' ? (state.suspendedFrom ?? 'registered') : t.to;

  switch (action) {
    case 'register':
      patch.registeredAt = now;
      break;
    case 'dispatch': {
      const deadline = computeDeadline(now, limit, calendar);
      Object.assign(patch, {
        unitId: input.unitId,
        dispatchedAt: now,
        deadlineAt: deadline,
        originalDeadlineAt: deadline,
        acceptedAt: null,
        remindedAt: null,
        escalatedAt: null,
      });
      break;
    }
    case 'accept':
      patch.acceptedAt = now;
      break;
    case 'return':
      Object.assign(patch, { returnCount: 'increment', deadlineAt: null, remindedAt: null, escalatedAt: null });
      break;
    case 'handle':
      patch.handledAt = now;
      patch.handledBy = actor.userId;
      patch.verifyDeadlineAt =
        state.verifyLimitUnit && state.verifyLimitAmount
          ? computeDeadline(now, { unit: state.verifyLimitUnit, amount: state.verifyLimitAmount }, calendar)
          : null;
      break;
    case 'verify':
      patch.verifiedAt = now;
      break;
    case 'rework': {
      // Back to the same unit with a fresh time limit; the rework is counted against it.
      Object.assign(patch, {
        reworkCount: 'increment',
        deadlineAt: computeDeadline(now, limit, calendar),
        verifyDeadlineAt: null,
        remindedAt: null,
        escalatedAt: null,
      });
      break;
    }
    case 'close':
      patch.closedAt = now;
      patch.closedOnTime = state.deadlineAt !== null && state.handledAt !== null && state.handledAt <= state.deadlineAt;
      break;
    case 'request_extension':
      if (!input.deadline || (state.deadlineAt && input.deadline <= state.deadlineAt) || input.deadline <= now) {
        throw fieldInvalid('deadline', 'CASE_EXTENSION_NOT_LATER');
      }
      patch.extensionPending = true;
      break;
    case 'approve_extension':
      // The office may grant another date than asked, but never an earlier one.
      if (input.deadline && ((state.deadlineAt && input.deadline <= state.deadlineAt) || input.deadline <= now)) {
        throw fieldInvalid('deadline', 'CASE_EXTENSION_NOT_LATER');
      }
      Object.assign(patch, {
        extensionPending: false,
        extensionCount: 'increment',
        deadlineAt: input.deadline ?? input.requestedDeadline ?? state.deadlineAt,
        remindedAt: null,
        escalatedAt: null,
      });
      break;
    case 'refuse_extension':
      patch.extensionPending = false;
      break;
    case 'suspend':
      patch.suspendedFrom = from;
      patch.suspendedAt = now;
      break;
    case 'resume': {
      // The clock stops while a case is suspended: the deadline moves by the time it was paused.
      const paused = state.suspendedAt ? now.getTime() - state.suspendedAt.getTime() : 0;
      if (state.deadlineAt) patch.deadlineAt = new Date(state.deadlineAt.getTime() + Math.max(0, paused));
      patch.suspendedFrom = null;
      patch.suspendedAt = null;
      to = state.suspendedFrom ?? 'registered';
      break;
    }
    case 'merge':
      patch.mergedIntoId = input.targetCaseId;
      break;
    case 'reopen':
      Object.assign(patch, {
        reopenCount: 'increment',
        closedAt: null,
        closedOnTime: null,
        verifiedAt: null,
        verifyDeadlineAt:
          state.verifyLimitUnit && state.verifyLimitAmount
            ? computeDeadline(now, { unit: state.verifyLimitUnit, amount: state.verifyLimitAmount }, calendar)
            : null,
      });
      break;
    case 'check':
    case 'void':
      break;
  }
  if (to !== from) patch.status = to;
  return { from, to, patch };
}
