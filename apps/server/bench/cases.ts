// Case benchmarks on PostgreSQL, run by bench/run.ts. Figures only — nothing here asserts a time.
//   (a) intake: POST /api/cases through the whole app (session, CSRF, validation, routing,
//       duplicate check, log, audit, detail) against a bare Fastify route doing one INSERT into the
//       same table, each at 50 keep-alive connections for 10 s, same pool size;
//   (b) metrics: caseMetrics by unit over 1,000,000 generated cases, one month and one year.
// Works in a throwaway database on the server named by PG_ADMIN_URL (bench/support.ts); prints a
// skip line when none is reachable.
// The load generator runs in a child process (this file with `--load`), so that the server
// measured does not share its event loop with its clients.
// BENCH_CASES=intake|metrics runs one part only; BENCH_KEEP_DB=1 keeps the database (for EXPLAIN).

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Permission } from '@cc/common/permissions';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../src/platform/config.js';
import type { Actor } from '../src/platform/context.js';
import type { Db } from '../src/platform/db.js';
import { bulkLoad, line, ms, p50p95, percentile, timeRuns, withThrowawayDatabase } from './support.js';

const CONNECTIONS = 50;
const WARMUP_S = 2;
const MEASURE_S = 10;
const METRICS_CASES = 1_000_000;
const METRICS_UNITS = 60;
const METRICS_RUNS = 20;
const PASSWORD = 'Bench@2026-pass';

export async function runCaseBenchmarks(config: Config): Promise<void> {
  await withThrowawayDatabase('cases on PostgreSQL', async (url) => {
    const city = await prepareDatabase(url);
    const part = process.env.BENCH_CASES ?? 'all';
    if (part !== 'metrics') await benchIntake(config, url, city);
    if (part !== 'intake') await benchMetrics(config, url, city);
  });
}

// ---------------------------------------------------------------------------------------------
// The bench city
// ---------------------------------------------------------------------------------------------

interface BenchCity {
  cityId: number;
  root: { id: number; path: string };
  communityId: number;
  unitId: number;
  leaves: number[];
  username: string;
}

async function prepareDatabase(url: string): Promise<BenchCity> {
  const { createPostgresDb } = await import('../src/platform/db.js');
  const { migrateToLatest } = await import('../src/platform/migrate.js');
  const handle = createPostgresDb(url, 2);
  try {
    const started = performance.now();
    await migrateToLatest(handle.db);
    const city = await seedBenchCity(handle.db);
    line('migrate + seed bench city', ms(performance.now() - started));
    return city;
  } finally {
    await handle.close();
  }
}

