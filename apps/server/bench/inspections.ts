// Field-inspection benchmarks on PostgreSQL, run by bench/run.ts. Figures only — nothing here
// asserts a time. A city of 100 communities and 500 units with 20,000 sites of 20 types, each type
// with a checklist of 15 items (the sample checklist topped up with generated rules of every
// kind), and twelve monthly rounds inspecting every site — 240,000 submitted inspections and
// 3,600,000 results — generated with set-based SQL (bulkLoad: indexes rebuilt afterwards, VACUUM
// ANALYZE), failures a little rarer each round. Then, through the whole app (session, permission,
// scope, schema), p50/p95 over 20 runs of the rollups of the latest round by district, type and
// unit as the city office (with the change since the round before), and 20 submissions of fresh
// inspections of an open round as their inspector: every item scored, the site scored, a case
// filed for every failed item.
// Works in a throwaway database (bench/support.ts). BENCH_INSPECTIONS=1 runs only this part (see
// run.ts); BENCH_KEEP_DB=1 keeps the database (for EXPLAIN); BENCH_EXPLAIN=1 prints the plans of
// the rollup queries.

import { sql } from 'kysely';
import sharp from 'sharp';
import type { RuleSpec } from '@cc/common/inspection-rules';
import type { Config } from '../src/platform/config.js';
import type { Db } from '../src/platform/db.js';
import { bulkLoad, line, ms, p50p95, seedBenchRegions, timeRuns, withThrowawayDatabase } from './support.js';

const SITES = 20_000;
const TYPES = 20;
const ITEMS = 15;
const ROUNDS = 12;
const INSPECTORS = 10;
const RUNS = 20;
const SUBMISSIONS = 20;
/** Submissions made first and not counted (the JIT and the caches warm up on them). */
const WARMUP = 4;
const PASSWORD = 'Bench@2026-pass';

export async function runInspectionBenchmarks(config: Config): Promise<void> {
  await withThrowawayDatabase('inspections on PostgreSQL', async (url) => {
    const { createPostgresDb } = await import('../src/platform/db.js');
    const { migrateToLatest } = await import('../src/platform/migrate.js');
    const handle = createPostgresDb(url);
    try {
      await migrateToLatest(handle.db);
      const city = await seedBenchCity(handle.db);
      const t0 = performance.now();
      const generated = await generateRounds(url, city);
      line(
        `generate ${SITES.toLocaleString('en')} sites × ${ROUNDS} rounds × ${ITEMS} items`,
        `${ms(performance.now() - t0)}  (${generated.inspections.toLocaleString('en')} inspections, ` +
          `${generated.results.toLocaleString('en')} results, ${generated.failed.toLocaleString('en')} failed; ` +
          'with index rebuild and VACUUM ANALYZE)',
      );
      await benchRequests(config, handle.db, city);
      if (process.env.BENCH_EXPLAIN) await explainRollups(handle.db, city);
    } finally {
      await handle.close();
    }
  });
}

interface BenchCity {
  cityId: number;
  rootId: number;
  adminId: number;
  inspectorIds: number[];
  typeCodes: string[];
}

/**
 * The city: root → 5 districts → 20 streets → 100 communities, 500 units, the office and ten
 * inspectors, the case categories, and the inspection defaults with every bench type's checklist
 * topped up to 15 items.
 */
