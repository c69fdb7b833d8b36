import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@cc/common/permissions';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { installRouteDeclarationGuard } from './app.js';
import { catalogueKeys } from './i18n.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('route declarations', () => {
  it('refuses to boot when an /api route declares neither a permission nor public', async () => {
    const app = Fastify();
    const guard = installRouteDeclarationGuard(app);
    app.get('/api/forgotten', async () => ({}));
    app.get('/api/fine', { config: { public: true } }, async () => ({}));
    await app.ready();
    expect(() => guard.assertAllDeclared()).toThrow(/GET \/api\/forgotten/);
    await app.close();
  });

  it('every real route declares a known permission or public', () => {
    expect(env.app.routeCatalogue.length).toBeGreaterThan(5);
    for (const route of env.app.routeCatalogue) {
      const ok = route.isPublic || (route.permission !== null && PERMISSIONS.includes(route.permission));
      expect(ok, `${route.method} ${route.url}`).toBe(true);
    }
  });

  it('answers 401 on every non-public route for an anonymous caller, never 5xx', async () => {
    for (const route of env.app.routeCatalogue.filter((r) => !r.isPublic)) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' || name.endsWith('Id') ? '1' : 'x'));
      const res = await env.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${url}: ${res.body}`).toBe(401);
    }
  });
});

describe('platform endpoints', () => {
  it('serves health, readiness and the OpenAPI document', async () => {
    expect((await env.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await env.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const doc = (await env.app.inject({ url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/regions');
    const ui = await env.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('answers unknown API paths and bad JSON with clear 4xx errors', async () => {
    const missing = await env.app.inject({ url: '/api/nope', headers: { 'accept-language': 'en-US' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('No such API endpoint');
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('gives field-level messages for schema violations', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().details.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(['body/username', 'body/password']));
  });
});

describe('message catalogue', () => {
  it('has the same keys in zh-CN and en-US', () => {
    expect([...catalogueKeys.en].sort()).toEqual([...catalogueKeys.zh].sort());
  });
});
