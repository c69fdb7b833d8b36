import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from './demo.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const count = async (table: 'regions' | 'units' | 'people' | 'pairings' | 'users' | 'groups', level?: string) => {
  let q = env.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (level) q = q.where('level' as never, '=', level as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('demo city', () => {
  it('seeds a realistic city once, and every demo account can sign in', async () => {
    const log = { info: () => undefined };
    const first = await seedDemoIfEmpty(env.db, env.config, log);
    expect(first?.accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(await count('regions', 'district')).toBe(3);
    expect(await count('regions', 'street')).toBe(10);
    expect(await count('regions', 'community')).toBeGreaterThanOrEqual(40);
    expect(await count('regions', 'grid')).toBeGreaterThanOrEqual(120);
    expect(await count('units')).toBeGreaterThanOrEqual(60);
    expect(await count('people')).toBe(300);
    expect(await count('pairings')).toBeGreaterThanOrEqual(40);

    const paths = await env.db.selectFrom('regions').select(['id', 'path', 'parent_id']).execute();
    expect(paths.every((r) => r.path.endsWith(`/${r.id}/`))).toBe(true);

    const again = await seedDemoIfEmpty(env.db, env.config, log);
    expect(again?.accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(await count('people')).toBe(300);

    for (const account of DEMO_ACCOUNTS) {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: account.username, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, account.username).toBe(200);
      expect(res.json().me.roles).toEqual([account.role]);
      expect(res.json().me.mustChangePassword).toBe(false);
    }
    const liaison = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'liaison1', password: DEMO_PASSWORD },
    });
    expect(liaison.json().me.mustChangePassword).toBe(true);
  });
});
