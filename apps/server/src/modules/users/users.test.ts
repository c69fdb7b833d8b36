import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import {
  as,
  createCity,
  createTestEnv,
  createUser,
  TEST_PASSWORD,
  type Client,
  type TestCity,
  type TestEnv,
} from '../../../test/harness.js';

let env: TestEnv;
let city: TestCity;
let rootAdmin: Client;
let rootAdminId: number;
let districtAdmin: Client;

const NEW_PASSWORD = 'Fresh-Start-2026';

beforeAll(async () => {
  env = await createTestEnv();
  city = await createCity(env.db);
  const root = await createUser(env.db, city, ['system_admin']);
  rootAdminId = root.id;
  rootAdmin = await as(env.app, root);
  districtAdmin = await as(
    env.app,
    await createUser(env.db, city, ['system_admin'], { regionId: city.districts[0].id }),
  );
});
afterAll(() => env.close());

const uniqueName = (prefix: string) => `${prefix}_${Math.random().toString(36).slice(2, 8)}`;

async function auditOf(entityId: number, action: string) {
  return env.db
    .selectFrom('audit_logs')
    .selectAll()
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', String(entityId))
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe('access', () => {
  it('applies the access matrix: wrong role 403, other district 404, system admin of the district 2xx', async () => {
    const own = await createUser(env.db, city, ['inspector'], { regionId: city.districts[0].id });
    const other = await createUser(env.db, city, ['inspector'], { regionId: city.districts[1].id });
    const target = (t: 'own' | 'other') => (t === 'own' ? own.id : other.id);
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/users',
        allowed: 'system_admin',
        forbidden: 'city_admin',
        scoped: false,
        send: (c) => c.get('/api/users'),
      },
      {
        name: 'GET /api/users/export',
        allowed: 'system_admin',
        forbidden: 'city_admin',
        scoped: false,
        send: (c) => c.get('/api/users/export'),
      },
      {
        name: 'POST /api/users',
        allowed: 'system_admin',
        forbidden: 'security_admin',
        scoped: false,
        send: (c) =>
          c.post('/api/users', {
            username: uniqueName('m'),
            displayName: '新用户',
            roles: ['inspector'],
            regionId: city.districts[0].id,
            password: NEW_PASSWORD,
          }),
      },
      {
        name: 'PATCH /api/users/:id',
        allowed: 'system_admin',
        forbidden: 'city_admin',
        send: (c, t) => c.patch(`/api/users/${target(t)}`, { displayName: '改过的名字' }),
      },
      {
        name: 'POST /api/users/:id/reset-password',
        allowed: 'system_admin',
        forbidden: 'city_admin',
        send: (c, t) => c.post(`/api/users/${target(t)}/reset-password`, { password: NEW_PASSWORD }),
      },
      {
        // 三员分立: unlocking is the security admin's, not the system admin's.
        name: 'POST /api/users/:id/unlock',
        allowed: 'security_admin',
        forbidden: 'system_admin',
        send: (c, t) => c.post(`/api/users/${target(t)}/unlock`),
      },
    ]);
  });

  it('lists only accounts in the actor region subtree; accounts without a region only for the city root', async () => {
    const east = await createUser(env.db, city, ['inspector'], { regionId: city.communities[0].id });
    const west = await createUser(env.db, city, ['inspector'], { regionId: city.communities[1].id });
    const nowhere = await createUser(env.db, city, ['unit_staff'], { regionId: null, unitId: city.unitA });
    const ids = async (client: Client) =>
      ((await client.get('/api/users?pageSize=200')).json().items as { id: number }[]).map((u) => u.id);
    const districtIds = await ids(districtAdmin);
    expect(districtIds).toContain(east.id);
    expect(districtIds).not.toContain(west.id);
    expect(districtIds).not.toContain(nowhere.id);
    expect(districtIds).not.toContain(rootAdminId);
    const rootIds = await ids(rootAdmin);
    expect(rootIds).toEqual(expect.arrayContaining([east.id, west.id, nowhere.id]));

    // Another city's accounts never show.
    const otherCity = await createCity(env.db);
    const stranger = await createUser(env.db, otherCity, ['inspector']);
    expect(await ids(rootAdmin)).not.toContain(stranger.id);
    expect((await rootAdmin.patch(`/api/users/${stranger.id}`, { displayName: 'x' })).statusCode).toBe(404);
  });

  it('treats an actor without a region as having no account scope', async () => {
    const unscoped = await as(env.app, await createUser(env.db, city, ['system_admin'], { regionId: null }));
    const res = await unscoped.get('/api/users');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });
});

