import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createCity,
  createTestEnv,
  createUser,
  TEST_PASSWORD,
  type TestCity,
  type TestEnv,
} from '../../../test/harness.js';

let env: TestEnv;
let city: TestCity;

beforeAll(async () => {
  env = await createTestEnv();
  city = await createCity(env.db);
});
afterAll(() => env.close());

const login = (username: string, password: string, lang = 'zh-CN') =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'accept-language': lang },
  });

describe('sign-in', () => {
  it('signs in, returns Me with permissions and a CSRF token, and audits it', async () => {
    const user = await createUser(env.db, city, ['city_admin']);
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const { me } = res.json();
    expect(me.username).toBe(user.username);
    expect(me.permissions).toContain('org.unit.write');
    expect(me.permissions).not.toContain('audit.read');
    expect(me.csrfToken.length).toBeGreaterThan(20);
    const cookie = res.cookies.find((c) => c.name === 'cc_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const audit = await env.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('actor_id', '=', user.id)
      .where('action', '=', 'auth.login')
      .execute();
    expect(audit.map((a) => a.result)).toEqual(['ok']);
  });

  it('rejects a wrong password with a message in the caller language', async () => {
    const user = await createUser(env.db, city, ['unit_staff']);
    const zh = await login(user.username, 'nope');
    expect(zh.statusCode).toBe(401);
    expect(zh.json().message).toBe('用户名或密码错误');
    const en = await login(user.username, 'nope', 'en-US,en;q=0.9');
    expect(en.json().message).toBe('Wrong user name or password');
  });

  it('locks the account after 5 failures for 5 minutes, then lets it in again', async () => {
    const user = await createUser(env.db, city, ['unit_staff']);
    for (let i = 0; i < 4; i++) expect((await login(user.username, 'bad')).statusCode).toBe(401);
    const fifth = await login(user.username, 'bad');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(423);
    env.clock.now = new Date(env.clock.now.getTime() + 5 * 60_000 + 1000);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    const actions = await env.db
      .selectFrom('audit_logs')
      .select(['action', 'result'])
      .where('actor_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(actions.filter((a) => a.action === 'auth.lockout')).toHaveLength(1);
    expect(actions.filter((a) => a.result === 'denied')).toHaveLength(1);
  });

  it('audits a failed login of an unknown user', async () => {
    const res = await login('nobody-here', 'x');
    expect(res.statusCode).toBe(401);
    const row = await env.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('actor_name', '=', 'nobody-here')
      .executeTakeFirst();
    expect(row?.result).toBe('failed');
  });
});

describe('session', () => {
  it('expires after the idle timeout', async () => {
    const user = await createUser(env.db, city, ['unit_staff']);
    const client = await as(env.app, user);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    env.clock.now = new Date(env.clock.now.getTime() + 31 * 60_000);
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('refuses a write without the CSRF token and audits the denial', async () => {
    const user = await createUser(env.db, city, ['unit_staff']);
    const client = await as(env.app, user);
    const res = await env.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie: client.cookie },
      payload: { locale: 'en-US' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const ok = await client.patch('/api/auth/me', { locale: 'en-US' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe('en-US');
  });

  it('logs out', async () => {
    const user = await createUser(env.db, city, ['unit_staff']);
    const client = await as(env.app, user);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('password', () => {
  it('forces a change on first sign-in and enforces the policy', async () => {
    const user = await createUser(env.db, city, ['city_admin'], { mustChangePassword: true });
    const client = await as(env.app, user);
    const me = await client.get('/api/auth/me');
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await client.get('/api/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('至少 3 类');
    const wrong = await client.post('/api/auth/password', { currentPassword: 'x', newPassword: 'Abcdef-12345' });
    expect(wrong.statusCode).toBe(400);
    const ok = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Abcdef-12345' });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().mustChangePassword).toBe(false);
  });

  it('treats a password older than the expiry as expired', async () => {
    const user = await createUser(env.db, city, ['city_admin']);
    await env.db
      .updateTable('users')
      .set({ password_changed_at: new Date(env.clock.now.getTime() - 91 * 86_400_000) })
      .where('id', '=', user.id)
      .execute();
    const client = await as(env.app, user);
    expect((await client.get('/api/auth/me')).json().passwordExpired).toBe(true);
    expect((await client.get('/api/units')).json().code).toBe('PASSWORD_EXPIRED');
  });
});
