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
async function makePerson(values: Record<string, unknown> = {}) {
  const res = await admin.post('/api/people', { name: `人员${++seq}`, kind: 'member', ...values });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}

const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((p) => p.id);

describe('access', () => {
  it('applies the access matrix to every people route', async () => {
    const own = await makePerson({ unitId: city.unitA });
    const other = await makePerson({ unitId: city.unitB });
    const ownDeletable = await makePerson({ communityId: city.communities[0].id });
    const otherDeletable = await makePerson({ communityId: city.communities[1].id });
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/people',
        allowed: 'region_staff',
        forbidden: 'inspector',
        scoped: false,
        send: (c) => c.get('/api/people'),
      },
      {
        name: 'GET /api/people/export',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'member',
        scoped: false,
        send: (c) => c.get('/api/people/export'),
      },
      {
        name: 'GET /api/people/:id',
        allowed: 'region_staff',
        forbidden: 'canvasser',
        send: (c, t) => c.get(`/api/people/${t === 'own' ? own : other}`),
      },
      {
        name: 'POST /api/people',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'inspector',
        scoped: false,
        send: (c) => c.post('/api/people', { name: '新成员', kind: 'staff', unitId: city.unitA }),
      },
      {
        name: 'PATCH /api/people/:id',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'inspector',
        send: (c, t) => c.patch(`/api/people/${t === 'own' ? own : other}`, { position: '科员' }),
      },
      {
        name: 'PATCH /api/people/:id (region)',
        allowed: 'region_staff',
        forbidden: 'member',
        send: (c, t) => c.patch(`/api/people/${t === 'own' ? own : other}`, { position: '副科长' }),
      },
      {
        name: 'DELETE /api/people/:id',
        allowed: 'region_staff',
        forbidden: 'inspector',
        send: (c, t) => c.delete(`/api/people/${t === 'own' ? ownDeletable : otherDeletable}`),
      },
    ]);
  });

  it('shows people whose unit is visible or who live in the region subtree', async () => {
    const worksHere = await makePerson({ unitId: city.unitA, communityId: city.communities[1].id });
    const livesHere = await makePerson({ unitId: city.unitB, communityId: city.communities[0].id });
    const elsewhere = await makePerson({ unitId: city.unitB, communityId: city.communities[1].id });
    const nowhere = await makePerson();
    const seen = ids(await districtStaff.get('/api/people?pageSize=200'));
    expect(seen).toEqual(expect.arrayContaining([worksHere, livesHere]));
    expect(seen).not.toContain(elsewhere);
    expect(seen).not.toContain(nowhere);
    expect(ids(await admin.get('/api/people?pageSize=200'))).toEqual(
      expect.arrayContaining([worksHere, livesHere, elsewhere, nowhere]),
    );

    const unitStaff = await as(
      env.app,
      await createUser(env.db, city, ['unit_staff'], { regionId: null, unitId: city.unitA }),
    );
    const unitSeen = ids(await unitStaff.get('/api/people?pageSize=200'));
    expect(unitSeen).toContain(worksHere);
    expect(unitSeen).not.toContain(livesHere);
  });

  it('refuses units and communities outside the scope', async () => {
    const badUnit = await districtStaff.post('/api/people', { name: '甲', kind: 'member', unitId: city.unitB });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().details.fields[0].path).toBe('body/unitId');
    const badCommunity = await districtStaff.post('/api/people', {
      name: '甲',
      kind: 'member',
      communityId: city.communities[1].id,
    });
    expect(badCommunity.json().details.fields[0].path).toBe('body/communityId');
    const notCommunity = await districtStaff.post('/api/people', {
      name: '甲',
      kind: 'member',
      communityId: city.streets[0].id,
    });
    expect(notCommunity.statusCode).toBe(400);
    expect(notCommunity.json().message).toBe('所选区划不是社区（村）');
    const nowhere = await districtStaff.post('/api/people', { name: '甲', kind: 'member' });
    expect(nowhere.json().message).toContain('管理范围');
  });
});

