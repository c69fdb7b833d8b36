// Questionnaire benchmarks on PostgreSQL, run by bench/run.ts. Figures only — nothing here asserts
// a time. A city of 100 communities with the demo residents' questionnaire (nine questions of every
// type, a residents' and a students' version) and 100,000 answer sheets generated with the demo
// seed's generator and written set-based with their counts; then, through the whole app (session,
// permission, scope, schema), p50/p95 over 20 runs of the results as the city office (rates,
// distributions, cross-tabs by district, street and group), of the results filtered to one
// district, of one question cross-tabulated by community, and of 20 public submissions (limits,
// quota and counts in one transaction). Works in a throwaway database (bench/support.ts).
// BENCH_SURVEYS=1 runs only this part (see run.ts).

import { sql } from 'kysely';
import type { Config } from '../src/platform/config.js';
import type { Db } from '../src/platform/db.js';
import { line, ms, p50p95, seedBenchRegions, timeRuns, withThrowawayDatabase } from './support.js';

const RESPONSES = 100_000;
const BATCH = 10_000;
const RUNS = 20;
const PASSWORD = 'Bench@2026-pass';

export async function runSurveyBenchmarks(config: Config): Promise<void> {
  await withThrowawayDatabase('surveys on PostgreSQL', async (url) => {
    const { createPostgresDb } = await import('../src/platform/db.js');
    const { migrateToLatest } = await import('../src/platform/migrate.js');
    const handle = createPostgresDb(url);
    try {
      await migrateToLatest(handle.db);
      const city = await seedBenchCity(handle.db);
      const t0 = performance.now();
      const survey = await generateAnswers(handle.db, city);
      line(
        `generate ${RESPONSES.toLocaleString('en')} answer sheets`,
        `${ms(performance.now() - t0)}  (${survey.counts.toLocaleString('en')} count rows; with ANALYZE)`,
      );
      await benchRequests(config, handle.db, city, survey);
    } finally {
      await handle.close();
    }
  });
}

interface BenchCity {
  cityId: number;
  rootId: number;
  adminId: number;
  districtIds: number[];
  communities: { id: number; districtId: number }[];
}

