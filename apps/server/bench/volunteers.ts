// Volunteer-service benchmarks on PostgreSQL, run by bench/run.ts. Figures only — nothing here
// asserts a time (the consistency checks of the burst do throw: a lost or doubled check-in is a
// bug, not a slow run). Two parts, each in a throwaway database (bench/support.ts):
//   - check-in burst: one activity under way and 1,000 members with accounts and sessions
//     (written set-based), the organiser's QR token, then 1,000 POST /api/volunteer/check-in
//     through the whole app at a concurrency of 50, each inside the geofence: latency
//     p50/p95/p99 and throughput; exactly 1,000 attendance rows; then 100 duplicate retries, all
//     refused with 409 and no extra rows;
//   - weekly compliance: 500,000 registered members over 100 communities, 50 units and ~500
//     party organisations with 52 weeks of 五个一 tracker rows (random bits, most members doing a
//     little, a few everything), then p50/p95 over 20 runs of the compliance rollups, the idle
//     list and the community dashboard (city-wide and for one community) as the city office.
// BENCH_VOLUNTEERS=1 runs only this part (see run.ts).

import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../src/platform/config.js';
import type { App } from '../src/platform/http.js';
import type { Db } from '../src/platform/db.js';
import {
  bulkLoad,
  line,
  ms,
  p50p95,
  percentile,
  seedBenchRegions,
  timeRuns,
  withThrowawayDatabase,
} from './support.js';

const BURST = 1_000;
const CONCURRENCY = 50;
const RETRIES = 100;
const MEMBERS = 500_000;
const WEEKS = 52;
const RUNS = 20;
const PASSWORD = 'Bench@2026-pass';

export async function runVolunteerBenchmarks(config: Config): Promise<void> {
  await withThrowawayDatabase('volunteers on PostgreSQL', async (url) => {
    const { createPostgresDb } = await import('../src/platform/db.js');
    const { migrateToLatest } = await import('../src/platform/migrate.js');
    const handle = createPostgresDb(url, 20);
    try {
      await migrateToLatest(handle.db);
      const city = await seedBenchCity(handle.db);
      await benchCheckInBurst(config, handle.db, city);
      const t0 = performance.now();
      const rows = await generateTracker(url, city);
      line(
        `generate ${MEMBERS.toLocaleString('en')} members × ${WEEKS} weeks`,
        `${ms(performance.now() - t0)}  (${rows.toLocaleString('en')} tracker rows; with ANALYZE)`,
      );
      await benchCompliance(config, handle.db);
    } finally {
      await handle.close();
    }
  });
}

interface BenchCity {
  cityId: number;
  rootId: number;
  adminId: number;
  communityIds: number[];
  unitIds: number[];
}

