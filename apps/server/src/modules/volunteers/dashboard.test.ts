// The community dashboard (GET /api/volunteer/dashboard) against a small hand-computed fixture:
// registrations (new this week by Beijing time), members not registered, the week's activities
// with sign-ups and check-ins, the week's 五个一 per item and the 8-week trend — and the access
// rules (member 403, another district's community 404, the city office sees everything).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@cc/common/permissions';
import { caseTestConfig, createCaseCity, type CaseCity } from '../../../test/case-fixtures.js';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import { as, createTestEnv, createUser, type Client, type TestEnv } from '../../../test/harness.js';
import { ensureActivityTypes, newQrKey } from './index.js';

let env: TestEnv;
let city: CaseCity;
let office: Client;
let eastOffice: Client;
let westOffice: Client;
let organiserId: number;
const p: Record<string, number> = {};
const a: Record<string, number> = {};

const WEEK = '2026-03-02'; // the harness clock's week (Monday 2 March 2026, Beijing)
const TREND = ['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', WEEK];

async function make(roles: Role[], scope: { regionId?: number | null; unitId?: number | null }) {
  const user = await createUser(env.db, city, roles, scope);
  return { id: user.id, client: await as(env.app, user) };
}

async function person(name: string, community: number, unitId: number | null = null) {
  const row = await env.db
    .insertInto('people')
    .values({ city_id: city.cityId, name, kind: 'member', unit_id: unitId, community_id: community })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function registration(
  personId: number,
  community: number,
  status: 'pending' | 'confirmed' | 'rejected',
  decidedAt: string | null,
) {
  await env.db
    .insertInto('community_registrations')
    .values({
      city_id: city.cityId,
      person_id: personId,
      community_id: community,
      status,
      registered_at: new Date('2025-06-01T02:00:00Z'),
      decided_at: decidedAt ? new Date(decidedAt) : null,
      reject_reason: status === 'rejected' ? '不在本社区辖区' : null,
    })
    .execute();
}

async function week(personId: number, weekStart: string, items: number) {
  await env.db
    .insertInto('five_one_weeks')
    .values({ city_id: city.cityId, person_id: personId, week_start: weekStart, items })
    .execute();
}

async function activity(
  title: string,
  community: number | null,
  startsAt: string,
  extra: { typeCode?: string; capacity?: number; status?: 'published' | 'cancelled' } = {},
) {
  const starts = new Date(startsAt);
  const row = await env.db
    .insertInto('volunteer_activities')
    .values({
      city_id: city.cityId,
      type_code: extra.typeCode ?? 'sanitation',
      title,
      community_id: community,
      organiser_id: organiserId,
      organiser_name: '东社区党委',
      place: `${title}现场`,
      lng: city.pointA.lng,
      lat: city.pointA.lat,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 2 * 3_600_000),
      capacity: extra.capacity ?? null,
      status: extra.status ?? 'published',
      qr_key: newQrKey(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  env = await createTestEnv(caseTestConfig());
  city = await createCaseCity(env.db, env.clock.now);
  await ensureActivityTypes(env.db, city.cityId);
  const cityOffice = await make(['city_admin'], {});
  office = cityOffice.client;
  organiserId = cityOffice.id;
  eastOffice = (await make(['region_staff'], { regionId: city.districts[0].id })).client;
  westOffice = (await make(['region_staff'], { regionId: city.districts[1].id })).client;
  const [east, west] = city.communities.map((c) => c.id);

  // East community: three registered (one confirmed this week, one on Sunday 23:30 of last week in
  // Beijing — 1 March in UTC —, one confirmed without a decision time long ago), one pending, one
  // never registered and one rejected (both count as not registered).
  p.newEast = await person('刘红', east, city.unitA);
  p.lastWeek = await person('张伟', east, city.unitA);
  p.old = await person('李强', east);
  p.pendingEast = await person('赵敏', east);
  p.none = await person('钱多', east);
  p.rejected = await person('孙丽', east);
  await registration(p.newEast, east, 'confirmed', '2026-03-02T01:00:00Z');
  await registration(p.lastWeek, east, 'confirmed', '2026-03-01T15:30:00Z');
  await registration(p.old, east, 'confirmed', null);
  await registration(p.pendingEast, east, 'pending', null);
  await registration(p.rejected, east, 'rejected', '2026-03-02T01:30:00Z');
  // West community: one confirmed on Sunday 23:59:59 of this week (Beijing), one pending, one never
  // registered, and one living in the west but working in the east district's unit (the east office
  // sees them among the unregistered through the unit, as GET /volunteer/unregistered does).
  p.west = await person('周杰', west, city.unitB);
  p.pendingWest = await person('吴昊', west, city.unitB);
  p.noneWest = await person('郑爽', west, city.unitB);
  p.eastUnitWest = await person('王芳', west, city.unitA);
  await registration(p.west, west, 'confirmed', '2026-03-08T15:59:59Z');
  await registration(p.pendingWest, west, 'pending', null);

  // The tracker (bits: sanitation 1, volunteer 2, convention 4, sorting 8, dissuasion 16).
  await week(p.newEast, WEEK, 31); // all five
  await week(p.lastWeek, WEEK, 1 | 8); // sanitation, sorting
  await week(p.west, WEEK, 1 | 2); // sanitation, volunteer
  await week(p.pendingEast, WEEK, 31); // not a member yet: not counted
  await week(p.none, WEEK, 31); // not registered: not counted
  await week(p.newEast, '2026-02-23', 1); // 1 item
  await week(p.lastWeek, '2026-02-23', 0); // a row, but nothing done
  await week(p.old, '2026-02-23', 7); // 3 items
  await week(p.old, '2026-01-12', 16); // the trend's first week: 1 item
  await week(p.newEast, '2026-01-05', 31); // a week before the trend

  // Activities: the week is 2026-03-01T16:00Z … 2026-03-08T16:00Z.
  a.main = await activity('幸福小区环境卫生整治', east, '2026-03-04T01:00:00Z', { capacity: 10 });
  a.early = await activity('周一凌晨志愿服务', east, '2026-03-01T16:30:00Z', {
    typeCode: 'volunteer',
    status: 'cancelled',
  });
  a.west = await activity('西社区垃圾分类', west, '2026-03-05T02:00:00Z', { typeCode: 'sorting' });
  a.unit = await activity('单位学雷锋', null, '2026-03-06T02:00:00Z', { typeCode: 'lei_feng' });
  await activity('上周日活动', east, '2026-03-01T15:00:00Z');
  await activity('下周活动', east, '2026-03-09T02:00:00Z');
  await env.db
    .insertInto('activity_signups')
    .values(
      [p.newEast, p.lastWeek, p.old].map((id) => ({
        city_id: city.cityId,
        activity_id: a.main,
        person_id: id,
        source: 'self',
      })),
    )
    .execute();
  await env.db
    .insertInto('activity_attendance')
    .values(
      [p.newEast, p.lastWeek].map((id) => ({
        city_id: city.cityId,
        activity_id: a.main,
        person_id: id,
        week_start: WEEK,
        check_in_at: new Date('2026-03-04T01:05:00Z'),
      })),
    )
    .execute();
});
afterAll(async () => env?.close());

interface DashboardJson {
  weekStart: string;
  weekEnd: string;
  registrations: { confirmed: number; pending: number; newThisWeek: number };
  unregistered: number;
  activities: {
    count: number;
    cancelled: number;
    items: {
      id: number;
      title: string;
      type: { code: string };
      status: string;
      capacity: number | null;
      signups: number;
      checkedIn: number;
      startsAt: string;
    }[];
  };
  fiveOne: {
    members: number;
    itemsDone: number;
    rate: number | null;
    fullMembers: number;
    idleMembers: number;
    items: { item: string; members: number }[];
  };
  trend: { weekStart: string; itemsDone: number; rate: number | null }[];
}

async function get(client: Client, query = ''): Promise<DashboardJson> {
  const res = await client.get(`/api/volunteer/dashboard${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DashboardJson;
}

const perItem = (d: DashboardJson) => Object.fromEntries(d.fiveOne.items.map((i) => [i.item, i.members]));
const trendDone = (d: DashboardJson) => d.trend.map((w) => w.itemsDone);

describe('the community dashboard', () => {
  it('gives the east district office its week by hand-computed figures', async () => {
    const d = await get(eastOffice);
    expect(d.weekStart).toBe(WEEK);
    expect(d.weekEnd).toBe('2026-03-08');
    expect(d.registrations).toEqual({ confirmed: 3, pending: 1, newThisWeek: 1 });
    // 钱多, 孙丽 (rejected) in the east community; 王芳 through the east unit.
    expect(d.unregistered).toBe(3);
    // Ordered by start; the cancelled one counts too; nothing from the west or without a community.
    expect(d.activities.count).toBe(2);
    expect(d.activities.cancelled).toBe(1);
    expect(d.activities.items).toEqual([
      expect.objectContaining({
        id: a.early,
        status: 'cancelled',
        type: expect.objectContaining({ code: 'volunteer' }),
      }),
      expect.objectContaining({
        id: a.main,
        title: '幸福小区环境卫生整治',
        status: 'published',
        capacity: 10,
        signups: 3,
        checkedIn: 2,
        startsAt: '2026-03-04T01:00:00.000Z',
        type: expect.objectContaining({ code: 'sanitation', fiveOne: 'sanitation' }),
        community: { id: city.communities[0].id, name: city.communities[0].name },
      }),
    ]);
    // Members 刘红 (5 items), 张伟 (2), 李强 (none): 7 / (5 × 3).
    expect(d.fiveOne).toMatchObject({ members: 3, itemsDone: 7, fullMembers: 1, idleMembers: 1 });
    expect(d.fiveOne.rate).toBeCloseTo(7 / 15, 10);
    expect(d.fiveOne.items.map((i) => i.item)).toEqual([
      'sanitation',
      'volunteer',
      'convention',
      'sorting',
      'dissuasion',
    ]);
    expect(perItem(d)).toEqual({ sanitation: 2, volunteer: 1, convention: 1, sorting: 2, dissuasion: 1 });
    expect(d.trend.map((w) => w.weekStart)).toEqual(TREND);
    expect(trendDone(d)).toEqual([1, 0, 0, 0, 0, 0, 4, 7]);
    expect(d.trend.map((w) => w.rate)).toEqual([1 / 15, 0, 0, 0, 0, 0, 4 / 15, 7 / 15]);
  });

  it('agrees with the compliance rollup and the unregistered list week by week', async () => {
    const d = await get(eastOffice);
    for (const w of d.trend) {
      const c = (
        await eastOffice.get(`/api/volunteer/five-one/compliance?by=community&period=week&day=${w.weekStart}`)
      ).json();
      expect(c.overall.rate, w.weekStart).toBeCloseTo(w.rate ?? -1, 10);
      expect(c.overall.itemsDone, w.weekStart).toBe(w.itemsDone);
    }
    const current = (await eastOffice.get('/api/volunteer/five-one/compliance?by=community&period=week')).json();
    expect(current.overall).toMatchObject({
      members: d.fiveOne.members,
      fullMembers: d.fiveOne.fullMembers,
      idleMembers: d.fiveOne.idleMembers,
    });
    const list = (await eastOffice.get('/api/volunteer/unregistered')).json();
    expect(list.total).toBe(d.unregistered);
  });

  it('shows another week by its day, and defaults to today in Beijing', async () => {
    // 25 February lies in the week of 23 February: 刘红 1 item, 张伟 a row with nothing, 李强 3.
    const d = await get(eastOffice, '?day=2026-02-25');
    expect(d).toMatchObject({ weekStart: '2026-02-23', weekEnd: '2026-03-01' });
    expect(d.registrations.newThisWeek).toBe(1); // 张伟, Sunday 23:30 in Beijing
    expect(d.fiveOne).toMatchObject({ members: 3, itemsDone: 4, fullMembers: 0, idleMembers: 1 });
    expect(perItem(d)).toEqual({ sanitation: 2, volunteer: 1, convention: 1, sorting: 0, dissuasion: 0 });
    expect(d.activities.items.map((x) => x.title)).toEqual(['上周日活动']);
    expect(d.trend.map((w) => w.weekStart)).toEqual(['2026-01-05', ...TREND.slice(0, 7)]);
    expect(trendDone(d)).toEqual([5, 1, 0, 0, 0, 0, 0, 4]);

    // Sunday 1 March 17:00 UTC is Monday 01:00 in Beijing: the week of 2 March.
    const before = env.clock.now;
    env.clock.now = new Date('2026-03-01T17:00:00Z');
    try {
      expect((await get(eastOffice)).weekStart).toBe(WEEK);
    } finally {
      env.clock.now = before;
    }
  });

  it('gives the city office everything and narrows to a community', async () => {
    const d = await get(office);
    // 周杰 was confirmed at Sunday 23:59:59 in Beijing: still this week.
    expect(d.registrations).toEqual({ confirmed: 4, pending: 2, newThisWeek: 2 });
    // 钱多, 孙丽, 郑爽, 王芳.
    expect(d.unregistered).toBe(4);
    expect(d.activities.items.map((x) => x.id)).toEqual([a.early, a.main, a.west, a.unit]);
    expect(d.activities).toMatchObject({ count: 4, cancelled: 1 });
    // 刘红 5, 张伟 2, 周杰 2, 李强 0: 9 / (5 × 4).
    expect(d.fiveOne).toMatchObject({ members: 4, itemsDone: 9, fullMembers: 1, idleMembers: 1 });
    expect(d.fiveOne.rate).toBeCloseTo(0.45, 10);
    expect(perItem(d)).toEqual({ sanitation: 3, volunteer: 2, convention: 1, sorting: 2, dissuasion: 1 });
    expect(trendDone(d)).toEqual([1, 0, 0, 0, 0, 0, 4, 9]);

    const west = await get(office, `?communityId=${city.communities[1].id}`);
    expect(west.registrations).toEqual({ confirmed: 1, pending: 1, newThisWeek: 1 });
    // 郑爽, 王芳 live in the west community (the community filter is where they live).
    expect(west.unregistered).toBe(2);
    expect(west.activities.items.map((x) => x.id)).toEqual([a.west]);
    expect(west.fiveOne).toMatchObject({ members: 1, itemsDone: 2, rate: 0.4, fullMembers: 0, idleMembers: 0 });
    expect(trendDone(west)).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('keeps a district office to its own communities', async () => {
    const west = await get(westOffice);
    expect(west.registrations).toEqual({ confirmed: 1, pending: 1, newThisWeek: 1 });
    expect(west.unregistered).toBe(2);
    expect(west.activities.items.map((x) => x.id)).toEqual([a.west]);
    expect(west.fiveOne).toMatchObject({ members: 1, itemsDone: 2 });
    expect(JSON.stringify(west)).not.toContain('幸福小区');

    const east = await get(eastOffice, `?communityId=${city.communities[0].id}`);
    expect(east.registrations).toEqual({ confirmed: 3, pending: 1, newThisWeek: 1 });
    expect(east.unregistered).toBe(2);
    for (const id of [city.communities[0].id, city.streets[0].id, 999_999_999]) {
      const res = await westOffice.get(`/api/volunteer/dashboard?communityId=${id}`);
      expect(res.statusCode, String(id)).toBe(404);
    }
    expect((await eastOffice.get(`/api/volunteer/dashboard?communityId=${city.communities[1].id}`)).statusCode).toBe(
      404,
    );
    expect((await eastOffice.get('/api/volunteer/dashboard?day=2026-3-2')).statusCode).toBe(400);
  });

  it('applies the access matrix', async () => {
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/volunteer/dashboard',
        allowed: 'region_staff',
        forbidden: 'member',
        send: (c, target) =>
          c.get(`/api/volunteer/dashboard?communityId=${city.communities[target === 'own' ? 0 : 1].id}`),
      },
      {
        name: 'GET /api/volunteer/dashboard (unit staff)',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        scoped: false,
        send: (c) => c.get('/api/volunteer/dashboard'),
      },
    ]);
    const anonymous = await env.app.inject({ url: '/api/volunteer/dashboard' });
    expect(anonymous.statusCode).toBe(401);
  });
});
