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
let security: Client;

const DEFAULTS = {
  passwordMinLength: 8,
  passwordRequireClasses: 3,
  passwordExpiryDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 5,
  idleTimeoutMinutes: 30,
};

beforeAll(async () => {
  env = await createTestEnv();
  city = await createCity(env.db);
  security = await as(env.app, await createUser(env.db, city, ['security_admin']));
});
afterAll(() => env.close());

const login = (username: string, password: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('security policy', () => {
  it('applies the access matrix (read: security and system admin; write: security admin only)', async () => {
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/security/policy',
        allowed: 'security_admin',
        forbidden: 'city_admin',
        scoped: false,
        send: (c) => c.get('/api/security/policy'),
      },
      {
        name: 'GET /api/security/policy (system admin reads)',
        allowed: 'system_admin',
        forbidden: 'audit_admin',
        scoped: false,
        send: (c) => c.get('/api/security/policy'),
      },
      {
        name: 'PUT /api/security/policy',
        allowed: 'security_admin',
        forbidden: 'system_admin',
        scoped: false,
        send: (c) => c.put('/api/security/policy', DEFAULTS),
      },
    ]);
  });

  it('starts from the configured defaults', async () => {
    const fresh = await createCity(env.db);
    const admin = await as(env.app, await createUser(env.db, fresh, ['security_admin']));
    const res = await admin.get('/api/security/policy');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEFAULTS);
  });

  it('answers 400 with a field error for each value out of bounds or missing', async () => {
    const res = await security.put('/api/security/policy', {
      passwordMinLength: 6,
      passwordRequireClasses: 5,
      passwordExpiryDays: -1,
      lockoutThreshold: 2,
      lockoutMinutes: 0,
      idleTimeoutMinutes: 481,
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .details.fields.map((f: { path: string }) => f.path)
      .sort();
    expect(paths).toEqual([
      'body/idleTimeoutMinutes',
      'body/lockoutMinutes',
      'body/lockoutThreshold',
      'body/passwordExpiryDays',
      'body/passwordMinLength',
      'body/passwordRequireClasses',
    ]);
    const missing = await security.put('/api/security/policy', { passwordMinLength: 10 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.fields.map((f: { path: string }) => f.path)).toContain('body/lockoutThreshold');
    const fractional = await security.put('/api/security/policy', { ...DEFAULTS, lockoutMinutes: 2.5 });
    expect(fractional.statusCode).toBe(400);
    // Both edges of every range are accepted.
    const low = {
      passwordMinLength: 8,
      passwordRequireClasses: 1,
      passwordExpiryDays: 0,
      lockoutThreshold: 3,
      lockoutMinutes: 1,
      idleTimeoutMinutes: 5,
    };
    const high = {
      passwordMinLength: 64,
      passwordRequireClasses: 4,
      passwordExpiryDays: 3650,
      lockoutThreshold: 20,
      lockoutMinutes: 1440,
      idleTimeoutMinutes: 480,
    };
    const fresh = await createCity(env.db);
    const admin = await as(env.app, await createUser(env.db, fresh, ['security_admin']));
    expect((await admin.put('/api/security/policy', low)).json()).toEqual(low);
    expect((await admin.put('/api/security/policy', high)).json()).toEqual(high);
  });

  it('saves the policy per city and audits before and after', async () => {
    const fresh = await createCity(env.db);
    const admin = await as(env.app, await createUser(env.db, fresh, ['security_admin']));
    const next = { ...DEFAULTS, passwordMinLength: 10, passwordExpiryDays: 0 };
    const res = await admin.put('/api/security/policy', next);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(next);
    expect((await admin.get('/api/security/policy')).json()).toEqual(next);
    // Another city keeps its own policy.
    const other = await as(env.app, await createUser(env.db, await createCity(env.db), ['security_admin']));
    expect((await other.get('/api/security/policy')).json()).toEqual(DEFAULTS);
    const entry = await env.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('city_id', '=', fresh.cityId)
      .where('action', '=', 'security.policy.update')
      .executeTakeFirstOrThrow();
    expect(entry.before).toEqual(DEFAULTS);
    expect(entry.after).toEqual(next);
    expect(entry.entity_type).toBe('security_policy');
  });
});

describe('the policy takes effect', () => {
  it('locks an account after the configured number of failures, for the configured time', async () => {
    const fresh = await createCity(env.db);
    const admin = await as(env.app, await createUser(env.db, fresh, ['security_admin']));
    await admin.put('/api/security/policy', { ...DEFAULTS, lockoutThreshold: 3, lockoutMinutes: 10 });
    const user = await createUser(env.db, fresh, ['inspector']);
    expect((await login(user.username, 'bad')).statusCode).toBe(401);
    expect((await login(user.username, 'bad')).statusCode).toBe(401);
    const third = await login(user.username, 'bad');
    expect(third.statusCode).toBe(423);
    const until = new Date(third.json().details.lockedUntil).getTime();
    expect(until - env.clock.now.getTime()).toBe(10 * 60_000);
    env.clock.now = new Date(env.clock.now.getTime() + 6 * 60_000);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(423);
    env.clock.now = new Date(env.clock.now.getTime() + 5 * 60_000);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('applies a longer minimum length to new passwords', async () => {
    const fresh = await createCity(env.db);
    const admin = await as(env.app, await createUser(env.db, fresh, ['security_admin']));
    await admin.put('/api/security/policy', { ...DEFAULTS, passwordMinLength: 14 });
    const client = await as(env.app, await createUser(env.db, fresh, ['inspector']));
    const short = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Abcdef-12345',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toBe('密码长度至少 14 位');
    const long = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Abcdef-1234567',
    });
    expect(long.statusCode).toBe(200);
    expect(
      (
        await env.app.inject({ method: 'GET', url: '/api/auth/password-policy', headers: { cookie: client.cookie } })
      ).json().minLength,
    ).toBe(14);
    // Accounts created by the system admin follow it too.
    const sysadmin = await as(env.app, await createUser(env.db, fresh, ['system_admin']));
    const created = await sysadmin.post('/api/users', {
      username: `p_${Date.now()}`,
      displayName: 'x',
      roles: ['inspector'],
      password: 'Abcdef-12345',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().details.fields[0].path).toBe('body/password');
  });

  it('expires an idle session after the configured timeout and reports it in Me', async () => {
    const fresh = await createCity(env.db);
    const admin = await as(env.app, await createUser(env.db, fresh, ['security_admin']));
    await admin.put('/api/security/policy', { ...DEFAULTS, idleTimeoutMinutes: 5 });
    const client = await as(env.app, await createUser(env.db, fresh, ['inspector']));
    expect((await client.get('/api/auth/me')).json().idleTimeoutMinutes).toBe(5);
    env.clock.now = new Date(env.clock.now.getTime() + 6 * 60_000);
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });
});
