// Nothing stays unanswered silently: a scheduler job that reminds and escalates (督办) opinions
// routed to a unit, on the city's calendar date `day`:
//   - remind once, the day before the answer date, while no reply is recorded;
//   - escalate when overdue — routed and past the answer date without a reply, or replied "will be
//     solved by" a promised date that has passed — and again every `escalate_every_days` of the
//     drive, until the unit replies (a new reply clears the escalation clock).
// Messages are one digest per unit and tick: an in-app notice to the unit's staff, an SMS to its
// liaison, and for escalations to its head too. One runner at a time across processes (advisory
// lock); rows are taken FOR UPDATE SKIP LOCKED so an opinion being answered is picked up later.

import { sql } from 'kysely';
import { writeAudit } from '../../platform/audit.js';
import { localDate } from '../../platform/calendar.js';
import type { Db, Executor } from '../../platform/db.js';
import { t } from '../../platform/i18n.js';
import type { Job } from '../../platform/scheduler.js';
import { notifyUsers, queueSms, unitContactMessages } from '../notifications/index.js';
import { overdueSql } from './canvass.repository.js';

/** Advisory lock key of the answer escalation job ('CCOPINE1' as an int8). */
export const ANSWER_LOCK_KEY = 4846949984868845105n;
const BATCH = 5000;

export interface AnswerEscalationResult {
  ran: boolean;
  reminded: number;
  escalated: number;
}

interface DueRow {
  id: number;
  city_id: number;
  unit_id: number;
  answer_due_on: string;
  text: string;
  kind: 'remind' | 'escalate';
}

function selectDue(trx: Executor, day: string) {
  return sql<DueRow>`
    SELECT o.id, o.city_id, o.routed_unit_id AS unit_id, o.answer_due_on, o.text,
      CASE WHEN ${overdueSql(day)} THEN 'escalate' ELSE 'remind' END AS kind
    FROM canvass_opinions o JOIN canvass_drives d ON d.id = o.drive_id
    WHERE o.routed_unit_id IS NOT NULL AND d.status <> 'closed' AND (
      (${overdueSql(day)}
        AND (o.escalated_on IS NULL OR o.escalated_on <= ${day}::date - greatest(d.escalate_every_days, 1)))
      OR (o.status = 'routed' AND o.reminded_on IS NULL
        AND o.answer_due_on >= ${day}::date AND o.answer_due_on - 1 <= ${day}::date)
    )
    ORDER BY o.answer_due_on, o.id
    LIMIT ${BATCH}
    FOR UPDATE OF o SKIP LOCKED`.execute(trx);
}

async function notifyUnit(trx: Executor, cityId: number, unitId: number, rows: DueRow[], now: Date) {
  const overdue = rows.filter((r) => r.kind === 'escalate');
  const kind = overdue.length > 0 ? 'escalate' : 'remind';
  const first = overdue[0] ?? rows[0];
  const params = {
    count: rows.length,
    overdue: overdue.length,
    text: first.text.slice(0, 40),
    due: first.answer_due_on,
  };
  const staff = await sql<{ id: number }>`
    SELECT id FROM users WHERE city_id = ${cityId} AND unit_id = ${unitId} AND status = 'active'
      AND roles && ARRAY['unit_staff']::text[]`.execute(trx);
  const key = kind === 'escalate' ? 'ESCALATE' : 'REMIND';
  await notifyUsers(trx, {
    cityId,
    userIds: staff.rows.map((s) => s.id),
    kind: `canvass.${kind}`,
    entity: { type: 'canvass_opinion', id: first.id },
    at: now,
    message: (locale) => ({
      title: t(locale, `NOTIFY_CANVASS_${key}_TITLE`, params),
      body: t(locale, `NOTIFY_CANVASS_${key}_BODY`, params),
    }),
  });
  const unit = await trx
    .selectFrom('units')
    .select(['id', 'name', 'head_name', 'head_phone', 'liaison_name', 'liaison_phone'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  const messages = unitContactMessages(unit, t('zh-CN', `SMS_CANVASS_${key}`, params), kind === 'escalate');
  const sms = await queueSms(trx, { cityId, messages, entity: { type: 'unit', id: unitId }, at: now });
  await writeAudit(trx, {
    cityId,
    actorId: null,
    actorName: t('zh-CN', 'SYSTEM_ACTOR'),
    ip: null,
    at: now,
    action: `canvass.opinion.${kind}`,
    entityType: 'unit',
    entityId: unitId,
    after: { opinions: rows.map((r) => r.id), overdue: overdue.length, sms },
  });
}

/** One tick at `now`. Answers ran=false when another runner holds the lock. */
export async function runAnswerEscalation(db: Db, now: Date): Promise<AnswerEscalationResult> {
  const day = localDate(now);
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{ ok: boolean }>`
      SELECT pg_try_advisory_xact_lock(${ANSWER_LOCK_KEY.toString()}::bigint) AS ok`.execute(trx);
    if (!lock.rows[0]?.ok) return { ran: false, reminded: 0, escalated: 0 };
    const rows = (await selectDue(trx, day)).rows;
    const remind = rows.filter((r) => r.kind === 'remind').map((r) => r.id);
    const escalate = rows.filter((r) => r.kind === 'escalate').map((r) => r.id);
    if (remind.length > 0) {
      await sql`UPDATE canvass_opinions SET reminded_on = ${day}::date, updated_at = ${now}
                WHERE id = ANY(${remind}::bigint[])`.execute(trx);
    }
    if (escalate.length > 0) {
      await sql`UPDATE canvass_opinions SET escalated_on = ${day}::date, escalation_count = escalation_count + 1,
                  updated_at = ${now}
                WHERE id = ANY(${escalate}::bigint[])`.execute(trx);
    }
    const byUnit = new Map<string, DueRow[]>();
    for (const row of rows) {
      const key = `${row.city_id}:${row.unit_id}`;
      byUnit.set(key, [...(byUnit.get(key) ?? []), row]);
    }
    for (const list of byUnit.values()) await notifyUnit(trx, list[0].city_id, list[0].unit_id, list, now);
    return { ran: true, reminded: remind.length, escalated: escalate.length };
  });
}

export function answerEscalationJob(db: Db): Job {
  return {
    name: 'canvass-answers',
    async run(now) {
      const result = await runAnswerEscalation(db, now);
      return result.ran && result.reminded + result.escalated > 0 ? { ...result } : null;
    },
  };
}
