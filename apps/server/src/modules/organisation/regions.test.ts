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

let codeSeq = 0;
const code = () => `4108${String(Date.now() % 1e4).padStart(4, '0')}${String(++codeSeq).padStart(4, '0')}`;

async function makeRegion(parentId: number, name = `区划${codeSeq}`) {
  const res = await admin.post('/api/regions', { parentId, code: code(), name });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}

describe('access', () => {
  it('applies the access matrix to every region route', async () => {
    const ownGrid = await makeRegion(city.communities[0].id);
    const otherGrid = await makeRegion(city.communities[1].id);
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/regions',
        allowed: 'region_staff',
        forbidden: 'member',
        scoped: false,
        send: (c) => c.get('/api/regions'),
      },
      {
        name: 'GET /api/regions/export',
        allowed: 'region_staff',
        forbidden: 'resident',
        scoped: false,
        send: (c) => c.get('/api/regions/export'),
      },
      {
        name: 'GET /api/regions/:id',
        allowed: 'canvasser',
        forbidden: 'member',
        send: (c, t) => c.get(`/api/regions/${t === 'own' ? city.streets[0].id : city.streets[1].id}`),
      },
      {
        name: 'POST /api/regions',
        allowed: 'region_staff',
        forbidden: 'inspector',
        send: (c, t) =>
          c.post('/api/regions', {
            parentId: t === 'own' ? city.streets[0].id : city.streets[1].id,
            code: code(),
            name: '新社区',
          }),
      },
      {
        name: 'PATCH /api/regions/:id',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) =>
          c.patch(`/api/regions/${t === 'own' ? city.communities[0].id : city.communities[1].id}`, { sort: 3 }),
      },
      {
        name: 'DELETE /api/regions/:id',
        allowed: 'region_staff',
        forbidden: 'inspector',
        send: (c, t) => c.delete(`/api/regions/${t === 'own' ? ownGrid : otherGrid}`),
      },
    ]);
  });

  it('lists only the visible subtree', async () => {
    const items = (await districtStaff.get('/api/regions')).json().items as { id: number; level: string }[];
    const seen = items.map((r) => r.id);
    expect(seen).toEqual(expect.arrayContaining([city.districts[0].id, city.streets[0].id, city.communities[0].id]));
    expect(seen).not.toContain(city.root.id);
    expect(seen).not.toContain(city.districts[1].id);
  });
});

describe('crud', () => {
  it('creates a child with the level below its parent, reads its path, edits and deletes it', async () => {
    const c = code();
    const created = await districtStaff.post('/api/regions', {
      parentId: city.streets[0].id,
      code: c,
      name: ' 新华社区 ',
      sort: 2,
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      parentId: city.streets[0].id,
      level: 'community',
      code: c,
      name: '新华社区',
      sort: 2,
      hasPolygon: false,
      childCount: 0,
      path: [
        { id: city.root.id, name: '测试市' },
        { id: city.districts[0].id, name: '东区' },
        { id: city.streets[0].id, name: '东街道' },
        { id: created.json().id, name: '新华社区' },
      ],
    });
    const id = created.json().id;
    const grid = await districtStaff.post('/api/regions', {
      parentId: id,
      code: code(),
      name: '第一网格',
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [113.2, 35.2],
            [113.3, 35.2],
            [113.3, 35.3],
            [113.2, 35.2],
          ],
        ],
      },
    });
    expect(grid.json()).toMatchObject({ level: 'grid', hasPolygon: true });
    expect((await districtStaff.get(`/api/regions?parentId=${id}`)).json().items).toHaveLength(1);
    expect((await districtStaff.get('/api/regions?q=新华')).json().items.map((r: { id: number }) => r.id)).toEqual([
      id,
    ]);
    expect((await districtStaff.patch(`/api/regions/${id}`, { name: '新华里社区' })).json().name).toBe('新华里社区');

    const hasChildren = await districtStaff.delete(`/api/regions/${id}`);
    expect(hasChildren.statusCode).toBe(409);
    expect(hasChildren.json().message).toBe('该区划下还有下级区划，不能删除');
    expect((await districtStaff.delete(`/api/regions/${grid.json().id}`)).statusCode).toBe(200);
    expect((await districtStaff.delete(`/api/regions/${id}`)).statusCode).toBe(200);
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('action')
      .where('entity_type', '=', 'region')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['region.create', 'region.update', 'region.delete']);
  });

  it('exports the visible regions', async () => {
    const res = await districtStaff.get('/api/regions/export');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const names = workbook.worksheets[0].getColumn(2).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['东区', '东街道', '东社区']));
    expect(names).not.toContain('西区');
  });
});

describe('validation', () => {
  it('answers 400 for a bad code or polygon and ignores unknown fields', async () => {
    for (const bad of ['12345', '1234567890123', '12345678901a']) {
      const res = await admin.post('/api/regions', { parentId: city.streets[0].id, code: bad, name: '甲' });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().details.fields[0].path).toBe('body/code');
    }
    expect((await admin.post('/api/regions', { parentId: city.streets[0].id, code: code() })).statusCode).toBe(400);
    const notGrid = await admin.post('/api/regions', {
      parentId: city.streets[0].id,
      code: code(),
      name: '甲',
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 1],
          ],
        ],
      },
    });
    expect(notGrid.statusCode).toBe(400);
    const ok = await admin.post('/api/regions', {
      parentId: city.streets[0].id,
      code: code(),
      name: '乙社区',
      level: 'city',
      color: 'red',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().level).toBe('community');
  });

  it('answers 409 for a taken code, a grid parent, the city root and a region in use', async () => {
    const c = code();
    await admin.post('/api/regions', { parentId: city.streets[0].id, code: c, name: '丙社区' });
    const taken = await admin.post('/api/regions', { parentId: city.streets[1].id, code: c, name: '丁社区' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain(c);
    const grid = await makeRegion(city.communities[0].id);
    expect((await admin.post('/api/regions', { parentId: grid, code: code(), name: '戊' })).statusCode).toBe(409);
    expect((await admin.delete(`/api/regions/${city.root.id}`)).statusCode).toBe(409);
    const inUse = await makeRegion(city.streets[1].id);
    await admin.post('/api/people', { name: '居民', kind: 'member', communityId: inUse });
    const refused = await admin.delete(`/api/regions/${inUse}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('仍被');
  });
});
