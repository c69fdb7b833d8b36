import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let env: TestEnv;
let city: TestCity;
let admin: Client;
let districtStaff: Client;

beforeAll(async () => {
  env = await createTestEnv();
  city = await createCity(env.db);
  admin = await as(env.app, await createUser(env.db, city, ['city_admin']));
  districtStaff = await as(
    env.app,
    await createUser(env.db, city, ['region_staff'], { regionId: city.districts[0].id }),
  );
});
afterAll(() => env.close());

let seq = 0;
async function makeUnit(values: { regionId?: number | null; parentId?: number | null; name?: string } = {}) {
  const res = await admin.post('/api/units', {
    name: values.name ?? `单位${++seq}`,
    type: 'agency',
    regionId: values.regionId === undefined ? city.districts[0].id : values.regionId,
    parentId: values.parentId ?? null,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}

async function sheetRows(buffer: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('access', () => {
  it('applies the access matrix to every unit route', async () => {
    const ownDeletable = await makeUnit({ regionId: city.districts[0].id });
    const otherDeletable = await makeUnit({ regionId: city.districts[1].id });
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/units',
        allowed: 'region_staff',
        forbidden: 'member',
        scoped: false,
        send: (c) => c.get('/api/units'),
      },
      {
        name: 'GET /api/units/export',
        allowed: 'region_staff',
        forbidden: 'resident',
        scoped: false,
        send: (c) => c.get('/api/units/export'),
      },
      {
        name: 'GET /api/units/:id',
        allowed: 'region_staff',
        forbidden: 'member',
        send: (c, t) => c.get(`/api/units/${t === 'own' ? city.unitA : city.unitB}`),
      },
      {
        name: 'GET /api/units/:id (unit scope)',
        allowed: 'unit_staff',
        forbidden: 'member',
        scope: 'unit',
        send: (c, t) => c.get(`/api/units/${t === 'own' ? city.unitA : city.unitB}`),
      },
      {
        name: 'POST /api/units',
        allowed: 'region_staff',
        forbidden: 'inspector',
        scoped: false,
        send: (c) => c.post('/api/units', { name: `矩阵单位${++seq}`, type: 'school', regionId: city.districts[0].id }),
      },
      {
        name: 'PATCH /api/units/:id',
        allowed: 'region_staff',
        forbidden: 'inspector',
        send: (c, t) => c.patch(`/api/units/${t === 'own' ? city.unitA : city.unitB}`, { shortName: '城管' }),
      },
      {
        name: 'DELETE /api/units/:id',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) => c.delete(`/api/units/${t === 'own' ? ownDeletable : otherDeletable}`),
      },
    ]);
  });

  it('limits lists to the region subtree; units without a region are for city-wide users only', async () => {
    const cityLevel = await makeUnit({ regionId: null, name: '市文明办' });
    const mine = (await districtStaff.get('/api/units?pageSize=200')).json().items.map((u: { id: number }) => u.id);
    expect(mine).toContain(city.unitA);
    expect(mine).not.toContain(city.unitB);
    expect(mine).not.toContain(cityLevel);
    expect((await districtStaff.get(`/api/units/${cityLevel}`)).statusCode).toBe(404);
    const all = (await admin.get('/api/units?pageSize=200')).json().items.map((u: { id: number }) => u.id);
    expect(all).toEqual(expect.arrayContaining([city.unitA, city.unitB, cityLevel]));
  });

  it('shows a unit-scoped user the unit and its direct sub-units only', async () => {
    const child = await makeUnit({ parentId: city.unitA, regionId: city.districts[1].id });
    const grandchild = await makeUnit({ parentId: child, regionId: city.districts[1].id });
    const staff = await as(
      env.app,
      await createUser(env.db, city, ['unit_staff'], { regionId: null, unitId: city.unitA }),
    );
    const ids = (await staff.get('/api/units?pageSize=200')).json().items.map((u: { id: number }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([city.unitA, child]));
    expect(ids).not.toContain(grandchild);
    expect(ids).not.toContain(city.unitB);
    expect((await staff.get(`/api/units/${grandchild}`)).statusCode).toBe(404);
  });

  it('refuses references outside the scope and results the writer could not see', async () => {
    const otherRegion = await districtStaff.post('/api/units', {
      name: '越界单位',
      type: 'agency',
      regionId: city.districts[1].id,
    });
    expect(otherRegion.statusCode).toBe(400);
    expect(otherRegion.json().code).toBe('VALIDATION_FAILED');
    expect(otherRegion.json().details.fields[0].path).toBe('body/regionId');
    const otherParent = await districtStaff.post('/api/units', {
      name: '越界单位',
      type: 'agency',
      regionId: city.districts[0].id,
      parentId: city.unitB,
    });
    expect(otherParent.statusCode).toBe(400);
    expect(otherParent.json().details.fields[0].path).toBe('body/parentId');
    const invisible = await districtStaff.post('/api/units', { name: '无区划单位', type: 'agency' });
    expect(invisible.statusCode).toBe(400);
    expect(invisible.json().message).toContain('管理范围');
    const moveAway = await districtStaff.patch(`/api/units/${city.unitA}`, { regionId: null });
    expect(moveAway.statusCode).toBe(400);
  });
});

