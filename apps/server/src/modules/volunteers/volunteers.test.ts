// Community service through the API: a member registers with the community and the community
// confirms; activities with a signed QR code and a geofence; check-in and check-out refused with
// clear messages (wrong, forged or expired code, outside the fence with the distance, outside the
// window, twice, concurrent retries, check-out before check-in); hours capped by the activity and
// confirmed by the organiser; the week's 五个一 from attendance and confirmed self-reports;
// compliance against hand-computed figures; and the access rules.

import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@cc/common/permissions';
import { caseTestConfig, createCaseCity, uploadPhoto, type CaseCity } from '../../../test/case-fixtures.js';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import { as, createTestEnv, createUser, type Client, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let city: CaseCity;
let office: Client;
let eastOffice: Client;
let westOffice: Client;
let organiser: Client;
let members: { client: Client; personId: number }[];
let unlinked: Client;

const start = new Date('2026-03-02T02:00:00Z'); // the harness clock: Monday 10:00 in Beijing
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

async function make(roles: Role[], scope: { regionId?: number | null; unitId?: number | null }) {
  const user = await createUser(env.db, city, roles, scope);
  return { id: user.id, client: await as(env.app, user) };
}

async function member(name: string, unitId: number, partyOrg: string) {
  const person = await env.db
    .insertInto('people')
    .values({
      city_id: city.cityId,
      name,
      kind: 'member',
      unit_id: unitId,
      party_org: partyOrg,
      community_id: city.communities[0].id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await createUser(env.db, city, ['member'], { regionId: city.communities[0].id });
  await env.db.updateTable('users').set({ person_id: person.id }).where('id', '=', user.id).execute();
  return { client: await as(env.app, user), personId: person.id };
}

async function activity(body: Record<string, unknown> = {}) {
  const res = await organiser.post('/api/volunteer/activities', {
    typeCode: 'sanitation',
    title: '幸福小区环境卫生整治',
    communityId: city.communities[0].id,
    place: '幸福小区东门',
    lng: city.pointA.lng,
    lat: city.pointA.lat,
    radiusM: 200,
    startsAt: minutes(-10).toISOString(),
    endsAt: minutes(110).toISOString(),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; canManage: boolean };
}

async function qr(id: number, validMinutes?: number) {
  const res = await organiser.get(
    `/api/volunteer/activities/${id}/qr${validMinutes ? `?validMinutes=${validMinutes}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { token: string }).token;
}

const at = (clock: Date, fn: () => Promise<unknown>) => {
  const before = env.clock.now;
  env.clock.now = clock;
  return Promise.resolve(fn()).finally(() => {
    env.clock.now = before;
  });
};

beforeAll(async () => {
  env = await createTestEnv(caseTestConfig());
  city = await createCaseCity(env.db, env.clock.now);
  office = (await make(['city_admin'], {})).client;
  eastOffice = (await make(['region_staff'], { regionId: city.districts[0].id })).client;
  westOffice = (await make(['region_staff'], { regionId: city.districts[1].id })).client;
  organiser = (await make(['unit_staff'], { regionId: null, unitId: city.unitA })).client;
  unlinked = (await make(['member'], { regionId: city.communities[0].id })).client;
  members = [
    await member('刘红', city.unitA, '市城管局机关党支部'),
    await member('张伟', city.unitA, '市城管局机关党支部'),
    await member('王芳', city.unitB, '西区城管局党支部'),
  ];
});
afterAll(async () => env?.close());

describe('community registration', () => {
  it('needs an account linked to a member record', async () => {
    const res = await unlinked.post('/api/volunteer/registrations', { communityId: city.communities[0].id });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('未关联');
  });

  it('registers, refuses a second live registration, and is confirmed by the community', async () => {
    const [liu, zhang] = members;
    const communities = (await liu.client.get('/api/volunteer/communities')).json();
    expect(communities.items.map((c: { id: number }) => c.id)).toEqual(
      expect.arrayContaining(city.communities.map((c) => c.id)),
    );
    const bad = await liu.client.post('/api/volunteer/registrations', { communityId: city.streets[0].id });
    expect(bad.statusCode).toBe(400);
    const badId = await liu.client.post('/api/volunteer/registrations', {
      communityId: city.communities[0].id,
      idType: 'resident_id',
      idNumber: '110105194912310021',
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details.fields[0].path).toBe('body/idNumber');
    const res = await liu.client.post('/api/volunteer/registrations', {
      communityId: city.communities[0].id,
      idType: 'resident_id',
      idNumber: '11010519491231002x',
      skills: ['义诊', '摄影'],
      availableTimes: ['周六上午'],
      familyMembers: [{ name: '刘小明', relation: '子女' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const reg = res.json();
    expect(reg).toMatchObject({
      status: 'pending',
      partyOrg: '市城管局机关党支部',
      workUnit: { id: city.unitA },
      familyMembers: [{ name: '刘小明', relation: '子女' }],
      idType: 'resident_id',
      idNumberMasked: '110***********002X',
    });
    expect(JSON.stringify(reg)).not.toContain('11010519491231002X');
    const again = await liu.client.post('/api/volunteer/registrations', { communityId: city.communities[1].id });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('待社区确认');

    const pending = (await eastOffice.get('/api/volunteer/registrations?status=pending')).json();
    expect(pending.items.map((r: { id: number }) => r.id)).toContain(reg.id);
    expect(pending.items.find((r: { id: number }) => r.id === reg.id).canDecide).toBe(true);
    expect(
      (await westOffice.post(`/api/volunteer/registrations/${reg.id}/decide`, { decision: 'confirm' })).statusCode,
    ).toBe(404);
    const noReason = await eastOffice.post(`/api/volunteer/registrations/${reg.id}/decide`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    const ok = await eastOffice.post(`/api/volunteer/registrations/${reg.id}/decide`, { decision: 'confirm' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', volunteerNo: expect.stringMatching(/^ZY\d{8}$/) });
    const mine = (await liu.client.get('/api/volunteer/registrations/mine')).json();
    expect(mine).toMatchObject({ personLinked: true, current: { id: reg.id, status: 'confirmed' } });

    // 张伟 registers too and is confirmed; 王芳 does not register.
    const z = await zhang.client.post('/api/volunteer/registrations', { communityId: city.communities[0].id });
    await eastOffice.post(`/api/volunteer/registrations/${z.json().id}/decide`, { decision: 'confirm' });
  });

  it('lists who has not registered and reminds them', async () => {
    const list = (await office.get(`/api/volunteer/unregistered?unitId=${city.unitB}`)).json();
    expect(list.items.map((m: { id: number }) => m.id)).toEqual([members[2].personId]);
    const reminded = await office.post('/api/volunteer/unregistered/remind', { unitId: city.unitB });
    expect(reminded.json()).toEqual({ members: 1, notified: 1 });
  });
});

describe('activity types', () => {
  it('lets the city office add, rename and retire types, and keeps the 五个一 item of a used type', async () => {
    const list = (await office.get('/api/volunteer/activity-types')).json();
    expect(list.canEdit).toBe(true);
    expect(list.items.map((x: { code: string }) => x.code)).toEqual(
      expect.arrayContaining(['sanitation', 'clean_day', 'lei_feng', 'traffic']),
    );
    expect((await eastOffice.get('/api/volunteer/activity-types')).json().canEdit).toBe(false);
    const denied = await eastOffice.post('/api/volunteer/activity-types', {
      code: 'river',
      name: '护河',
      fiveOne: null,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().message).toBe('活动类型由市级文明办统一设置');
    const created = await office.post('/api/volunteer/activity-types', {
      code: 'river_patrol',
      name: '河道巡护',
      fiveOne: 'sanitation',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().items.at(-1)).toMatchObject({ code: 'river_patrol', fiveOne: 'sanitation', active: true });
    expect(
      (await office.post('/api/volunteer/activity-types', { code: 'river_patrol', name: 'x', fiveOne: null }))
        .statusCode,
    ).toBe(409);
    expect(
      (await office.post('/api/volunteer/activity-types', { code: 'Bad Code', name: 'x', fiveOne: null })).statusCode,
    ).toBe(400);
    // Unused: its item may still change. Once an activity uses it, no longer.
    const remapped = await office.patch('/api/volunteer/activity-types/river_patrol', { fiveOne: 'volunteer' });
    expect(remapped.statusCode, remapped.body).toBe(200);
    await activity({ typeCode: 'river_patrol', title: '河道巡护' });
    expect((await office.patch('/api/volunteer/activity-types/river_patrol', { fiveOne: 'sorting' })).statusCode).toBe(
      409,
    );
    const retired = await office.patch('/api/volunteer/activity-types/river_patrol', {
      name: '河湖巡护',
      active: false,
    });
    expect(retired.json().items.find((x: { code: string }) => x.code === 'river_patrol')).toMatchObject({
      name: '河湖巡护',
      fiveOne: 'volunteer',
      active: false,
    });
    const refused = await organiser.post('/api/volunteer/activities', {
      typeCode: 'river_patrol',
      title: '河湖巡护',
      communityId: city.communities[0].id,
      place: '河边',
      lng: city.pointA.lng,
      lat: city.pointA.lat,
      radiusM: 200,
      startsAt: minutes(60).toISOString(),
      endsAt: minutes(120).toISOString(),
    });
    expect(refused.statusCode).toBe(400);
    expect((await office.patch('/api/volunteer/activity-types/nope', { active: false })).statusCode).toBe(404);
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('action')
      .where('entity_type', '=', 'activity_type')
      .where('entity_id', '=', 'river_patrol')
      .execute();
    expect(audit.map((x) => x.action)).toEqual([
      'volunteer.activity_type.create',
      'volunteer.activity_type.update',
      'volunteer.activity_type.update',
    ]);
  });
});

describe('check-in and check-out', () => {
  it('checks a member in and out inside the fence and computes the hours', async () => {
    const a = await activity();
    expect(a.canManage).toBe(true);
    const token = await qr(a.id);
    const [liu] = members;
    const far = await liu.client.post('/api/volunteer/check-in', {
      token,
      lng: city.pointA.lng + 0.01,
      lat: city.pointA.lat,
    });
    expect(far.statusCode).toBe(400);
    expect(far.json().message).toMatch(/约 9\d\d 米，超出签到范围（200 米）/);
    const ok = await liu.client.post('/api/volunteer/check-in', {
      token,
      lng: city.pointA.lng + 0.0005,
      lat: city.pointA.lat,
      family: [{ name: '刘小明', relation: '子女' }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'open', family: [{ name: '刘小明' }], weekStart: '2026-03-02' });
    expect(ok.json().checkInDistanceM).toBeGreaterThan(30);
    const twice = await liu.client.post('/api/volunteer/check-in', { token, ...city.pointA });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('已签到');

    const notIn = await members[1].client.post('/api/volunteer/check-out', { token, ...city.pointA });
    expect(notIn.statusCode).toBe(409);
    expect(notIn.json().message).toContain('还没有签到');

    const out = await at(minutes(80), () => liu.client.post('/api/volunteer/check-out', { token, ...city.pointA }));
    const outRes = out as Awaited<ReturnType<Client['post']>>;
    expect(outRes.statusCode, outRes.body).toBe(200);
    // In at 10:00 (the activity began 9:50), out at 11:20: 80 minutes.
    expect(outRes.json()).toMatchObject({ status: 'pending', minutes: 80 });
    const attendance = outRes.json() as { id: number };

    const week = (await liu.client.get('/api/volunteer/five-one/me')).json();
    expect(week.items.find((i: { item: string }) => i.item === 'sanitation')).toMatchObject({
      done: true,
      sources: ['activity'],
    });
    expect(week.count).toBe(1);

    const over = await organiser.post(`/api/volunteer/attendance/${attendance.id}/decide`, {
      decision: 'confirm',
      minutes: 90,
    });
    expect(over.statusCode).toBe(400);
    const confirmed = await organiser.post(`/api/volunteer/attendance/${attendance.id}/decide`, {
      decision: 'confirm',
      minutes: 75,
    });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedMinutes: 75 });
    const hours = (await liu.client.get('/api/volunteer/my-hours')).json();
    expect(hours).toMatchObject({ confirmedMinutes: 75, pendingMinutes: 0, activities: 1 });
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('action')
      .where('entity_type', '=', 'activity_attendance')
      .where('entity_id', '=', String(attendance.id))
      .execute();
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining([
        'volunteer.attendance.check_in',
        'volunteer.attendance.check_out',
        'volunteer.attendance.confirm',
      ]),
    );
  });

  it('refuses foreign, forged and expired codes and check-in outside the time window', async () => {
    const a = await activity({ title: '垃圾分类实践', typeCode: 'sorting' });
    const b = await activity({ title: '文明交通劝导', typeCode: 'traffic' });
    const tokenB = await qr(b.id);
    const [, zhang] = members;
    const forged = tokenB.replace(/\.(\d+)\./, `.${a.id}.`);
    const wrong = await zhang.client.post('/api/volunteer/check-in', { token: forged, ...city.pointA });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('二维码无效');
    const short = await qr(a.id, 1);
    const expired = await at(minutes(3), () =>
      zhang.client.post('/api/volunteer/check-in', { token: short, ...city.pointA }),
    );
    expect((expired as Awaited<ReturnType<Client['post']>>).json().message).toContain('已过期');
    const later = await activity({
      title: '学雷锋',
      typeCode: 'lei_feng',
      startsAt: minutes(120).toISOString(),
      endsAt: minutes(240).toISOString(),
    });
    const early = await zhang.client.post('/api/volunteer/check-in', { token: await qr(later.id), ...city.pointA });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('还未到签到时间');
    const nobody = await env.db
      .selectFrom('activity_attendance')
      .select('id')
      .where('activity_id', 'in', [a.id, b.id, later.id])
      .execute();
    expect(nobody).toHaveLength(0);
  });

  it('lets concurrent retries of one check-in count once', async () => {
    const a = await activity({ title: '志愿服务', typeCode: 'volunteer' });
    const token = await qr(a.id);
    const [, zhang] = members;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => zhang.client.post('/api/volunteer/check-in', { token, ...city.pointA })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(4);
    const rows = await env.db.selectFrom('activity_attendance').select('id').where('activity_id', '=', a.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('takes attendance by hand with a reason, capped by the activity', async () => {
    const a = await activity({ title: '文明公约宣传', typeCode: 'convention' });
    const stranger = await organiser.post(`/api/volunteer/activities/${a.id}/manual-attendance`, {
      personId: members[2].personId,
      checkInAt: minutes(-5).toISOString(),
      reason: '现场核实签到',
    });
    expect(stranger.statusCode).toBe(400);
    expect((await members[2].client.post(`/api/volunteer/activities/${a.id}/signup`)).statusCode).toBe(200);
    const res = await organiser.post(`/api/volunteer/activities/${a.id}/manual-attendance`, {
      personId: members[2].personId,
      checkInAt: minutes(-30).toISOString(),
      checkOutAt: minutes(200).toISOString(),
      reason: '手机无定位信号，现场核实',
    });
    // The check-out lies in the future: refused.
    expect(res.statusCode).toBe(400);
    const ok = await at(minutes(240), () =>
      organiser.post(`/api/volunteer/activities/${a.id}/manual-attendance`, {
        personId: members[2].personId,
        checkInAt: minutes(-30).toISOString(),
        checkOutAt: minutes(200).toISOString(),
        reason: '手机无定位信号，现场核实',
      }),
    );
    const body = (ok as Awaited<ReturnType<Client['post']>>).json();
    // Capped at the activity's 2 hours.
    expect(body).toMatchObject({ status: 'pending', minutes: 120, manualReason: '手机无定位信号，现场核实' });
    const notMine = await members[0].client.post(`/api/volunteer/activities/${a.id}/manual-attendance`, {
      personId: members[0].personId,
      checkInAt: minutes(-5).toISOString(),
      reason: '自己补签一下',
    });
    expect(notMine.statusCode).toBe(403);
  });

  it('lists the sign-ups with their attendance and takes someone off only before check-in', async () => {
    const [liu, zhang] = members;
    const a = await activity({ title: '垃圾分类实践', typeCode: 'sorting' });
    expect((await liu.client.post(`/api/volunteer/activities/${a.id}/signup`)).statusCode).toBe(200);
    const assigned = await organiser.post(`/api/volunteer/activities/${a.id}/assign`, { personIds: [zhang.personId] });
    expect(assigned.json()).toEqual({ assigned: 1, already: 0 });
    const checkedIn = await organiser.post(`/api/volunteer/activities/${a.id}/manual-attendance`, {
      personId: liu.personId,
      checkInAt: minutes(-5).toISOString(),
      reason: '现场签到表核实',
    });
    expect(checkedIn.statusCode, checkedIn.body).toBe(200);
    const list = await organiser.get(`/api/volunteer/activities/${a.id}/signups`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ name: '刘红' }),
        source: 'self',
        attendance: 'open',
      }),
      expect.objectContaining({
        person: expect.objectContaining({ name: '张伟' }),
        source: 'assigned',
        attendance: null,
        unit: expect.objectContaining({ id: city.unitA }),
        partyOrg: '市城管局机关党支部',
      }),
    ]);
    expect((await organiser.delete(`/api/volunteer/activities/${a.id}/signups/${liu.personId}`)).statusCode).toBe(409);
    // Members and the other district's office cannot read or change the list.
    expect((await liu.client.get(`/api/volunteer/activities/${a.id}/signups`)).statusCode).toBe(403);
    expect([403, 404]).toContain((await westOffice.get(`/api/volunteer/activities/${a.id}/signups`)).statusCode);
    expect([403, 404]).toContain(
      (await westOffice.delete(`/api/volunteer/activities/${a.id}/signups/${zhang.personId}`)).statusCode,
    );
    const removed = await eastOffice.delete(`/api/volunteer/activities/${a.id}/signups/${zhang.personId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().items.map((s: { person: { id: number } }) => s.person.id)).toEqual([liu.personId]);
    expect((await eastOffice.delete(`/api/volunteer/activities/${a.id}/signups/${zhang.personId}`)).statusCode).toBe(
      404,
    );
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('before')
      .where('action', '=', 'volunteer.activity.signup_remove')
      .where('entity_id', '=', String(a.id))
      .execute();
    expect(audit.map((x) => x.before)).toEqual([{ personId: zhang.personId, source: 'assigned' }]);
  });
});

describe('the weekly 五个一', () => {
  it('adds confirmed self-reports and computes compliance by hand-checked figures', async () => {
    const [liu, zhang] = members;
    const photo = await uploadPhoto(env, liu.client);
    const report = await liu.client.post('/api/volunteer/five-one/reports', {
      item: 'dissuasion',
      photo,
      note: '劝导乱扔垃圾',
    });
    expect(report.statusCode, report.body).toBe(201);
    const dup = await liu.client.post('/api/volunteer/five-one/reports', { item: 'dissuasion', photo });
    expect(dup.statusCode).toBe(409);
    const old = await liu.client.post('/api/volunteer/five-one/reports', { item: 'sorting', photo, day: '2026-02-16' });
    expect(old.statusCode).toBe(400);
    const notRegistered = await members[2].client.post('/api/volunteer/five-one/reports', {
      item: 'sorting',
      photo: await uploadPhoto(env, members[2].client),
    });
    expect(notRegistered.statusCode).toBe(409);
    expect(
      (await liu.client.get('/api/volunteer/five-one/me'))
        .json()
        .items.find((i: { item: string }) => i.item === 'dissuasion'),
    ).toMatchObject({
      done: false,
      pendingReport: true,
    });
    // The community's office may decide it; the city office sees it too, the other district not at all.
    const pendingFor = async (client: Client) =>
      (await client.get('/api/volunteer/five-one/reports?status=pending')).json().items as { canDecide: boolean }[];
    expect((await pendingFor(eastOffice)).map((r) => r.canDecide)).toEqual([true]);
    expect(await pendingFor(westOffice)).toEqual([]);
    const confirmed = await eastOffice.post(`/api/volunteer/five-one/reports/${report.json().id}/decide`, {
      decision: 'confirm',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().canDecide).toBe(false);

    // 刘红: sanitation (activity) + dissuasion (report) = 2; 张伟: volunteer (checked in, not out) = 0.
    const week = (await liu.client.get('/api/volunteer/five-one/me')).json();
    expect(week.count).toBe(2);
    const byMember = (await eastOffice.get('/api/volunteer/five-one/compliance?by=member&period=week')).json();
    expect(byMember.weeks).toBe(1);
    expect(byMember.overall).toMatchObject({ members: 2, itemsDone: 2, rate: 0.2, idleMembers: 1, fullMembers: 0 });
    expect(byMember.items.find((r: { key: string }) => r.key === String(liu.personId))).toMatchObject({
      itemsDone: 2,
      rate: 0.4,
    });
    const byParty = (await eastOffice.get('/api/volunteer/five-one/compliance?by=party_org&period=week')).json();
    expect(byParty.items).toEqual([
      expect.objectContaining({ key: '市城管局机关党支部', members: 2, itemsDone: 2, rate: 0.2 }),
    ]);
    // The month of March 2026 has five weeks starting in it (2, 9, 16, 23, 30): 2 / (5 × 2 × 5).
    const month = (await eastOffice.get('/api/volunteer/five-one/compliance?by=community&period=month')).json();
    expect(month).toMatchObject({ from: '2026-03-01', to: '2026-03-31', weeks: 5 });
    expect(month.overall.rate).toBeCloseTo(0.04);
    const idle = (await eastOffice.get('/api/volunteer/five-one/idle')).json();
    expect(idle.items.map((m: { id: number }) => m.id)).toEqual([zhang.personId]);
    const idleOf = async (query: string) =>
      ((await eastOffice.get(`/api/volunteer/five-one/idle?${query}`)).json().items as { id: number }[]).map(
        (m) => m.id,
      );
    expect(await idleOf(`partyOrg=${encodeURIComponent('市城管局机关党支部')}`)).toEqual([zhang.personId]);
    expect(await idleOf(`partyOrg=${encodeURIComponent('西区城管局党支部')}`)).toEqual([]);
    expect(await idleOf(`unitId=${city.unitB}`)).toEqual([]);
    const byPartyMembers = await eastOffice.get(
      `/api/volunteer/five-one/compliance?by=member&period=week&partyOrg=${encodeURIComponent('市城管局机关党支部')}`,
    );
    expect(byPartyMembers.json().overall).toMatchObject({ members: 2, itemsDone: 2 });
    const remindedNone = await eastOffice.post('/api/volunteer/five-one/remind', { partyOrg: '西区城管局党支部' });
    expect(remindedNone.json()).toEqual({ members: 0, notified: 0 });
    const reminded = await eastOffice.post('/api/volunteer/five-one/remind', {});
    expect(reminded.json()).toEqual({ members: 1, notified: 1 });
    const west = (await westOffice.get('/api/volunteer/five-one/compliance?by=member&period=week')).json();
    expect(west.overall.members).toBe(0);
  });
});

describe('recognition', () => {
  it('ranks, draws up and publishes a commendation list', async () => {
    const [liu] = members;
    const hoursRes = await eastOffice.get(
      '/api/volunteer/rankings?subject=member&basis=hours&from=2026-03-01&to=2026-03-31',
    );
    expect(hoursRes.statusCode, hoursRes.body).toBe(200);
    const hours = hoursRes.json();
    // Only 刘红 has confirmed hours: 75 minutes = 1.3 h.
    expect(hours.items).toEqual([
      expect.objectContaining({ rank: 1, key: String(liu.personId), name: '刘红', value: 1.3 }),
    ]);
    const five = (
      await eastOffice.get('/api/volunteer/rankings?subject=party_org&basis=five_one&from=2026-03-01&to=2026-03-31')
    ).json();
    expect(five.items).toEqual([expect.objectContaining({ rank: 1, key: '市城管局机关党支部', value: 2, members: 2 })]);
    const activities = (
      await eastOffice.get('/api/volunteer/rankings?subject=member&basis=activities&from=2026-03-01&to=2026-03-31')
    ).json();
    // 张伟 is still checked in (not counted until checked out); 王芳 is not registered.
    expect(activities.items.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual([
      [String(liu.personId), 1],
    ]);
    const empty = await eastOffice.post('/api/volunteer/commendations', {
      title: '二月表彰',
      subject: 'member',
      basis: 'hours',
      from: '2026-02-01',
      to: '2026-02-28',
      top: 10,
    });
    expect(empty.statusCode).toBe(409);
    const draft = await eastOffice.post('/api/volunteer/commendations', {
      title: '三月“五个一”先进党员',
      subject: 'member',
      basis: 'activities',
      from: '2026-03-01',
      to: '2026-03-31',
      top: 10,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const list = draft.json();
    expect(list).toMatchObject({ status: 'draft', canManage: true });
    expect(list.entries).toEqual([expect.objectContaining({ rank: 1, name: '刘红', value: 1 })]);
    expect((await liu.client.get(`/api/volunteer/commendations/${list.id}`)).statusCode).toBe(404);
    const trimmed = await eastOffice.delete(`/api/volunteer/commendations/${list.id}/entries/${list.entries[0].id}`);
    expect(trimmed.json().entries).toHaveLength(0);
    expect((await eastOffice.post(`/api/volunteer/commendations/${list.id}/publish`)).statusCode).toBe(409);
    const again = await eastOffice.post('/api/volunteer/commendations', {
      title: '三月服务时长先进个人',
      subject: 'member',
      basis: 'hours',
      from: '2026-03-01',
      to: '2026-03-31',
      top: 10,
    });
    const published = await eastOffice.post(`/api/volunteer/commendations/${again.json().id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', canManage: false });
    expect((await eastOffice.post(`/api/volunteer/commendations/${again.json().id}/publish`)).statusCode).toBe(409);
    const seen = (await liu.client.get('/api/volunteer/commendations')).json();
    expect(seen.items.map((c: { id: number }) => c.id)).toEqual([again.json().id]);
  });

  it('issues a numbered hours record with the fields of the volunteer-record rules', async () => {
    const [liu, zhang] = members;
    const none = await zhang.client.post('/api/volunteer/certificates', { from: '2026-03-01', to: '2026-03-31' });
    expect(none.statusCode).toBe(409);
    const res = await liu.client.post('/api/volunteer/certificates', { from: '2026-03-01', to: '2026-03-31' });
    expect(res.statusCode, res.body).toBe(201);
    const cert = res.json();
    expect(cert).toMatchObject({ minutes: 75, activities: 1, number: '志愿记录〔2026〕1号', person: { name: '刘红' } });
    const second = (
      await eastOffice.post('/api/volunteer/certificates', {
        personId: liu.personId,
        from: '2026-03-01',
        to: '2026-03-31',
      })
    ).json();
    expect(second.number).toBe('志愿记录〔2026〕2号');
    expect(
      (
        await westOffice.post('/api/volunteer/certificates', {
          personId: liu.personId,
          from: '2026-03-01',
          to: '2026-03-31',
        })
      ).statusCode,
    ).toBe(404);
    const file = await liu.client.get(`/api/volunteer/certificates/${cert.id}/file`);
    expect(file.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
    for (const text of [
      '志愿服务记录证明',
      '刘红',
      '居民身份证',
      '110***********002X',
      'ZY',
      '1.3 小时',
      '幸福小区环境卫生整治',
      '志愿记录〔2026〕1号',
      '平台',
    ]) {
      expect(xml, text).toContain(text);
    }
    expect(xml).not.toContain('11010519491231002X');
    expect((await zhang.client.get(`/api/volunteer/certificates/${cert.id}/file`)).statusCode).toBe(404);
  });
});

describe('access', () => {
  it('applies the access matrix', async () => {
    const own = await members[1].client.get('/api/volunteer/registrations/mine');
    const ownId = own.json().current.id as number;
    const other = await env.db
      .insertInto('community_registrations')
      .values({
        city_id: city.cityId,
        person_id: members[2].personId,
        community_id: city.communities[1].id,
        registered_at: env.clock.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/volunteer/registrations',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        scoped: false,
        send: (c) => c.get('/api/volunteer/registrations'),
      },
      {
        name: 'POST /api/volunteer/activities',
        allowed: 'unit_staff',
        forbidden: 'member',
        scope: 'unit',
        scoped: false,
        okStatus: 201,
        send: (c) =>
          c.post('/api/volunteer/activities', {
            typeCode: 'volunteer',
            title: '矩阵活动',
            place: '东门',
            lng: city.pointA.lng,
            lat: city.pointA.lat,
            startsAt: minutes(60).toISOString(),
            endsAt: minutes(120).toISOString(),
          }),
      },
    ]);
    // Someone else's registration cannot be withdrawn.
    expect((await members[0].client.post(`/api/volunteer/registrations/${ownId}/withdraw`)).statusCode).toBe(404);
    // Deciding: the other district's registration is not found.
    const res = await eastOffice.post(`/api/volunteer/registrations/${other.id}/decide`, { decision: 'confirm' });
    expect(res.statusCode).toBe(404);
    // Organisers of another unit cannot manage.
    const a = await activity({ title: '他人活动' });
    const otherUnit = (await make(['unit_staff'], { regionId: null, unitId: city.unitB })).client;
    expect((await otherUnit.post(`/api/volunteer/activities/${a.id}/cancel`)).statusCode).toBe(403);
    expect((await otherUnit.get(`/api/volunteer/activities/${a.id}/qr`)).statusCode).toBe(403);
    // Nobody checks in for someone else: a person in the body is ignored, the session decides.
    const forOther = await members[1].client.post('/api/volunteer/check-in', {
      token: await qr(a.id),
      ...city.pointA,
      personId: members[0].personId,
    });
    expect(forOther.statusCode, forOther.body).toBe(201);
    expect(forOther.json().person.id).toBe(members[1].personId);
  });
});