async function seedBenchCity(db: Db): Promise<BenchCity> {
  const { hashPassword } = await import('../src/platform/auth/passwords.js');
  const { seedDefaultCategories } = await import('../src/modules/cases/index.js');
  const { seedInspectionDefaults } = await import('../src/modules/inspections/index.js');
  const now = new Date();
  const { cityId, rootId } = await seedBenchRegions(db, '压测市', '419600000000');
  await sql`
    INSERT INTO units (city_id, name, type, region_id, liaison_name, liaison_phone)
    SELECT ${cityId}, '压测单位' || lpad(g::text, 3, '0'), 'agency', ${rootId}, '联络员' || g, '139' || lpad(g::text, 8, '0')
    FROM generate_series(1, 500) AS g`.execute(db);
  const passwordHash = await hashPassword(PASSWORD);
  const users = await sql<{ id: number; username: string }>`
    INSERT INTO users (city_id, username, display_name, password_hash, roles, region_id, must_change_password)
    SELECT ${cityId}, u, d, ${passwordHash}, ARRAY[r], ${rootId}, false
    FROM (SELECT 'bench_admin' AS u, '压测创建办' AS d, 'city_admin' AS r, 0 AS k
          UNION ALL SELECT 'bench_inspector' || k, '压测督导员' || k, 'inspector', k FROM generate_series(1, ${INSPECTORS}::int) AS k) x
    ORDER BY k
    RETURNING id, username`.execute(db);
  await seedDefaultCategories(db, cityId, now);
  await seedInspectionDefaults(db, cityId, now);
  // The bench types: the sample checklist's types with the most items, each topped up to 15.
  const types = await sql<{ type_code: string; n: number }>`
    SELECT type_code, count(*)::int AS n FROM checklist_items WHERE city_id = ${cityId} AND active
    GROUP BY type_code ORDER BY count(*) DESC, type_code LIMIT ${TYPES}`.execute(db);
  const templates: RuleSpec[] = [
    { kind: 'presence', expect: 'present' },
    { kind: 'count', thresholds: { normal: { min: 3 }, pre_inspection: { min: 5 } } },
    { kind: 'ratio', of: 'total', thresholds: { normal: { minPercent: 30 }, pre_inspection: { minPercent: 50 } } },
    { kind: 'rate', unit: 'minutes', thresholds: { normal: { min: 2, per: 10 } } },
    { kind: 'density', unit: 'metres', thresholds: { normal: { min: 5, within: 500 } } },
    { kind: 'presence', expect: 'absent' },
  ];
  await sql`
    INSERT INTO checklist_items (city_id, type_code, title, rule, points, case_category_code, sort, created_at, updated_at)
    SELECT ${cityId}, t.type_code, '压测检查项' || k, (${templates.map((r) => JSON.stringify(r))}::jsonb[])[1 + k % ${templates.length}],
           1 + k % 3, 'PSA.MISSING', 1000 + k, now(), now()
    FROM unnest(${types.rows.map((t) => t.type_code)}::text[], ${types.rows.map((t) => t.n)}::int[]) AS t(type_code, n),
         generate_series(1, ${ITEMS}::int) AS k
    WHERE k <= ${ITEMS} - t.n`.execute(db);
  return {
    cityId,
    rootId,
    adminId: users.rows.find((u) => u.username === 'bench_admin')!.id,
    inspectorIds: users.rows.filter((u) => u.username !== 'bench_admin').map((u) => u.id),
    typeCodes: types.rows.map((t) => t.type_code).sort(),
  };
}

/**
 * Sites, twelve closed monthly rounds inspecting every site (results by rule kind, failures
 * depending on the site and rarer each round, the site scored from its results) and an open round
 * with fresh inspections of the first 40 sites (every type twice), assigned to the first inspector.
 */
