// Case vocabulary shared by server and web: statuses, sources, time-limit units, and the one
// transition table of the case lifecycle (after GB/T 30428 digital urban management). The server
// enforces it; the web shows only the actions it allows.

import type { Permission } from './permissions';

export const CASE_STATUSES = [
  'reported', // 上报, waiting to be checked
  'checked', // 核查 done, waiting to be registered
  'registered', // 立案, waiting to be dispatched
  'returned', // 回退 by the unit, waiting to be dispatched again
  'dispatched', // 派遣 to the responsible unit
  'accepted', // 签收 by the unit
  'rework', // 返工: verification failed, back with the same unit
  'handled', // 处置 reported with after-photos, waiting for verification
  'verified', // 核实 passed, waiting to be closed
  'closed', // 结案
  'suspended', // 缓办
  'voided', // 作废
  'merged', // merged into another case as a duplicate
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the responsible unit is working against a deadline. */
export const CASE_WORKING_STATUSES: readonly CaseStatus[] = ['dispatched', 'accepted', 'rework'];
/** Statuses that end a case. */
export const CASE_FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'voided', 'merged'];

export const CASE_SOURCES = [
  'inspection', // failed inspection item
  'inspector', // 督查员 report
  'supervision', // 监督志愿者
  'resident', // 随手拍
  'media', // 曝光台 / 反光镜
  'canvass', // 入户征询意见
  'hotline', // 12345 等热线
  'leader', // 领导交办
  'staff', // 工作人员录入
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const LIMIT_UNITS = ['urgent_hours', 'working_hours', 'working_days', 'natural_days'] as const;
export type LimitUnitName = (typeof LIMIT_UNITS)[number];

export const OWNER_RULES = ['owner', 'area'] as const;
export type OwnerRule = (typeof OWNER_RULES)[number];

export const CASE_ACTIONS = [
  'check',
  'register',
  'dispatch',
  'accept',
  'return',
  'handle',
  'verify',
  'rework',
  'close',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'suspend',
  'resume',
  'void',
  'merge',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What an action needs in its request body. */
export interface ActionInput {
  note?: 'required' | 'optional';
  photos?: 'required' | 'optional';
  unit?: 'required';
  deadline?: 'required';
  target?: 'required';
}

export interface Transition {
  from: readonly CaseStatus[];
  /** Target status; 'same' keeps it, 'previous' returns to the status before suspension. */
  to: CaseStatus | 'same' | 'previous';
  permission: Permission;
  input: ActionInput;
  /** Extension actions depend on whether a request is pending. */
  extensionPending?: boolean;
}

/** The case lifecycle. Anything not listed here is refused with 409. */
export const CASE_TRANSITIONS: Record<CaseAction, Transition> = {
  check: { from: ['reported'], to: 'checked', permission: 'case.manage', input: { note: 'optional' } },
  register: { from: ['checked'], to: 'registered', permission: 'case.manage', input: { note: 'optional' } },
  dispatch: {
    from: ['registered', 'returned'],
    to: 'dispatched',
    permission: 'case.manage',
    input: { unit: 'required', note: 'optional' },
  },
  accept: { from: ['dispatched'], to: 'accepted', permission: 'case.handle', input: { note: 'optional' } },
  return: { from: ['dispatched'], to: 'returned', permission: 'case.handle', input: { note: 'required' } },
  handle: {
    from: ['accepted', 'rework'],
    to: 'handled',
    permission: 'case.handle',
    input: { note: 'required', photos: 'required' },
  },
  verify: {
    from: ['handled'],
    to: 'verified',
    permission: 'case.verify',
    input: { note: 'optional', photos: 'optional' },
  },
  rework: {
    from: ['handled'],
    to: 'rework',
    permission: 'case.verify',
    input: { note: 'required', photos: 'optional' },
  },
  close: { from: ['verified'], to: 'closed', permission: 'case.manage', input: { note: 'optional' } },
  request_extension: {
    from: ['dispatched', 'accepted', 'rework'],
    to: 'same',
    permission: 'case.handle',
    input: { note: 'required', deadline: 'required' },
    extensionPending: false,
  },
  approve_extension: {
    from: ['dispatched', 'accepted', 'rework'],
    to: 'same',
    permission: 'case.manage',
    input: { note: 'optional' },
    extensionPending: true,
  },
  refuse_extension: {
    from: ['dispatched', 'accepted', 'rework'],
    to: 'same',
    permission: 'case.manage',
    input: { note: 'required' },
    extensionPending: true,
  },
  suspend: {
    from: ['registered', 'returned', 'dispatched', 'accepted', 'rework'],
    to: 'suspended',
    permission: 'case.manage',
    input: { note: 'required' },
  },
  resume: { from: ['suspended'], to: 'previous', permission: 'case.manage', input: { note: 'optional' } },
  void: {
    from: ['reported', 'checked', 'registered', 'returned', 'suspended'],
    to: 'voided',
    permission: 'case.manage',
    input: { note: 'required' },
  },
  merge: {
    from: ['reported', 'checked', 'registered'],
    to: 'merged',
    permission: 'case.manage',
    input: { target: 'required', note: 'optional' },
  },
  reopen: { from: ['closed'], to: 'handled', permission: 'case.manage', input: { note: 'required' } },
};

/** The actions the table allows from a status (before permissions and the actor's relation). */
export function actionsFrom(status: CaseStatus, extensionPending: boolean): CaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    const t = CASE_TRANSITIONS[action];
    if (!t.from.includes(status)) return false;
    return t.extensionPending === undefined || t.extensionPending === extensionPending;
  });
}

/** Display number of a case: year of intake (China time) + 7-digit id, e.g. 2026-0000123. */
export function caseCode(id: number, createdAt: Date | string): string {
  const year = new Date(new Date(createdAt).getTime() + 8 * 3_600_000).getUTCFullYear();
  return `${year}-${String(id).padStart(7, '0')}`;
}
