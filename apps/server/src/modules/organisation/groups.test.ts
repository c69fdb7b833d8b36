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
async function makeGroup(leadUnitId: number | null, kind = 'task_force') {
  const res = await admin.post('/api/groups', { kind, name: `专班${++seq}`, leadUnitId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}
async function makePerson(unitId: number, name = `成员${++seq}`) {
  return (await admin.post('/api/people', { name, kind: 'staff', unitId })).json().id as number;
}

describe('access', () => {
  it('applies the access matrix to every group route', async () => {
    const own = await makeGroup(city.unitA);
    const other = await makeGroup(city.unitB);
    const ownDeletable = await makeGroup(city.unitA);
    const otherDeletable = await makeGroup(city.unitB);
    const person = await makePerson(city.unitA);
    const ownMember = (await admin.post(`/api/groups/${own}/members`, { personId: person, role: '成员' })).json()
      .members[0].id;
    const otherMember = (await admin.post(`/api/groups/${other}/members`, { personId: person, role: '成员' })).json()
      .members[0].id;
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/groups',
        allowed: 'region_staff',
        forbidden: 'member',
        scoped: false,
        send: (c) => c.get('/api/groups'),
      },
      {
        name: 'GET /api/groups/export',
        allowed: 'region_staff',
        forbidden: 'inspector',
        scoped: false,
        send: (c) => c.get('/api/groups/export'),
      },
      {
        name: 'GET /api/groups/:id',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'resident',
        send: (c, t) => c.get(`/api/groups/${t === 'own' ? own : other}`),
      },
      {
        name: 'POST /api/groups',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        scoped: false,
        send: (c) => c.post('/api/groups', { kind: 'leading_group', name: '东区创城领导小组', leadUnitId: city.unitA }),
      },
      {
        name: 'PATCH /api/groups/:id',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) => c.patch(`/api/groups/${t === 'own' ? own : other}`, { duty: '统筹协调' }),
      },
      {
        name: 'DELETE /api/groups/:id',
        allowed: 'region_staff',
        forbidden: 'inspector',
        send: (c, t) => c.delete(`/api/groups/${t === 'own' ? ownDeletable : otherDeletable}`),
      },
      {
        name: 'POST /api/groups/:id/members',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: async (c, t) =>
          c.post(`/api/groups/${t === 'own' ? own : other}/members`, {
            personId: await makePerson(city.unitA),
            role: '副组长',
          }),
      },
      {
        name: 'DELETE /api/groups/:id/members/:memberId',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) =>
          c.delete(
            t === 'own' ? `/api/groups/${own}/members/${ownMember}` : `/api/groups/${other}/members/${otherMember}`,
          ),
      },
    ]);
  });

  it('shows city-wide bodies to city-wide users and the rest through the lead unit', async () => {
    const cityWide = await makeGroup(null, 'leading_group');
    const mine = await makeGroup(city.unitA);
    const seen = (await districtStaff.get('/api/groups?pageSize=200')).json().items.map((g: { id: number }) => g.id);
    expect(seen).toContain(mine);
    expect(seen).not.toContain(cityWide);
    expect((await admin.get(`/api/groups/${cityWide}`)).statusCode).toBe(200);
    expect((await districtStaff.get(`/api/groups/${cityWide}`)).statusCode).toBe(404);
    const unled = await districtStaff.post('/api/groups', { kind: 'task_force', name: '无牵头单位专班' });
    expect(unled.statusCode).toBe(400);
    const otherLead = await districtStaff.post('/api/groups', {
      kind: 'task_force',
      name: '越界专班',
      leadUnitId: city.unitB,
    });
    expect(otherLead.json().details.fields[0].path).toBe('body/leadUnitId');
    const otherPerson = await makePerson(city.unitB);
    const member = await districtStaff.post(`/api/groups/${mine}/members`, { personId: otherPerson, role: '成员' });
    expect(member.statusCode).toBe(400);
    expect(member.json().details.fields[0].path).toBe('body/personId');
  });
});

