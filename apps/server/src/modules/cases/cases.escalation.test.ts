// Escalation timing with an injected clock: reminder before the deadline (once), escalation after
// it, repeated at the configured interval, to the unit's staff in-app and its head and liaison by
// SMS; one runner at a time (advisory lock); and rectification notices as .docx with sequential
// per-year numbers.

import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  casePeople,
  caseTestConfig,
  createCaseCity,
  report,
  step,
  uploadPhoto,
  type CaseCity,
  type CasePeople,
} from '../../../test/case-fixtures.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { ESCALATION_LOCK_KEY, runEscalation } from './cases.escalation.js';

let env: TestEnv;
let city: CaseCity;
let people: CasePeople;

beforeAll(async () => {
  env = await createTestEnv(caseTestConfig());
  city = await createCaseCity(env.db, env.clock.now);
  people = await casePeople(env, city);
});
afterAll(() => env.close());

async function dispatched(categoryCode: string, description: string) {
  const c = await report(people.inspector, {
    categoryId: city.category(categoryCode),
    description,
    lng: city.pointA.lng,
    lat: city.pointA.lat,
  });
  await step(people.office, c.id, 'check');
  await step(people.office, c.id, 'register');
  return step(people.office, c.id, 'dispatch', { unitId: city.unitA });
}

const at = (iso: string) => new Date(iso);

async function logActions(id: number) {
  const rows = await env.db.selectFrom('case_logs').select('action').where('case_id', '=', id).orderBy('id').execute();
  return rows.map((r) => r.action);
}

describe('escalation', () => {
  it('reminds once near the deadline, escalates after it, and repeats every interval', async () => {
    await people.office.put('/api/case-settings', { remindBeforeRatio: 0.25, escalateEveryMinutes: 60 });
    // Dispatched Monday 2026-03-02 10:00 (+08:00), 8 working hours (2 + 3.5 on Monday, 2.5 on
    // Tuesday from 08:30) → due Tuesday 11:00 (03:00Z).
    const c = await dispatched('ENV.BIN', '垃圾桶满溢无人清理');
    expect(c.deadlineAt).toBe('2026-03-03T03:00:00.000Z');
    // The window is 25 h of wall clock; its last quarter starts 6 h 15 min before the deadline.
    expect(await runEscalation(env.db, at('2026-03-02T20:44:00Z'))).toMatchObject({
      ran: true,
      reminded: 0,
      escalated: 0,
    });
    const reminded = await runEscalation(env.db, at('2026-03-02T20:45:00Z'));
    expect(reminded.reminded).toBeGreaterThanOrEqual(1);
    expect(await logActions(c.id)).toContain('remind');
    // Once per deadline.
    await runEscalation(env.db, at('2026-03-02T23:00:00Z'));
    expect((await logActions(c.id)).filter((a) => a === 'remind')).toHaveLength(1);

    // Not yet overdue at the deadline minus a minute; overdue at the deadline.
    await runEscalation(env.db, at('2026-03-03T02:59:00Z'));
    expect(await logActions(c.id)).not.toContain('escalate');
    await runEscalation(env.db, at('2026-03-03T03:00:00Z'));
    // Within the interval: no repeat; after it: the second escalation.
    await runEscalation(env.db, at('2026-03-03T03:59:00Z'));
    let row = await env.db
      .selectFrom('cases')
      .select(['escalation_count'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.escalation_count).toBe(1);
    await runEscalation(env.db, at('2026-03-03T04:00:00Z'));
    row = await env.db
      .selectFrom('cases')
      .select(['escalation_count'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.escalation_count).toBe(2);

    const sms = await env.db
      .selectFrom('sms_messages')
      .selectAll()
      .where('entity_id', '=', String(c.id))
      .orderBy('id')
      .execute();
    // Reminder: the liaison; each escalation: the head and the liaison.
    expect(sms.map((m) => m.phone)).toEqual([
      '13900000001',
      '13900000000',
      '13900000001',
      '13900000000',
      '13900000001',
    ]);
    expect(sms[1].body).toContain('督办');
    expect(sms.every((m) => m.driver === 'log' && m.status === 'logged')).toBe(true);

    const notes = await people.unitA.get('/api/notifications?pageSize=50');
    const titles = (notes.json() as { items: { title: string; entityId: string }[] }).items
      .filter((n) => n.entityId === String(c.id))
      .map((n) => n.title);
    expect(titles.filter((t) => t.startsWith('督办'))).toHaveLength(2);
    expect(titles.some((t) => t.includes('即将到期'))).toBe(true);

    env.clock.now = at('2026-03-03T04:00:00Z');
    const detail = await people.office.get(`/api/cases/${c.id}`);
    expect(detail.json()).toMatchObject({ escalationCount: 2, overdue: true });
    const counts = await people.unitA.get('/api/cases/counts');
    expect((counts.json() as { escalated: number; overdue: number }).escalated).toBeGreaterThanOrEqual(1);
    const smsPage = await people.office.get('/api/sms-messages');
    expect((smsPage.json() as { items: { phone: string }[] }).items[0].phone).toMatch(/^139\*{4}\d{4}$/);
    env.clock.now = at('2026-03-02T02:00:00Z');
  });

  it('stops once the unit has handled the case, and restarts after an extension', async () => {
    const c = await dispatched('ENV.ADS', '墙面小广告');
    const late = at(new Date(new Date(c.deadlineAt!).getTime() + 60_000).toISOString());
    await runEscalation(env.db, late);
    expect(await logActions(c.id)).toContain('escalate');
    await step(people.unitA, c.id, 'accept');
    const photo = await uploadPhoto(env, people.unitA);
    await step(people.unitA, c.id, 'handle', { note: '已清除', photos: [photo] });
    const before = (await logActions(c.id)).length;
    await runEscalation(env.db, at(new Date(late.getTime() + 7 * 86_400_000).toISOString()));
    expect((await logActions(c.id)).length).toBe(before);
  });

  it('lets only one runner work at a time', async () => {
    // Hold the scheduler's lock in another transaction; the tick must step aside.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = env.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${ESCALATION_LOCK_KEY.toString()}::bigint)`.execute(trx);
      locked();
      await held;
    });
    await isLocked;
    const pglite = !process.env.TEST_DATABASE_URL;
    if (pglite) {
      // One connection: the tick queues behind the holder and runs once it commits.
      const tick = runEscalation(env.db, at('2026-03-10T00:00:00Z'));
      release();
      await holder;
      expect((await tick).ran).toBe(true);
    } else {
      const result = await runEscalation(env.db, at('2026-03-10T00:00:00Z'));
      expect(result).toEqual({ ran: false, reminded: 0, escalated: 0 });
      release();
      await holder;
      expect((await runEscalation(env.db, at('2026-03-10T00:00:00Z'))).ran).toBe(true);
    }
  });
});

