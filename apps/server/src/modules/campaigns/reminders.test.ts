// Reminders and escalation with an injected clock: one reminder N days before the due date, an
// escalation from the day after and again every interval, silence once submitted, a digest per
// unit, SMS to the liaison (and the head for escalations), one runner at a time — and the SQL
// picks exactly what the pure rule `reminderDue` says, over many random instance states. Also:
// the overview's completion SQL equals the pure `completion` on the same rows.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskStatus } from '@cc/common/campaigns';
import {
  assign,
  instancesOf,
  makeCampaign,
  setUp,
  step,
  type CampaignCity,
  type CampaignPeople,
} from '../../../test/campaign-fixtures.js';
import type { TestEnv } from '../../../test/harness.js';
import { completionColumns, toCompletion, type CompletionRow } from './campaigns.repository.js';
import { completion, reminderDue } from './campaigns.state.js';
import { REMINDER_LOCK_KEY, runTaskReminders } from './reminders.js';

let env: TestEnv;
let city: CampaignCity;
let people: CampaignPeople;

beforeAll(async () => {
  ({ env, city, people } = await setUp());
});
afterAll(async () => env?.close());

/** 10:00 in China on a calendar day. */
const day = (date: string) => new Date(`${date}T02:00:00Z`);

async function tick(date: string) {
  env.clock.now = day(date);
  return runTaskReminders(env.db, day(date));
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('task reminders', () => {
  it('reminds once, escalates after the due date and again every interval, and stops after submission', async () => {
    env.clock.now = day('2026-03-02');
    const campaign = await makeCampaign(people.admin, { remindDaysBefore: 3, escalateEveryDays: 2, name: '提醒' });
    const { taskIds } = await assign(people.admin, campaign.id, [city.unitA], { dueOn: '2026-03-31' });
    const [instance] = await instancesOf(people.admin, taskIds[0]);
    // Other campaigns' instances must not interfere with the counts below.
    await env.db.updateTable('task_instances').set({ active: false }).where('campaign_id', '<>', campaign.id).execute();

    expect(await tick('2026-03-27')).toEqual({ ran: true, reminded: 0, escalated: 0 });
    expect(await tick('2026-03-28')).toEqual({ ran: true, reminded: 1, escalated: 0 });
    expect(await tick('2026-03-28')).toEqual({ ran: true, reminded: 0, escalated: 0 });
    expect(await tick('2026-03-31')).toEqual({ ran: true, reminded: 0, escalated: 0 });
    expect(await tick('2026-04-01')).toEqual({ ran: true, reminded: 0, escalated: 1 });
    expect(await tick('2026-04-02')).toEqual({ ran: true, reminded: 0, escalated: 0 });
    expect(await tick('2026-04-03')).toEqual({ ran: true, reminded: 0, escalated: 1 });

    const row = await env.db
      .selectFrom('task_instances')
      .select(['reminded_on', 'escalated_on', 'escalation_count'])
      .where('id', '=', instance.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ reminded_on: '2026-03-28', escalated_on: '2026-04-03', escalation_count: 2 });
    const detail = (await people.admin.get(`/api/task-instances/${instance.id}`)).json();
    expect(detail.escalationCount).toBe(2);
    expect(detail.log.map((l: { action: string }) => l.action).slice(0, 3)).toEqual(['escalate', 'escalate', 'remind']);

    const notes = await env.db
      .selectFrom('notifications')
      .select(['kind', 'title'])
      .where('user_id', '=', people.staffAId)
      .where('kind', 'in', ['task.remind', 'task.escalate'])
      .orderBy('id')
      .execute();
    expect(notes.map((n) => n.kind)).toEqual(['task.remind', 'task.escalate', 'task.escalate']);
    expect(notes[1].title).toBe('督办：1 项任务已逾期');
    const sms = await env.db
      .selectFrom('sms_messages')
      .select(['phone', 'body'])
      .where('city_id', '=', city.cityId)
      .where('entity_type', '=', 'unit')
      .orderBy('id')
      .execute();
    // Reminder: the liaison; each escalation: the head and the liaison.
    expect(sms.map((s) => s.phone)).toEqual([
      '13900000002',
      '13900000001',
      '13900000002',
      '13900000001',
      '13900000002',
    ]);
    expect(sms[1].body).toContain('督办');

    // Submitted: silence; returned: chased again at the next interval.
    await step(people.staffA, instance.id, 'submit', { body: '已完成' });
    expect(await tick('2026-04-05')).toEqual({ ran: true, reminded: 0, escalated: 0 });
    await step(people.admin, instance.id, 'return', { note: '缺照片' });
    expect(await tick('2026-04-05')).toEqual({ ran: true, reminded: 0, escalated: 1 });
  });

  it('sends one digest per unit for several due instances', async () => {
    env.clock.now = day('2026-03-02');
    const campaign = await makeCampaign(people.admin, { remindDaysBefore: 2, name: '汇总' });
    await assign(people.admin, campaign.id, [city.unitB], { content: '任务一', dueOn: '2026-05-10' });
    await assign(people.admin, campaign.id, [city.unitB], { content: '任务二', dueOn: '2026-05-11' });
    await env.db.updateTable('task_instances').set({ active: false }).where('campaign_id', '<>', campaign.id).execute();
    const before = await env.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', people.staffBId)
      .where('kind', '=', 'task.remind')
      .execute();
    expect(await tick('2026-05-09')).toEqual({ ran: true, reminded: 2, escalated: 0 });
    const after = await env.db
      .selectFrom('notifications')
      .select(['title'])
      .where('user_id', '=', people.staffBId)
      .where('kind', '=', 'task.remind')
      .execute();
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)?.title).toBe('有 2 项任务即将到期');
  });

  it('picks exactly the instances the pure rule names', async () => {
    env.clock.now = day('2026-03-02');
    const campaign = await makeCampaign(people.admin, { remindDaysBefore: 4, escalateEveryDays: 3, name: '随机' });
    const { taskIds } = await assign(people.admin, campaign.id, [city.unitA], {
      recurrence: 'weekly',
      dueOn: undefined,
      repeatFrom: '2026-03-02',
      repeatUntil: '2026-12-27',
      repeatDay: 3,
    });
    await env.db.updateTable('task_instances').set({ active: false }).where('campaign_id', '<>', campaign.id).execute();
    const rand = prng(42);
    const statuses: TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'accepted', 'returned'];
    const today = '2026-06-15';
    const ids = (await instancesOf(people.admin, taskIds[0])).map((i) => i.id);
    const states = ids.map((id) => {
      const dueOn = new Date(Date.UTC(2026, 5, 15) + Math.floor((rand() - 0.5) * 40) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const offset = (n: number) =>
        new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
      return {
        id,
        status: statuses[Math.floor(rand() * statuses.length)],
        dueOn,
        remindedOn: rand() < 0.4 ? offset(Math.floor(rand() * 8)) : null,
        escalatedOn: rand() < 0.5 ? offset(Math.floor(rand() * 6)) : null,
      };
    });
    // Random states, written set-based (periods need not be unique for inactive duplicates).
    await sql`
      UPDATE task_instances i SET status = s.status, due_on = s.due::date, reminded_on = s.rem::date, escalated_on = s.esc::date
      FROM unnest(${states.map((s) => s.id)}::bigint[], ${states.map((s) => s.status)}::text[], ${states.map((s) => s.dueOn)}::text[],
                  ${states.map((s) => s.remindedOn)}::text[], ${states.map((s) => s.escalatedOn)}::text[]) AS s(id, status, due, rem, esc)
      WHERE i.id = s.id`.execute(env.db);
    const expected = states
      .map((s) => ({ id: s.id, kind: reminderDue({ ...s, remindDaysBefore: 4, escalateEveryDays: 3 }, today) }))
      .filter((s) => s.kind !== null)
      .sort((a, b) => a.id - b.id);
    expect(expected.length).toBeGreaterThan(3);
    const logBefore = await env.db
      .selectFrom('task_logs')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    await tick(today);
    const logged = await env.db
      .selectFrom('task_logs')
      .select(['instance_id', 'action'])
      .where('id', '>', Number(logBefore.m ?? 0))
      .where('action', 'in', ['remind', 'escalate'])
      .orderBy('instance_id')
      .execute();
    expect(logged.map((l) => ({ id: l.instance_id, kind: l.action }))).toEqual(expected);
  });

  it('lets only one runner work at a time', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = env.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${REMINDER_LOCK_KEY.toString()}::bigint)`.execute(trx);
      locked();
      await held;
    });
    await isLocked;
    if (!process.env.TEST_DATABASE_URL) {
      // One connection on PGlite: the tick queues behind the holder and runs once it commits.
      const pending = runTaskReminders(env.db, day('2026-07-01'));
      release();
      await holder;
      expect((await pending).ran).toBe(true);
    } else {
      expect(await runTaskReminders(env.db, day('2026-07-01'))).toEqual({ ran: false, reminded: 0, escalated: 0 });
      release();
      await holder;
      expect((await runTaskReminders(env.db, day('2026-07-01'))).ran).toBe(true);
    }
  });
});

describe('completion in SQL', () => {
  it('equals the pure rule on the same instances', async () => {
    const rand = prng(7);
    const statuses: TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'accepted', 'returned'];
    const rows = Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      status: statuses[Math.floor(rand() * statuses.length)],
      dueOn: new Date(Date.UTC(2026, 2, 1) + Math.floor(rand() * 120) * 86_400_000).toISOString().slice(0, 10),
      weight: [0.5, 1, 2, 3][Math.floor(rand() * 4)],
    }));
    for (const today of ['2026-02-01', '2026-04-15', '2026-05-01', '2026-09-01']) {
      const result = await sql<CompletionRow>`
        SELECT ${completionColumns(today)}
        FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.status)}::text[],
                    ${rows.map((r) => r.dueOn)}::date[], ${rows.map((r) => r.weight)}::numeric[]) AS i(id, status, due_on, weight)`.execute(
        env.db,
      );
      expect(toCompletion(result.rows[0]), today).toEqual(completion(rows, today));
    }
  });
});
