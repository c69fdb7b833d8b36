import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../platform/audit.js';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import {
  as,
  createCity,
  createTestEnv,
  createUser,
  type Client,
  type TestCity,
  type TestEnv,
} from '../../../test/harness.js';
import { parseInstant } from './audit.service.js';

let env: TestEnv;
let city: TestCity;
let auditor: Client;

const entry = (cityId: number, over: Partial<Parameters<typeof writeAudit>[1]> = {}) =>
  writeAudit(env.db, {
    cityId,
    actorId: null,
    actorName: '测试员',
    ip: '10.0.0.1',
    action: 'test.thing',
    entityType: 'thing',
    entityId: 1,
    result: 'ok',
    ...over,
  });

beforeAll(async () => {
  env = await createTestEnv();
  city = await createCity(env.db);
  auditor = await as(env.app, await createUser(env.db, city, ['audit_admin']));
  await entry(city.cityId, {
    at: new Date('2026-02-27T15:59:59Z'),
    action: 'region.create',
    actorName: '王主任',
    entityType: 'region',
  });
  await entry(city.cityId, {
    at: new Date('2026-02-27T16:00:00Z'),
    action: 'region.update',
    actorName: '王主任',
    entityType: 'region',
    before: { name: '旧' },
    after: { name: '新', phone: '13800138000' },
  });
  await entry(city.cityId, {
    at: new Date('2026-02-28T10:00:00Z'),
    action: 'user.create',
    actorName: '李科长',
    entityType: 'user',
    result: 'failed',
    message: '用户名已存在',
  });
  await entry(city.cityId, {
    at: new Date('2026-02-28T15:59:59.999Z'),
    action: 'auth.login',
    actorName: '100%_man',
    result: 'denied',
  });
});
afterAll(() => env.close());

type Listed = {
  items: { action: string; at: string; actorName: string; result: string; before: unknown; after: unknown }[];
  total: number;
};
const list = async (query: string): Promise<Listed> => {
  const res = await auditor.get(`/api/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const actions = async (query: string) => (await list(query)).items.map((e) => e.action);

describe('access', () => {
  it('is for the audit admin only: business and other admin roles get 403, and the denial is logged', async () => {
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/audit',
        allowed: 'audit_admin',
        forbidden: 'city_admin',
        scoped: false,
        send: (c) => c.get('/api/audit'),
      },
      {
        name: 'GET /api/audit (system admin)',
        allowed: 'audit_admin',
        forbidden: 'system_admin',
        scoped: false,
        send: (c) => c.get('/api/audit'),
      },
      {
        name: 'GET /api/audit (security admin)',
        allowed: 'audit_admin',
        forbidden: 'security_admin',
        scoped: false,
        send: (c) => c.get('/api/audit'),
      },
      {
        name: 'GET /api/audit/export',
        allowed: 'audit_admin',
        forbidden: 'city_admin',
        scoped: false,
        send: (c) => c.get('/api/audit/export'),
      },
    ]);
    const cityAdmin = await createUser(env.db, city, ['city_admin']);
    const res = await (await as(env.app, cityAdmin)).get('/api/audit');
    expect(res.statusCode).toBe(403);
    const denied = await env.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('actor_id', '=', cityAdmin.id)
      .where('action', '=', 'access.denied')
      .executeTakeFirstOrThrow();
    expect(denied).toMatchObject({ result: 'denied', entity_id: 'GET /api/audit', message: 'audit.read' });
  });

  it('has no route that changes or deletes an entry', async () => {
    const [first] = (await list('?pageSize=1')).items as unknown as { id: number }[];
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const res = await auditor.request(
        method,
        `/api/audit/${first.id}`,
        method === 'DELETE' ? undefined : { action: 'x' },
      );
      expect(res.statusCode, method).toBe(404);
      expect(res.json().code).toBe('ROUTE_NOT_FOUND');
    }
    expect((await auditor.request('DELETE', '/api/audit')).statusCode).toBe(404);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE fail', async () => {
    const row = await env.db
      .selectFrom('audit_logs')
      .select('id')
      .where('city_id', '=', city.cityId)
      .executeTakeFirstOrThrow();
    await expect(
      env.db.updateTable('audit_logs').set({ action: 'forged' }).where('id', '=', row.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(env.db.deleteFrom('audit_logs').where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_logs`.execute(env.db)).rejects.toThrow(/append-only/);
    const still = await env.db
      .selectFrom('audit_logs')
      .select('action')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(still.action).not.toBe('forged');
  });
});

