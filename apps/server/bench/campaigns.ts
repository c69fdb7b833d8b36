// Work-ledger benchmarks on PostgreSQL, run by bench/run.ts. Figures only — nothing here asserts a
// time. One campaign over a year for 5,000 units, each leading 11 tasks (a weekly 五个一 duty over
// 26 weeks, a monthly and a quarterly report, eight one-off tasks) = 50 instances per unit,
// 250,000 in all, generated with set-based SQL in a realistic status mix (the past mostly accepted,
// some waiting for review, returned or overdue; the coming week in progress; the future not
// started). Then, through the whole app (session, permission, scope, schema), p50/p95 over 20 runs
// of: the campaign overview and the campaign list as the city office; "my tasks" (open instances)
// as one unit's staff; the office's overdue list; and one bulk assignment of a weekly task to 500
// units (one request, one transaction).
// Works in a throwaway database (bench/support.ts). BENCH_CAMPAIGNS=1 runs only this part (see
// run.ts); BENCH_KEEP_DB=1 keeps the database (for EXPLAIN).

import { sql } from 'kysely';
import type { Config } from '../src/platform/config.js';
import type { Db } from '../src/platform/db.js';
import { bulkLoad, line, ms, p50p95, timeRuns, withThrowawayDatabase } from './support.js';

const UNITS = 5_000;
const RUNS = 20;
const BULK_UNITS = 500;
const PASSWORD = 'Bench@2026-pass';
const DAY = 86_400_000;

export async function runCampaignBenchmarks(config: Config): Promise<void> {
  await withThrowawayDatabase('campaigns on PostgreSQL', async (url) => {
    const { createPostgresDb } = await import('../src/platform/db.js');
    const { migrateToLatest } = await import('../src/platform/migrate.js');
    const handle = createPostgresDb(url);
    try {
      await migrateToLatest(handle.db);
      const city = await seedBenchCity(handle.db);
      const t0 = performance.now();
      const generated = await generateLedger(url, city);
      // The bulk load skips triggers, so the overview's rollups are rebuilt from the instances.
      const { rebuildTaskRollups } = await import('../src/modules/campaigns/index.js');
      const campaignIds = (await handle.db.selectFrom('campaigns').select('id').execute()).map((c) => c.id);
      await rebuildTaskRollups(handle.db, campaignIds);
      await sql`VACUUM ANALYZE task_unit_rollups, task_period_rollups`.execute(handle.db);
      const elapsed = performance.now() - t0;
      const counts = await sql<{ tasks: number; overdue: number }>`
        SELECT (SELECT count(*)::int FROM campaign_tasks) AS tasks,
               (SELECT count(*)::int FROM task_instances
                WHERE due_on < ${city.today}::date AND status NOT IN ('submitted', 'accepted')) AS overdue`.execute(
        handle.db,
      );
      line(
        `generate ${UNITS.toLocaleString('en')} units × 50 instances`,
        `${ms(elapsed)}  (${counts.rows[0].tasks.toLocaleString('en')} tasks, ` +
          `${generated.instances.toLocaleString('en')} instances, ${counts.rows[0].overdue.toLocaleString('en')} overdue; ` +
          'with index and rollup rebuild and VACUUM ANALYZE)',
      );
      await benchRequests(config, handle.db, city);
    } finally {
      await handle.close();
    }
  });
}

interface BenchCity {
  cityId: number;
  rootId: number;
  adminId: number;
  today: string;
}

