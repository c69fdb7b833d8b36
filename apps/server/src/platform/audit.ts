// Audit log writer. Entries are written inside the same transaction as the change they record,
// personal fields are masked, and the table itself refuses UPDATE/DELETE (see the migration).

import { maskIdNumber, maskPhone } from '@cc/common/org';
import type { Executor } from './db.js';

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  cityId: number | null;
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  result?: AuditResult;
  message?: string | null;
  at?: Date;
}

const MASKED_PHONE_KEYS = /phone$/i;
const DROPPED_KEYS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'csrf_token',
  'token',
]);
const ID_KEYS = /^(id_number|idNumber)$/;

/** Masks personal fields at any depth so the audit log never holds a full phone or ID number. */
export function maskPersonal(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(maskPersonal);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (DROPPED_KEYS.has(key)) continue;
    if (MASKED_PHONE_KEYS.test(key) && typeof v === 'string') out[key] = maskPhone(v);
    else if (ID_KEYS.test(key) && typeof v === 'string') out[key] = maskIdNumber(v);
    else out[key] = maskPersonal(v);
  }
  return out;
}

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(maskPersonal(value));
}

export async function writeAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_logs')
    .values({
      city_id: entry.cityId,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      ip: entry.ip,
      action: entry.action,
      entity_type: entry.entityType ?? null,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      result: entry.result ?? 'ok',
      message: entry.message ?? null,
      ...(entry.at ? { at: entry.at } : {}),
    })
    .execute();
}

/** Shorthand for services: the actor and IP come from the context. */
export function auditFromCtx(
  db: Executor,
  ctx: { actor: { userId: number; displayName: string; cityId: number } | null; ip: string | null; now: () => Date },
  entry: Omit<AuditEntry, 'cityId' | 'actorId' | 'actorName' | 'ip'> & { cityId?: number | null },
): Promise<void> {
  return writeAudit(db, {
    cityId: entry.cityId ?? ctx.actor?.cityId ?? null,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? null,
    ip: ctx.ip,
    at: ctx.now(),
    ...entry,
  });
}