/** root → 5 districts → 20 streets → 100 communities, 50 units, the office, the activity types. */
async function seedBenchCity(db: Db): Promise<BenchCity> {
  const { hashPassword } = await import('../src/platform/auth/passwords.js');
  const { ensureActivityTypes } = await import('../src/modules/volunteers/index.js');
  const { cityId, rootId } = await seedBenchRegions(db, '志愿压测市', '419600000000');
  const communityIds = (
    await sql<{
      id: number;
    }>`SELECT id FROM regions WHERE city_id = ${cityId} AND level = 'community' ORDER BY id`.execute(db)
  ).rows.map((r) => r.id);
  const unitIds = (
    await sql<{ id: number }>`
      INSERT INTO units (city_id, name, type, region_id)
      SELECT ${cityId}, '压测单位' || k, 'agency', ${rootId}::bigint FROM generate_series(1, 50) AS k
      RETURNING id`.execute(db)
  ).rows.map((r) => r.id);
  const admin = await db
    .insertInto('users')
    .values({
      city_id: cityId,
      username: 'bench_volunteer_admin',
      display_name: '压测创建办',
      password_hash: await hashPassword(PASSWORD),
      roles: ['city_admin'],
      region_id: rootId,
      must_change_password: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ensureActivityTypes(db, cityId);
  return { cityId, rootId, adminId: admin.id, communityIds, unitIds };
}

async function signIn(app: App, username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`bench login failed: ${res.statusCode} ${res.body}`);
  return {
    cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: (res.json() as { me: { csrfToken: string } }).me.csrfToken,
  };
}

async function benchCheckInBurst(config: Config, db: Db, city: BenchCity) {
  const { buildApp } = await import('../src/platform/app.js');
  const { newQrKey } = await import('../src/modules/volunteers/index.js');
  const { SESSION_COOKIE } = await import('../src/platform/auth/sessions.js');
  const now = new Date();
  const centre = { lng: 113.25, lat: 35.2 };
  const communityId = city.communityIds[0];
  const activity = await db
    .insertInto('volunteer_activities')
    .values({
      city_id: city.cityId,
      type_code: 'sanitation',
      title: '压测社区环境卫生集中整治',
      community_id: communityId,
      organiser_id: city.adminId,
      organiser_name: '压测社区党委',
      place: '压测社区文化广场',
      lng: centre.lng,
      lat: centre.lat,
      radius_m: 200,
      starts_at: new Date(now.getTime() - 10 * 60_000),
      ends_at: new Date(now.getTime() + 2 * 3_600_000),
      qr_key: newQrKey(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // 1,000 members, their accounts (one shared hash: nobody signs in with a password) and sessions.
  const hash = (
    await db.selectFrom('users').select('password_hash').where('id', '=', city.adminId).executeTakeFirstOrThrow()
  ).password_hash;
  const people = await sql<{ id: number }>`
    INSERT INTO people (city_id, name, kind, unit_id, community_id, party_org)
    SELECT ${city.cityId}, '压测党员' || k, 'member', (${city.unitIds}::bigint[])[1 + k % 50], ${communityId}::bigint,
      '压测单位' || (1 + k % 50) || '机关党支部'
    FROM generate_series(1, ${BURST}::int) AS k ORDER BY k RETURNING id`.execute(db);
  const personIds = people.rows.map((r) => r.id);
  await sql`
    INSERT INTO community_registrations (city_id, person_id, community_id, status, registered_at)
    SELECT ${city.cityId}, p, ${communityId}::bigint, 'confirmed', now() - interval '30 days'
    FROM unnest(${personIds}::bigint[]) AS p`.execute(db);
  const users = await sql<{ id: number }>`
    INSERT INTO users (city_id, username, display_name, password_hash, roles, region_id, person_id, must_change_password)
    SELECT ${city.cityId}, 'bench_member_' || ord, '压测党员' || ord, ${hash}, ARRAY['member'], ${communityId}::bigint, p, false
    FROM unnest(${personIds}::bigint[]) WITH ORDINALITY AS t(p, ord) ORDER BY ord RETURNING id`.execute(db);
  const tokens = users.rows.map(() => randomBytes(32).toString('base64url'));
  const csrfs = users.rows.map(() => randomBytes(24).toString('base64url'));
  await sql`
    INSERT INTO sessions (id, city_id, user_id, csrf_token, created_at, last_seen_at)
    SELECT s, ${city.cityId}, u, c, now(), now()
    FROM unnest(${tokens.map((t) => createHash('sha256').update(t).digest('hex'))}::text[],
                ${users.rows.map((u) => u.id)}::bigint[], ${csrfs}::text[]) AS x(s, u, c)`.execute(db);

  const app = await buildApp({ db, config, logger: false });
  try {
    const office = await signIn(app, 'bench_volunteer_admin');
    const qr = await app.inject({
      url: `/api/volunteer/activities/${activity.id}/qr`,
      headers: { cookie: office.cookie },
    });
    if (qr.statusCode !== 200) throw new Error(`QR: ${qr.statusCode} ${qr.body.slice(0, 300)}`);
    const token = (qr.json() as { token: string }).token;
    const checkIn = (i: number) => {
      // A point up to ~150 m from the centre, inside the 200 m fence.
      const r = 150 * Math.sqrt(Math.random());
      const b = Math.random() * 2 * Math.PI;
      return app.inject({
        method: 'POST',
        url: '/api/volunteer/check-in',
        headers: { cookie: `${SESSION_COOKIE}=${tokens[i]}`, 'x-csrf-token': csrfs[i] },
        payload: {
          token,
          lng: centre.lng + (r * Math.sin(b)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180)),
          lat: centre.lat + (r * Math.cos(b)) / 111_320,
        },
      });
    };
    const fire = async (indexes: number[]) => {
      const latencies: number[] = [];
      const codes = new Map<number, number>();
      let next = 0;
      const worker = async () => {
        while (next < indexes.length) {
          const i = indexes[next++];
          const started = performance.now();
          const res = await checkIn(i);
          latencies.push(performance.now() - started);
          codes.set(res.statusCode, (codes.get(res.statusCode) ?? 0) + 1);
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return { wall: performance.now() - started, latencies: latencies.sort((a, b) => a - b), codes };
    };
    const counts = async () =>
      (
        await sql<{ rows: number; people: number }>`
          SELECT count(*)::int AS rows, count(DISTINCT person_id)::int AS people
          FROM activity_attendance WHERE activity_id = ${activity.id}`.execute(db)
      ).rows[0];

    console.log(`POST /api/volunteer/check-in burst (${BURST} members, concurrency ${CONCURRENCY})`);
    const burst = await fire(personIds.map((_, i) => i));
    const f = (p: number) => percentile(burst.latencies, p).toFixed(1);
    line('  latency', `p50 ${f(50)} ms  p95 ${f(95)} ms  p99 ${f(99)} ms`);
    line(
      '  throughput',
      `${((BURST / burst.wall) * 1000).toFixed(0)} check-ins/s  (${ms(burst.wall).trim()} wall for ${BURST})`,
    );
    line('  status codes', JSON.stringify(Object.fromEntries(burst.codes)));
    const after = await counts();
    line('  attendance rows', `${after.rows} rows, ${after.people} members, ${BURST - after.people} lost`);
    if (burst.codes.get(201) !== BURST || after.rows !== BURST || after.people !== BURST) {
      throw new Error(`check-in burst lost or doubled rows: ${JSON.stringify(after)}`);
    }
    const retries = await fire(Array.from({ length: RETRIES }, (_, i) => (i * 7) % BURST));
    const again = await counts();
    line(
      `  ${RETRIES} duplicate retries`,
      `${JSON.stringify(Object.fromEntries(retries.codes))}; rows afterwards ${again.rows}`,
    );
    if (retries.codes.get(409) !== RETRIES || again.rows !== BURST) {
      throw new Error(`duplicate check-ins were not all refused: ${JSON.stringify(again)}`);
    }
  } finally {
    await app.close();
  }
}

/**
 * 500,000 confirmed members (people + registrations) over the communities, units and ~500 party
 * organisations (10 per unit), and their tracker rows: a member-week is present when something
 * happened (more often the more active the member), its bits drawn per item with the member's
 * activity (power-law: most do a little, a few all five).
 */
async function generateTracker(url: string, city: BenchCity): Promise<number> {
  return bulkLoad(url, ['people', 'community_registrations', 'five_one_weeks'], { vacuum: true }, async (client) => {
    await client.query(
      `INSERT INTO people (city_id, name, kind, unit_id, community_id, party_org)
       SELECT $1, '压测成员' || k, 'member', ($2::bigint[])[1 + k % 50], ($3::bigint[])[1 + (k::bigint * 7919) % 100],
         '压测单位' || (1 + k % 50) || '第' || (1 + (k / 50) % 10) || '党支部'
       FROM generate_series(1, $4::int) AS k`,
      [city.cityId, city.unitIds, city.communityIds, MEMBERS],
    );
    await client.query(
      `INSERT INTO community_registrations (city_id, person_id, community_id, status, work_unit_id, party_org,
         registered_at, created_at, updated_at)
       SELECT city_id, id, community_id, 'confirmed', unit_id, party_org, now() - interval '400 days', now(), now()
       FROM people WHERE city_id = $1 AND name LIKE '压测成员%'`,
      [city.cityId],
    );
    const monday = `date_trunc('week', now())::date`;
    const inserted = await client.query(
      `INSERT INTO five_one_weeks (city_id, person_id, week_start, items, community_id, unit_id, party_org)
       SELECT r.city_id, r.person_id, ${monday} - 7 * w, b.items, r.community_id, r.work_unit_id, r.party_org
       FROM (SELECT *, power(random(), 2.5) AS a FROM community_registrations WHERE city_id = $1) r
       CROSS JOIN generate_series(0, ${WEEKS - 1}) AS w
       CROSS JOIN LATERAL (SELECT ((random() < r.a + 0 * w)::int + 2 * (random() < r.a)::int + 4 * (random() < r.a)::int
           + 8 * (random() < r.a)::int + 16 * (random() < r.a)::int)::smallint AS items) b
       WHERE random() < 0.15 + 0.8 * r.a`,
      [city.cityId],
    );
    return inserted.rowCount ?? 0;
  });
}

async function benchCompliance(config: Config, db: Db) {
  const { buildApp } = await import('../src/platform/app.js');
  const app = await buildApp({ db, config, logger: false });
  try {
    const office = await signIn(app, 'bench_volunteer_admin');
    const get = async (url: string) => {
      const res = await app.inject({ url, headers: { cookie: office.cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res.json() as { total: number; overall?: { members: number; rate: number | null } };
    };
    // A week inside the generated data (the last complete one) and its month.
    const day = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    console.log(`GET /api/volunteer/five-one/* (city office, ${MEMBERS.toLocaleString('en')} members, day ${day})`);
    for (const query of ['by=party_org&period=week', 'by=community&period=month', 'by=unit&period=week']) {
      const url = `/api/volunteer/five-one/compliance?${query}&day=${day}`;
      const first = await get(url);
      const times = await timeRuns(RUNS, () => get(url));
      line(
        `  compliance?${query}`,
        p50p95(
          times,
          `${RUNS} runs; ${first.total} groups, ${first.overall?.members} members, rate ${first.overall?.rate?.toFixed(3)}; target p95 < 500 ms`,
        ),
      );
    }
    const url = `/api/volunteer/five-one/idle?day=${day}`;
    const first = await get(url);
    const times = await timeRuns(RUNS, () => get(url));
    line('  idle (week)', p50p95(times, `${RUNS} runs; ${first.total} idle members; target p95 < 500 ms`));
    // The community dashboard: the week's registrations, activities and 五个一 plus an 8-week trend.
    const [community] = (
      await sql<{ id: number }>`
        SELECT community_id AS id FROM community_registrations GROUP BY community_id ORDER BY count(*) DESC LIMIT 1`.execute(
        db,
      )
    ).rows;
    for (const [label, dashboardUrl] of [
      ['dashboard (city)', `/api/volunteer/dashboard?day=${day}`],
      ['dashboard (one community)', `/api/volunteer/dashboard?day=${day}&communityId=${community.id}`],
    ]) {
      await get(dashboardUrl);
      line(`  ${label}`, p50p95(await timeRuns(RUNS, () => get(dashboardUrl)), `${RUNS} runs; no target`));
    }
  } finally {
    await app.close();
  }
}