describe('list', () => {
  it('searches user name and display name, filters by role, pages, and joins region and unit names', async () => {
    const tag = uniqueName('find');
    await createUser(env.db, city, ['inspector'], { regionId: city.districts[0].id });
    const created = await rootAdmin.post('/api/users', {
      username: tag,
      displayName: '张三',
      roles: ['unit_staff'],
      regionId: city.districts[0].id,
      unitId: city.unitA,
      password: NEW_PASSWORD,
    });
    expect(created.statusCode).toBe(200);
    const byName = await rootAdmin.get(`/api/users?q=${tag}`);
    expect(byName.json().total).toBe(1);
    const user = byName.json().items[0];
    expect(user).toMatchObject({
      username: tag,
      displayName: '张三',
      roles: ['unit_staff'],
      regionName: '东区',
      unitName: '东区城管局',
      status: 'active',
      mustChangePassword: true,
      lockedUntil: null,
      lastLoginAt: null,
      personId: null,
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(
      (await rootAdmin.get(`/api/users?q=${encodeURIComponent('张三')}&role=unit_staff`))
        .json()
        .items.map((u: { username: string }) => u.username),
    ).toContain(tag);
    expect((await rootAdmin.get(`/api/users?q=${tag}&role=inspector`)).json().total).toBe(0);
    // LIKE wildcards in the search are literal.
    expect((await rootAdmin.get('/api/users?q=%25')).json().total).toBe(0);

    const page = await rootAdmin.get('/api/users?page=2&pageSize=2');
    expect(page.json()).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.json().items.length).toBeLessThanOrEqual(2);
    expect(page.json().total).toBeGreaterThan(2);
  });

  it('rejects a bad filter with a field error', async () => {
    const res = await rootAdmin.get('/api/users?role=king&pageSize=1000');
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring/role', 'querystring/pageSize']));
  });

  it('exports the list as xlsx with role labels', async () => {
    const tag = uniqueName('xls');
    await rootAdmin.post('/api/users', {
      username: tag,
      displayName: '导出测试',
      roles: ['inspector'],
      password: NEW_PASSWORD,
    });
    const res = await rootAdmin.get(`/api/users/export?q=${tag}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('用户名');
    expect(sheet.getRow(2).getCell(1).value).toBe(tag);
    expect(sheet.getRow(2).getCell(3).value).toBe('督查员');
    expect(sheet.rowCount).toBe(2);
  });
});

describe('create', () => {
  it('creates an account with an argon2id hash that must change its password, and audits it without the password', async () => {
    const username = uniqueName('new');
    const res = await rootAdmin.post('/api/users', {
      username,
      displayName: '  李四 ',
      roles: ['region_staff'],
      regionId: city.streets[0].id,
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const user = res.json();
    expect(user).toMatchObject({
      username,
      displayName: '李四',
      regionId: city.streets[0].id,
      regionName: '东街道',
      mustChangePassword: true,
    });
    const row = await env.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.city_id).toBe(city.cityId);
    const [entry] = await auditOf(user.id, 'user.create');
    expect(entry.after).toMatchObject({ username, roles: ['region_staff'] });
    expect(JSON.stringify(entry.after)).not.toContain(NEW_PASSWORD);

    const client = await as(env.app, { id: user.id, username, cityId: city.cityId }, NEW_PASSWORD);
    expect((await client.get('/api/regions')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses a password that breaks the city policy, naming the password field', async () => {
    const res = await rootAdmin.post('/api/users', {
      username: uniqueName('weak'),
      displayName: '弱密码',
      roles: ['inspector'],
      password: 'abcdefgh',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('至少 3 类');
    expect(res.json().details.fields[0].path).toBe('body/password');
    const named = await rootAdmin.post('/api/users', {
      username: 'wangwu',
      displayName: '王五',
      roles: ['inspector'],
      password: 'Wangwu-2026!',
    });
    expect(named.statusCode).toBe(400);
    expect(named.json().message).toBe('密码不能包含用户名');
  });

  it('answers 400 with field errors for bad bodies', async () => {
    const res = await rootAdmin.post('/api/users', { username: 'a b', roles: ['king'], password: '' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body/username', 'body/displayName', 'body/roles/0', 'body/password']),
    );
    const noRoles = await rootAdmin.post('/api/users', {
      username: uniqueName('nr'),
      displayName: 'x',
      roles: [],
      password: NEW_PASSWORD,
    });
    expect(noRoles.statusCode).toBe(400);
    expect(noRoles.json().details.fields[0].path).toBe('body/roles');
  });

  it('keeps user names unique, ignoring case', async () => {
    const username = uniqueName('Dup');
    const body = { username, displayName: '重复', roles: ['inspector'], password: NEW_PASSWORD };
    expect((await rootAdmin.post('/api/users', body)).statusCode).toBe(200);
    const again = await rootAdmin.post('/api/users', { ...body, username: username.toLowerCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain(username.toLowerCase());
  });

  it('holds each of the three administrator roles alone (三员分立)', async () => {
    for (const roles of [
      ['system_admin', 'city_admin'],
      ['security_admin', 'audit_admin'],
      ['audit_admin', 'inspector'],
    ]) {
      const res = await rootAdmin.post('/api/users', {
        username: uniqueName('sod'),
        displayName: 'x',
        roles,
        password: NEW_PASSWORD,
      });
      expect(res.statusCode, roles.join('+')).toBe(400);
      expect(res.json().message).toContain('三种角色必须由不同账号担任');
      expect(res.json().details.fields[0].path).toBe('body/roles');
    }
    const auditor = await rootAdmin.post('/api/users', {
      username: uniqueName('aud'),
      displayName: '审计员',
      roles: ['audit_admin'],
      password: NEW_PASSWORD,
    });
    expect(auditor.statusCode).toBe(200);
  });

  it('requires a region for region staff and a unit for unit staff', async () => {
    const region = await rootAdmin.post('/api/users', {
      username: uniqueName('rs'),
      displayName: 'x',
      roles: ['region_staff'],
      password: NEW_PASSWORD,
    });
    expect(region.statusCode).toBe(400);
    expect(region.json().details.fields[0].path).toBe('body/regionId');
    expect(region.json().message).toBe('该角色需要指定所属区划或单位');
    const unit = await rootAdmin.post('/api/users', {
      username: uniqueName('us'),
      displayName: 'x',
      roles: ['unit_staff'],
      regionId: city.districts[0].id,
      password: NEW_PASSWORD,
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().details.fields[0].path).toBe('body/unitId');
  });

  it('refuses a region, unit or person outside the actor scope', async () => {
    const base = { displayName: 'x', password: NEW_PASSWORD };
    const region = await districtAdmin.post('/api/users', {
      ...base,
      username: uniqueName('oos'),
      roles: ['region_staff'],
      regionId: city.districts[1].id,
    });
    expect(region.statusCode).toBe(400);
    expect(region.json().details.fields[0].path).toBe('body/regionId');
    const unit = await districtAdmin.post('/api/users', {
      ...base,
      username: uniqueName('oos'),
      roles: ['unit_staff'],
      regionId: city.districts[0].id,
      unitId: city.unitB,
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().details.fields[0].path).toBe('body/unitId');
    const otherCity = await createCity(env.db);
    const foreign = await rootAdmin.post('/api/users', {
      ...base,
      username: uniqueName('oos'),
      roles: ['region_staff'],
      regionId: otherCity.districts[0].id,
    });
    expect(foreign.statusCode).toBe(400);
    // Accounts without a region sit at city level: a district admin cannot make one, nor move one there.
    const cityLevel = await districtAdmin.post('/api/users', {
      ...base,
      username: uniqueName('nor'),
      roles: ['inspector'],
    });
    expect(cityLevel.statusCode).toBe(400);
    expect(cityLevel.json().details.fields[0].path).toBe('body/regionId');
    const own = await createUser(env.db, city, ['inspector'], { regionId: city.districts[0].id });
    expect((await districtAdmin.patch(`/api/users/${own.id}`, { regionId: null })).statusCode).toBe(400);
    expect((await rootAdmin.patch(`/api/users/${own.id}`, { regionId: null })).statusCode).toBe(200);
  });

  it('links a person once', async () => {
    const person = await env.db
      .insertInto('people')
      .values({ city_id: city.cityId, name: '赵六', kind: 'staff', unit_id: city.unitA })
      .returning('id')
      .executeTakeFirstOrThrow();
    const body = { displayName: '赵六', roles: ['inspector'], personId: person.id, password: NEW_PASSWORD };
    const first = await rootAdmin.post('/api/users', { ...body, username: uniqueName('p') });
    expect(first.statusCode).toBe(200);
    expect(first.json().personId).toBe(person.id);
    const second = await rootAdmin.post('/api/users', { ...body, username: uniqueName('p') });
    expect(second.statusCode).toBe(409);
    // The district admin sees people of its district (unit A is there) but not of the other one.
    const westPerson = await env.db
      .insertInto('people')
      .values({ city_id: city.cityId, name: '钱七', kind: 'staff', unit_id: city.unitB })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await districtAdmin.post('/api/users', {
      ...body,
      username: uniqueName('p'),
      regionId: city.districts[0].id,
      personId: westPerson.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].path).toBe('body/personId');
  });
});

describe('update', () => {
  it('changes roles, scope and name, audited with before and after', async () => {
    const user = await createUser(env.db, city, ['inspector'], { regionId: city.districts[0].id });
    const res = await districtAdmin.patch(`/api/users/${user.id}`, {
      displayName: '新名字',
      roles: ['unit_staff'],
      unitId: city.unitA,
      regionId: city.streets[0].id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: '新名字',
      roles: ['unit_staff'],
      unitId: city.unitA,
      unitName: '东区城管局',
      regionName: '东街道',
    });
    const [entry] = await auditOf(user.id, 'user.update');
    expect(entry.before).toMatchObject({ roles: ['inspector'], regionId: city.districts[0].id });
    expect(entry.after).toMatchObject({ roles: ['unit_staff'], unitId: city.unitA, regionId: city.streets[0].id });
  });

  it('checks the resulting role set and scope', async () => {
    const user = await createUser(env.db, city, ['unit_staff'], { regionId: city.districts[0].id, unitId: city.unitA });
    const conflict = await rootAdmin.patch(`/api/users/${user.id}`, { roles: ['unit_staff', 'security_admin'] });
    expect(conflict.statusCode).toBe(400);
    expect(conflict.json().details.fields[0].path).toBe('body/roles');
    const noUnit = await rootAdmin.patch(`/api/users/${user.id}`, { unitId: null });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().details.fields[0].path).toBe('body/unitId');
    const moveOut = await districtAdmin.patch(`/api/users/${user.id}`, { regionId: city.districts[1].id });
    expect(moveOut.statusCode).toBe(400);
    const bad = await rootAdmin.patch(`/api/users/${user.id}`, { status: 'gone', displayName: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['body/status', 'body/displayName']),
    );
  });

  it('signs a disabled account out everywhere, and it cannot sign in again', async () => {
    const user = await createUser(env.db, city, ['inspector'], { regionId: city.districts[0].id });
    const client = await as(env.app, user);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const res = await districtAdmin.patch(`/api/users/${user.id}`, { status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('disabled');
    expect(await env.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(login.json().code).toBe('ACCOUNT_DISABLED');
    expect((await districtAdmin.patch(`/api/users/${user.id}`, { status: 'active' })).json().status).toBe('active');
  });

  it('refuses to disable yourself or change your own roles', async () => {
    const disable = await rootAdmin.patch(`/api/users/${rootAdminId}`, { status: 'disabled' });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().message).toBe('不能停用自己的账号');
    const roles = await rootAdmin.patch(`/api/users/${rootAdminId}`, { roles: ['audit_admin'] });
    expect(roles.statusCode).toBe(409);
    const rename = await rootAdmin.patch(`/api/users/${rootAdminId}`, {
      displayName: '系统管理员',
      roles: ['system_admin'],
    });
    expect(rename.statusCode).toBe(200);
  });
});

describe('reset password and unlock', () => {
  it('resets a password: sessions end, the new one works and must be changed', async () => {
    const user = await createUser(env.db, city, ['inspector'], { regionId: city.districts[0].id });
    const client = await as(env.app, user);
    const weak = await districtAdmin.post(`/api/users/${user.id}/reset-password`, { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.fields[0].path).toBe('body/password');
    const res = await districtAdmin.post(`/api/users/${user.id}/reset-password`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const again = await as(env.app, user, NEW_PASSWORD);
    expect((await again.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const [entry] = await auditOf(user.id, 'user.password.reset');
    expect(JSON.stringify(entry)).not.toContain(NEW_PASSWORD);
  });

  it('lets the security admin end a lockout', async () => {
    const user = await createUser(env.db, city, ['inspector'], { regionId: city.districts[0].id });
    const login = (password: string) =>
      env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password } });
    for (let i = 0; i < 5; i++) await login('wrong');
    expect((await login(TEST_PASSWORD)).statusCode).toBe(423);
    const security = await as(env.app, await createUser(env.db, city, ['security_admin']));
    const listed = (await security.get(`/api/users?q=${user.username}`)).json().items[0];
    expect(listed.lockedUntil).not.toBeNull();
    const res = await security.post(`/api/users/${user.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect((await login(TEST_PASSWORD)).statusCode).toBe(200);
    const [entry] = await auditOf(user.id, 'user.unlock');
    expect(entry.after).toEqual({ lockedUntil: null, failedLogins: 0 });
    expect((await security.get(`/api/users?q=${user.username}`)).json().items[0].lockedUntil).toBeNull();
  });
});