/** One city: root → district → street → community, one paired unit, the default categories, an inspector. */
async function seedBenchCity(db: Db): Promise<BenchCity> {
  const { seedDefaultCategories } = await import('../src/modules/cases/index.js');
  const { hashPassword } = await import('../src/platform/auth/passwords.js');
  const now = new Date();
  const city = await db
    .insertInto('cities')
    .values({ name: '压测市', code: '419800000000' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cityId = city.id;
  const chain: { id: number; path: string }[] = [];
  for (const [level, regionName, code] of [
    ['city', '压测市', '419800000000'],
    ['district', '压测区', '419801000000'],
    ['street', '压测街道', '419801001000'],
    ['community', '压测社区', '419801001001'],
  ] as const) {
    const parent = chain.at(-1);
    const row = await db
      .insertInto('regions')
      .values({ city_id: cityId, parent_id: parent?.id ?? null, level, code, name: regionName, path: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await db.updateTable('regions').set({ path }).where('id', '=', row.id).execute();
    chain.push({ id: row.id, path });
  }
  const unit = await db
    .insertInto('units')
    .values({ city_id: cityId, name: '市城市管理局', type: 'agency', region_id: chain[0].id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('pairings')
    .values({
      city_id: cityId,
      unit_id: unit.id,
      target_type: 'community',
      region_id: chain[3].id,
      target_name: '压测社区',
      starts_on: `${now.getUTCFullYear()}-01-01`,
      ends_on: null,
    })
    .execute();
  await seedDefaultCategories(db, cityId, now);
  const leaves = await db
    .selectFrom('case_categories')
    .select('id')
    .where('city_id', '=', cityId)
    .where('parent_id', 'is not', null)
    .orderBy('id')
    .execute();
  await db
    .insertInto('users')
    .values({
      city_id: cityId,
      username: 'bench_inspector',
      display_name: '压测督导员',
      password_hash: await hashPassword(PASSWORD),
      roles: ['inspector'],
      region_id: chain[0].id,
      must_change_password: false,
    })
    .execute();
  return {
    cityId,
    root: chain[0],
    communityId: chain[3].id,
    unitId: unit.id,
    leaves: leaves.map((l) => l.id),
    username: 'bench_inspector',
  };
}

// ---------------------------------------------------------------------------------------------
// (a) Intake
// ---------------------------------------------------------------------------------------------

interface LoadSpec {
  port: number;
  path: string;
  headers: Record<string, string>;
  categories: number[];
  communityId: number;
  connections: number;
  warmupS: number;
  measureS: number;
  tag: string;
}

interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

const PROBLEMS = [
  '垃圾桶破损，垃圾满溢',
  '商户出店经营，占用人行道',
  '共享单车乱停乱放',
  '路灯不亮，夜间照明不足',
  '墙面张贴大量小广告',
  '井盖缺失，存在安全隐患',
];

/** The child process: `connections` loops posting cases for warmup + measure seconds. */
async function generateLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  let seq = 0;
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: spec.port,
          path: spec.path,
          method: 'POST',
          agent,
          headers: { ...spec.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  const measureFrom = started + spec.warmupS * 1000;
  const until = measureFrom + spec.measureS * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let lastEnd = measureFrom;
  const loop = async () => {
    while (performance.now() < until) {
      const n = seq++;
      const body = JSON.stringify({
        categoryId: spec.categories[n % spec.categories.length],
        description: `压测${spec.tag}-${n}：人民路${n % 300}号门前${PROBLEMS[n % PROBLEMS.length]}`,
        communityId: spec.communityId,
        idempotencyKey: `${spec.tag}-${n}-${randomBytes(4).toString('hex')}`,
      });
      const t0 = performance.now();
      let status = 0;
      try {
        status = await post(body);
      } catch {
        status = 0;
      }
      const t1 = performance.now();
      if (t0 < measureFrom) continue;
      lastEnd = Math.max(lastEnd, t1);
      latencies.push(t1 - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status < 200 || status >= 300) errors++;
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, loop));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const seconds = (lastEnd - measureFrom) / 1000;
  return {
    requests: latencies.length,
    errors,
    statuses,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

/** Runs the load generator in a child process and answers its figures. */
function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--load', JSON.stringify(spec)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.slice(out.lastIndexOf('\n{') + 1)) as LoadResult);
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

function printLoad(label: string, r: LoadResult) {
  const other = Object.entries(r.statuses)
    .filter(([s]) => s !== '201')
    .map(([s, n]) => `${n}×${s === '0' ? 'network error' : s}`);
  line(
    label,
    `${r.rps.toFixed(1).padStart(9)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(1)} ms` +
      `  (${r.requests} in ${r.seconds.toFixed(1)} s${other.length ? `, ${other.join(', ')}` : ''})`,
  );
}

async function benchIntake(config: Config, url: string, city: BenchCity) {
  const { createPostgresDb } = await import('../src/platform/db.js');
  const { buildApp } = await import('../src/platform/app.js');
  const Fastify = (await import('fastify')).default;
  const pg = (await import('pg')).default;

  // The app's own pool size (createPostgresDb's default) for both contenders.
  const poolSize = 10;
  const handle = createPostgresDb(url, poolSize);

  const app = await buildApp({ db: handle.db, config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (app.server.address() as { port: number }).port;
  const login = await fetch(`http://127.0.0.1:${appPort}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: city.username, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = ((await login.json()) as { me: { csrfToken: string } }).me.csrfToken;

  const spec = {
    categories: city.leaves,
    communityId: city.communityId,
    connections: CONNECTIONS,
    warmupS: WARMUP_S,
    measureS: MEASURE_S,
  };
  let full: LoadResult;
  try {
    full = await runLoad({
      ...spec,
      port: appPort,
      path: '/api/cases',
      headers: { cookie, 'x-csrf-token': csrf },
      tag: 'app',
    });
  } finally {
    await app.close();
    await handle.close();
  }
  printLoad(`POST /api/cases, app (${CONNECTIONS} conns, ${MEASURE_S} s)`, full);

  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined); // an idle client dropped by the server: the pool replaces it
  const bare = Fastify({ logger: false });
  bare.post('/cases', async (request, reply) => {
    const body = request.body as { categoryId: number; description: string; communityId: number };
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO cases (city_id, category_id, source, status, description, community_id, region_id)
       VALUES ($1, $2, 'inspector', 'reported', $3, $4, $4) RETURNING id`,
      [city.cityId, body.categoryId, body.description, body.communityId],
    );
    return reply.code(201).send({ id: Number(rows[0].id) });
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  let raw: LoadResult;
  try {
    raw = await runLoad({
      ...spec,
      port: (bare.server.address() as { port: number }).port,
      path: '/cases',
      headers: {},
      tag: 'bare',
    });
  } finally {
    await bare.close();
    await pool.end();
  }
  printLoad(`POST /cases, bare Fastify + one INSERT`, raw);
  line('  → app / bare throughput (target ≥ 0.70)', `${(full.rps / raw.rps).toFixed(2).padStart(9)}`);
}

// ---------------------------------------------------------------------------------------------
// (b) Metrics over 1,000,000 cases
// ---------------------------------------------------------------------------------------------

/**
 * Two years of cases for ~60 units, set-based: mostly closed (80% handled on time), some voided,
 * merged and suspended, recent ones still being worked; deadlines from the category's limit in
 * approximate wall-clock hours (a working day ≈ 34 h, a working hour ≈ 3 h).
 */
async function generateCases(
  url: string,
  city: { cityId: number; rootId: number; communityId: number },
): Promise<void> {
  await bulkLoad(url, ['cases'], { vacuum: false }, async (client) => {
    await client.query(
      `INSERT INTO units (city_id, name, type, region_id)
       SELECT $1, '压测单位' || g, 'agency', $2 FROM generate_series(2, $3) AS g`,
      [city.cityId, city.rootId, METRICS_UNITS],
    );
    await client.query(
      `
      WITH cat AS (
        SELECT array_agg(id ORDER BY id) AS ids,
               array_agg(CASE limit_unit WHEN 'urgent_hours' THEN limit_amount
                                         WHEN 'working_hours' THEN limit_amount * 3
                                         WHEN 'working_days' THEN limit_amount * 34
                                         ELSE limit_amount * 24 END ORDER BY id) AS hours
        FROM case_categories WHERE city_id = $1 AND parent_id IS NOT NULL
      ),
      unit AS (SELECT array_agg(id ORDER BY id) AS ids FROM units WHERE city_id = $1),
      base AS (
        SELECT g, 1 + floor(random() * array_length(cat.ids, 1))::int AS ci,
               unit.ids[1 + floor(random() * array_length(unit.ids, 1))::int] AS unit_id,
               now() - random() * interval '730 days' AS reported,
               random() AS fate, random() AS pace, random() AS luck, random() AS extra,
               cat.ids AS cat_ids, cat.hours AS cat_hours
        FROM generate_series(1, $2::int) AS g, cat, unit
      ),
      timed AS (
        SELECT b.*, b.cat_ids[b.ci] AS category_id,
               b.reported + interval '30 minutes' + b.pace * interval '4 hours' AS registered,
               b.reported + interval '1 hour' + b.pace * interval '8 hours' AS dispatched,
               b.cat_hours[b.ci] * interval '1 hour' + CASE WHEN b.extra < 0.06 THEN interval '72 hours' ELSE interval '0' END AS span
        FROM base b
      ),
      handled AS (
        SELECT t.*, t.dispatched + t.span AS deadline,
               CASE WHEN t.luck < 0.8 THEN t.dispatched + t.span * (0.1 + 0.85 * t.pace)
                    ELSE t.dispatched + t.span + t.pace * interval '96 hours' END AS handled
        FROM timed t
      ),
      fated AS (
        SELECT h.*,
               CASE WHEN h.fate < 0.03 THEN 'voided'
                    WHEN h.fate < 0.05 THEN 'merged'
                    WHEN h.fate < 0.07 THEN 'suspended'
                    WHEN h.handled > now() THEN CASE WHEN h.extra < 0.08 THEN 'rework' WHEN h.pace < 0.4 THEN 'dispatched' ELSE 'accepted' END
                    WHEN h.handled + interval '6 hours' > now() THEN 'handled'
                    WHEN h.handled + interval '30 hours' > now() THEN 'verified'
                    ELSE 'closed' END AS status
        FROM handled h
      )
      INSERT INTO cases (city_id, category_id, source, status, description, region_id, community_id, unit_id,
                         suggested_unit_id, registered_at, dispatched_at, accepted_at, handled_at, verified_at,
                         closed_at, deadline_at, original_deadline_at, closed_on_time, rework_count, extension_count,
                         escalation_count, suspended_at, suspended_from, created_at, updated_at)
      SELECT $1, f.category_id,
             (ARRAY['inspector','resident','supervision','inspection','hotline','staff','media','canvass','leader'])[1 + (f.g % 9)],
             f.status, '压测数据', $3, $3,
             CASE WHEN f.status IN ('voided', 'merged') THEN NULL ELSE f.unit_id END,
             f.unit_id,
             CASE WHEN f.status = 'merged' THEN NULL ELSE f.registered END,
             CASE WHEN f.status IN ('voided', 'merged') THEN NULL ELSE f.dispatched END,
             CASE WHEN f.status IN ('voided', 'merged', 'suspended', 'dispatched') THEN NULL
                  ELSE f.dispatched + interval '20 minutes' END,
             CASE WHEN f.status IN ('handled', 'verified', 'closed') THEN f.handled
                  WHEN f.status = 'rework' THEN f.dispatched + f.span * 0.5 END,
             CASE WHEN f.status IN ('verified', 'closed') THEN f.handled + interval '6 hours' END,
             CASE WHEN f.status = 'closed' THEN f.handled + interval '30 hours' END,
             CASE WHEN f.status IN ('voided', 'merged') THEN NULL ELSE f.deadline END,
             CASE WHEN f.status IN ('voided', 'merged') THEN NULL
                  ELSE f.deadline - CASE WHEN f.extra < 0.06 THEN interval '72 hours' ELSE interval '0' END END,
             CASE WHEN f.status = 'closed' THEN f.handled <= f.deadline END,
             CASE WHEN f.status = 'rework' OR (f.status = 'closed' AND f.extra BETWEEN 0.5 AND 0.58) THEN 1 ELSE 0 END,
             CASE WHEN f.extra < 0.06 AND f.status NOT IN ('voided', 'merged') THEN 1 ELSE 0 END,
             CASE WHEN f.status IN ('voided', 'merged', 'suspended') THEN 0
                  ELSE greatest(0, ceil(extract(epoch FROM least(f.handled, now()) - f.deadline) / 86400))::int END,
             CASE WHEN f.status = 'suspended' THEN f.dispatched + interval '2 hours' END,
             CASE WHEN f.status = 'suspended' THEN 'accepted' END,
             f.reported, least(now(), f.handled + interval '30 hours')
      FROM fated f
      ORDER BY f.reported`,
      [city.cityId, METRICS_CASES, city.communityId],
    );
  });
}

async function benchMetrics(config: Config, url: string, city: BenchCity) {
  const { createPostgresDb } = await import('../src/platform/db.js');
  const { caseMetrics } = await import('../src/modules/cases/cases.metrics.js');
  const { permissionsOf } = await import('@cc/common/permissions');
  const pino = (await import('pino')).default;

  const handle = createPostgresDb(url);
  try {
    const existing = Number(
      (
        await handle.db
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const t0 = performance.now();
    await generateCases(url, { cityId: city.cityId, rootId: city.root.id, communityId: city.communityId });
    line(`generate ${METRICS_CASES.toLocaleString('en')} cases + ANALYZE`, ms(performance.now() - t0));
    if (existing > 0) console.log(`  (plus ${existing} cases left by the intake run)`);

    const actor: Actor = {
      userId: 0,
      username: 'bench',
      displayName: '压测',
      cityId: city.cityId,
      roles: ['city_admin'],
      permissions: new Set<Permission>(permissionsOf(['city_admin'])),
      regionId: city.root.id,
      regionPath: city.root.path,
      unitId: null,
      sessionId: '',
      csrfToken: '',
      mustChangePassword: false,
      passwordExpired: false,
      locale: 'zh-CN',
    };
    const ctx = {
      actor,
      db: handle.db,
      config,
      now: () => new Date(),
      log: pino({ level: 'silent' }) as unknown as FastifyBaseLogger,
      locale: 'zh-CN' as const,
      ip: null,
    };
    const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const today = new Date();
    const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
    const monthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
    const periods = [
      { label: 'one month', from: monthStart.toISOString().slice(0, 10), to: monthEnd.toISOString().slice(0, 10) },
      { label: 'one year', from: day(new Date(today.getTime() - 364 * 86_400_000)), to: day(today) },
    ];
    for (const period of periods) {
      const query = { groupBy: 'unit' as const, from: period.from, to: period.to };
      const first = await caseMetrics(ctx, query);
      const times = await timeRuns(METRICS_RUNS, () => caseMetrics(ctx, query));
      line(
        `metrics by unit, ${period.label} (${period.from}…${period.to})`,
        p50p95(
          times,
          `${METRICS_RUNS} runs; ${first.rows.length} units, due ${first.total.due}, received ${first.total.received}; target p95 < 300 ms`,
        ),
      );
    }
  } finally {
    await handle.close();
  }
}

// The load generator's entry point (a child process of the benchmark).
if (process.argv[2] === '--load' && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await generateLoad(JSON.parse(process.argv[3]) as LoadSpec);
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}