describe('crud', () => {
  it('creates, reads, lists, updates and deletes a unit', async () => {
    const created = await districtStaff.post('/api/units', {
      name: ' 东区教育局 ',
      shortName: '教育局',
      type: 'agency',
      parentId: city.unitA,
      regionId: city.streets[0].id,
      headName: '王局长',
      headPhone: '13800138000',
      liaisonName: '小李',
      liaisonPhone: '0391-1234567',
    });
    expect(created.statusCode, created.body).toBe(200);
    const unit = created.json();
    expect(unit).toMatchObject({
      name: '东区教育局',
      shortName: '教育局',
      type: 'agency',
      parentId: city.unitA,
      parentName: '东区城管局',
      regionId: city.streets[0].id,
      regionName: '东街道',
      headPhone: '13800138000',
      liaisonPhone: '0391-1234567',
      peopleCount: 0,
    });

    const list = await districtStaff.get('/api/units?q=教育&pageSize=5');
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(list.json().items[0].headPhone).toBe('138****8000');
    expect(list.json().items[0].liaisonPhone).toBe('039****4567');

    const patched = await districtStaff.patch(`/api/units/${unit.id}`, {
      shortName: null,
      headPhone: '13900139000',
      type: 'school',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      shortName: null,
      headPhone: '13900139000',
      type: 'school',
      name: '东区教育局',
    });

    const audit = await env.db
      .selectFrom('audit_logs')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'unit')
      .where('entity_id', '=', String(unit.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['unit.create', 'unit.update']);
    expect(audit[0].after).toMatchObject({ name: '东区教育局', headPhone: '138****8000', liaisonPhone: '039****4567' });
    expect(audit[1].before).toMatchObject({ shortName: '教育局', headPhone: '138****8000', type: 'agency' });
    expect(audit[1].after).toMatchObject({ shortName: null, headPhone: '139****9000', type: 'school' });
    expect(JSON.stringify(audit)).not.toContain('13800138000');

    expect((await districtStaff.delete(`/api/units/${unit.id}`)).json()).toEqual({ ok: true });
    expect((await districtStaff.get(`/api/units/${unit.id}`)).statusCode).toBe(404);
    const deleted = await env.db
      .selectFrom('audit_logs')
      .select('before')
      .where('action', '=', 'unit.delete')
      .where('entity_id', '=', String(unit.id))
      .executeTakeFirstOrThrow();
    expect(deleted.before).toMatchObject({ name: '东区教育局', headPhone: '139****9000' });
  });

  it('filters by type, region subtree, parent and pages', async () => {
    const parent = await makeUnit({ regionId: city.communities[1].id, name: '西社区居委会' });
    const school = (
      await admin.post('/api/units', {
        name: '西区一中',
        shortName: '一中',
        type: 'school',
        regionId: city.communities[1].id,
        parentId: parent,
      })
    ).json().id;
    const bySubtree = (await admin.get(`/api/units?regionId=${city.districts[1].id}&pageSize=200`)).json();
    expect(bySubtree.items.map((u: { id: number }) => u.id)).toEqual(
      expect.arrayContaining([city.unitB, parent, school]),
    );
    expect(bySubtree.items.map((u: { id: number }) => u.id)).not.toContain(city.unitA);
    expect(
      (await admin.get(`/api/units?type=school&regionId=${city.districts[1].id}`))
        .json()
        .items.map((u: { id: number }) => u.id),
    ).toEqual([school]);
    expect((await admin.get(`/api/units?parentId=${parent}`)).json().items.map((u: { id: number }) => u.id)).toEqual([
      school,
    ]);
    expect((await admin.get('/api/units?q=一中')).json().total).toBe(1);
    const page = (await admin.get('/api/units?pageSize=1&page=2')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(2);
    expect((await admin.get('/api/units?q=100%25')).json().total).toBe(0);
  });

  it('exports with the same filters and masked phones', async () => {
    await admin.post('/api/units', {
      name: '导出测试单位',
      type: 'media',
      regionId: city.districts[1].id,
      headPhone: '13700137000',
    });
    const res = await admin.get(`/api/units/export?type=media`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0][0]).toBe('单位名称');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['导出测试单位', '新闻媒体', '西区', '137****7000']));
    const en = await admin.get('/api/units/export?type=media', { 'accept-language': 'en-US' });
    expect((await sheetRows(en.rawPayload))[0][0]).toBe('Unit name');
  });
});

