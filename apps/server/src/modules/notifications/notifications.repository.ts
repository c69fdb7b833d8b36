// SQL of notifications and the SMS outbox. Set-based inserts: one statement per batch of recipients.

import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';

export interface NewNotification {
  userId: number;
  title: string;
  body: string;
}

export async function insertNotifications(
  db: Executor,
  cityId: number,
  kind: string,
  entity: { type: string | null; id: string | null },
  rows: NewNotification[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO notifications (city_id, user_id, kind, title, body, entity_type, entity_id, created_at)
    SELECT ${cityId}, u, ${kind}, t, b, ${entity.type}, ${entity.id}, ${at}
    FROM unnest(${rows.map((r) => r.userId)}::bigint[], ${rows.map((r) => r.title)}::text[],
                ${rows.map((r) => r.body)}::text[]) AS x(u, t, b)`.execute(db);
}

export function findUserLocales(db: Executor, cityId: number, userIds: number[]) {
  return db
    .selectFrom('users')
    .select(['id', 'locale'])
    .where('city_id', '=', cityId)
    .where('id', 'in', userIds.length > 0 ? userIds : [0])
    .where('status', '=', 'active')
    .execute();
}

export function listNotifications(
  db: Executor,
  userId: number,
  args: { unread?: boolean; limit: number; offset: number },
) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (args.unread) q = q.where('read_at', 'is', null);
  return Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(args.limit).offset(args.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Executor, userId: number, id: number | null, at: Date): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== null) q = q.where('id', '=', id);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface NewSms {
  phone: string;
  recipient: string | null;
  body: string;
}

export async function insertSms(
  db: Executor,
  cityId: number,
  driver: string,
  status: string,
  entity: { type: string | null; id: string | null },
  rows: NewSms[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO sms_messages (city_id, phone, recipient, body, driver, status, entity_type, entity_id, created_at)
    SELECT ${cityId}, p, r, b, ${driver}, ${status}, ${entity.type}, ${entity.id}, ${at}
    FROM unnest(${rows.map((r) => r.phone)}::text[], ${rows.map((r) => r.recipient)}::text[],
                ${rows.map((r) => r.body)}::text[]) AS x(p, r, b)`.execute(db);
}

export function listSms(db: Executor, cityId: number, args: { limit: number; offset: number; q?: string }) {
  let q = db.selectFrom('sms_messages').where('city_id', '=', cityId);
  if (args.q?.trim()) q = q.where('body', 'like', `%${args.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(args.limit).offset(args.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

/** Queued messages for a real gateway, locked so two runners never send one twice. */
export function lockQueuedSms(db: Executor, limit: number) {
  return db
    .selectFrom('sms_messages')
    .select(['id', 'phone', 'body'])
    .where('status', '=', 'queued')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function setSmsStatus(db: Executor, id: number, status: string, error: string | null): Promise<void> {
  await db.updateTable('sms_messages').set({ status, error }).where('id', '=', id).execute();
}