async function generateRounds(url: string, city: BenchCity) {
  const tables = ['sites', 'inspection_rounds', 'inspections', 'inspection_results'];
  return bulkLoad(url, tables, { vacuum: true }, async (client) => {
    await client.query(
      `INSERT INTO sites (city_id, type_code, name, address, lng, lat, region_id, unit_id, contact_name, contact_phone,
                          created_at, updated_at)
       SELECT $1, ($2::text[])[1 + g % array_length($2::text[], 1)], '压测点位' || lpad(g::text, 5, '0'), '压测路' || g || '号',
              113.1 + random() * 0.3, 35.1 + random() * 0.3, c.ids[1 + g % array_length(c.ids, 1)],
              u.ids[1 + (g * 7) % array_length(u.ids, 1)], '联系人' || g, '138' || lpad(g::text, 8, '0'), now(), now()
       FROM generate_series(1, ${SITES}) AS g,
            (SELECT array_agg(id ORDER BY id) AS ids FROM regions WHERE city_id = $1 AND level = 'community') c,
            (SELECT array_agg(id ORDER BY id) AS ids FROM units WHERE city_id = $1) u`,
      [city.cityId, city.typeCodes],
    );
    await client.query(
      `INSERT INTO inspection_rounds (city_id, region_id, name, starts_on, ends_on, status, draw_seed, criteria, created_by,
                                      created_at, updated_at, opened_at, closed_at)
       SELECT $1, $3, '压测第' || k || '轮', m + 5, m + 20, CASE WHEN k > ${ROUNDS} THEN 'open' ELSE 'closed' END,
              100000000000000 + k, jsonb_build_object('typeCodes', $2::text[]), $4, m, now(), m + 5,
              CASE WHEN k > ${ROUNDS} THEN NULL ELSE m + 22 END
       FROM generate_series(1, ${ROUNDS + 1}) AS k,
            LATERAL (SELECT (date_trunc('month', now()) - (${ROUNDS} + 1 - k) * interval '1 month')::date AS m) d`,
      [city.cityId, city.typeCodes, city.rootId, city.adminId],
    );
    const inspections = await client.query(
      `INSERT INTO inspections (city_id, kind, round_id, site_id, inspector_id, status, type_code, region_id, unit_id, phase,
                                idempotency_key, submitted_at, submitted_lng, submitted_lat, created_at, updated_at)
       SELECT $1, 'round', r.id, s.id, ($2::bigint[])[1 + s.id % array_length($2::bigint[], 1)], 'submitted', s.type_code,
              s.region_id, s.unit_id, 'normal', 'bench-' || r.id || '-' || s.id,
              r.starts_on + interval '9 hours' + random() * interval '14 days', s.lng, s.lat, r.created_at, r.closed_at
       FROM inspection_rounds r CROSS JOIN sites s
       WHERE r.city_id = $1 AND s.city_id = $1 AND r.status = 'closed'
       ORDER BY r.id, s.id`,
      [city.cityId, city.inspectorIds],
    );
    // Results: a site's failure rate (2–20 %) falls by a few points each round; n/a only for
    // screens (rate rules); values and words of the rule kind.
    const results = await client.query(
      `INSERT INTO inspection_results (city_id, inspection_id, item_id, outcome, value, points, earned, seen, created_at)
       SELECT $1, q.inspection_id, q.item_id, q.outcome,
              CASE WHEN q.outcome = 'na' THEN '{"na": true}'::jsonb ELSE
                CASE q.kind
                  WHEN 'presence' THEN jsonb_build_object('present', (q.outcome = 'pass') = (q.rule->>'expect' = 'present'))
                  WHEN 'count' THEN jsonb_build_object('count', CASE WHEN q.outcome = 'pass' THEN 6 ELSE 1 END)
                  WHEN 'ratio' THEN jsonb_build_object('part', CASE WHEN q.outcome = 'pass' THEN 60 ELSE 10 END, 'whole', 100)
                  WHEN 'rate' THEN jsonb_build_object('count', CASE WHEN q.outcome = 'pass' THEN 3 ELSE 1 END, 'observed', 10)
                  ELSE jsonb_build_object('count', CASE WHEN q.outcome = 'pass' THEN 6 ELSE 2 END, 'distance', 500)
                END END,
              CASE WHEN q.outcome = 'na' THEN 0 ELSE q.points END, CASE WHEN q.outcome = 'pass' THEN q.points ELSE 0 END,
              CASE q.outcome WHEN 'pass' THEN '达标：实见 6 处，要求不少于 3 处' WHEN 'fail' THEN '不达标：实见 1 处，要求不少于 3 处'
                             ELSE '不适用（现场无此项）' END,
              q.submitted_at
       FROM (
         SELECT p.*, CASE WHEN p.kind = 'rate' AND p.x < 0.1 THEN 'na' WHEN p.y < p.failure THEN 'fail' ELSE 'pass' END AS outcome
         FROM (
           SELECT i.id AS inspection_id, i.submitted_at, c.id AS item_id, c.points, c.rule, c.rule->>'kind' AS kind,
                  random() AS x, random() AS y,
                  (0.02 + 0.18 * ((i.site_id * 2654435761) % 1000) / 1000.0) * (1.3 - 0.05 * (i.round_id - r0.first)) AS failure
           FROM inspections i
           JOIN checklist_items c ON c.city_id = i.city_id AND c.type_code = i.type_code AND c.active,
           (SELECT min(id) AS first FROM inspection_rounds WHERE city_id = $1) r0
           WHERE i.city_id = $1
         ) p
       ) q
       ORDER BY q.inspection_id, q.item_id`,
      [city.cityId],
    );
    await client.query(
      `UPDATE inspections i SET earned = x.earned, applicable = x.applicable, failed = x.failed,
              score = CASE WHEN x.applicable > 0 THEN round(x.earned / x.applicable * 1000) / 10 END
       FROM (SELECT inspection_id, sum(earned) AS earned, sum(points) AS applicable,
                    count(*) FILTER (WHERE outcome = 'fail')::int AS failed
             FROM inspection_results WHERE city_id = $1 GROUP BY inspection_id) x
       WHERE i.id = x.inspection_id`,
      [city.cityId],
    );
    // The open round: one fresh inspection per site of the first sites of every type, for the
    // first inspector (the submissions measured).
    await client.query(
      `INSERT INTO inspections (city_id, kind, round_id, site_id, inspector_id, status, type_code, region_id, unit_id,
                                created_at, updated_at)
       SELECT $1, 'round', r.id, s.id, $2, 'assigned', s.type_code, s.region_id, s.unit_id, now(), now()
       FROM inspection_rounds r,
            (SELECT * FROM sites WHERE city_id = $1 ORDER BY id LIMIT ${SUBMISSIONS * 2}) s
       WHERE r.city_id = $1 AND r.status = 'open'`,
      [city.cityId, city.inspectorIds[0]],
    );
    const failed = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inspection_results WHERE city_id = $1 AND outcome = 'fail'`,
      [city.cityId],
    );
    return { inspections: inspections.rowCount ?? 0, results: results.rowCount ?? 0, failed: failed.rows[0].n };
  });
}

async function benchRequests(config: Config, db: Db, city: BenchCity) {
  const { buildApp } = await import('../src/platform/app.js');
  const { storeFile } = await import('../src/platform/files.js');
  const { ruleValueFor } = await import('../src/seed/demo-inspections.js');
  const rounds = await db
    .selectFrom('inspection_rounds')
    .select(['id', 'status'])
    .where('city_id', '=', city.cityId)
    .orderBy('starts_on')
    .execute();
  const latest = rounds.filter((r) => r.status === 'closed').at(-1)!;
  // A photo for the items that must be proven (as the phone uploads it before submitting).
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 150 } } })
    .jpeg()
    .toBuffer();
  const photo = await storeFile(db, config, {
    cityId: city.cityId,
    userId: city.inspectorIds[0],
    name: '现场.jpg',
    buffer: jpeg,
  });

  const app = await buildApp({ db, config, logger: false });
  try {
    const signIn = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`bench login failed: ${res.statusCode} ${res.body}`);
      return {
        cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
        csrf: (res.json() as { me: { csrfToken: string } }).me.csrfToken,
      };
    };
    const office = await signIn('bench_admin');
    const inspector = await signIn('bench_inspector1');
    const get = async (who: { cookie: string }, url: string) => {
      const res = await app.inject({ url, headers: { cookie: who.cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res.json() as Record<string, unknown>;
    };

    console.log('GET /api/inspection-rounds/:id/rollups (city office, latest round)');
    for (const by of ['district', 'type', 'unit'] as const) {
      const url = `/api/inspection-rounds/${latest.id}/rollups?by=${by}`;
      const first = (await get(office, url)) as { rows: unknown[]; total: { inspected: number; delta: number | null } };
      const times = await timeRuns(RUNS, () => get(office, url));
      line(
        `  ?by=${by}`,
        p50p95(
          times,
          `${RUNS} runs; ${first.rows.length} rows, ${first.total.inspected} inspections, Δ ${first.total.delta}; target p95 < 300 ms`,
        ),
      );
    }

    // The inspector's phone list: the open inspections among a long history of submitted ones.
    const mine = (await get(inspector, '/api/my-inspections')) as {
      items: { id: number; site: { lng: number; lat: number } }[];
    };
    const listTimes = await timeRuns(RUNS, () => get(inspector, '/api/my-inspections'));
    const history = (ROUNDS * SITES) / INSPECTORS;
    line(
      'GET /api/my-inspections (inspector)',
      p50p95(
        listTimes,
        `${RUNS} runs; ${mine.items.length} open among ${history.toLocaleString('en')} submitted; no target`,
      ),
    );

    // Submissions: each fresh inspection's checklist read first (not timed), then submitted.
    const chosen = mine.items.slice(0, WARMUP + SUBMISSIONS);
    const bodies = await Promise.all(
      chosen.map(async (inspection) => {
        const detail = (await get(inspector, `/api/inspections/${inspection.id}`)) as {
          items: { id: number; rule: RuleSpec; photoRequired: boolean }[];
        };
        const at = { lng: inspection.site.lng, lat: inspection.site.lat };
        // About one item in ten fails, as in the generated rounds.
        const values = detail.items.map((item) => ({
          itemId: item.id,
          value: ruleValueFor(item.rule, Math.random() > 0.1, 'normal', Math.random),
          photos: item.photoRequired
            ? [{ fileId: photo.id, ...at, takenAt: new Date().toISOString(), accuracy: 10 }]
            : [],
        }));
        return {
          id: inspection.id,
          body: { idempotencyKey: `bench-submit-${inspection.id}-${Date.now()}`, ...at, values },
        };
      }),
    );
    const runs: { ms: number; cases: number; items: number }[] = [];
    for (const [n, { id, body }] of bodies.entries()) {
      const started = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: `/api/inspections/${id}/submit`,
        headers: { cookie: inspector.cookie, 'x-csrf-token': inspector.csrf },
        payload: body,
      });
      const elapsed = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`submit ${id}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (n >= WARMUP) {
        runs.push({
          ms: elapsed,
          cases: (res.json() as { caseIds: number[] }).caseIds.length,
          items: body.values.length,
        });
      }
    }
    const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
    const cases = sum(runs.map((r) => r.cases));
    // Where the time goes: a submission with every item passed, and what each filed case adds
    // (least squares over the runs).
    const clean = runs.filter((r) => r.cases === 0).map((r) => r.ms);
    const meanCases = cases / runs.length;
    const meanMs = sum(runs.map((r) => r.ms)) / runs.length;
    const slope =
      sum(runs.map((r) => (r.cases - meanCases) * (r.ms - meanMs))) / sum(runs.map((r) => (r.cases - meanCases) ** 2));
    line(
      'POST /api/inspections/:id/submit (inspector)',
      p50p95(
        runs.map((r) => r.ms).sort((a, b) => a - b),
        `${runs.length} inspections after ${WARMUP} warm-up, ${(sum(runs.map((r) => r.items)) / runs.length).toFixed(1)} items ` +
          `each, ${cases} cases filed; target p95 < 50 ms`,
      ),
    );
    line(
      '  of which',
      `no case filed: mean ${(sum(clean) / Math.max(1, clean.length)).toFixed(1)} ms (${clean.length} runs); ` +
        `each case filed adds ≈ ${Number.isFinite(slope) ? slope.toFixed(1) : '–'} ms`,
    );
  } finally {
    await app.close();
  }
}

/** The plans of the rollup query of the latest round (BENCH_EXPLAIN=1), to see where time goes. */
async function explainRollups(db: Db, city: BenchCity) {
  const round = await db
    .selectFrom('inspection_rounds')
    .select('id')
    .where('city_id', '=', city.cityId)
    .where('status', '=', 'closed')
    .orderBy('starts_on', 'desc')
    .executeTakeFirstOrThrow();
  const plan = await sql<{ 'QUERY PLAN': string }>`
    EXPLAIN (ANALYZE, BUFFERS)
    SELECT coalesce(split_part(g.path, '/', 3), '') AS key, count(*)::int, avg(i.score)::float8, sum(i.earned)::float8,
           sum(i.applicable)::float8, coalesce(sum(i.failed), 0)::int
    FROM inspections i LEFT JOIN regions g ON g.id = i.region_id
    WHERE i.round_id = ${round.id} AND i.status = 'submitted' GROUP BY 1`.execute(db);
  console.log(plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
}