describe('personal data', () => {
  it('shows phones in full to editors and audits that view; read-only users see them masked', async () => {
    const id = (
      await admin.post('/api/units', {
        name: '电话单位',
        type: 'agency',
        regionId: city.districts[0].id,
        headPhone: '13600136000',
      })
    ).json().id;
    const full = await districtStaff.get(`/api/units/${id}`);
    expect(full.json().headPhone).toBe('13600136000');
    const views = await env.db
      .selectFrom('audit_logs')
      .select(['actor_id', 'message'])
      .where('action', '=', 'unit.view_personal')
      .where('entity_id', '=', String(id))
      .execute();
    expect(views).toHaveLength(1);
    expect(views[0].message).toBe('headPhone');

    const inspector = await as(
      env.app,
      await createUser(env.db, city, ['inspector'], { regionId: city.districts[0].id }),
    );
    expect((await inspector.get(`/api/units/${id}`)).json().headPhone).toBe('136****6000');
    const after = await env.db
      .selectFrom('audit_logs')
      .select('id')
      .where('action', '=', 'unit.view_personal')
      .where('entity_id', '=', String(id))
      .execute();
    expect(after).toHaveLength(1);
  });
});

describe('validation', () => {
  it('answers 400 with field errors for bad input and ignores unknown fields', async () => {
    const badPhone = await admin.post('/api/units', { name: '甲', type: 'agency', headPhone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().details.fields[0].path).toBe('body/headPhone');
    const badType = await admin.post('/api/units', { name: '甲', type: 'bank' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().details.fields.map((f: { path: string }) => f.path)).toContain('body/type');
    const blank = await admin.post('/api/units', { name: '   ', type: 'agency' });
    expect(blank.statusCode).toBe(400);
    const long = await admin.post(
      '/api/units',
      { name: '长'.repeat(61), type: 'agency' },
      { 'accept-language': 'en-US' },
    );
    expect(long.json().details.fields[0].message).toContain('at most 60');
    const unknown = await admin.post('/api/units', {
      name: '未知字段单位',
      type: 'agency',
      secret: 'x',
      regionId: city.root.id,
    });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).not.toHaveProperty('secret');
    expect((await admin.get('/api/units/abc')).statusCode).toBe(400);
  });

  it('answers 409 for a taken name, a parent cycle and a unit still in use', async () => {
    const taken = await admin.post('/api/units', { name: '东区城管局', type: 'agency' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain('东区城管局');
    const top = await makeUnit();
    const mid = await makeUnit({ parentId: top });
    const leaf = await makeUnit({ parentId: mid });
    expect((await admin.patch(`/api/units/${top}`, { parentId: top })).json().message).toBe(
      '上级单位不能是本单位或其下级',
    );
    const cycle = await admin.patch(`/api/units/${top}`, { parentId: leaf });
    expect(cycle.statusCode).toBe(409);
    expect((await admin.patch(`/api/units/${leaf}`, { name: '东区城管局' })).statusCode).toBe(409);

    const inUse = await admin.delete(`/api/units/${mid}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().details.dependents.children).toBe(1);
    const withPerson = await makeUnit();
    await admin.post('/api/people', { name: '某人', kind: 'staff', unitId: withPerson });
    expect((await admin.delete(`/api/units/${withPerson}`)).json().code).toBe('CONFLICT');
    const withPairing = await makeUnit();
    await admin.post('/api/pairings', {
      unitId: withPairing,
      targetType: 'site',
      targetName: '火车站广场',
      startsOn: '2026-01-01',
    });
    expect((await admin.delete(`/api/units/${withPairing}`)).json().message).toContain('包联');
  });
});