/** root → 5 districts → 20 streets → 100 communities, and the office. */
async function seedBenchCity(db: Db): Promise<BenchCity> {
  const { hashPassword } = await import('../src/platform/auth/passwords.js');
  const { cityId, rootId } = await seedBenchRegions(db, '问卷压测市', '419500000000');
  const regions = await db
    .selectFrom('regions')
    .select(['id', 'level', 'path'])
    .where('city_id', '=', cityId)
    .execute();
  const districtIds = regions.filter((r) => r.level === 'district').map((r) => r.id);
  const communities = regions
    .filter((r) => r.level === 'community')
    .map((r) => ({ id: r.id, districtId: Number(r.path.split('/')[2]) }));
  const admin = await db
    .insertInto('users')
    .values({
      city_id: cityId,
      username: 'bench_survey_admin',
      display_name: '压测创建办',
      password_hash: await hashPassword(PASSWORD),
      roles: ['city_admin'],
      region_id: rootId,
      must_change_password: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { cityId, rootId, adminId: admin.id, districtIds, communities };
}

interface BenchSurvey {
  id: number;
  token: string;
  versionIds: number[];
  counts: number;
}

async function generateAnswers(db: Db, city: BenchCity): Promise<BenchSurvey> {
  const { DEMO_RESIDENT_QUESTIONS, DEMO_STUDENT_QUESTIONS, generateResponses, insertResponses } =
    await import('../src/seed/demo-surveys.js');
  const { newSurveyToken } = await import('../src/modules/surveys/index.js');
  const now = new Date();
  const token = newSurveyToken();
  const survey = await db
    .insertInto('surveys')
    .values({
      city_id: city.cityId,
      region_id: city.rootId,
      campaign_id: null,
      title: '压测问卷',
      intro: null,
      status: 'open',
      public_token: token,
      hash_salt: newSurveyToken(),
      per_device_limit: 1,
      per_ip_daily_limit: 0,
      created_by: city.adminId,
      created_at: now,
      updated_at: now,
      opened_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const versionIds: number[] = [];
  for (const [i, [group, questions]] of (
    [
      ['residents', DEMO_RESIDENT_QUESTIONS],
      ['students', DEMO_STUDENT_QUESTIONS],
    ] as const
  ).entries()) {
    const row = await db
      .insertInto('survey_versions')
      .values({
        city_id: city.cityId,
        survey_id: survey.id,
        respondent_group: group,
        title: null,
        questions: JSON.stringify(questions),
        sort: i,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    versionIds.push(row.id);
  }
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let done = 0; done < RESPONSES; done += BATCH) {
    const generated = generateResponses(
      [
        { id: versionIds[0], questions: DEMO_RESIDENT_QUESTIONS, share: 0.8 },
        { id: versionIds[1], questions: DEMO_STUDENT_QUESTIONS, share: 0.2 },
      ],
      city.communities,
      BATCH,
      { from: new Date(now.getTime() - 30 * 86_400_000), to: now },
      rand,
    );
    await db.transaction().execute((trx) => insertResponses(trx, city.cityId, survey.id, generated));
  }
  await sql`ANALYZE survey_responses, survey_answer_counts, survey_limit_counters, regions`.execute(db);
  const counts = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM survey_answer_counts WHERE survey_id = ${survey.id}`.execute(db);
  return { id: survey.id, token, versionIds, counts: counts.rows[0].n };
}

async function benchRequests(config: Config, db: Db, city: BenchCity, survey: BenchSurvey) {
  const { buildApp } = await import('../src/platform/app.js');
  const app = await buildApp({ db, config, logger: false });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bench_survey_admin', password: PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`bench login failed: ${login.statusCode} ${login.body}`);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const get = async (url: string) => {
      const res = await app.inject({ url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };
    const resultsUrl = `/api/surveys/${survey.id}/results`;
    const first = (await get(resultsUrl)).json() as { responses: number; rates: { kind: string; value: number }[] };
    line(
      '  results check',
      `${first.responses.toLocaleString('en')} responses; ` +
        first.rates.map((r) => `${r.kind} ${r.value === null ? '—' : r.value.toFixed(1)}`).join(', '),
    );
    for (const [label, url] of [
      [`results (${(RESPONSES / 1000).toFixed(0)}k answers, all cross-tabs)`, resultsUrl],
      ['results of one district', `${resultsUrl}?regionId=${city.districtIds[0]}`],
      ['crosstab q6 by community', `/api/surveys/${survey.id}/crosstab?question=q6&by=community`],
    ] as const) {
      await get(url);
      line(label, p50p95(await timeRuns(RUNS, () => get(url)), `${RUNS} runs`));
    }
    const { demoSheet, DEMO_RESIDENT_QUESTIONS } = await import('../src/seed/demo-surveys.js');
    const { randomBytes } = await import('node:crypto');
    let n = 0;
    const submit = async () => {
      n += 1;
      const res = await app.inject({
        method: 'POST',
        url: `/api/public/surveys/${survey.token}/responses`,
        remoteAddress: `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}`,
        payload: {
          versionId: survey.versionIds[0],
          regionId: city.communities[n % city.communities.length].id,
          deviceId: randomBytes(12).toString('base64url'),
          idempotencyKey: randomBytes(12).toString('base64url'),
          answers: demoSheet(DEMO_RESIDENT_QUESTIONS, 1, Math.random),
        },
      });
      if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body.slice(0, 300)}`);
    };
    await submit();
    line('public submission (limits, counts, audit)', p50p95(await timeRuns(RUNS, submit), `${RUNS} submissions`));
  } finally {
    await app.close();
  }
}
