import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '@cc/common/cases';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from './demo.js';

let env: TestEnv;
// The demo photos are written to disk: keep them out of the repository's data directory.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-demo-'));
beforeAll(async () => {
  env = await createTestEnv({ dataDir });
  // The demo cases are placed relative to the real clock.
  env.clock.now = new Date();
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

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

  it('comes with six months of cases in every status, each with its log', async () => {
    const byStatus = await sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM cases GROUP BY status`.execute(env.db);
    const counts = new Map(byStatus.rows.map((r) => [r.status, r.n]));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1900);
    expect(total).toBeLessThanOrEqual(2100);
    for (const status of CASE_STATUSES) expect(counts.get(status) ?? 0, status).toBeGreaterThan(0);
    expect(counts.get('closed')! / total).toBeGreaterThan(0.6);

    const unlogged = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_logs l WHERE l.case_id = c.id)`.execute(
      env.db,
    );
    expect(unlogged.rows[0].n).toBe(0);
    // The last status change logged is the case's status; grids lie in their community.
    const mismatched = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM cases c
      JOIN LATERAL (SELECT to_status FROM case_logs l WHERE l.case_id = c.id AND l.to_status IS NOT NULL
                    ORDER BY l.id DESC LIMIT 1) last ON true
      JOIN regions g ON g.id = c.grid_id
      WHERE last.to_status <> c.status OR g.parent_id <> c.community_id OR c.region_id <> c.grid_id`.execute(env.db);
    expect(mismatched.rows[0].n).toBe(0);

    // Every demo account has work waiting.
    const { cookie } = await signIn('unit');
    const mine = await env.app.inject({ url: '/api/cases?status=dispatched,accepted,rework', headers: { cookie } });
    expect(mine.json().total).toBeGreaterThanOrEqual(25);
    const overdue = await env.app.inject({
      url: '/api/cases?status=dispatched,accepted,rework&overdue=true',
      headers: { cookie },
    });
    expect(overdue.json().total).toBeGreaterThan(0);
    const inspector = await signIn('inspector');
    const reported = await env.app.inject({
      url: '/api/cases/reported?pageSize=1',
      headers: { cookie: inspector.cookie },
    });
    expect(reported.json().total).toBeGreaterThanOrEqual(45);
    const admin = await signIn('admin');
    const metrics = await env.app.inject({
      url: '/api/cases/metrics?groupBy=unit&from=2026-01-01&to=2026-12-31',
      headers: { cookie: admin.cookie },
    });
    expect(metrics.statusCode, metrics.body).toBe(200);
  });
});

async function signIn(username: string) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}