describe('rectification notices', () => {
  it('issues a .docx per unit with sequential numbers that are never reused', async () => {
    const a = await dispatched('ENV.GARBAGE', '背街小巷垃圾堆积');
    const b = await dispatched('STREET.OCCUPY', '商户出店经营');
    const first = await people.office.post('/api/case-notices', { caseIds: [a.id, b.id] });
    expect(first.statusCode, first.body).toBe(200);
    const notice = first.json() as { id: number; number: string; unitId: number };
    expect(notice.number).toMatch(/创城办〔2026〕1号$/);
    expect(notice.unitId).toBe(city.unitA);
    const second = await people.office.post('/api/case-notices', { caseIds: [a.id] });
    expect((second.json() as { number: string }).number).toMatch(/〔2026〕2号$/);
    // A refused request does not consume a number.
    const reported = await report(people.inspector, {
      categoryId: city.category('ENV.BIN'),
      description: '未派遣的问题',
      lng: city.pointA.lng,
      lat: city.pointA.lat,
    });
    const refused = await people.office.post('/api/case-notices', { caseIds: [reported.id] });
    expect(refused.statusCode).toBe(400);
    const third = await people.office.post('/api/case-notices', { caseIds: [b.id] });
    expect((third.json() as { number: string }).number).toMatch(/〔2026〕3号$/);

    const file = await people.office.get(`/api/case-notices/${notice.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(file.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('限期整改通知单');
    expect(text).toContain(notice.number);
    expect(text).toContain('东区城管局');
    expect(text).toContain('背街小巷垃圾堆积');
    expect(text).toContain('商户出店经营');
    expect(text).toContain('2026年3月2日');
    const log = await logActions(a.id);
    expect(log.filter((x) => x === 'notice')).toHaveLength(2);
    const list = await people.office.get('/api/case-notices');
    expect((list.json() as { total: number }).total).toBe(3);
    const unitList = await people.unitA.get('/api/case-notices');
    expect(unitList.statusCode).toBe(403);
  });

  it('refuses cases of two different units on one notice', async () => {
    const a = await dispatched('ENV.GARBAGE', '垃圾堆积');
    const c = await report(people.inspector, {
      categoryId: city.category('ENV.BIN'),
      description: '垃圾桶',
      lng: city.pointA.lng,
      lat: city.pointA.lat,
    });
    await step(people.office, c.id, 'check');
    await step(people.office, c.id, 'register');
    await step(people.office, c.id, 'dispatch', { unitId: city.unitB });
    const res = await people.office.post('/api/case-notices', { caseIds: [a.id, c.id] });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { message: string }).message).toContain('一个责任单位');
  });
});
