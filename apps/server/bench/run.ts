// `npm run bench`: prints figures for the foundation's hot paths on a fresh embedded database
// (or on PostgreSQL when BENCH_DATABASE_URL is set): demo seed, sign-in, paged lists, and a
// 10,000-row people import; then the case benchmarks on PostgreSQL (bench/cases.ts: intake under
// load, metrics over 1,000,000 cases) and the work-ledger benchmarks (bench/campaigns.ts: overview
// and "my tasks" over 250,000 task instances, a bulk assignment) and the field-inspection
// benchmarks (bench/inspections.ts: rollups of a round over 240,000 inspections and 3.6 M results,
// submitting an inspection). BENCH_CAMPAIGNS=1 runs only the ledger part, BENCH_INSPECTIONS=1 only
// the inspections part; the canvass figures (bench/canvass.ts: opinion classifier and grouping over
// 30,000 opinions, in memory) run last, BENCH_CANVASS=1 only them. Figures only — nothing here
// asserts a time.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildApp } from '../src/platform/app.js';
import { loadConfig } from '../src/platform/config.js';
import { createPgliteDb, createPostgresDb } from '../src/platform/db.js';
import { migrateToLatest } from '../src/platform/migrate.js';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../src/seed/demo.js';
import { multipartBody } from '../test/fixtures.js';
import { runCampaignBenchmarks } from './campaigns.js';
import { runCanvassBenchmarks } from './canvass.js';
import { runCaseBenchmarks } from './cases.js';
import { runInspectionBenchmarks } from './inspections.js';
import { runSurveyBenchmarks } from './surveys.js';
import { runVolunteerBenchmarks } from './volunteers.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-'));
const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }) };

async function time<T>(label: string, fn: () => Promise<T>, repeat = 1): Promise<T> {
  let result: T | undefined;
  const started = performance.now();
  for (let i = 0; i < repeat; i++) result = await fn();
  const ms = (performance.now() - started) / repeat;
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms${repeat > 1 ? `  (mean of ${repeat})` : ''}`);
  return result as T;
}

async function benchFoundation() {
  const url = process.env.BENCH_DATABASE_URL;
  const handle = url ? createPostgresDb(url) : await createPgliteDb(null);
  try {
    console.log(`database: ${url ? 'postgres' : 'pglite (in memory)'}`);
    await time('migrate', () => migrateToLatest(handle.db));
    const app = await buildApp({ db: handle.db, config, logger: false });
    await time('seed demo city', () => seedDemoIfEmpty(handle.db, config, { info: () => undefined }));

    const login = await time('sign in (argon2id verify)', () =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } }),
    );
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = (login.json() as { me: { csrfToken: string } }).me.csrfToken;
    const get = (u: string) => app.inject({ url: u, headers: { cookie } });

    await time('GET /api/regions (whole tree)', () => get('/api/regions'), 20);
    await time('GET /api/units page 1', () => get('/api/units?pageSize=50'), 20);
    await time('GET /api/people page 1', () => get('/api/people?pageSize=50'), 20);
    await time('GET /api/people search', () => get('/api/people?q=%E7%8E%8B'), 20);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('导入数据');
    ws.addRow(['姓名*', '人员类别*', '性别', '手机号', '工作单位', '居住社区', '党组织', '职务']);
    for (let i = 0; i < 10_000; i++) {
      ws.addRow([
        `测试${i}`,
        '党员干部/志愿者',
        i % 2 ? '男' : '女',
        `139${String(i).padStart(8, '0')}`,
        '市城市管理局',
        '419901001001',
        '机关第一党支部',
        '干事',
      ]);
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const body = multipartBody(file, { fileName: 'people.xlsx' });
    const imported = await time('import 10,000 people (.xlsx, one request)', () =>
      app.inject({
        method: 'POST',
        url: '/api/import/people',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': body.contentType },
        payload: body.payload,
      }),
    );
    console.log(`  → ${imported.statusCode} ${imported.body.slice(0, 120)}`);
    await time('GET /api/people page 1 (10,300 people)', () => get('/api/people?pageSize=50'), 20);
    await time('GET /api/people/export (10,300 rows)', () => get('/api/people/export'));
    console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
    await app.close();
  } finally {
    await handle.close();
  }
}

try {
  const only = process.env.BENCH_VOLUNTEERS
    ? 'volunteers'
    : process.env.BENCH_CANVASS
      ? 'canvass'
      : process.env.BENCH_SURVEYS
        ? 'surveys'
        : process.env.BENCH_CAMPAIGNS
          ? 'campaigns'
          : process.env.BENCH_INSPECTIONS
            ? 'inspections'
            : null;
  if (!only) {
    await benchFoundation();
    await runCaseBenchmarks(config);
  }
  if (!only || only === 'campaigns') await runCampaignBenchmarks(config);
  if (!only || only === 'inspections') await runInspectionBenchmarks(config);
  // Questionnaire results over 100,000 answers (bench/surveys.ts); BENCH_SURVEYS=1 runs only these.
  if (!only || only === 'surveys') await runSurveyBenchmarks(config);
  // Check-in burst and the weekly 五个一 compliance over 500,000 members (bench/volunteers.ts);
  // BENCH_VOLUNTEERS=1 runs only these.
  if (!only || only === 'volunteers') await runVolunteerBenchmarks(config);
  // Opinion classifier and grouping over 30,000 generated opinions, in memory (bench/canvass.ts);
  // BENCH_CANVASS=1 runs only these.
  if (!only || only === 'canvass') runCanvassBenchmarks();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