describe('crud', () => {
  it('creates, reads (audited, unmasked), lists (masked), updates and deletes a person', async () => {
    const created = await districtStaff.post('/api/people', {
      name: '赵六',
      kind: 'member',
      gender: 'female',
      phone: '13512345678',
      unitId: city.unitA,
      communityId: city.communities[0].id,
      partyOrg: '东区城管局机关党支部',
      position: '科员',
    });
    expect(created.statusCode, created.body).toBe(200);
    const person = created.json();
    expect(person).toMatchObject({
      name: '赵六',
      gender: 'female',
      phone: '13512345678',
      unitName: '东区城管局',
      communityName: '东社区',
      hasAccount: false,
      username: null,
    });

    const listed = (await districtStaff.get('/api/people?q=赵六')).json();
    expect(listed.total).toBe(1);
    expect(listed.items[0].phone).toBe('135****5678');
    expect(ids(await districtStaff.get('/api/people?q=2345'))).toContain(person.id);
    expect(ids(await districtStaff.get('/api/people?partyOrg=机关党支部'))).toContain(person.id);
    expect(
      ids(
        await districtStaff.get(`/api/people?unitId=${city.unitA}&kind=member&communityId=${city.communities[0].id}`),
      ),
    ).toContain(person.id);
    expect(ids(await districtStaff.get('/api/people?kind=staff&q=赵六'))).toEqual([]);

    const full = await districtStaff.get(`/api/people/${person.id}`);
    expect(full.json().phone).toBe('13512345678');
    const view = await env.db
      .selectFrom('audit_logs')
      .select(['action', 'entity_id'])
      .where('action', '=', 'person.view_personal')
      .where('entity_id', '=', String(person.id))
      .execute();
    expect(view).toHaveLength(1);

    const patched = await districtStaff.patch(`/api/people/${person.id}`, {
      phone: '0391-7654321',
      gender: null,
      kind: 'staff',
    });
    expect(patched.json()).toMatchObject({ phone: '0391-7654321', gender: null, kind: 'staff' });
    expect(ids(await districtStaff.get('/api/people?q=7654321'))).toContain(person.id);

    const audit = await env.db
      .selectFrom('audit_logs')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'person')
      .where('entity_id', '=', String(person.id))
      .where('action', 'in', ['person.create', 'person.update'])
      .orderBy('id')
      .execute();
    expect(audit[0].after).toMatchObject({ name: '赵六', phone: '135****5678' });
    expect(audit[1].before).toMatchObject({ phone: '135****5678', kind: 'member' });
    expect(audit[1].after).toMatchObject({ phone: '039****4321', kind: 'staff' });
    expect(JSON.stringify(audit)).not.toContain('13512345678');

    expect((await districtStaff.delete(`/api/people/${person.id}`)).statusCode).toBe(200);
    expect((await districtStaff.get(`/api/people/${person.id}`)).statusCode).toBe(404);
  });

  it('shows the linked account and refuses to delete a person with an account or in a group', async () => {
    const withAccount = await makePerson({ unitId: city.unitA });
    const user = await createUser(env.db, city, ['member']);
    await env.db.updateTable('users').set({ person_id: withAccount }).where('id', '=', user.id).execute();
    const read = (await admin.get(`/api/people/${withAccount}`)).json();
    expect(read).toMatchObject({ hasAccount: true, username: user.username });
    const refused = await admin.delete(`/api/people/${withAccount}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('该人员绑定了登录账号，请先解除');

    const member = await makePerson({ unitId: city.unitA });
    const group = (await admin.post('/api/groups', { kind: 'task_force', name: '专班甲' })).json();
    await admin.post(`/api/groups/${group.id}/members`, { personId: member, role: '成员' });
    const inGroup = await admin.delete(`/api/people/${member}`);
    expect(inGroup.statusCode).toBe(409);
    expect(inGroup.json().message).toContain('成员');
  });

  it('exports masked phones with the same filters', async () => {
    await makePerson({ name: '导出甲', phone: '13311112222', unitId: city.unitB, partyOrg: '导出支部' });
    const res = await admin.get('/api/people/export?partyOrg=导出支部');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(values).toEqual(expect.arrayContaining(['导出甲', '党员干部/志愿者', '133****2222', '西区城管局']));
  });
});

describe('validation', () => {
  it('answers 400 for a bad phone, an unknown kind or gender, and ignores unknown fields', async () => {
    expect(
      (await admin.post('/api/people', { name: '甲', kind: 'member', phone: '1381234' })).json().details.fields[0].path,
    ).toBe('body/phone');
    expect((await admin.post('/api/people', { name: '甲', kind: 'volunteer' })).statusCode).toBe(400);
    expect((await admin.post('/api/people', { name: '甲', kind: 'member', gender: 'x' })).statusCode).toBe(400);
    expect((await admin.post('/api/people', { kind: 'member' })).json().details.fields[0].path).toBe('body/name');
    const ok = await admin.post('/api/people', { name: '乙', kind: 'member', idNumber: '410802199001011234' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).not.toHaveProperty('idNumber');
    expect((await admin.get('/api/people?kind=bad')).statusCode).toBe(400);
    expect((await admin.get('/api/people?pageSize=201')).statusCode).toBe(400);
  });
});