describe('list', () => {
  it('shows only the own city, newest first, with before/after (personal data masked)', async () => {
    const otherCity = await createCity(env.db);
    await entry(otherCity.cityId, { action: 'secret.other', at: new Date('2026-02-28T12:00:00Z') });
    const page = await list('?action=region.');
    expect(page.items.map((e) => e.action)).toEqual(['region.update', 'region.create']);
    expect(page.items[0]).toMatchObject({
      at: '2026-02-27T16:00:00.000Z',
      actorName: '王主任',
      ip: '10.0.0.1',
      entityType: 'region',
      entityId: '1',
      result: 'ok',
      before: { name: '旧' },
      after: { name: '新', phone: '138****8000' },
    });
    expect(page.items[1].before).toBeNull();
    expect(await actions('?pageSize=200')).not.toContain('secret.other');
    const all = await list('?pageSize=200');
    const times = all.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by day (China time), by instant, actor, action prefix, entity type and result', async () => {
    // 2026-02-28 in China is 2026-02-27T16:00Z … 2026-02-28T16:00Z.
    expect(await actions('?from=2026-02-28&to=2026-02-28&action=region')).toEqual(['region.update']);
    expect(await actions('?to=2026-02-27&action=region')).toEqual(['region.create']);
    expect(await actions('?from=2026-02-28&to=2026-02-28&entityType=user')).toEqual(['user.create']);
    expect(await actions('?from=2026-02-28T10:00:00Z&to=2026-02-28T10:00:00Z')).toEqual(['user.create']);
    expect(await actions('?from=2026-02-28T18:00:00%2B08:00&to=2026-02-28T18:00:00.000%2B08:00')).toEqual([
      'user.create',
    ]);
    expect(
      await actions(`?from=2026-02-28T10:00:00Z&to=2026-02-28T23:59:59.999%2B08:00&actor=${encodeURIComponent('%_')}`),
    ).toEqual(['auth.login']);
    expect(await actions(`?actor=${encodeURIComponent('主任')}`)).toEqual(['region.update', 'region.create']);
    expect(await actions('?result=failed')).toEqual(['user.create']);
    expect(await actions('?result=denied&action=auth.')).toEqual(['auth.login']);
    expect(await actions('?action=region.cr')).toEqual(['region.create']);
    // An action prefix is a prefix, with LIKE wildcards taken literally.
    expect(await actions('?action=%25')).toEqual([]);
    const paged = await list('?action=region.&page=2&pageSize=1');
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items.map((e) => e.action)).toEqual(['region.create']);
  });

  it('answers 400 for malformed filters', async () => {
    for (const query of ['?from=yesterday', '?to=2026-02-31', '?result=maybe', '?from=2026-13-01']) {
      const res = await auditor.get(`/api/audit${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().details.fields[0].path).toMatch(/^querystring\//);
    }
  });

  it('parses filter bounds', () => {
    expect(parseInstant('2026-03-01', 'from')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(parseInstant('2026-03-01', 'to')?.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(parseInstant('2026-03-01T08:00', 'from')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseInstant('2026-03-01T08:00:00Z', 'to')?.toISOString()).toBe('2026-03-01T08:00:00.001Z');
    expect(parseInstant('2026-02-29', 'from')).toBeNull();
  });
});

describe('export', () => {
  it('streams the filtered log as xlsx across many keyset batches, and records the export', async () => {
    const big = await createCity(env.db);
    const admin = await as(env.app, await createUser(env.db, big, ['audit_admin']));
    // 2,500 rows, many sharing one timestamp (ties are broken by id), written set-based.
    await sql`
      INSERT INTO audit_logs (city_id, at, actor_name, action, entity_type, entity_id, before, after, result)
      SELECT ${big.cityId}, timestamptz '2026-02-01T00:00:00Z' + (g / 10) * interval '1 second' + interval '123 microseconds',
             '批量', 'bulk.row', 'row', g::text, NULL, jsonb_build_object('n', g), 'ok'
      FROM generate_series(1, 2500) AS g
    `.execute(env.db);
    const res = await admin.get('/api/audit/export?action=bulk.', { 'accept-language': 'en-US' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''audit-log.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Audit log');
    expect(sheet.getRow(1).getCell(4).value).toBe('Action');
    expect(sheet.rowCount).toBe(2501);
    const ids = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) ids.add(String(row.getCell(6).value));
    });
    expect(ids.size).toBe(2500);
    expect(sheet.getRow(2).getCell(6).value).toBe('2500');
    expect(sheet.getRow(2).getCell(7).value).toBe('OK');
    expect(sheet.getRow(2).getCell(10).value).toBe('{"n":2500}');

    const recorded = await env.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('city_id', '=', big.cityId)
      .where('action', '=', 'audit.export')
      .executeTakeFirstOrThrow();
    expect(recorded.after).toMatchObject({ action: 'bulk.' });
    // Reading the log is not itself logged.
    await admin.get('/api/audit');
    const reads = await env.db
      .selectFrom('audit_logs')
      .select('id')
      .where('city_id', '=', big.cityId)
      .where('action', 'like', 'audit.%')
      .execute();
    expect(reads).toHaveLength(1);
  });

  it('exports nothing but the header when no entry matches, and refuses bad filters', async () => {
    const res = await auditor.get('/api/audit/export?action=nothing.here');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0].rowCount).toBe(1);
    expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('时间');
    expect((await auditor.get('/api/audit/export?from=nope')).statusCode).toBe(400);
  });
});
