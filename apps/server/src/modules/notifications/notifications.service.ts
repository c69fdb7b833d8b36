// In-app notifications and the SMS outbox. Other modules call `notifyUsers` and `queueSms` inside
// their own transaction, so a message exists exactly when the change that caused it was committed.
// SMS go through a pluggable gateway: the default `log` driver records each message in the outbox
// (visible to admins at /sms) without sending it; a real driver gets `queued` rows, sent by
// `flushSmsOutbox` from the scheduler.

import { maskPhone } from '@cc/common/org';
import { assertCan } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { isLocale, t, type Locale } from '../../platform/i18n.js';
import { pageArgs } from '../../platform/http.js';
import type { Job } from '../../platform/scheduler.js';
import * as repo from './notifications.repository.js';
import type { NotificationItem, NotificationListQuery, SmsListQuery, SmsMessage } from './notifications.schemas.js';

export interface SmsGateway {
  /** Stored with each message. */
  name: string;
  /** Whether messages are only recorded (status 'logged') rather than sent. */
  recordOnly: boolean;
  send(message: { phone: string; body: string }): Promise<void>;
}

/** The default driver: the outbox row is the whole delivery. */
export const logSmsGateway: SmsGateway = {
  name: 'log',
  recordOnly: true,
  async send() {},
};

let activeGateway: SmsGateway = logSmsGateway;

/** Installs another SMS driver (e.g. a provider's HTTP API) at boot. */
export function setSmsGateway(gateway: SmsGateway): void {
  activeGateway = gateway;
}

export interface Entity {
  type: string | null;
  id: string | number | null;
}

function entityOf(entity: Entity) {
  return { type: entity.type, id: entity.id === null ? null : String(entity.id) };
}

/** One notification per user, in each user's own language. Inactive users are skipped. */
export async function notifyUsers(
  db: Executor,
  input: {
    cityId: number;
    userIds: number[];
    kind: string;
    entity: Entity;
    message: (locale: Locale) => { title: string; body: string };
    at: Date;
  },
): Promise<void> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return;
  const users = await repo.findUserLocales(db, input.cityId, ids);
  const cache = new Map<Locale, { title: string; body: string }>();
  const rows = users.map((u) => {
    const locale: Locale = isLocale(u.locale) ? u.locale : 'zh-CN';
    if (!cache.has(locale)) cache.set(locale, input.message(locale));
    return { userId: u.id, ...cache.get(locale)! };
  });
  await repo.insertNotifications(db, input.cityId, input.kind, entityOf(input.entity), rows, input.at);
}

/** Puts SMS into the outbox (phones without digits are dropped). */
export async function queueSms(
  db: Executor,
  input: { cityId: number; messages: repo.NewSms[]; entity: Entity; at: Date },
): Promise<number> {
  const messages = input.messages.filter((m) => /\d{7,}/.test(m.phone.replace(/\D/g, '')));
  const status = activeGateway.recordOnly ? 'logged' : 'queued';
  await repo.insertSms(db, input.cityId, activeGateway.name, status, entityOf(input.entity), messages, input.at);
  return messages.length;
}

export interface UnitContacts {
  head_name: string | null;
  head_phone: string | null;
  liaison_name: string | null;
  liaison_phone: string | null;
}

/**
 * The SMS to a responsible unit: its liaison always, its head too when `withHead` (escalations).
 * Recipients are named with their role, in Chinese like the message bodies.
 */
export function unitContactMessages(unit: UnitContacts | undefined, body: string, withHead: boolean): repo.NewSms[] {
  if (!unit) return [];
  const to = (name: string | null, phone: string | null, role: string) =>
    phone ? [{ phone, recipient: `${name ?? ''}（${t('zh-CN', role)}）`, body }] : [];
  return [
    ...(withHead ? to(unit.head_name, unit.head_phone, 'SMS_RECIPIENT_HEAD') : []),
    ...to(unit.liaison_name, unit.liaison_phone, 'SMS_RECIPIENT_LIAISON'),
  ];
}

/** Sends queued messages through the active driver. Returns how many were attempted. */
export async function flushSmsOutbox(db: Executor, limit = 100): Promise<number> {
  if (activeGateway.recordOnly) return 0;
  return db.transaction().execute(async (trx) => {
    const queued = await repo.lockQueuedSms(trx, limit);
    for (const message of queued) {
      try {
        await activeGateway.send({ phone: message.phone, body: message.body });
        await repo.setSmsStatus(trx, message.id, 'sent', null);
      } catch (error) {
        await repo.setSmsStatus(trx, message.id, 'failed', (error as Error).message.slice(0, 500));
      }
    }
    return queued.length;
  });
}

/** The scheduler job that hands queued SMS to the gateway (after the jobs that queue them). */
export function smsOutboxJob(db: Executor): Job {
  return {
    name: 'sms outbox',
    async run() {
      const sent = await flushSmsOutbox(db);
      return sent > 0 ? { sent } : null;
    },
  };
}

function toItem(row: Awaited<ReturnType<typeof repo.listNotifications>>[0][number]): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    entityType: row.entity_type,
    entityId: row.entity_id,
    readAt: row.read_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listMyNotifications(ctx: Ctx, query: NotificationListQuery) {
  assertCan(ctx.actor, 'notification.read');
  const { page, pageSize } = pageArgs(query);
  const [rows, count] = await repo.listNotifications(ctx.db, ctx.actor.userId, {
    unread: query.unread,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows.map(toItem), total: Number(count.n), page, pageSize };
}

export async function unreadCount(ctx: Ctx) {
  assertCan(ctx.actor, 'notification.read');
  return { unread: await repo.countUnread(ctx.db, ctx.actor.userId) };
}

/** Marks one (or, with null, every) notification of the caller read. Reading is not audited. */
export async function markRead(ctx: Ctx, id: number | null) {
  assertCan(ctx.actor, 'notification.read');
  await repo.markRead(ctx.db, ctx.actor.userId, id, ctx.now());
  return { ok: true };
}

export async function listSms(ctx: Ctx, query: SmsListQuery) {
  assertCan(ctx.actor, 'sms.read');
  const { page, pageSize } = pageArgs(query);
  const [rows, count] = await repo.listSms(ctx.db, ctx.actor.cityId, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    q: query.q,
  });
  const items: SmsMessage[] = rows.map((r) => ({
    id: r.id,
    phone: maskPhone(r.phone) ?? '',
    recipient: r.recipient,
    body: r.body,
    driver: r.driver,
    status: r.status,
    error: r.error,
    entityType: r.entity_type,
    entityId: r.entity_id,
    createdAt: r.created_at.toISOString(),
  }));
  return { items, total: Number(count.n), page, pageSize };
}