describe('crud', () => {
  it('creates a group, adds members in order, refuses a duplicate, removes one, exports and deletes', async () => {
    const created = await admin.post('/api/groups', {
      kind: 'leading_group',
      name: '创建全国文明城市工作领导小组',
      duty: '统筹全市创建工作',
    });
    expect(created.statusCode, created.body).toBe(200);
    const group = created.json();
    expect(group).toMatchObject({
      kind: 'leading_group',
      leadUnitId: null,
      leadUnitName: null,
      memberCount: 0,
      members: [],
    });

    const head = await makePerson(city.unitA, '张书记');
    const deputy = await makePerson(city.unitB, '李市长');
    await admin.post(`/api/groups/${group.id}/members`, { personId: head, role: '组长' });
    const withTwo = await admin.post(`/api/groups/${group.id}/members`, { personId: deputy, role: '副组长' });
    expect(
      withTwo
        .json()
        .members.map((m: { personName: string; role: string; sort: number; unitName: string }) => [
          m.personName,
          m.role,
          m.sort,
          m.unitName,
        ]),
    ).toEqual([
      ['张书记', '组长', 0, '东区城管局'],
      ['李市长', '副组长', 1, '西区城管局'],
    ]);
    expect(withTwo.json().memberCount).toBe(2);

    const duplicate = await admin.post(`/api/groups/${group.id}/members`, { personId: head, role: '成员' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toBe('该人员已在此组中');

    const patched = await admin.patch(`/api/groups/${group.id}`, { leadUnitId: city.unitA, kind: 'task_force' });
    expect(patched.json()).toMatchObject({ leadUnitName: '东区城管局', kind: 'task_force' });

    const memberId = withTwo.json().members[1].id;
    expect((await admin.delete(`/api/groups/${group.id}/members/${memberId}`)).json()).toEqual({ ok: true });
    expect((await admin.delete(`/api/groups/${group.id}/members/${memberId}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/groups/${group.id}`)).json().memberCount).toBe(1);

    const list = await admin.get('/api/groups?kind=task_force&q=全国文明');
    expect(list.json().items.map((g: { id: number }) => g.id)).toEqual([group.id]);
    const xlsx = await admin.get('/api/groups/export?q=全国文明');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const row = (workbook.worksheets[0].getRow(2).values as unknown[]).slice(1);
    expect(row).toEqual(
      expect.arrayContaining(['工作专班', '创建全国文明城市工作领导小组', '东区城管局', '张书记（组长）']),
    );

    expect((await admin.delete(`/api/groups/${group.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/groups/${group.id}`)).statusCode).toBe(404);
    const audit = await env.db
      .selectFrom('audit_logs')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'group')
      .where('entity_id', '=', String(group.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'group.create',
      'group.member_add',
      'group.member_add',
      'group.update',
      'group.member_remove',
      'group.delete',
    ]);
    expect(audit[3].before).toMatchObject({ kind: 'leading_group', leadUnitId: null });
    expect(audit[5].before).toMatchObject({ members: [{ personId: head, role: '组长' }] });
  });

  it('answers 400 for an unknown kind, a blank role, and a bad id', async () => {
    expect((await admin.post('/api/groups', { kind: 'committee', name: '甲' })).statusCode).toBe(400);
    const id = await makeGroup(city.unitA);
    expect(
      (await admin.post(`/api/groups/${id}/members`, { personId: await makePerson(city.unitA), role: ' ' })).statusCode,
    ).toBe(400);
    expect((await admin.post(`/api/groups/${id}/members`, { personId: 0, role: '成员' })).statusCode).toBe(400);
    expect((await admin.post(`/api/groups/${id}/members`, { personId: 99_999_999, role: '成员' })).statusCode).toBe(
      400,
    );
  });
});
