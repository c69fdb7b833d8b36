// Reminders and escalation of ledger tasks (督办), one scheduler job. On the city's calendar date:
// an instance still to be reported gets one reminder from `remind_days_before` days before its due
// date; from the day after, it is escalated — and again every `escalate_every_days` — until the
// unit submits. The rule is `reminderDue` in campaigns.state.ts; the SQL below states the same.
// Messages are a digest per unit and tick (one in-app notice to the unit's staff, one SMS to the
// liaison, and for escalations to the head too), not one per instance; every instance gets its
// log row. One runner at a time across processes: the tick holds a PostgreSQL advisory lock, and
// rows are taken FOR UPDATE SKIP LOCKED so an instance being reported is picked up next time.

import { sql } from 'kysely';
import { writeAudit } from '../../platform/audit.js';
import { localDate } from '../../platform/calendar.js';
import type { Db, Executor } from '../../platform/db.js';
import { t } from '../../platform/i18n.js';
import type { Job } from '../../platform/scheduler.js';
import { notifyUsers, queueSms, unitContactMessages } from '../notifications/index.js';
import { findUnit } from './campaigns.repository.js';
import * as repo from './tasks.repository.js';

/** Advisory lock key of the task reminder job ('CCTASKR1' as an int8). */
export const REMINDER_LOCK_KEY = 4846945498473665073n;
const BATCH = 5000;

export interface ReminderResult {
  ran: boolean;
  reminded: number;
  escalated: number;
}

interface DueRow {
  id: number;
  city_id: number;
  task_id: number;
  unit_id: number;
  due_on: string;
  status: string;
  escalation_count: number;
  kind: 'remind' | 'escalate';
  content: string;
  campaign_name: string;
}

function selectDue(trx: Executor, day: string) {
  return sql<DueRow>`
    SELECT i.id, i.city_id, i.task_id, i.unit_id, i.due_on, i.status, i.escalation_count,
      CASE WHEN i.due_on < ${day}::date THEN 'escalate' ELSE 'remind' END AS kind,
      t.content, c.name AS campaign_name
    FROM task_instances i
    JOIN campaign_tasks t ON t.id = i.task_id
    JOIN campaigns c ON c.id = i.campaign_id
    WHERE i.active AND i.status IN ('not_started', 'in_progress', 'returned')
      AND c.status = 'active' AND t.status = 'active'
      AND (
        (i.due_on < ${day}::date
          AND (i.escalated_on IS NULL OR i.escalated_on <= ${day}::date - greatest(c.escalate_every_days, 1)))
        OR (i.due_on >= ${day}::date AND i.reminded_on IS NULL
          AND i.due_on - greatest(c.remind_days_before, 0) <= ${day}::date)
      )
    ORDER BY i.due_on, i.id
    LIMIT ${BATCH}
    FOR UPDATE OF i SKIP LOCKED`.execute(trx);
}

async function markDone(trx: Executor, rows: DueRow[], day: string, now: Date) {
  const remind = rows.filter((r) => r.kind === 'remind').map((r) => r.id);
  const escalate = rows.filter((r) => r.kind === 'escalate').map((r) => r.id);
  if (remind.length > 0) {
    await sql`UPDATE task_instances SET reminded_on = ${day}::date, updated_at = ${now}
              WHERE id = ANY(${remind}::bigint[])`.execute(trx);
  }
  if (escalate.length > 0) {
    await sql`UPDATE task_instances SET escalated_on = ${day}::date, escalation_count = escalation_count + 1,
                updated_at = ${now}
              WHERE id = ANY(${escalate}::bigint[])`.execute(trx);
  }
}

async function notifyUnit(trx: Executor, cityId: number, unitId: number, rows: DueRow[], now: Date) {
  const kind = rows.some((r) => r.kind === 'escalate') ? 'escalate' : 'remind';
  const overdue = rows.filter((r) => r.kind === 'escalate');
  const first = (overdue[0] ?? rows[0])!;
  const params = {
    count: rows.length,
    overdue: overdue.length,
    content: first.content.slice(0, 40),
    due: first.due_on,
    campaign: first.campaign_name,
  };
  const staff = await repo.findUnitStaff(trx, cityId, [unitId]);
  const key = kind === 'escalate' ? 'ESCALATE' : 'REMIND';
  await notifyUsers(trx, {
    cityId,
    userIds: staff.map((s) => s.id),
    kind: `task.${kind}`,
    entity: { type: 'task_instance', id: first.id },
    at: now,
    message: (locale) => ({
      title: t(locale, `NOTIFY_TASK_${key}_TITLE`, params),
      body: t(locale, `NOTIFY_TASK_${key}_BODY`, params),
    }),
  });
  const unit = await findUnit(trx, cityId, unitId);
  const body = t('zh-CN', `SMS_TASK_${key}`, params);
  const messages = unitContactMessages(unit, body, kind === 'escalate');
  const sms = await queueSms(trx, { cityId, messages, entity: { type: 'unit', id: unitId }, at: now });
  await writeAudit(trx, {
    cityId,
    actorId: null,
    actorName: t('zh-CN', 'SYSTEM_ACTOR'),
    ip: null,
    at: now,
    action: `campaign.task.${kind}`,
    entityType: 'unit',
    entityId: unitId,
    after: { instances: rows.map((r) => r.id), overdue: overdue.length, sms },
  });
}

/** One tick at `now`. Answers ran=false when another runner holds the lock. */
export async function runTaskReminders(db: Db, now: Date): Promise<ReminderResult> {
  const day = localDate(now);
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{
      ok: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${REMINDER_LOCK_KEY.toString()}::bigint) AS ok`.execute(trx);
    if (!lock.rows[0]?.ok) return { ran: false, reminded: 0, escalated: 0 };
    const rows = (await selectDue(trx, day)).rows;
    if (rows.length === 0) return { ran: true, reminded: 0, escalated: 0 };
    await markDone(trx, rows, day, now);
    const byCity = new Map<number, DueRow[]>();
    for (const row of rows) byCity.set(row.city_id, [...(byCity.get(row.city_id) ?? []), row]);
    for (const [cityId, cityRows] of byCity) {
      await repo.insertLogs(
        trx,
        cityId,
        { id: null, name: t('zh-CN', 'SYSTEM_ACTOR') },
        cityRows.map((r) => ({
          taskId: r.task_id,
          instanceId: r.id,
          action: r.kind,
          fromStatus: r.status,
          toStatus: r.status,
          note: null,
          data: r.kind === 'escalate' ? { count: r.escalation_count + 1, dueOn: r.due_on } : { dueOn: r.due_on },
        })),
        now,
      );
      const byUnit = new Map<number, DueRow[]>();
      for (const row of cityRows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row]);
      for (const [unitId, unitRows] of byUnit) await notifyUnit(trx, cityId, unitId, unitRows, now);
    }
    const escalated = rows.filter((r) => r.kind === 'escalate').length;
    return { ran: true, reminded: rows.length - escalated, escalated };
  });
}

/** The scheduler job. */
export function taskReminderJob(db: Db): Job {
  return {
    name: 'task reminders',
    async run(now) {
      const result = await runTaskReminders(db, now);
      return result.reminded + result.escalated > 0 ? { ...result } : null;
    },
  };
}
