// SQL for reading the audit log: always one city, newest first. There is deliberately no write
// here: entries are written by platform/audit.ts and the table refuses UPDATE and DELETE.

import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db.js';

export interface AuditFilter {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  until?: Date;
  actor?: string;
  action?: string;
  entityType?: string;
  result?: string;
}

/** Where the previous keyset page ended; `atKey` is the exact (microsecond) timestamp as text. */
export interface AuditCursor {
  atKey: string;
  id: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

function filtered(db: Executor, cityId: number, f: AuditFilter) {
  let q = db.selectFrom('audit_logs as a').where('a.city_id', '=', cityId);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.until) q = q.where('a.at', '<', f.until);
  if (f.actor) q = q.where('a.actor_name', 'ilike', `%${escapeLike(f.actor)}%`);
  if (f.action) q = q.where('a.action', 'like', `${escapeLike(f.action)}%`);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.result) q = q.where('a.result', '=', f.result);
  return q;
}

const COLUMNS = [
  'a.id',
  'a.at',
  'a.actor_id',
  'a.actor_name',
  'a.ip',
  'a.action',
  'a.entity_type',
  'a.entity_id',
  'a.before',
  'a.after',
  'a.result',
  'a.message',
] as const;

export type AuditRow = Awaited<ReturnType<typeof listAuditLogs>>[number];

export function listAuditLogs(db: Executor, cityId: number, f: AuditFilter, page: { limit: number; offset: number }) {
  return filtered(db, cityId, f)
    .select(COLUMNS)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAuditLogs(db: Executor, cityId: number, f: AuditFilter): Promise<number> {
  const row = await filtered(db, cityId, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One keyset page (newest first) after `cursor`: cost stays flat however deep the export goes. */
export function listAuditLogsAfter(
  db: Executor,
  cityId: number,
  f: AuditFilter,
  cursor: AuditCursor | null,
  limit: number,
) {
  let q = filtered(db, cityId, f).select([...COLUMNS, sql<string>`a.at::text`.as('at_key')]);
  if (cursor) q = q.where(sql<SqlBool>`(a.at, a.id) < (${cursor.atKey}::timestamptz, ${cursor.id}::bigint)`);
  return q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}
