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

async function makePairing(unitId: number, regionId: number, startsOn = '2026-01-01', endsOn: string | null = null) {
  const res = await admin.post('/api/pairings', { unitId, targetType: 'community', regionId, startsOn, endsOn });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}

const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((p) => p.id);

describe('access', () => {
  it('applies the access matrix to every pairing route', async () => {
    const own = await makePairing(city.unitA, city.communities[0].id);
    const other = await makePairing(city.unitB, city.communities[1].id);
    const ownDeletable = await makePairing(city.unitA, city.communities[0].id);
    const otherDeletable = await makePairing(city.unitB, city.communities[1].id);
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/pairings',
        allowed: 'region_staff',
        forbidden: 'inspector',
        scoped: false,
        send: (c) => c.get('/api/pairings'),
      },
      {
        name: 'GET /api/pairings/export',
        allowed: 'region_staff',
        forbidden: 'member',
        scoped: false,
        send: (c) => c.get('/api/pairings/export'),
      },
      {
        name: 'GET /api/pairings/:id',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'inspector',
        send: (c, t) => c.get(`/api/pairings/${t === 'own' ? own : other}`),
      },
      {
        name: 'POST /api/pairings',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        scoped: false,
        send: (c) =>
          c.post('/api/pairings', {
            unitId: city.unitA,
            targetType: 'site',
            targetName: '人民公园',
            startsOn: '2026-03-01',
          }),
      },
      {
        name: 'PATCH /api/pairings/:id',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) => c.patch(`/api/pairings/${t === 'own' ? own : other}`, { note: '每周一次' }),
      },
      {
        name: 'DELETE /api/pairings/:id',
        allowed: 'region_staff',
        forbidden: 'inspector',
        send: (c, t) => c.delete(`/api/pairings/${t === 'own' ? ownDeletable : otherDeletable}`),
      },
    ]);
  });

  it('shows pairings whose unit is visible or whose region lies in the subtree', async () => {
    const cityUnit = (await admin.post('/api/units', { name: '市财政局', type: 'agency' })).json().id;
    const inMyCommunity = await makePairing(cityUnit, city.communities[0].id);
    const elsewhere = await makePairing(cityUnit, city.communities[1].id);
    const seen = ids(await districtStaff.get('/api/pairings?pageSize=200'));
    expect(seen).toContain(inMyCommunity);
    expect(seen).not.toContain(elsewhere);
    // A pairing seen through its region may be edited, but not moved out of sight.
    expect((await districtStaff.patch(`/api/pairings/${inMyCommunity}`, { note: '已对接' })).statusCode).toBe(200);
    const away = await districtStaff.patch(`/api/pairings/${inMyCommunity}`, {
      targetType: 'site',
      targetName: '广场',
      regionId: null,
    });
    expect(away.statusCode).toBe(400);
    const otherUnit = await districtStaff.post('/api/pairings', {
      unitId: city.unitB,
      targetType: 'community',
      regionId: city.communities[0].id,
      startsOn: '2026-01-01',
    });
    expect(otherUnit.json().details.fields[0].path).toBe('body/unitId');
  });
});