/** A city with its root region and five districts, and the office's account. */
async function seedBenchCity(db: Db): Promise<BenchCity> {
  const { hashPassword } = await import('../src/platform/auth/passwords.js');
  const { localDate } = await import('../src/platform/calendar.js');
  const city = await db
    .insertInto('cities')
    .values({ name: '压测市', code: '419700000000' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const root = await db
    .insertInto('regions')
    .values({ city_id: city.id, parent_id: null, level: 'city', code: '419700000000', name: '压测市', path: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('regions')
    .set({ path: `/${root.id}/` })
    .where('id', '=', root.id)
    .execute();
  const districts = await db
    .insertInto('regions')
    .values(
      [1, 2, 3, 4, 5].map((i) => ({
        city_id: city.id,
        parent_id: root.id,
        level: 'district',
        code: `4197${String(i).padStart(2, '0')}000000`,
        name: `压测${i}区`,
        path: '',
      })),
    )
    .returning('id')
    .execute();
  for (const d of districts) {
    await db
      .updateTable('regions')
      .set({ path: `/${root.id}/${d.id}/` })
      .where('id', '=', d.id)
      .execute();
  }
  const admin = await db
    .insertInto('users')
    .values({
      city_id: city.id,
      username: 'bench_admin',
      display_name: '压测创建办',
      password_hash: await hashPassword(PASSWORD),
      roles: ['city_admin'],
      region_id: root.id,
      must_change_password: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { cityId: city.id, rootId: root.id, adminId: admin.id, today: localDate(new Date()) };
}

/**
 * Units, the campaign, its activities, 11 tasks per unit (one batch per kind of task) and their
 * instances with statuses and timestamps as the report cycle and the scheduler leave them.
 */
async function generateLedger(url: string, city: BenchCity) {
  const day = (offset: number, from = city.today) =>
    new Date(Date.parse(from) + offset * DAY).toISOString().slice(0, 10);
  const [year, month] = city.today.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 1 - 8, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(year, month - 1 + 4, 0)).toISOString().slice(0, 10);
  // 26 weeks of 五个一 around today: 18 behind, 8 ahead, from a Monday.
  const todayWeekday = (new Date(Date.parse(city.today)).getUTCDay() + 6) % 7;
  const weeklyFrom = day(-todayWeekday - 18 * 7);
  const weeklyUntil = day(26 * 7 - 1, weeklyFrom);
  // Autovacuum would have visited tables this size by the time anyone looks: the steady state.
  const tables = ['units', 'campaign_tasks', 'task_instances'];
  return bulkLoad(url, tables, { vacuum: true }, async (client) => {
    await client.query(
      `INSERT INTO units (city_id, name, type, region_id, liaison_name, liaison_phone)
       SELECT $1, '压测单位' || lpad(g::text, 4, '0'),
              (ARRAY['agency','party_government','public_institution','enterprise','school','district_office'])[1 + g % 6],
              d.ids[1 + g % array_length(d.ids, 1)], '联络员' || g, '139' || lpad(g::text, 8, '0')
       FROM generate_series(1, $2::int) AS g,
            (SELECT array_agg(id ORDER BY id) AS ids FROM regions WHERE city_id = $1 AND level = 'district') d`,
      [city.cityId, UNITS],
    );
    const campaign = await client.query<{ id: string }>(
      `INSERT INTO campaigns (city_id, region_id, name, titles, starts_on, ends_on, scope_all_units, created_by)
       VALUES ($1, $2, '压测创建活动', '{civilized_city,sanitary_city}', $3, $4, true, $5) RETURNING id`,
      [city.cityId, city.rootId, start, end, city.adminId],
    );
    const campaignId = Number(campaign.rows[0].id);
    await client.query(
      `INSERT INTO campaign_activities (city_id, campaign_id, name, starts_on, ends_on, sort)
       SELECT $1, $2, '压测活动' || g, $3, $4, g FROM generate_series(1, 5) AS g`,
      [city.cityId, campaignId, start, end],
    );
    await client.query(
      `WITH act AS (SELECT array_agg(id ORDER BY sort) AS ids FROM campaign_activities WHERE campaign_id = $2),
       kind AS (
         SELECT k.*, nextval('campaign_task_batches') AS batch_id FROM (
           SELECT 1 AS n, 'weekly' AS recurrence, NULL::date AS due_on, $3::date AS repeat_from, $4::date AS repeat_until,
                  5 AS repeat_day, '组织党员干部到社区报到，开展“五个一”活动' AS content, 1 AS act, 2 AS photos,
                  '参与党员' AS metric_name, '人' AS metric_unit, 1 AS weight
           UNION ALL SELECT 2, 'monthly', NULL, $5::date, $6::date, 25, '报送好做法、好经验信息', 2, 0, '报送信息', '条', 1
           UNION ALL SELECT 3, 'quarterly', NULL, $5::date, $6::date, 31, '报送帮扶分包老旧楼院创建情况', 3, 1, NULL, NULL, 2
           UNION ALL SELECT 4 + g, 'once', $5::date + 20 + g * 40, NULL, NULL, NULL, '专项任务' || (g + 1), 1 + g % 5,
                            g % 2, NULL, NULL, 1 + g % 3
           FROM generate_series(0, 7) AS g
         ) k
       )
       INSERT INTO campaign_tasks (city_id, campaign_id, activity_id, batch_id, source_clause, content, standard, lead_unit_id,
                                   responsible_name, recurrence, due_on, repeat_from, repeat_until, repeat_day,
                                   evidence_photos, metric_name, metric_unit, weight, created_by, created_at, updated_at)
       SELECT $1, $2, act.ids[kind.act], kind.batch_id, '四、' || kind.act, kind.content, '按时报送，附佐证材料', u.id,
              u.liaison_name, kind.recurrence, kind.due_on, kind.repeat_from, kind.repeat_until, kind.repeat_day,
              kind.photos, kind.metric_name, kind.metric_unit, kind.weight, $7, $5::date - 3, $5::date - 3
       FROM kind CROSS JOIN act JOIN units u ON u.city_id = $1
       ORDER BY kind.n, u.id`,
      [city.cityId, campaignId, weeklyFrom, weeklyUntil, start, end, city.adminId],
    );
    // Instances: the recurrence expanded in SQL (as expandRecurrence does), then a status by how
    // far the due date lies behind or ahead, with the timestamps that status implies.
    const inserted = await client.query(
      `WITH planned AS (
         SELECT t.id AS task_id, t.activity_id, t.lead_unit_id, t.weight, p.ps, p.pe, p.due, p.label
         FROM campaign_tasks t
         CROSS JOIN LATERAL (
           SELECT t.due_on AS ps, t.due_on AS pe, t.due_on AS due, to_char(t.due_on, 'YYYY-MM-DD') AS label
           WHERE t.recurrence = 'once'
           UNION ALL
           SELECT w::date, w::date + 6, w::date + t.repeat_day - 1, to_char(w, 'IYYY-"W"IW')
           FROM generate_series(date_trunc('week', t.repeat_from::timestamp), t.repeat_until::timestamp, interval '1 week') w
           WHERE t.recurrence = 'weekly'
           UNION ALL
           SELECT m::date, (m + interval '1 month' - interval '1 day')::date,
                  least(m::date + t.repeat_day - 1, (m + interval '1 month' - interval '1 day')::date), to_char(m, 'YYYY-MM')
           FROM generate_series(date_trunc('month', t.repeat_from::timestamp), t.repeat_until::timestamp, interval '1 month') m
           WHERE t.recurrence = 'monthly'
           UNION ALL
           SELECT q::date, (q + interval '3 months' - interval '1 day')::date,
                  least((q + interval '2 months')::date + t.repeat_day - 1, (q + interval '3 months' - interval '1 day')::date),
                  to_char(q, 'YYYY-"Q"Q')
           FROM generate_series(date_trunc('quarter', t.repeat_from::timestamp), t.repeat_until::timestamp, interval '3 months') q
           WHERE t.recurrence = 'quarterly'
         ) p
         WHERE t.campaign_id = $2
           AND (t.recurrence = 'once' OR p.due BETWEEN t.repeat_from AND t.repeat_until)
       ),
       rolled AS (
         SELECT pl.*, random() AS x, random() AS y,
           CASE
             WHEN pl.due < $3::date THEN CASE WHEN random() < 0.85 THEN 'accepted' ELSE
               (ARRAY['submitted','submitted','returned','in_progress','not_started','not_started'])[1 + floor(random() * 6)::int] END
             WHEN pl.due < $3::date + 7 AND pl.ps <= $3::date THEN
               (ARRAY['submitted','in_progress','in_progress','not_started','not_started'])[1 + floor(random() * 5)::int]
             WHEN pl.ps <= $3::date AND random() < 0.03 THEN 'in_progress'
             ELSE 'not_started'
           END AS status
         FROM planned pl
       ),
       timed AS (
         SELECT r.*,
           CASE WHEN r.status IN ('submitted', 'accepted', 'returned')
                THEN least(r.due::timestamptz + (r.y * 6 - 4) * interval '1 day' + interval '10 hours', now() - interval '2 hours')
           END AS submitted_at
         FROM rolled r
       )
       INSERT INTO task_instances (city_id, campaign_id, task_id, activity_id, unit_id, weight, period_start, period_end, due_on,
                                   label, status, submitted_at, accepted_at, returned_at, return_count, reminded_on,
                                   escalated_on, escalation_count, updated_at)
       SELECT $1, $2, task_id, activity_id, lead_unit_id, weight, ps, pe, due, label, status, submitted_at,
              CASE WHEN status = 'accepted' THEN least(submitted_at + interval '1 day', now() - interval '1 hour') END,
              CASE WHEN status = 'returned' OR (status = 'accepted' AND x < 0.1)
                   THEN least(submitted_at + interval '20 hours', now() - interval '1 hour') END,
              CASE WHEN status = 'returned' OR (status = 'accepted' AND x < 0.1) THEN 1 ELSE 0 END,
              CASE WHEN due - 3 <= $3::date THEN due - 3 END,
              CASE WHEN due < $3::date AND status IN ('not_started', 'in_progress', 'returned')
                   THEN $3::date - ($3::date - due - 1) % 3 END,
              CASE WHEN due < $3::date AND status IN ('not_started', 'in_progress', 'returned')
                   THEN ($3::date - due - 1) / 3 + 1 ELSE 0 END,
              coalesce(submitted_at, now())
       FROM timed
       ORDER BY task_id, due`,
      [city.cityId, campaignId, city.today],
    );
    return { campaignId, instances: inserted.rowCount ?? 0 };
  });
}

async function benchRequests(config: Config, db: Db, city: BenchCity) {
  const { buildApp } = await import('../src/platform/app.js');
  const { hashPassword } = await import('../src/platform/auth/passwords.js');
  const campaign = await db
    .selectFrom('campaigns')
    .select('id')
    .where('city_id', '=', city.cityId)
    .executeTakeFirstOrThrow();
  const units = await db.selectFrom('units').select('id').where('city_id', '=', city.cityId).orderBy('id').execute();
  // The unit's staff: a unit in the middle of the list.
  const unitId = units[Math.floor(units.length / 2)].id;
  await db
    .insertInto('users')
    .values({
      city_id: city.cityId,
      username: 'bench_unit',
      display_name: '压测单位联络员',
      password_hash: await hashPassword(PASSWORD),
      roles: ['unit_staff'],
      unit_id: unitId,
      must_change_password: false,
    })
    .execute();

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
    const unit = await signIn('bench_unit');
    const get = async (who: { cookie: string }, url: string) => {
      const res = await app.inject({ url, headers: { cookie: who.cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res.json() as Record<string, unknown>;
    };
    const target = 'target p95 < 200 ms';
    const measure = async (label: string, who: { cookie: string }, url: string, note: (body: never) => string) => {
      const first = await get(who, url);
      const times = await timeRuns(RUNS, () => get(who, url));
      line(label, p50p95(times, `${RUNS} runs; ${note(first as never)}; ${target}`));
    };

    const overviewUrl = `/api/campaigns/${campaign.id}/overview`;
    await measure(
      'GET /api/campaigns/:id/overview (office)',
      office,
      overviewUrl,
      (o: { total: { total: number; percent: number | null }; units: { total: number } }) =>
        `${o.total.total} instances, ${o.units.total} units, ${o.total.percent}% done`,
    );
    await measure(
      'GET /api/campaigns (office, list)',
      office,
      '/api/campaigns',
      (o: { total: number }) => `${o.total} campaign`,
    );
    await measure(
      'GET /api/task-instances?open=true (unit)',
      unit,
      '/api/task-instances?open=true',
      (o: { total: number }) => `my tasks: ${o.total} open`,
    );
    await measure(
      'GET /api/task-instances?status=overdue',
      office,
      `/api/task-instances?status=overdue&campaignId=${campaign.id}`,
      (o: { total: number }) => `office: ${o.total} overdue`,
    );

    // One weekly task for 500 units in one request (one transaction).
    const from = city.today;
    const until = new Date(Date.parse(from) + 12 * 7 * DAY - DAY).toISOString().slice(0, 10);
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/tasks`,
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrf },
      payload: {
        content: '压测：每周报送文明交通劝导情况',
        standard: '每周五前报送劝导人次和照片',
        sourceClause: '四、2',
        recurrence: 'weekly',
        repeatFrom: from,
        repeatUntil: until,
        repeatDay: 5,
        evidencePhotos: 1,
        metricName: '劝导人次',
        metricUnit: '人次',
        weight: 1,
        unitIds: units.slice(0, BULK_UNITS).map((u) => u.id),
      },
    });
    const elapsed = performance.now() - started;
    const body = res.json() as { taskIds?: number[]; instances?: number };
    line(
      `POST /api/campaigns/:id/tasks (${BULK_UNITS} units)`,
      `${ms(elapsed)}  (${res.statusCode}; ${body.taskIds?.length ?? 0} tasks, ${body.instances ?? 0} instances, one transaction)`,
    );
  } finally {
    await app.close();
  }
}
