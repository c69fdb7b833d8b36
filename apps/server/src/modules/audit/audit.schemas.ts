// API shapes of the audit log (审计日志): an entry and the list/export filters.

import { Type, type Static } from 'typebox';
import { Nullable, PageQuery, StringEnum } from '../../platform/http.js';

export const AuditResult = StringEnum(['ok', 'denied', 'failed'] as const);

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  action: Type.String(),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  before: Type.Unknown({ description: 'JSON object or null (personal data masked)' }),
  after: Type.Unknown({ description: 'JSON object or null (personal data masked)' }),
  result: AuditResult,
  message: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** YYYY-MM-DD (a whole day in China time) or an ISO date-time (China time when it has no zone). */
export const INSTANT_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?$';
const Instant = Type.String({ pattern: INSTANT_PATTERN, description: 'YYYY-MM-DD or ISO date-time' });

export const AuditQuery = Type.Object({
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
  /** Inclusive; a date means from the start of that day. */
  from: Type.Optional(Instant),
  /** Inclusive; a date means to the end of that day. */
  to: Type.Optional(Instant),
  /** Part of the actor's name. */
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  /** Start of the action key, e.g. `user.` or `auth.login`. */
  action: Type.Optional(Type.String({ maxLength: 100 })),
  entityType: Type.Optional(Type.String({ maxLength: 64 })),
  result: Type.Optional(AuditResult),
});
export type AuditQuery = Static<typeof AuditQuery>;