describe('crud', () => {
  it('names a community pairing after the community and keeps free names for sites and road segments', async () => {
    const created = await districtStaff.post('/api/pairings', {
      unitId: city.unitA,
      targetType: 'community',
      regionId: city.communities[0].id,
      targetName: '会被忽略',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      note: '包联东社区',
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      unitName: '东区城管局',
      targetType: 'community',
      regionName: '东社区',
      targetName: '东社区',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    const id = created.json().id;
    const road = await districtStaff.patch(`/api/pairings/${id}`, {
      targetType: 'road_segment',
      targetName: '解放路（人民路至建设路段）',
      regionId: city.streets[0].id,
    });
    expect(road.json()).toMatchObject({
      targetType: 'road_segment',
      targetName: '解放路（人民路至建设路段）',
      regionName: '东街道',
    });
    const site = await districtStaff.post('/api/pairings', {
      unitId: city.unitA,
      targetType: 'site',
      targetName: '东站广场',
      startsOn: '2026-02-01',
    });
    expect(site.json()).toMatchObject({ regionId: null, targetName: '东站广场', endsOn: null });

    const audit = await env.db
      .selectFrom('audit_logs')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'pairing')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['pairing.create', 'pairing.update']);
    expect(audit[1].before).toMatchObject({ targetType: 'community', targetName: '东社区' });
    expect(audit[1].after).toMatchObject({ targetType: 'road_segment' });

    expect((await districtStaff.delete(`/api/pairings/${id}`)).json()).toEqual({ ok: true });
    expect((await districtStaff.get(`/api/pairings/${id}`)).statusCode).toBe(404);
  });

  it('filters by unit, type, region subtree and the day a pairing is active', async () => {
    const unit = (
      await admin.post('/api/units', { name: '筛选单位', type: 'school', regionId: city.districts[1].id })
    ).json().id;
    const early = await makePairing(unit, city.communities[1].id, '2025-01-01', '2025-12-31');
    const open = await makePairing(unit, city.communities[1].id, '2026-01-01');
    const site = (
      await admin.post('/api/pairings', {
        unitId: unit,
        targetType: 'site',
        targetName: '西区体育场',
        startsOn: '2026-01-01',
      })
    ).json().id;
    expect(ids(await admin.get(`/api/pairings?unitId=${unit}`))).toEqual(expect.arrayContaining([early, open, site]));
    expect(ids(await admin.get(`/api/pairings?unitId=${unit}&activeOn=2025-06-30`))).toEqual([early]);
    expect(ids(await admin.get(`/api/pairings?unitId=${unit}&activeOn=2026-06-30`)).sort()).toEqual(
      [open, site].sort(),
    );
    expect(ids(await admin.get(`/api/pairings?unitId=${unit}&targetType=site`))).toEqual([site]);
    expect(ids(await admin.get(`/api/pairings?unitId=${unit}&regionId=${city.streets[1].id}`)).sort()).toEqual(
      [early, open].sort(),
    );
    expect((await admin.get('/api/pairings?activeOn=2026-13-01')).statusCode).toBe(400);
    const xlsx = await admin.get(`/api/pairings/export?unitId=${unit}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('pairings.xlsx');
  });
});

describe('validation', () => {
  it('checks dates, the target, and the community level', async () => {
    const backwards = await admin.post('/api/pairings', {
      unitId: city.unitA,
      targetType: 'site',
      targetName: '广场',
      startsOn: '2026-05-01',
      endsOn: '2026-04-30',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toBe('结束日期不能早于开始日期');
    expect(backwards.json().details.fields[0].path).toBe('body/endsOn');
    const noCommunity = await admin.post('/api/pairings', {
      unitId: city.unitA,
      targetType: 'community',
      startsOn: '2026-01-01',
    });
    expect(noCommunity.json().message).toBe('包联社区时必须选择社区');
    const notCommunity = await admin.post('/api/pairings', {
      unitId: city.unitA,
      targetType: 'community',
      regionId: city.streets[0].id,
      startsOn: '2026-01-01',
    });
    expect(notCommunity.json().details.fields[0].path).toBe('body/regionId');
    const noName = await admin.post('/api/pairings', {
      unitId: city.unitA,
      targetType: 'road_segment',
      targetName: ' ',
      startsOn: '2026-01-01',
    });
    expect(noName.json().message).toBe('请填写包联对象');
    expect(
      (
        await admin.post('/api/pairings', {
          unitId: city.unitA,
          targetType: 'street',
          targetName: 'x',
          startsOn: '2026-01-01',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await admin.post('/api/pairings', {
          unitId: city.unitA,
          targetType: 'site',
          targetName: 'x',
          startsOn: '2026/01/01',
        })
      ).statusCode,
    ).toBe(400);
    const id = await makePairing(city.unitA, city.communities[0].id, '2026-03-01');
    expect((await admin.patch(`/api/pairings/${id}`, { endsOn: '2026-02-01' })).statusCode).toBe(400);
  });
});
