// Canvassing through the API: planning a drive and its assignments (all or nothing), visits from
// the phone (consent, phone rules, idempotent retry, nothing half-saved) and paper batches (per-row
// errors), progress and late units, grouping of near-identical opinions, the classifier trained on
// staff classifications, routing as a case or for a reply, replies and their delivery, answer
// escalation, the audited phone view, topics, and the access matrix.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@cc/common/permissions';
import { caseTestConfig, createCaseCity, type CaseCity } from '../../../test/case-fixtures.js';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import { as, createTestEnv, createUser, type Client, type TestEnv } from '../../../test/harness.js';
import { runAnswerEscalation } from './index.js';

let env: TestEnv;
let city: CaseCity;
let admin: Client;
let district: Client;
let canvasserA: Client;
let unitA: Client;
let unitB: Client;
let unitBId: number;
let driveId: number;
let assignmentA: number;
let assignmentB: number;
let buildings: { id: number; name: string }[];

let keySeq = 0;
const key = () => `visit-${Date.now().toString(36)}-${(keySeq++).toString(36)}`;

async function make(roles: Role[], scope: { regionId?: number | null; unitId?: number | null }) {
  const user = await createUser(env.db, city, roles, scope);
  return { id: user.id, client: await as(env.app, user) };
}

async function count(table: 'canvass_visits' | 'canvass_opinions' | 'canvass_assignments') {
  const rows = await env.db.selectFrom(table).select(env.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(rows.n);
}

function visit(overrides: Record<string, unknown> = {}) {
  return {
    assignmentId: assignmentA,
    buildingId: buildings[0].id,
    household: '1单元101',
    nameConsent: false,
    materials: ['明白纸'],
    opinions: [{ text: '小区门口路灯坏了晚上很黑' }],
    idempotencyKey: key(),
    ...overrides,
  };
}

beforeAll(async () => {
  env = await createTestEnv(caseTestConfig());
  city = await createCaseCity(env.db, env.clock.now);
  admin = (await make(['city_admin'], {})).client;
  district = (await make(['region_staff'], { regionId: city.districts[0].id })).client;
  canvasserA = (await make(['canvasser'], { regionId: null, unitId: city.unitA })).client;
  unitA = (await make(['unit_staff'], { regionId: null, unitId: city.unitA })).client;
  const b = await make(['unit_staff'], { regionId: null, unitId: city.unitB });
  unitB = b.client;
  unitBId = city.unitB;

  const created = await admin.post('/api/canvass-drives', {
    name: '访千楼万家 创文明城市',
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
    kickoffDueOn: '2026-03-05',
    recordsDueOn: '2026-03-20',
    materials: ['明白纸', '致全体市民倡议书', '文明市民手册'],
  });
  expect(created.statusCode, created.body).toBe(201);
  driveId = created.json().id;
  const assigned = await admin.post(`/api/canvass-drives/${driveId}/assignments`, {
    items: [
      {
        unitId: city.unitA,
        communityId: city.communities[0].id,
        targetHouseholds: 5,
        buildings: [
          { name: '1号楼', targetHouseholds: 3 },
          { name: '2号楼', targetHouseholds: 2 },
        ],
      },
      { unitId: city.unitB, communityId: city.communities[1].id, targetHouseholds: 4 },
    ],
  });
  expect(assigned.statusCode, assigned.body).toBe(201);
  const list = (await admin.get(`/api/canvass-drives/${driveId}/assignments`)).json();
  assignmentA = list.items.find((a: { unit: { id: number } }) => a.unit.id === city.unitA).id;
  assignmentB = list.items.find((a: { unit: { id: number } }) => a.unit.id === city.unitB).id;
  buildings = list.items.find((a: { id: number }) => a.id === assignmentA).buildings;
  expect((await admin.post(`/api/canvass-drives/${driveId}/status`, { status: 'open' })).statusCode).toBe(200);
});
afterAll(async () => env?.close());

describe('planning a drive', () => {
  it('refuses milestones outside the period and regions outside the planner’s scope', async () => {
    const outside = await admin.post('/api/canvass-drives', {
      name: '错误节点',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      kickoffDueOn: '2026-04-02',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details.fields[0].path).toBe('body/kickoffDueOn');
    const root = await district.post('/api/canvass-drives', {
      name: '越权',
      regionId: city.root.id,
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
    });
    expect(root.statusCode).toBe(400);
    const own = await district.post('/api/canvass-drives', {
      name: '东区走访',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ region: { id: city.districts[0].id }, status: 'draft', canManage: true });
  });

  it('saves a batch of assignments all or nothing', async () => {
    const before = await count('canvass_assignments');
    const dup = await admin.post(`/api/canvass-drives/${driveId}/assignments`, {
      items: [
        { unitId: city.unitOfficeB, communityId: city.communities[1].id, targetHouseholds: 3 },
        { unitId: city.unitA, communityId: city.communities[0].id, targetHouseholds: 3 },
      ],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().details.fields[0].path).toBe('body/items/1');
    expect(await count('canvass_assignments')).toBe(before);
  });

  it('has the default topics once a drive exists', async () => {
    const topics = (await admin.get('/api/opinion-topics')).json().items as {
      code: string;
      parentCode: string | null;
    }[];
    expect(
      topics
        .filter((t) => t.parentCode === null)
        .map((t) => t.code)
        .sort(),
    ).toEqual(['campaign', 'city', 'hotspot', 'livelihood']);
    const added = await admin.post('/api/opinion-topics', { parentCode: 'city', code: 'pets', name: '文明养犬' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().code).toBe('city.pets');
    expect((await admin.patch('/api/opinion-topics/city', { active: false })).statusCode).toBe(409);
  });
});

describe('recording visits', () => {
  it('records a visit with its opinions, masks the phone and replays a retry', async () => {
    const body = visit({
      nameConsent: true,
      intervieweeName: '王阿姨',
      phone: '138 1234 5678',
      opinions: [{ text: '楼道里堆放杂物，存在消防隐患' }, { text: '<b>希望</b>增加健身器材', scope: 'common' }],
    });
    const first = await canvasserA.post('/api/canvass-visits', body);
    expect(first.statusCode, first.body).toBe(201);
    const json = first.json();
    expect(json).toMatchObject({
      replayed: false,
      intervieweeName: '王阿姨',
      phoneMasked: '138****5678',
      community: { id: city.communities[0].id },
      building: { id: buildings[0].id },
      materials: ['明白纸'],
    });
    expect(json.opinions.map((o: { text: string }) => o.text)).toEqual([
      '楼道里堆放杂物，存在消防隐患',
      '<b>希望</b>增加健身器材',
    ]);
    expect(JSON.stringify(json)).not.toContain('13812345678');
    const again = await canvasserA.post('/api/canvass-visits', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: json.id, replayed: true });
  });

  it('refuses bad input with a clear message and saves nothing', async () => {
    const visits = await count('canvass_visits');
    const opinions = await count('canvass_opinions');
    const noConsent = await canvasserA.post('/api/canvass-visits', visit({ intervieweeName: '李先生' }));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().message).toContain('未同意填写姓名');
    const badPhone = await canvasserA.post('/api/canvass-visits', visit({ phone: '12345' }));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().details.fields[0].path).toBe('body/phone');
    const future = await canvasserA.post('/api/canvass-visits', visit({ visitedAt: '2026-03-09T02:00:00Z' }));
    expect(future.statusCode).toBe(400);
    const material = await canvasserA.post('/api/canvass-visits', visit({ materials: ['宣传扇'] }));
    expect(material.statusCode).toBe(400);
    const long = await canvasserA.post('/api/canvass-visits', visit({ opinions: [{ text: '很'.repeat(501) }] }));
    expect(long.statusCode).toBe(400);
    const otherUnit = await canvasserA.post(
      '/api/canvass-visits',
      visit({ assignmentId: assignmentB, buildingId: null }),
    );
    expect([403, 400]).toContain(otherUnit.statusCode);
    const wrongBuilding = await unitB.post(
      '/api/canvass-visits',
      visit({ assignmentId: assignmentB, buildingId: buildings[0].id }),
    );
    expect(wrongBuilding.statusCode).toBe(400);
    const en = await canvasserA.post('/api/canvass-visits', visit({ phone: 'abc' }), { 'accept-language': 'en-US' });
    expect(en.json().message).toMatch(/phone number is not valid/);
    expect(await count('canvass_visits')).toBe(visits);
    expect(await count('canvass_opinions')).toBe(opinions);
  });

  it('types in a stack of paper forms: per-row errors, then one save', async () => {
    const before = await count('canvass_visits');
    const forms: Record<string, unknown>[] = [
      visit({ household: '2单元201' }),
      visit({ household: '2单元202', phone: '999' }),
      visit({ household: '2单元203', nameConsent: false, intervieweeName: '赵' }),
    ];
    const refused = await admin.post('/api/canvass-visits/batch', { visits: forms });
    expect(refused.statusCode).toBe(400);
    const paths = refused.json().details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['body/visits/1/phone', 'body/visits/2/intervieweeName']);
    expect(await count('canvass_visits')).toBe(before);
    forms[1] = { ...forms[1], phone: '0318-8989228' };
    forms[2] = { ...forms[2], nameConsent: true };
    const saved = await admin.post('/api/canvass-visits/batch', { visits: forms });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ created: 3, replayed: 0 });
    const replay = await admin.post('/api/canvass-visits/batch', { visits: forms });
    expect(replay.json()).toMatchObject({ created: 0, replayed: 3 });
    const visitList = (await admin.get(`/api/canvass-visits?assignmentId=${assignmentA}&q=2单元202`)).json();
    expect(visitList.items[0]).toMatchObject({ source: 'batch', phoneMasked: '0318-****28' });
  });

  it('counts distinct households against the target, per unit, community and building', async () => {
    // So far: doors 1单元101 (twice: a visit and its replay count once), 2单元201–203 in 1号楼.
    await canvasserA.post('/api/canvass-visits', visit({ buildingId: buildings[1].id, household: '3单元301' }));
    await canvasserA.post('/api/canvass-visits', visit({ buildingId: buildings[1].id, household: '3单元301' }));
    await canvasserA.post('/api/canvass-visits', visit({ buildingId: null, household: null }));
    const byUnit = (await admin.get(`/api/canvass-drives/${driveId}/progress?by=unit`)).json();
    const a = byUnit.items.find((r: { id: number }) => r.id === city.unitA);
    // 1号楼: 101, 201, 202, 203 → 4; 2号楼: 301 → 1; one visit without a door → 1.
    expect(a.progress).toMatchObject({ targetHouseholds: 5, visitedHouseholds: 6, visits: 7, rate: 1.2 });
    const byBuilding = (await admin.get(`/api/canvass-drives/${driveId}/progress?by=building`)).json();
    expect(
      byBuilding.items.map((b: { name: string; progress: { visitedHouseholds: number } }) => [
        b.name,
        b.progress.visitedHouseholds,
      ]),
    ).toEqual([
      ['1号楼', 4],
      ['2号楼', 1],
    ]);
    const byCommunity = (await admin.get(`/api/canvass-drives/${driveId}/progress?by=community`)).json();
    expect(byCommunity.items.find((r: { id: number }) => r.id === city.communities[0].id).centre).not.toBeNull();
  });

  it('flags units that missed the kick-off date until they record it', async () => {
    env.clock.now = new Date('2026-03-06T02:00:00Z');
    try {
      const late = (await admin.get(`/api/canvass-drives/${driveId}/assignments?late=true`)).json();
      expect(late.items.map((a: { id: number }) => a.id).sort()).toEqual([assignmentA, assignmentB].sort());
      expect(late.items[0].lateReasons).toEqual(['kickoff']);
      const kicked = await unitA.post(`/api/canvass-assignments/${assignmentA}/kickoff`, { on: '2026-03-04' });
      expect(kicked.statusCode, kicked.body).toBe(200);
      expect(kicked.json()).toMatchObject({ late: false, kickedOffOn: '2026-03-04' });
      expect(
        (await unitA.post(`/api/canvass-assignments/${assignmentB}/kickoff`, { on: '2026-03-04' })).statusCode,
      ).toBe(404);
      const drive = (await admin.get(`/api/canvass-drives/${driveId}`)).json();
      expect(drive.lateUnitCount).toBe(1);
    } finally {
      env.clock.now = new Date('2026-03-02T02:00:00Z');
    }
  });

  it('refuses visits once the drive is closed', async () => {
    const other = await admin.post('/api/canvass-drives', {
      name: '已结束',
      startsOn: '2026-02-01',
      endsOn: '2026-02-28',
    });
    const id = other.json().id;
    await admin.post(`/api/canvass-drives/${id}/assignments`, {
      items: [{ unitId: city.unitA, communityId: city.communities[0].id, targetHouseholds: 1 }],
    });
    const assignment = (await admin.get(`/api/canvass-drives/${id}/assignments`)).json().items[0].id;
    await admin.post(`/api/canvass-drives/${id}/status`, { status: 'open' });
    await admin.post(`/api/canvass-drives/${id}/status`, { status: 'closed' });
    const res = await canvasserA.post('/api/canvass-visits', visit({ assignmentId: assignment, buildingId: null }));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('已结束');
    const mine = (await canvasserA.get('/api/canvass/my-assignments')).json();
    expect(mine.items.map((a: { id: number }) => a.id)).toEqual([assignmentA]);
  });
});

