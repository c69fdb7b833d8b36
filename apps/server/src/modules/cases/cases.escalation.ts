// Escalation (督办): a scheduler finds working cases nearing their deadline (reminder, once per
// deadline) and past it (escalation, repeated every N minutes), logs it on the case, notifies the
// unit's staff in-app and texts the unit's head and liaison. One runner at a time across all
// server processes: each tick runs in a transaction holding a PostgreSQL advisory lock (on PGlite,
// with its single connection, the lock is trivially ours). Rows are taken FOR UPDATE SKIP LOCKED so
// a case a person is working on is simply picked up on the next tick.

import { sql } from 'kysely';
import { caseCode } from '@cc/common/cases';
import { writeAudit } from '../../platform/audit.js';
import { formatLocalTime } from '../../platform/calendar.js';
import type { Db, Executor } from '../../platform/db.js';
import { t } from '../../platform/i18n.js';
import type { Job } from '../../platform/scheduler.js';
import { notifyUsers, queueSms, unitContactMessages } from '../notifications/index.js';
import { DEFAULT_SETTINGS } from './cases.defaults.js';
import * as repo from './cases.repository.js';

/** Advisory lock key of the case scheduler ('CCESCAL1' as an int8). */
export const ESCALATION_LOCK_KEY = 4846940617530663217n;
const BATCH = 500;

export interface EscalationResult {
  ran: boolean;
  reminded: number;
  escalated: number;
}

interface DueRow {
  id: number;
  city_id: number;
  created_at: Date;
  description: string;
  deadline_at: Date;
  unit_id: number;
  escalation_count: number;
  status: string;
  category_name: string;
  city_name: string;
}

function selectDue(trx: Executor, kind: 'remind' | 'escalate', now: Date) {
  const condition =
    kind === 'remind'
      ? sql`c.reminded_at IS NULL AND c.deadline_at > ${now}
          AND c.dispatched_at IS NOT NULL
          AND ${now} >= c.deadline_at - (c.deadline_at - c.dispatched_at) * coalesce(s.remind_before_ratio, ${DEFAULT_SETTINGS.remindBeforeRatio})`
      : sql`c.deadline_at <= ${now}
          AND (c.escalated_at IS NULL
               OR c.escalated_at <= ${now}::timestamptz - make_interval(mins => coalesce(s.escalate_every_minutes, ${DEFAULT_SETTINGS.escalateEveryMinutes})))`;
  return sql<DueRow>`
    SELECT c.id, c.city_id, c.created_at, c.description, c.deadline_at, c.unit_id, c.escalation_count, c.status,
           k.name AS category_name, ci.name AS city_name
    FROM cases c
    JOIN case_categories k ON k.id = c.category_id
    JOIN cities ci ON ci.id = c.city_id
    LEFT JOIN case_settings s ON s.city_id = c.city_id
    WHERE c.status IN ('dispatched', 'accepted', 'rework') AND c.unit_id IS NOT NULL
      AND ${condition}
    ORDER BY c.deadline_at
    LIMIT ${BATCH}
    FOR UPDATE OF c SKIP LOCKED`.execute(trx);
}

async function handle(trx: Executor, kind: 'remind' | 'escalate', row: DueRow, now: Date): Promise<void> {
  const count = kind === 'escalate' ? row.escalation_count + 1 : row.escalation_count;
  await trx
    .updateTable('cases')
    .set(
      kind === 'remind'
        ? { reminded_at: now, updated_at: now }
        : { escalated_at: now, escalation_count: count, updated_at: now },
    )
    .where('id', '=', row.id)
    .execute();
  const params = {
    code: caseCode(row.id, row.created_at),
    category: row.category_name,
    description: row.description.slice(0, 60),
    deadline: formatLocalTime(row.deadline_at),
    count,
    city: row.city_name,
  };
  await repo.insertLog(trx, {
    cityId: row.city_id,
    caseId: row.id,
    at: now,
    actorId: null,
    actorName: t('zh-CN', 'SYSTEM_ACTOR'),
    action: kind,
    fromStatus: row.status,
    toStatus: row.status,
    data:
      kind === 'escalate'
        ? { count, deadline: row.deadline_at.toISOString() }
        : { deadline: row.deadline_at.toISOString() },
  });
  const key = kind === 'remind' ? 'REMIND' : 'ESCALATE';
  await notifyUsers(trx, {
    cityId: row.city_id,
    userIds: await repo.findUnitHandlers(trx, row.city_id, row.unit_id),
    kind: `case.${kind}`,
    entity: { type: 'case', id: row.id },
    at: now,
    message: (locale) => ({
      title: t(locale, `NOTIFY_CASE_${key}_TITLE`, params),
      body: t(locale, `NOTIFY_CASE_${key}_BODY`, params),
    }),
  });
  const unit = await repo.findUnit(trx, row.city_id, row.unit_id);
  const body = t('zh-CN', kind === 'remind' ? 'SMS_CASE_REMIND' : 'SMS_CASE_ESCALATE', params);
  // Reminders go to the liaison; escalations to the head as well.
  const recipients = unitContactMessages(unit, body, kind === 'escalate');
  await queueSms(trx, { cityId: row.city_id, messages: recipients, entity: { type: 'case', id: row.id }, at: now });
  await writeAudit(trx, {
    cityId: row.city_id,
    actorId: null,
    actorName: t('zh-CN', 'SYSTEM_ACTOR'),
    ip: null,
    at: now,
    action: `case.${kind}`,
    entityType: 'case',
    entityId: row.id,
    after: { count, deadline: row.deadline_at.toISOString(), sms: recipients.length },
  });
}

/** One scheduler tick at `now`. Answers ran=false when another runner holds the lock. */
export async function runEscalation(db: Db, now: Date): Promise<EscalationResult> {
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{
      ok: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${ESCALATION_LOCK_KEY.toString()}::bigint) AS ok`.execute(trx);
    if (!lock.rows[0]?.ok) return { ran: false, reminded: 0, escalated: 0 };
    const escalations = (await selectDue(trx, 'escalate', now)).rows;
    for (const row of escalations) await handle(trx, 'escalate', row, now);
    const reminders = (await selectDue(trx, 'remind', now)).rows;
    for (const row of reminders) await handle(trx, 'remind', row, now);
    return { ran: true, reminded: reminders.length, escalated: escalations.length };
  });
}

/** The scheduler job: one escalation tick. */
export function caseEscalationJob(db: Db): Job {
  return {
    name: 'case escalation',
    async run(now) {
      const result = await runEscalation(db, now);
      return result.reminded + result.escalated > 0 ? { ...result } : null;
    },
  };
}
