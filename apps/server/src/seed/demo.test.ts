import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_STATUSES } from '@cc/common/campaigns';
import { CASE_STATUSES } from '@cc/common/cases';
import { localDate } from '../platform/calendar.js';
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

  it('comes with a campaign whose ledger has a past, a present and a future, written as the service writes it', async () => {
    const today = localDate(env.clock.now);
    const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(env.db)).rows[0];
    const campaign = await one(sql<{
      id: number;
      city_id: number;
      titles: string[];
      phase: string;
      group_kind: string;
    }>`
      SELECT c.id, c.city_id, c.titles, c.phase, g.kind AS group_kind
      FROM campaigns c JOIN groups g ON g.id = c.leading_group_id
      WHERE c.name = '“四创联万家，共建幸福城”活动' AND c.starts_on < ${today}::date AND c.ends_on > ${today}::date`);
    expect(campaign).toBeDefined();
    expect(campaign.titles).toHaveLength(4);
    expect(campaign.phase).toBe('normal');
    expect(campaign.group_kind).toBe('leading_group');
    const sizes = await one(sql<Record<string, number>>`
      SELECT (SELECT count(*)::int FROM campaign_activities WHERE campaign_id = ${campaign.id}) AS activities,
             (SELECT count(*)::int FROM campaign_themes WHERE campaign_id = ${campaign.id}) AS themes,
             (SELECT count(*)::int FROM campaign_tasks WHERE campaign_id = ${campaign.id}) AS tasks,
             (SELECT count(DISTINCT batch_id)::int FROM campaign_tasks WHERE campaign_id = ${campaign.id}) AS batches,
             (SELECT count(*)::int FROM task_instances WHERE campaign_id = ${campaign.id}) AS instances,
             (SELECT count(*)::int FROM campaign_events WHERE campaign_id = ${campaign.id} AND kind = 'meeting') AS meetings,
             (SELECT count(*)::int FROM campaign_events WHERE campaign_id = ${campaign.id} AND kind = 'publicity') AS publicity,
             (SELECT count(*)::int FROM campaign_events WHERE campaign_id = ${campaign.id} AND kind = 'cleanup') AS cleanups,
             (SELECT count(*)::int FROM campaign_event_places p JOIN campaign_events e ON e.id = p.event_id
              WHERE e.campaign_id = ${campaign.id} AND cardinality(p.unit_ids) > 0) AS places,
             (SELECT count(*)::int FROM task_reports WHERE cardinality(event_ids) > 0) AS linked_reports`);
    expect(sizes).toMatchObject({ activities: 5, themes: 6, meetings: 1, publicity: 1, cleanups: 2, places: 6 });
    expect(sizes.tasks).toBeGreaterThanOrEqual(180);
    expect(sizes.tasks).toBeLessThanOrEqual(300);
    expect(sizes.batches).toBeGreaterThanOrEqual(20);
    expect(sizes.instances).toBeGreaterThanOrEqual(800);
    expect(sizes.linked_reports).toBeGreaterThan(10);

    // Every stored status, and overdue, with most of the past accepted.
    const mix = await sql<{ status: string; past: boolean; n: number }>`
      SELECT status, due_on < ${today}::date AS past, count(*)::int AS n FROM task_instances GROUP BY 1, 2`.execute(
      env.db,
    );
    const n = (status: string, past?: boolean) =>
      mix.rows
        .filter((r) => r.status === status && (past === undefined || r.past === past))
        .reduce((a, r) => a + r.n, 0);
    for (const status of TASK_STATUSES) expect(n(status), status).toBeGreaterThan(0);
    const past = mix.rows.filter((r) => r.past).reduce((a, r) => a + r.n, 0);
    expect(n('accepted', true) / past).toBeGreaterThan(0.7);
    expect(n('not_started', true) + n('in_progress', true) + n('returned', true)).toBeGreaterThan(0); // overdue
    expect(n('not_started', false)).toBeGreaterThan(100); // the future

    // The demo unit: ~8 tasks, at least 2 overdue, 1 returned, 1 waiting for review, work ahead.
    const focus = await one(sql<Record<string, number>>`
      SELECT (SELECT count(*)::int FROM campaign_tasks t WHERE t.lead_unit_id = u.id) AS tasks,
             count(*) FILTER (WHERE i.due_on < ${today}::date AND i.status IN ('not_started', 'in_progress', 'returned'))::int AS overdue,
             count(*) FILTER (WHERE i.status = 'returned')::int AS returned,
             count(*) FILTER (WHERE i.status = 'submitted')::int AS submitted,
             count(*) FILTER (WHERE i.due_on >= ${today}::date AND i.status <> 'accepted')::int AS upcoming
      FROM units u JOIN task_instances i ON i.unit_id = u.id
      WHERE u.name = '市城市管理局' GROUP BY u.id`);
    expect(focus.tasks).toBeGreaterThanOrEqual(6);
    expect(focus.tasks).toBeLessThanOrEqual(10);
    expect(focus.overdue).toBeGreaterThanOrEqual(2);
    expect(focus.returned).toBeGreaterThanOrEqual(1);
    expect(focus.submitted).toBeGreaterThanOrEqual(1);
    expect(focus.upcoming).toBeGreaterThanOrEqual(3);

    // Consistency: each query counts the rows that break a rule.
    const broken = await one(sql<Record<string, number>>`
      SELECT
        (SELECT count(*)::int FROM task_instances i JOIN campaign_tasks t ON t.id = i.task_id
         WHERE i.unit_id <> t.lead_unit_id OR i.campaign_id <> t.campaign_id OR i.activity_id IS DISTINCT FROM t.activity_id
            OR i.weight <> t.weight OR i.city_id <> t.city_id OR NOT i.active) AS instance_vs_task,
        (SELECT count(*)::int FROM task_instances i
         WHERE (i.status = 'accepted') <> EXISTS (SELECT 1 FROM task_reports r WHERE r.instance_id = i.id AND r.status = 'accepted')
            OR (SELECT count(*) FROM task_reports r WHERE r.instance_id = i.id AND r.status = 'accepted') > 1) AS accepted_report,
        (SELECT count(*)::int FROM task_instances i
         WHERE i.status = 'returned' AND NOT EXISTS (
           SELECT 1 FROM task_reports r WHERE r.instance_id = i.id AND r.status = 'returned' AND r.review_note <> ''
             AND r.id = (SELECT max(id) FROM task_reports r2 WHERE r2.instance_id = i.id))) AS returned_report,
        (SELECT count(*)::int FROM task_reports r
         WHERE (r.status = 'returned' AND coalesce(r.review_note, '') = '')
            OR (r.status IN ('accepted', 'returned') AND (r.reviewed_by IS NULL OR r.reviewed_at < r.submitted_at))
            OR (r.status <> 'draft' AND r.submitted_at IS NULL) OR (r.status = 'draft' AND r.submitted_at IS NOT NULL)) AS review,
        (SELECT count(*)::int FROM task_instances i
         WHERE (i.status = 'submitted') <> EXISTS (SELECT 1 FROM task_reports r WHERE r.instance_id = i.id AND r.status = 'submitted')
            OR (i.status = 'in_progress') <> EXISTS (SELECT 1 FROM task_reports r WHERE r.instance_id = i.id AND r.status = 'draft')
            OR (i.status = 'not_started' AND EXISTS (SELECT 1 FROM task_reports r WHERE r.instance_id = i.id))) AS open_report,
        (SELECT count(*)::int FROM task_instances i
         WHERE (i.status IN ('submitted', 'accepted', 'returned') AND i.submitted_at IS NULL)
            OR ((i.status = 'accepted') <> (i.accepted_at IS NOT NULL))
            OR (i.status = 'returned' AND (i.returned_at IS NULL OR i.return_count < 1))
            OR ((i.returned_at IS NULL) <> (i.return_count = 0))
            OR (i.status = 'not_started' AND i.submitted_at IS NOT NULL)
            OR (i.escalation_count > 0) <> (i.escalated_on IS NOT NULL)
            OR i.submitted_at > now() OR i.accepted_at > now() OR i.escalated_on > ${today}::date) AS timestamps,
        (SELECT count(*)::int FROM task_instances i
         WHERE i.due_on < ${today}::date - 1 AND i.status IN ('not_started', 'in_progress', 'returned')
           AND coalesce(i.returned_at, '-infinity') < now() - interval '2 days' AND i.escalation_count = 0) AS unescalated,
        (SELECT count(*)::int FROM task_reports r JOIN task_instances i ON i.id = r.instance_id JOIN campaign_tasks t ON t.id = i.task_id
         WHERE r.status <> 'draft' AND (cardinality(r.photos) < t.evidence_photos OR cardinality(r.files) < t.evidence_files
            OR (t.metric_name IS NOT NULL) <> (r.metric_value IS NOT NULL) OR coalesce(r.body, '') = '')) AS evidence,
        (SELECT count(*)::int FROM task_reports r
         WHERE EXISTS (SELECT 1 FROM unnest(r.photos || r.files) f WHERE NOT EXISTS (SELECT 1 FROM files WHERE id = f AND city_id = r.city_id))
            OR EXISTS (SELECT 1 FROM unnest(r.event_ids) e WHERE NOT EXISTS (SELECT 1 FROM campaign_events WHERE id = e))) AS references,
        (SELECT count(*)::int FROM campaign_tasks t
         WHERE (SELECT count(*) FROM task_logs l WHERE l.task_id = t.id AND l.action = 'create' AND l.instance_id IS NULL) <> 1
            OR NOT EXISTS (SELECT 1 FROM task_instances i WHERE i.task_id = t.id)) AS created,
        (SELECT count(*)::int FROM task_instances i
         WHERE coalesce((SELECT l.to_status FROM task_logs l WHERE l.instance_id = i.id AND l.action IN ('save_draft', 'submit', 'accept', 'return')
                         ORDER BY l.id DESC LIMIT 1), 'not_started') <> i.status) AS last_log,
        (SELECT count(*)::int FROM task_logs l
         WHERE l.action IN ('remind', 'escalate') AND (l.actor_id IS NOT NULL OR l.from_status IN ('submitted', 'accepted')))
          AS scheduler_log,
        (SELECT count(*)::int FROM (
           SELECT city_id FROM campaigns UNION ALL SELECT city_id FROM campaign_activities
           UNION ALL SELECT city_id FROM campaign_themes UNION ALL SELECT city_id FROM campaign_documents
           UNION ALL SELECT city_id FROM campaign_tasks UNION ALL SELECT city_id FROM task_instances
           UNION ALL SELECT city_id FROM task_reports UNION ALL SELECT city_id FROM task_logs
           UNION ALL SELECT city_id FROM campaign_events UNION ALL SELECT city_id FROM campaign_event_places) x
         WHERE city_id <> ${campaign.city_id}) AS other_city`);
    expect(broken).toEqual({
      instance_vs_task: 0,
      accepted_report: 0,
      returned_report: 0,
      review: 0,
      open_report: 0,
      timestamps: 0,
      unescalated: 0,
      evidence: 0,
      references: 0,
      created: 0,
      last_log: 0,
      scheduler_log: 0,
      other_city: 0,
    });

    // Through the API: the office's overview and the unit's "my tasks".
    const admin = await signIn('admin');
    const list = await env.app.inject({ url: '/api/campaigns', headers: { cookie: admin.cookie } });
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((c: { id: number }) => c.id === campaign.id);
    expect(item.completion.percent).toBeGreaterThan(70);
    expect(item.completion.percent).toBeLessThan(100);
    const overview = await env.app.inject({
      url: `/api/campaigns/${campaign.id}/overview?unitPageSize=10&unitSort=overdue_desc`,
      headers: { cookie: admin.cookie },
    });
    expect(overview.statusCode, overview.body).toBe(200);
    const o = overview.json();
    expect(o.total.total).toBe(sizes.instances);
    expect(o.total.overdue).toBeGreaterThan(0);
    expect(o.byStatus.overdue).toBe(o.total.overdue);
    expect(o.byActivity.filter((a: { activityId: number | null }) => a.activityId !== null)).toHaveLength(5);
    expect(o.units.total).toBeGreaterThanOrEqual(60);
    expect(o.units.items[0].completion.overdue).toBeGreaterThan(0);

    const unit = await signIn('unit');
    const mine = await env.app.inject({
      url: '/api/task-instances?open=true&pageSize=100',
      headers: { cookie: unit.cookie },
    });
    expect(mine.statusCode, mine.body).toBe(200);
    const items: { unit: { name: string }; displayStatus: string }[] = mine.json().items;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.every((i) => i.unit.name === '市城市管理局')).toBe(true);
    expect(items.filter((i) => i.displayStatus === 'overdue').length).toBeGreaterThanOrEqual(2);
    const tasks = await env.app.inject({
      url: `/api/campaign-tasks?campaignId=${campaign.id}`,
      headers: { cookie: unit.cookie },
    });
    expect(tasks.statusCode, tasks.body).toBe(200);
    expect(tasks.json().total).toBe(focus.tasks);
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