describe('opinions', () => {
  it('groups near-identical opinions from different households', async () => {
    const texts = ['3号楼下水道堵塞，污水外溢', '3号楼下水道堵塞了，污水外溢！', '希望社区多组织文艺活动'];
    for (const text of texts) {
      const res = await canvasserA.post('/api/canvass-visits', visit({ household: null, opinions: [{ text }] }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const groups = (await admin.get(`/api/canvass-groups?driveId=${driveId}&minCount=2`)).json();
    const drain = groups.items.find((g: { label: string }) => g.label.includes('下水道'));
    expect(drain).toMatchObject({ count: 2, communityCount: 1 });
    expect(groups.items.some((g: { label: string }) => g.label.includes('文艺'))).toBe(false);
    const members = (await admin.get(`/api/canvass-opinions?groupId=${drain.id}`)).json();
    expect(members.total).toBe(2);
    const regrouped = await admin.post(`/api/canvass-drives/${driveId}/regroup`);
    expect(regrouped.statusCode, regrouped.body).toBe(200);
    const after = (await admin.get(`/api/canvass-groups?driveId=${driveId}&minCount=2&q=下水道`)).json();
    expect(after.items[0].count).toBe(2);
  });

  it('trains the classifier on staff classifications and suggests topics for new opinions', async () => {
    const early = await admin.post('/api/canvass-classifier/train');
    expect(early.statusCode).toBe(409);
    const samples: [string, string, string][] = [
      ['小区垃圾桶满了没人清运', 'city', 'city.sanitation'],
      ['楼下垃圾堆积发臭', 'city', 'city.sanitation'],
      ['路边垃圾清运不及时', 'city', 'city.sanitation'],
      ['路口没有红绿灯过马路危险', 'city', 'city.traffic'],
      ['小区周边乱停车堵塞通道', 'city', 'city.traffic'],
      ['孩子上学路上车辆太多', 'city', 'city.traffic'],
      ['家里暖气不热温度太低', 'livelihood', 'livelihood.utilities'],
      ['自来水经常停水', 'livelihood', 'livelihood.utilities'],
      ['老人看病挂号难', 'hotspot', 'hotspot.health'],
      ['社区医院药品不全', 'hotspot', 'hotspot.health'],
    ];
    const opinionsBody = (i: number) =>
      [0, 1, 2, 3, 4].map((j) => ({ text: `${samples[(i + j) % 10][0]}${j % 2 ? '啊' : ''}` }));
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await admin.post('/api/canvass-visits', visit({ household: null, opinions: opinionsBody(i) }));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(...res.json().opinions.map((o: { id: number }) => o.id));
    }
    const label = (text: string) => samples.find(([t]) => text.startsWith(t))!;
    for (const id of ids) {
      const op = (await admin.get(`/api/canvass-opinions/${id}`)).json();
      const [, topic, sub] = label(op.text);
      const res = await admin.post(`/api/canvass-opinions/${id}/classify`, {
        scope: 'common',
        topicCode: topic,
        subtopicCode: sub,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mismatch = await admin.post(`/api/canvass-opinions/${ids[0]}/classify`, {
      scope: 'common',
      topicCode: 'city',
      subtopicCode: 'hotspot.health',
    });
    expect(mismatch.statusCode).toBe(400);
    const trained = await admin.post('/api/canvass-classifier/train');
    expect(trained.statusCode, trained.body).toBe(200);
    const status = trained.json();
    expect(status).toMatchObject({ trained: true, sampleCount: 60 });
    expect(status.holdoutCount).toBeGreaterThan(0);
    expect(status.accuracy).toBeGreaterThanOrEqual(0.8);
    const tried = (await admin.post('/api/canvass-classifier/suggest', { text: '垃圾桶好几天没人清运' })).json();
    expect(tried.suggestion).toMatchObject({ topicCode: 'city', subtopicCode: 'city.sanitation' });

    const fresh = await canvasserA.post(
      '/api/canvass-visits',
      visit({ household: null, opinions: [{ text: '暖气温度太低了' }] }),
    );
    const opinionId = fresh.json().opinions[0].id;
    const detail = (await admin.get(`/api/canvass-opinions/${opinionId}`)).json();
    expect(detail).toMatchObject({ classified: false, suggestion: { topicCode: 'livelihood' } });
    const accepted = await admin.post('/api/canvass-opinions/accept-suggestions', { ids: [opinionId] });
    expect(accepted.json()).toEqual({ classified: 1, skipped: 0 });
    expect((await admin.get(`/api/canvass-opinions/${opinionId}`)).json()).toMatchObject({
      classified: true,
      topicCode: 'livelihood',
      subtopicCode: 'livelihood.utilities',
      scope: 'individual',
    });
  });

  it('routes one opinion for a reply, answered and delivered by the unit', async () => {
    const res = await canvasserA.post(
      '/api/canvass-visits',
      visit({ phone: '13700001111', opinions: [{ text: '希望延长社区图书室开放时间' }] }),
    );
    const id = res.json().opinions[0].id;
    const routed = await admin.post(`/api/canvass-opinions/${id}/route`, { unitId: unitBId, kind: 'reply' });
    expect(routed.statusCode, routed.body).toBe(200);
    expect(routed.json().opinion).toMatchObject({
      status: 'routed',
      routedUnit: { id: unitBId },
      answerDueOn: '2026-03-12',
    });
    const inbox = (await unitB.get('/api/canvass-opinions?inbox=true')).json();
    expect(inbox.items.map((o: { id: number }) => o.id)).toContain(id);
    expect(inbox.items.find((o: { id: number }) => o.id === id).actions).toEqual(['reply']);
    const notes = await env.db
      .selectFrom('notifications')
      .select('kind')
      .where('entity_type', '=', 'canvass_opinion')
      .where('entity_id', '=', String(id))
      .execute();
    expect(notes.map((n) => n.kind)).toContain('canvass.route');

    expect((await unitA.post(`/api/canvass-opinions/${id}/reply`, { kind: 'solved', text: '已延长' })).statusCode).toBe(
      403,
    );
    const terse = await unitB.post(`/api/canvass-opinions/${id}/reply`, { kind: 'cannot', text: '不行' });
    expect(terse.statusCode).toBe(400);
    expect(terse.json().message).toContain('讲明原因');
    const noDate = await unitB.post(`/api/canvass-opinions/${id}/reply`, { kind: 'scheduled', text: '将调整' });
    expect(noDate.statusCode).toBe(400);
    const early = await unitB.post(`/api/canvass-opinions/${id}/deliver`, { via: 'phone' });
    expect(early.statusCode).toBe(409);
    const replied = await unitB.post(`/api/canvass-opinions/${id}/reply`, {
      kind: 'cannot',
      text: '图书室人员编制有限，暂时无法延长，下半年招募志愿者后再调整开放时间',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'answered', reply: { kind: 'cannot' }, actions: ['deliver'] });
    const delivered = await unitB.post(`/api/canvass-opinions/${id}/deliver`, { via: 'sms' });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toMatchObject({ status: 'delivered', delivery: { via: 'sms' } });
    const sms = await env.db
      .selectFrom('sms_messages')
      .select(['phone', 'body'])
      .where('entity_type', '=', 'canvass_opinion')
      .where('entity_id', '=', String(id))
      .execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ phone: '13700001111' });
    expect(sms[0].body).toContain('图书室人员编制有限');
  });

  it('turns a group of opinions into one case for the responsible unit', async () => {
    const texts = ['东门口的井盖破损，行人容易摔倒', '东门口的井盖破损了，行人容易摔倒'];
    const ids: number[] = [];
    for (const text of texts) {
      const res = await canvasserA.post('/api/canvass-visits', visit({ household: null, opinions: [{ text }] }));
      ids.push(res.json().opinions[0].id);
    }
    const noCategory = await admin.post(`/api/canvass-opinions/${ids[0]}/route`, { unitId: city.unitA, kind: 'case' });
    expect(noCategory.statusCode).toBe(400);
    const routed = await admin.post(`/api/canvass-opinions/${ids[0]}/route`, {
      unitId: city.unitA,
      kind: 'case',
      caseCategoryId: city.category('PSA.MISSING'),
      wholeGroup: true,
    });
    expect(routed.statusCode, routed.body).toBe(200);
    const result = routed.json();
    expect(result.routed).toBe(2);
    expect(result.caseIds).toHaveLength(1);
    const filed = await env.db
      .selectFrom('cases')
      .select(['source', 'source_ref', 'responsible_unit_id', 'description'])
      .where('id', '=', result.caseIds[0])
      .executeTakeFirstOrThrow();
    expect(filed).toMatchObject({
      source: 'canvass',
      source_ref: `canvass-opinion:${ids[0]}`,
      responsible_unit_id: city.unitA,
    });
    expect(filed.description).toContain('共 2 户');
    const second = (await admin.get(`/api/canvass-opinions/${ids[1]}`)).json();
    expect(second).toMatchObject({ status: 'routed', routeKind: 'case', caseId: result.caseIds[0] });
  });
});

describe('nothing stays unanswered silently', () => {
  it('reminds the day before, escalates when overdue and again every few days', async () => {
    const res = await canvasserA.post(
      '/api/canvass-visits',
      visit({ household: null, opinions: [{ text: '篮球场围网破了' }] }),
    );
    const id = res.json().opinions[0].id;
    await admin.post(`/api/canvass-opinions/${id}/route`, {
      unitId: unitBId,
      kind: 'reply',
      answerDueOn: '2026-03-05',
    });
    const state = () =>
      env.db
        .selectFrom('canvass_opinions')
        .select(['reminded_on', 'escalated_on', 'escalation_count'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const at = (day: string) => new Date(`${day}T01:00:00Z`);
    await runAnswerEscalation(env.db, at('2026-03-03'));
    expect((await state()).reminded_on).toBeNull();
    await runAnswerEscalation(env.db, at('2026-03-04'));
    expect((await state()).reminded_on).toBe('2026-03-04');
    await runAnswerEscalation(env.db, at('2026-03-06'));
    expect(await state()).toMatchObject({ escalated_on: '2026-03-06', escalation_count: 1 });
    await runAnswerEscalation(env.db, at('2026-03-07'));
    expect((await state()).escalation_count).toBe(1);
    await runAnswerEscalation(env.db, at('2026-03-09'));
    expect((await state()).escalation_count).toBe(2);

    // A promise to solve by a date that passes is overdue again.
    env.clock.now = at('2026-03-09');
    try {
      const overdue = (await admin.get(`/api/canvass-opinions?overdue=true&driveId=${driveId}`)).json();
      expect(overdue.items.map((o: { id: number }) => o.id)).toContain(id);
      expect(overdue.items.find((o: { id: number }) => o.id === id)).toMatchObject({
        overdue: true,
        escalationCount: 2,
      });
      const promised = await unitB.post(`/api/canvass-opinions/${id}/reply`, {
        kind: 'scheduled',
        text: '已联系施工队，月中前修复',
        promisedOn: '2026-03-15',
      });
      expect(promised.statusCode, promised.body).toBe(200);
    } finally {
      env.clock.now = new Date('2026-03-02T02:00:00Z');
    }
    await runAnswerEscalation(env.db, at('2026-03-12'));
    expect((await state()).escalation_count).toBe(2);
    await runAnswerEscalation(env.db, at('2026-03-16'));
    expect((await state()).escalation_count).toBe(3);
    const sms = await env.db.selectFrom('sms_messages').select('body').where('entity_type', '=', 'unit').execute();
    expect(sms.some((m) => m.body.includes('群众意见') && m.body.includes('督办'))).toBe(true);
  });
});

describe('privacy and access', () => {
  it('shows the full phone only to those allowed, and audits every view', async () => {
    const res = await canvasserA.post('/api/canvass-visits', visit({ phone: '13900008888' }));
    const id = res.json().id;
    expect((await unitA.get(`/api/canvass-visits/${id}/phone`)).statusCode).toBe(403);
    const seen = await admin.get(`/api/canvass-visits/${id}/phone`);
    expect(seen.json()).toEqual({ phone: '13900008888' });
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('action')
      .where('entity_type', '=', 'canvass_visit')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('canvass.visit.phone.view');
  });

  it('applies the access matrix', async () => {
    const driveIn = async (regionId: number) => {
      const d = await admin.post('/api/canvass-drives', {
        name: `矩阵${regionId}`,
        regionId,
        startsOn: '2026-03-01',
        endsOn: '2026-03-31',
      });
      return d.json().id as number;
    };
    const east = await driveIn(city.districts[0].id);
    const west = await driveIn(city.districts[1].id);
    const visitOf = async (assignmentId: number, client: Client, buildingId: number | null = null) =>
      (await client.post('/api/canvass-visits', visit({ assignmentId, buildingId, household: null }))).json();
    const own = await visitOf(assignmentA, canvasserA, buildings[0].id);
    const other = await visitOf(assignmentB, unitB);
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/canvass-drives/:id',
        allowed: 'region_staff',
        forbidden: 'member',
        send: (c, t) => c.get(`/api/canvass-drives/${t === 'own' ? east : west}`),
      },
      {
        name: 'GET /api/canvass-visits/:id',
        allowed: 'unit_staff',
        forbidden: 'resident',
        scope: 'unit',
        send: (c, t) => c.get(`/api/canvass-visits/${t === 'own' ? own.id : other.id}`),
      },
      {
        name: 'POST /api/canvass-opinions/:id/classify',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) =>
          c.post(`/api/canvass-opinions/${(t === 'own' ? own : other).opinions[0].id}/classify`, {
            scope: 'individual',
            topicCode: 'city',
          }),
      },
      {
        name: 'POST /api/canvass-drives/:id/assignments',
        allowed: 'region_staff',
        forbidden: 'canvasser',
        okStatus: 201,
        send: (c, t) =>
          c.post(`/api/canvass-drives/${t === 'own' ? east : west}/assignments`, {
            items: [{ unitId: city.unitA, communityId: city.communities[0].id, targetHouseholds: 2 }],
          }),
      },
    ]);
    // A unit sees only its own drives, visits and opinions.
    const unitDrives = (await unitB.get('/api/canvass-drives')).json();
    expect(unitDrives.items.map((d: { id: number }) => d.id)).toEqual([driveId]);
    expect(unitDrives.items[0].progress.targetHouseholds).toBe(4);
    const unitVisits = (await unitB.get('/api/canvass-visits?pageSize=100')).json();
    expect(unitVisits.items.every((v: { unit: { id: number } }) => v.unit.id === unitBId)).toBe(true);
  });
});
