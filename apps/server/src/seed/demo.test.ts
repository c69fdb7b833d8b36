import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_STATUSES } from '@cc/common/campaigns';
import { CASE_STATUSES } from '@cc/common/cases';
import {
  describeResult,
  evaluateRule,
  scoreSite,
  type Outcome,
  type Phase,
  type RuleSpec,
  type RuleValue,
} from '@cc/common/inspection-rules';
import { modelFromJson, suggestTopic } from '../modules/canvass/classifier.js';
import { drawSites } from '../modules/inspections/index.js';
import { localDate } from '../platform/calendar.js';
import { pointInPolygon } from '../platform/geo.js';
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
    // The city's 300 people (a third staff), topped up to ~20,000 members by the volunteer seed.
    const people = await count('people');
    expect(people).toBeGreaterThanOrEqual(20_000);
    expect(people).toBeLessThanOrEqual(20_300);
    expect(await count('pairings')).toBeGreaterThanOrEqual(40);

    const paths = await env.db.selectFrom('regions').select(['id', 'path', 'parent_id']).execute();
    expect(paths.every((r) => r.path.endsWith(`/${r.id}/`))).toBe(true);

    const again = await seedDemoIfEmpty(env.db, env.config, log);
    expect(again?.accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(await count('people')).toBe(people);

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
  }, 180_000); // the whole demo city, ~30 s alone on the embedded database

  it('comes with six months of cases in every status, each with its log', async () => {
    const byStatus = await sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM cases GROUP BY status`.execute(env.db);
    const counts = new Map(byStatus.rows.map((r) => [r.status, r.n]));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    // ~2,000 reported cases, and one for every item failed in the inspection rounds and every
    // canvass opinion filed as a case.
    const fromInspections = await sql<{ n: number }>`
      SELECT (SELECT count(*)::int FROM inspection_results WHERE outcome = 'fail')
           + (SELECT count(*)::int FROM canvass_opinions WHERE case_id IS NOT NULL) AS n`.execute(env.db);
    expect(total - fromInspections.rows[0].n).toBeGreaterThanOrEqual(1900);
    expect(total - fromInspections.rows[0].n).toBeLessThanOrEqual(2100);
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

  it('comes with sites, three scored inspection rounds and an open one, a case for every failed item, and material review', async () => {
    const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(env.db)).rows[0];
    const all = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(env.db)).rows;
    const { id: cityId } = await one(sql<{ id: number }>`SELECT id FROM cities`);

    // ~1,500 sites of ~30 types, each inside a grid of its community, with a unit and a contact.
    const sites = await all(sql<{
      id: number;
      type_code: string;
      lng: number;
      lat: number;
      level: string;
      unit_id: number | null;
      contact_phone: string | null;
      grids: unknown[];
    }>`
      SELECT s.id, s.type_code, s.lng, s.lat, r.level, s.unit_id, s.contact_phone,
             (SELECT jsonb_agg(g.polygon) FROM regions g WHERE g.parent_id = s.region_id AND g.level = 'grid') AS grids
      FROM sites s JOIN regions r ON r.id = s.region_id`);
    expect(sites.length).toBeGreaterThanOrEqual(1400);
    expect(sites.length).toBeLessThanOrEqual(1600);
    expect(new Set(sites.map((s) => s.type_code)).size).toBeGreaterThanOrEqual(28);
    const misplaced = sites.filter(
      (s) =>
        s.level !== 'community' ||
        s.unit_id === null ||
        !/^1\d{10}$/.test(s.contact_phone ?? '') ||
        !s.grids.some((g) => pointInPolygon({ lng: s.lng, lat: s.lat }, g)),
    );
    expect(misplaced.map((s) => s.id)).toEqual([]);

    // Rounds: three past months, all submitted by three inspectors, and the open current one.
    const rounds = await all(sql<{
      id: number;
      name: string;
      status: string;
      draw_seed: string;
      criteria: { typeCodes: string[]; perType: number };
      total: number;
      submitted: number;
      unassigned: number;
      inspectors: number;
      average: number | null;
      sites: number[];
    }>`
      SELECT r.id, r.name, r.status, r.draw_seed::text AS draw_seed, r.criteria, count(*)::int AS total,
             count(*) FILTER (WHERE i.status = 'submitted')::int AS submitted,
             count(*) FILTER (WHERE i.inspector_id IS NULL)::int AS unassigned,
             count(DISTINCT i.inspector_id)::int AS inspectors, avg(i.score)::float8 AS average,
             array_agg(i.site_id ORDER BY i.site_id) AS sites
      FROM inspection_rounds r JOIN inspections i ON i.round_id = r.id
      GROUP BY r.id ORDER BY r.starts_on, r.id`);
    expect(rounds.map((r) => r.status)).toEqual(['closed', 'closed', 'closed', 'open']);
    const past = rounds.slice(0, 3);
    const open = rounds[3];
    for (const r of rounds) {
      expect(r.name).toMatch(/^\d{4}年\d{1,2}月模拟测评$/);
      expect(r.inspectors).toBe(3);
      expect(r.unassigned).toBe(0);
    }
    for (const r of past) {
      expect(r.submitted).toBe(r.total);
      expect(r.total).toBeGreaterThan(150);
    }
    expect(open.submitted).toBe(0);
    expect(past[2].average!).toBeGreaterThan(past[0].average!);
    // The recorded seed and criteria reproduce each round's draw.
    const candidates = await all(sql<{ id: number; type_code: string }>`SELECT id, type_code FROM sites WHERE active`);
    for (const r of rounds) {
      const drawn = drawSites(
        candidates.filter((c) => r.criteria.typeCodes.includes(c.type_code)),
        r.criteria.perType,
        r.draw_seed,
      );
      expect(
        [...drawn].sort((a, b) => a - b),
        r.name,
      ).toEqual(r.sites);
    }

    // Results: one per checklist item, scored by the rule engine in the inspection's phase.
    const results = await all(sql<{
      inspection_id: number;
      outcome: Outcome;
      value: RuleValue;
      points: number;
      earned: number;
      seen: string;
      rule: RuleSpec;
      item_points: number;
      phase: Phase;
    }>`
      SELECT x.inspection_id, x.outcome, x.value, x.points, x.earned, x.seen, c.rule, c.points AS item_points, i.phase
      FROM inspection_results x JOIN checklist_items c ON c.id = x.item_id JOIN inspections i ON i.id = x.inspection_id`);
    const misjudged = results.filter((r) => {
      const again = evaluateRule(r.rule, r.value, r.phase);
      return (
        again.outcome !== r.outcome ||
        describeResult(r.rule, again, 'zh-CN') !== r.seen ||
        r.points !== (r.outcome === 'na' ? 0 : r.item_points) ||
        r.earned !== (r.outcome === 'pass' ? r.item_points : 0)
      );
    });
    expect(misjudged).toEqual([]);
    const outcomes = new Map<string, number>();
    for (const r of results) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
    expect(outcomes.get('na')).toBeGreaterThan(0);
    expect(outcomes.get('fail')! / results.length).toBeGreaterThan(0.05);
    expect(outcomes.get('fail')! / results.length).toBeLessThan(0.25);
    // Site scores are scoreSite of the results.
    const byInspection = new Map<number, typeof results>();
    for (const r of results) byInspection.set(r.inspection_id, [...(byInspection.get(r.inspection_id) ?? []), r]);
    const scored = await all(
      sql<{
        id: number;
        earned: number;
        applicable: number;
        score: number | null;
        failed: number;
      }>`SELECT id, earned, applicable, score, failed FROM inspections WHERE status = 'submitted'`,
    );
    expect(scored.length).toBe(byInspection.size);
    const misscored = scored.filter((i) => {
      const list = byInspection.get(i.id) ?? [];
      const expected = scoreSite(list.map((r) => ({ points: r.item_points, outcome: r.outcome })));
      return (
        i.earned !== expected.earned ||
        i.applicable !== expected.applicable ||
        i.score !== expected.score ||
        i.failed !== list.filter((r) => r.outcome === 'fail').length
      );
    });
    expect(misscored).toEqual([]);

    // Consistency: each query counts the rows that break a rule.
    const broken = await one(sql<Record<string, number>>`
      SELECT
        (SELECT count(*)::int FROM inspections i JOIN sites s ON s.id = i.site_id
         WHERE i.type_code <> s.type_code OR i.region_id IS DISTINCT FROM s.region_id OR i.unit_id IS DISTINCT FROM s.unit_id)
          AS snapshot,
        (SELECT count(*)::int FROM inspections i
         WHERE i.status = 'submitted' AND (SELECT count(*) FROM inspection_results x WHERE x.inspection_id = i.id)
           <> (SELECT count(*) FROM checklist_items c WHERE c.city_id = i.city_id AND c.type_code = i.type_code AND c.active))
          AS incomplete,
        (SELECT count(*)::int FROM inspections i JOIN inspection_rounds r ON r.id = i.round_id
         WHERE (i.status = 'submitted') <> (i.submitted_at IS NOT NULL AND i.phase IS NOT NULL AND i.idempotency_key IS NOT NULL)
            OR i.submitted_at::date < r.starts_on OR i.submitted_at > r.closed_at OR i.submitted_at > now()
            OR (r.status = 'open' AND i.status <> 'assigned')) AS timing,
        (SELECT count(*)::int FROM inspection_results x
         JOIN inspections i ON i.id = x.inspection_id JOIN sites s ON s.id = i.site_id
         JOIN checklist_items it ON it.id = x.item_id
         LEFT JOIN cases c ON c.id = x.case_id LEFT JOIN case_categories cc ON cc.id = c.category_id
         WHERE x.outcome = 'fail' AND (c.id IS NULL OR c.source <> 'inspection' OR c.source_ref <> 'inspection-result:' || x.id
            OR c.idempotency_key <> 'inspection-result-' || x.id OR cc.code <> it.case_category_code
            OR c.site_name <> s.name OR c.community_id <> s.region_id OR c.responsible_unit_id IS DISTINCT FROM s.unit_id
            OR c.suggested_unit_id <> s.unit_id OR (c.unit_id IS NOT NULL AND c.unit_id <> s.unit_id)
            OR c.reporter_id IS DISTINCT FROM i.inspector_id OR c.created_at < i.submitted_at
            OR c.description NOT LIKE '%' || s.name || '%' || it.title || '%' || x.seen || '%')) AS failed_without_case,
        (SELECT count(*)::int FROM inspection_results x WHERE x.outcome <> 'fail' AND x.case_id IS NOT NULL) AS passed_with_case,
        (SELECT count(*)::int FROM cases c WHERE c.source = 'inspection'
           AND (SELECT count(*) FROM inspection_results x WHERE x.case_id = c.id AND c.source_ref = 'inspection-result:' || x.id) <> 1)
          AS case_without_result,
        (SELECT count(*)::int FROM inspection_photos p
         WHERE p.far <> (p.distance_m > 300)
            OR NOT EXISTS (SELECT 1 FROM files f WHERE f.id = p.file_id AND f.city_id = p.city_id)) AS photo,
        (SELECT count(*)::int FROM inspection_results x
         WHERE EXISTS (SELECT 1 FROM unnest(x.photos) f WHERE NOT EXISTS (
           SELECT 1 FROM inspection_photos p WHERE p.inspection_id = x.inspection_id AND p.item_id = x.item_id AND p.file_id = f)))
          AS result_photo,
        (SELECT count(*)::int FROM inspection_results x JOIN checklist_items it ON it.id = x.item_id
         WHERE it.photo_required AND x.outcome <> 'na' AND cardinality(x.photos) = 0) AS missing_photo,
        (SELECT count(*)::int FROM material_requirements m
         WHERE m.status <> coalesce((SELECT s.status FROM material_submissions s WHERE s.requirement_id = m.id
                                     ORDER BY s.submitted_at DESC, s.id DESC LIMIT 1), 'missing')) AS material_status,
        (SELECT count(*)::int FROM material_submissions s
         WHERE (s.status = 'submitted') <> (s.reviewed_at IS NULL) OR (s.status = 'returned' AND coalesce(s.review_note, '') = '')
            OR s.reviewed_at < s.submitted_at OR cardinality(s.files) = 0
            OR EXISTS (SELECT 1 FROM unnest(s.files) f WHERE NOT EXISTS (SELECT 1 FROM files WHERE id = f))) AS material_review,
        (SELECT count(*)::int FROM material_requirements m JOIN index_nodes n ON n.id = m.standard_id
         WHERE n.level <> 'standard' OR NOT 'material' = ANY(n.methods)) AS material_standard,
        (SELECT count(*)::int FROM (
           SELECT city_id FROM index_nodes UNION ALL SELECT city_id FROM site_types UNION ALL SELECT city_id FROM sites
           UNION ALL SELECT city_id FROM checklist_items UNION ALL SELECT city_id FROM inspection_rounds
           UNION ALL SELECT city_id FROM inspections UNION ALL SELECT city_id FROM inspection_results
           UNION ALL SELECT city_id FROM inspection_photos UNION ALL SELECT city_id FROM material_requirements
           UNION ALL SELECT city_id FROM material_submissions) x
         WHERE city_id <> ${cityId}) AS other_city`);
    expect(broken).toEqual({
      snapshot: 0,
      incomplete: 0,
      timing: 0,
      failed_without_case: 0,
      passed_with_case: 0,
      case_without_result: 0,
      photo: 0,
      result_photo: 0,
      missing_photo: 0,
      material_status: 0,
      material_review: 0,
      material_standard: 0,
      other_city: 0,
    });

    // Most of the first round's cases are closed, the last round's mostly with the units; some
    // sites got worse from one round to the next; some photos were taken far from their site.
    const mix = await all(sql<{ round: number; closed: number; working: number; total: number }>`
      SELECT i.round_id AS round, count(*) FILTER (WHERE c.status = 'closed')::int AS closed,
             count(*) FILTER (WHERE c.status IN ('dispatched', 'accepted'))::int AS working, count(*)::int AS total
      FROM cases c JOIN inspection_results x ON x.case_id = c.id JOIN inspections i ON i.id = x.inspection_id
      GROUP BY 1`);
    const mixOf = (id: number) => mix.find((m) => m.round === id)!;
    expect(mixOf(past[0].id).closed / mixOf(past[0].id).total).toBeGreaterThan(0.8);
    expect(mixOf(past[2].id).working / mixOf(past[2].id).total).toBeGreaterThan(0.5);
    const trend = await one(sql<{ worse: number; better: number; far: number }>`
      SELECT count(*) FILTER (WHERE b.score < a.score)::int AS worse, count(*) FILTER (WHERE b.score > a.score)::int AS better,
             (SELECT count(*)::int FROM inspection_photos WHERE far) AS far
      FROM inspections a JOIN inspections b ON b.site_id = a.site_id
      WHERE a.round_id = ${past[1].id} AND b.round_id = ${past[2].id}`);
    expect(trend.worse).toBeGreaterThan(0);
    expect(trend.better).toBeGreaterThan(0);
    expect(trend.far).toBeGreaterThan(0);
    const materials = await all(sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM material_requirements GROUP BY 1`);
    expect(materials.map((m) => m.status).sort()).toEqual(['accepted', 'missing', 'returned', 'submitted']);

    // Through the API: the office's rounds and rollups, the inspector's list, the unit's material.
    const admin = await signIn('admin');
    const get = async (who: { cookie: string }, url: string) => {
      const res = await env.app.inject({ url, headers: { cookie: who.cookie } });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return res.json();
    };
    const list = await get(admin, '/api/inspection-rounds');
    expect(list.total).toBe(4);
    const byDistrict = await get(admin, `/api/inspection-rounds/${past[2].id}/rollups?by=district`);
    expect(byDistrict.rows).toHaveLength(3);
    expect(byDistrict.total.inspected).toBe(past[2].total);
    expect(byDistrict.previousRoundId).toBe(past[1].id);
    // The change since the previous round is the difference of the two rounds' mean site scores.
    const means = await all(sql<{ round_id: number; mean: number }>`
      SELECT round_id, avg(score)::float8 AS mean FROM inspections
      WHERE round_id IN (${past[1].id}, ${past[2].id}) AND status = 'submitted' GROUP BY 1`);
    const mean = (id: number) => means.find((m) => m.round_id === id)!.mean;
    expect(byDistrict.total.delta).toBeCloseTo(mean(past[2].id) - mean(past[1].id), 1);
    const byType = await get(admin, `/api/inspection-rounds/${past[2].id}/rollups?by=type`);
    expect(byType.rows.length).toBe(past[2].criteria.typeCodes.length);
    await get(admin, `/api/inspection-rounds/${past[2].id}/rollups?by=unit`);
    expect((await get(admin, '/api/sites?pageSize=1')).total).toBe(sites.length);
    expect((await get(admin, '/api/evaluation-index')).isSample).toBe(true);

    const inspector = await signIn('inspector');
    const mine = await get(inspector, '/api/my-inspections');
    expect(mine.items.length).toBeGreaterThanOrEqual(10);
    expect(mine.items.every((i: { roundId: number }) => i.roundId === open.id)).toBe(true);
    const done = await get(inspector, '/api/my-inspections?status=submitted');
    expect(done.items.length).toBeGreaterThan(100);
    const detail = await get(inspector, `/api/inspections/${done.items[0].id}`);
    expect(detail.items.length).toBeGreaterThanOrEqual(3);
    expect(detail.items.every((i: { result: unknown }) => i.result !== null)).toBe(true);

    const unit = await signIn('unit');
    const required = await get(unit, '/api/material-requirements?pageSize=50');
    const statuses = required.items.map((r: { status: string; unit: { name: string } }) => {
      expect(r.unit.name).toBe('市城市管理局');
      return r.status;
    });
    expect(statuses).toContain('returned');
    expect(statuses).toContain('missing');
  });

  it('comes with two questionnaires and about 5,000 answers, their counts and quotas equal to the answers', async () => {
    const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(env.db)).rows;
    const get = async (who: { cookie: string }, url: string) => {
      const res = await env.app.inject({ url, headers: { cookie: who.cookie } });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return res.json();
    };
    const surveys = await rows(sql<{ id: number; title: string; status: string; responses: number; counted: number }>`
      SELECT s.id, s.title, s.status,
        (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id) AS responses,
        (SELECT coalesce(sum(count), 0)::int FROM survey_answer_counts k
          WHERE k.survey_id = s.id AND k.question_code = '' AND k.answer_key = '') AS counted
      FROM surveys s ORDER BY s.id`);
    expect(surveys.map((s) => [s.title, s.status])).toEqual([
      ['文明城市创建市民知晓率满意度调查', 'open'],
      ['未成年人思想道德建设问卷', 'closed'],
    ]);
    const total = surveys.reduce((a, s) => a + s.responses, 0);
    expect(total).toBeGreaterThanOrEqual(4800);
    expect(total).toBeLessThanOrEqual(5200);
    for (const s of surveys) expect(s.counted).toBe(s.responses);
    const quotas = await rows(sql<{ counted: number; actual: number }>`
      SELECT q.counted, (SELECT count(*)::int FROM survey_responses r JOIN regions rr ON rr.id = r.region_id
        WHERE r.survey_id = q.survey_id AND rr.path LIKE qr.path || '%') AS actual
      FROM survey_quotas q JOIN regions qr ON qr.id = q.region_id`);
    expect(quotas).toHaveLength(3);
    expect(quotas.every((q) => q.counted === q.actual)).toBe(true);

    const admin = await signIn('admin');
    const results = await get(admin, `/api/surveys/${surveys[0].id}/results`);
    expect(results.responses).toBe(surveys[0].responses);
    for (const r of results.rates) expect(r.value).toBeGreaterThan(30);
    expect(results.byDistrict).toHaveLength(3);
    const satisfaction = results.byDistrict.map((d: { rates: { satisfaction: number } }) => d.rates.satisfaction);
    expect(Math.max(...satisfaction) - Math.min(...satisfaction)).toBeGreaterThan(1);
    // The district account sees the questionnaire of its district only.
    const district = await signIn('district');
    const list = await get(district, '/api/surveys');
    expect(list.items.map((s: { title: string }) => s.title)).toEqual(['未成年人思想道德建设问卷']);
  });

  it('comes with a canvass drive: assignments, ~20,000 visits, ~30,000 opinions grouped, routed and answered, and a trained classifier', async () => {
    const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(env.db)).rows[0];
    const today = localDate(env.clock.now);
    const drive = await one(sql<{
      id: number;
      city_id: number;
      status: string;
      campaign_id: number | null;
      current: boolean;
      materials: string[];
      milestones: boolean;
    }>`
      SELECT id, city_id, status, campaign_id, materials,
             starts_on <= ${today}::date AND ends_on >= ${today}::date AS current,
             kickoff_due_on < ${today}::date AND records_due_on = ends_on AS milestones
      FROM canvass_drives`);
    expect(drive).toMatchObject({ status: 'open', current: true, milestones: true });
    expect(drive.campaign_id).not.toBeNull();
    expect(drive.materials).toEqual(['明白纸', '致全体市民倡议书', '文明市民手册', '调查问卷']);

    const sizes = await one(sql<Record<string, number>>`
      SELECT (SELECT count(*)::int FROM canvass_assignments) AS assignments,
             (SELECT count(*)::int FROM regions WHERE level = 'community') AS communities,
             (SELECT count(*)::int FROM canvass_buildings) AS buildings,
             (SELECT count(*)::int FROM canvass_visits) AS visits,
             (SELECT count(*)::int FROM canvass_visits WHERE name_consent) AS consented,
             (SELECT count(*)::int FROM canvass_visits WHERE phone IS NOT NULL) AS phones,
             (SELECT count(*)::int FROM canvass_opinions) AS opinions,
             (SELECT count(*)::int FROM canvass_opinions WHERE classified_by IS NOT NULL) AS classified,
             (SELECT count(*)::int FROM canvass_opinions WHERE status = 'new') AS new,
             (SELECT count(*)::int FROM canvass_opinions WHERE status = 'routed') AS routed,
             (SELECT count(*)::int FROM canvass_opinions WHERE status = 'answered') AS answered,
             (SELECT count(*)::int FROM canvass_opinions WHERE status = 'delivered') AS delivered,
             (SELECT count(*)::int FROM canvass_opinions WHERE route_kind = 'case') AS cases,
             (SELECT count(*)::int FROM canvass_opinions WHERE status = 'routed' AND answer_due_on < ${today}::date) AS overdue,
             (SELECT count(*)::int FROM canvass_opinions WHERE escalation_count > 0) AS escalated,
             (SELECT count(*)::int FROM canvass_opinions WHERE reply_kind = 'cannot') AS cannot,
             (SELECT count(*)::int FROM canvass_opinions WHERE reply_kind = 'scheduled') AS scheduled,
             (SELECT count(*)::int FROM opinion_groups) AS groups,
             (SELECT count(*)::int FROM opinion_groups WHERE opinion_count >= 10) AS big_groups,
             (SELECT count(*)::int FROM opinion_topics) AS topics`);
    expect(sizes.assignments).toBe(sizes.communities);
    expect(sizes.buildings).toBeGreaterThanOrEqual(sizes.assignments * 8);
    expect(sizes.visits).toBeGreaterThanOrEqual(18_000);
    expect(sizes.visits).toBeLessThanOrEqual(22_000);
    expect(sizes.consented / sizes.visits).toBeGreaterThan(0.4);
    expect(sizes.consented / sizes.visits).toBeLessThan(0.6);
    expect(sizes.phones).toBeGreaterThan(3000);
    expect(sizes.opinions).toBeGreaterThanOrEqual(27_000);
    expect(sizes.opinions).toBeLessThanOrEqual(33_000);
    expect(sizes.classified / sizes.opinions).toBeGreaterThan(0.6);
    expect(sizes.classified / sizes.opinions).toBeLessThan(0.8);
    const present = ['new', 'routed', 'answered', 'delivered', 'cases', 'overdue', 'escalated', 'cannot', 'scheduled'];
    for (const key of present) expect(sizes[key], key).toBeGreaterThan(0);
    expect(sizes.cases).toBeLessThan(500);
    expect(sizes.groups).toBeLessThan(sizes.opinions / 3);
    expect(sizes.big_groups).toBeGreaterThan(100);
    expect(sizes.topics).toBe(20);

    // Consistency: each query counts the rows that break a rule.
    const broken = await one(sql<Record<string, number>>`
      SELECT
        (SELECT count(*)::int FROM canvass_assignments a
         WHERE a.target_households <> (SELECT sum(b.target_households) FROM canvass_buildings b WHERE b.assignment_id = a.id)
            OR NOT EXISTS (SELECT 1 FROM pairings p WHERE p.unit_id = a.unit_id AND p.region_id = a.community_id)) AS assignment,
        (SELECT count(*)::int FROM canvass_visits v JOIN canvass_assignments a ON a.id = v.assignment_id
         JOIN users u ON u.id = v.recorder_id
         WHERE a.kicked_off_on IS NULL OR v.visited_at::date < a.kicked_off_on OR v.visited_at > now()
            OR v.unit_id <> a.unit_id OR v.community_id <> a.community_id OR u.unit_id IS DISTINCT FROM a.unit_id
            OR v.recorder_name <> u.display_name OR v.phone !~ '^1[3-9][0-9]{9}$'
            OR (v.interviewee_name IS NOT NULL AND NOT v.name_consent)
            OR NOT EXISTS (SELECT 1 FROM canvass_buildings b WHERE b.id = v.building_id AND b.assignment_id = a.id)) AS visit,
        (SELECT count(*)::int FROM canvass_opinions o JOIN canvass_visits v ON v.id = o.visit_id
         WHERE o.unit_id <> v.unit_id OR o.community_id <> v.community_id OR o.drive_id <> v.drive_id
            OR (o.classified_by IS NULL) <> (o.topic_code IS NULL) OR (o.classified_by IS NULL) <> (o.scope IS NULL)
            OR (o.subtopic_code IS NOT NULL AND o.subtopic_code NOT LIKE o.topic_code || '.%')
            OR (o.classified_by IS NOT NULL AND o.suggested_topic IS NOT NULL)
            OR (o.status <> 'new' AND o.classified_by IS NULL)
            OR o.classified_at < v.created_at OR o.routed_at < o.classified_at OR o.replied_at < o.routed_at
            OR o.delivered_at < o.replied_at OR greatest(o.classified_at, o.routed_at, o.replied_at, o.delivered_at) > now()
            OR (o.status = 'delivered') <> (o.delivered_at IS NOT NULL)
            OR (o.status IN ('answered', 'delivered')) <> (o.replied_at IS NOT NULL)
            OR (o.delivered_via IN ('phone', 'sms') AND v.phone IS NULL)
            OR (o.route_kind = 'case') <> (o.case_id IS NOT NULL)
            OR (o.escalation_count > 0) <> (o.escalated_on IS NOT NULL) OR o.escalated_on > ${today}::date
            OR o.escalated_on <= o.answer_due_on) AS opinion,
        (SELECT count(*)::int FROM canvass_opinions o
         WHERE o.status = 'routed' AND o.answer_due_on < ${today}::date - 1 AND o.escalation_count = 0) AS unescalated,
        (SELECT count(*)::int FROM canvass_opinions o JOIN cases c ON c.id = o.case_id
         WHERE c.source <> 'canvass' OR c.community_id <> o.community_id OR c.unit_id IS DISTINCT FROM
               CASE WHEN c.dispatched_at IS NULL THEN NULL ELSE o.routed_unit_id END
            OR (c.status = 'closed') <> (o.reply_kind IS NOT NULL)) AS cases,
        (SELECT count(*)::int FROM opinion_groups g
         LEFT JOIN (SELECT group_id, count(*)::int AS n, min(id) AS first FROM canvass_opinions GROUP BY 1) m ON m.group_id = g.id
         LEFT JOIN canvass_opinions f ON f.id = m.first
         WHERE m.n IS DISTINCT FROM g.opinion_count OR f.text IS DISTINCT FROM g.label) AS groups,
        (SELECT count(*)::int FROM canvass_opinions WHERE group_id IS NULL) AS ungrouped,
        (SELECT count(*)::int FROM (
           SELECT city_id FROM canvass_assignments UNION ALL SELECT city_id FROM canvass_buildings
           UNION ALL SELECT city_id FROM canvass_visits UNION ALL SELECT city_id FROM canvass_opinions
           UNION ALL SELECT city_id FROM opinion_groups UNION ALL SELECT city_id FROM opinion_topics
           UNION ALL SELECT city_id FROM opinion_classifiers) x
         WHERE city_id <> ${drive.city_id}) AS other_city`);
    expect(broken).toEqual({
      assignment: 0,
      visit: 0,
      opinion: 0,
      unescalated: 0,
      cases: 0,
      groups: 0,
      ungrouped: 0,
      other_city: 0,
    });

    // A few units late: no kick-off at all, or a late one and far behind.
    const late = await one(sql<{ none: number; after: number }>`
      SELECT count(*) FILTER (WHERE a.kicked_off_on IS NULL)::int AS none,
             count(*) FILTER (WHERE a.kicked_off_on > d.kickoff_due_on)::int AS after
      FROM canvass_assignments a JOIN canvass_drives d ON d.id = a.drive_id`);
    expect(late.none).toBeGreaterThanOrEqual(1);
    expect(late.after).toBeGreaterThanOrEqual(1);

    // The demo canvasser: an open assignment with households still to visit, and visits of its own;
    // the demo unit (the same unit) has opinions waiting for its reply, some overdue.
    const focus = await one(sql<{ own: number; visited: number; target: number; waiting: number; overdue: number }>`
      SELECT (SELECT count(*)::int FROM canvass_visits v WHERE v.recorder_id = c.id) AS own,
             (SELECT count(DISTINCT (v.building_id, v.household))::int FROM canvass_visits v
              JOIN canvass_assignments a ON a.id = v.assignment_id WHERE a.unit_id = c.unit_id) AS visited,
             (SELECT sum(a.target_households)::int FROM canvass_assignments a WHERE a.unit_id = c.unit_id) AS target,
             (SELECT count(*)::int FROM canvass_opinions o WHERE o.routed_unit_id = c.unit_id AND o.status = 'routed') AS waiting,
             (SELECT count(*)::int FROM canvass_opinions o
              WHERE o.routed_unit_id = c.unit_id AND o.status = 'routed' AND o.answer_due_on < ${today}::date) AS overdue
      FROM users c JOIN users u ON u.unit_id = c.unit_id AND u.username = 'unit'
      WHERE c.username = 'canvasser'`);
    expect(focus.own).toBeGreaterThan(50);
    expect(focus.visited).toBeLessThan(focus.target * 0.8);
    expect(focus.waiting).toBeGreaterThanOrEqual(20);
    expect(focus.overdue).toBeGreaterThan(0);

    // The classifier, trained on what staff classified, above its floor; its suggestions stored.
    const stored = await one(sql<{
      sample_count: number;
      holdout_count: number;
      accuracy: number;
      unit_accuracy: number;
      evaluation: { confusion: { count: number }[]; subtopicAccuracy: number };
      model: unknown;
      suggested: number;
      unclassified: number;
    }>`
      SELECT c.sample_count, c.holdout_count, c.accuracy, c.unit_accuracy, c.evaluation, c.model,
             (SELECT count(*)::int FROM canvass_opinions WHERE suggested_topic IS NOT NULL) AS suggested,
             (SELECT count(*)::int FROM canvass_opinions WHERE classified_by IS NULL) AS unclassified
      FROM opinion_classifiers c`);
    expect(stored.sample_count).toBe(sizes.classified);
    expect(stored.holdout_count).toBeGreaterThan(stored.sample_count * 0.15);
    expect(stored.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(stored.evaluation.subtopicAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(stored.unit_accuracy).toBeGreaterThanOrEqual(0.8);
    expect(stored.evaluation.confusion.reduce((a, c) => a + c.count, 0)).toBe(stored.holdout_count);
    expect(stored.suggested / stored.unclassified).toBeGreaterThan(0.95);
    const model = modelFromJson(stored.model);
    expect(suggestTopic(model, '小区门口的垃圾桶满了没人清运')?.topic).toBe('city');
    // Stored suggestions agree with the staff's topic about as often as the held-out accuracy says
    // (an unclassified opinion's suggestion against the staff's topic of the others of its group)
    const agree = await one(sql<{ n: number; right: number }>`
      WITH s AS (SELECT DISTINCT ON (group_id) group_id, suggested_topic FROM canvass_opinions
                 WHERE suggested_topic IS NOT NULL ORDER BY group_id, id)
      SELECT count(*)::int AS n, count(*) FILTER (WHERE o.topic_code = s.suggested_topic)::int AS right
      FROM canvass_opinions o JOIN s ON s.group_id = o.group_id WHERE o.classified_by IS NOT NULL`);
    expect(agree.n).toBeGreaterThan(10_000);
    expect(agree.right / agree.n).toBeGreaterThan(0.85);
  });

  it('comes with community registration and volunteer service: members, activities, attendance and the 五个一 tracker', async () => {
    const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(env.db)).rows[0];
    const sizes = await one(sql<Record<string, number>>`
      SELECT (SELECT count(*)::int FROM people WHERE kind = 'member') AS members,
             (SELECT count(*)::int FROM community_registrations) AS registrations,
             (SELECT count(*)::int FROM community_registrations WHERE status = 'confirmed') AS confirmed,
             (SELECT count(*)::int FROM community_registrations WHERE status = 'pending') AS pending,
             (SELECT count(*)::int FROM community_registrations WHERE status = 'rejected') AS rejected,
             (SELECT count(*)::int FROM community_registrations WHERE status = 'withdrawn') AS withdrawn,
             (SELECT count(DISTINCT party_org)::int FROM community_registrations) AS party_orgs,
             (SELECT count(*)::int FROM volunteer_activities) AS activities,
             (SELECT count(DISTINCT type_code)::int FROM volunteer_activities) AS types,
             (SELECT count(*)::int FROM activity_attendance) AS attendance,
             (SELECT count(*)::int FROM activity_attendance WHERE status = 'confirmed') AS att_confirmed,
             (SELECT count(*)::int FROM activity_attendance WHERE status = 'pending') AS att_pending,
             (SELECT count(*)::int FROM activity_attendance WHERE status = 'rejected') AS att_rejected,
             (SELECT count(*)::int FROM activity_attendance WHERE manual_reason IS NOT NULL) AS manual,
             (SELECT count(*)::int FROM activity_attendance WHERE family <> '[]'::jsonb) AS with_family,
             (SELECT count(*)::int FROM activity_signups) AS signups,
             (SELECT count(*)::int FROM five_one_reports) AS reports,
             (SELECT count(*)::int FROM five_one_reports WHERE status = 'confirmed') AS reports_confirmed,
             (SELECT count(*)::int FROM five_one_weeks) AS weeks,
             (SELECT max(n)::int FROM (SELECT count(*) AS n FROM activity_attendance GROUP BY person_id) x) AS most`);
    expect(sizes.members).toBeGreaterThanOrEqual(19_900);
    expect(sizes.members).toBeLessThanOrEqual(20_100);
    expect(sizes.registrations / sizes.members).toBeGreaterThan(0.8);
    expect(sizes.registrations / sizes.members).toBeLessThan(0.9);
    expect(sizes.confirmed / sizes.registrations).toBeGreaterThan(0.85);
    for (const key of ['pending', 'rejected', 'withdrawn', 'att_pending', 'att_rejected', 'manual', 'with_family']) {
      expect(sizes[key], key).toBeGreaterThan(0);
    }
    expect(sizes.party_orgs).toBeGreaterThan(100);
    expect(sizes.activities).toBeGreaterThanOrEqual(4_900);
    expect(sizes.activities).toBeLessThanOrEqual(5_100);
    expect(sizes.types).toBe(8);
    expect(sizes.attendance).toBeGreaterThanOrEqual(180_000);
    expect(sizes.attendance).toBeLessThanOrEqual(225_000);
    expect(sizes.att_confirmed / sizes.attendance).toBeGreaterThan(0.8);
    expect(sizes.att_confirmed / sizes.attendance).toBeLessThan(0.92);
    expect(sizes.signups / sizes.attendance).toBeGreaterThan(0.75);
    expect(sizes.reports).toBeGreaterThan(5_000);
    expect(sizes.reports_confirmed / sizes.reports).toBeGreaterThan(0.7);
    // Heavy-tailed: a few very active members.
    expect(sizes.most).toBeGreaterThan(30);

    // Consistency: each query counts the rows that break a rule.
    const broken = await one(sql<Record<string, number>>`
      SELECT
        (SELECT count(*)::int FROM activity_attendance x JOIN volunteer_activities a ON a.id = x.activity_id
         WHERE x.city_id <> a.city_id OR x.check_in_at < a.starts_at - interval '30 minutes' OR x.check_in_at > a.ends_at
            OR x.check_out_at > a.ends_at + interval '120 minutes' OR x.check_out_at > now()
            OR x.minutes > extract(epoch FROM a.ends_at - a.starts_at) / 60
            OR x.confirmed_minutes > x.minutes
            OR x.minutes IS DISTINCT FROM CASE WHEN x.check_out_at IS NOT NULL THEN greatest(0,
                 floor(extract(epoch FROM least(x.check_out_at, a.ends_at) - greatest(x.check_in_at, a.starts_at)) / 60))::int END
            OR (x.status = 'confirmed') <> (x.confirmed_minutes IS NOT NULL)
            OR (x.manual_reason IS NULL AND (x.check_in_distance_m > a.radius_m OR x.check_out_distance_m > a.radius_m
                 OR x.check_in_distance_m IS NULL))
            OR x.week_start <> date_trunc('week', (a.starts_at AT TIME ZONE 'UTC') + interval '8 hours')::date
            OR a.status = 'cancelled' OR x.decided_at < x.check_out_at) AS attendance,
        (SELECT count(*)::int FROM (SELECT person_id, activity_id FROM activity_attendance
           GROUP BY 1, 2 HAVING count(*) > 1) d) AS doubled,
        (SELECT count(*)::int FROM volunteer_activities a
         WHERE a.radius_m NOT BETWEEN 100 AND 300 OR a.ends_at - a.starts_at NOT BETWEEN interval '1 hour' AND interval '3 hours'
            OR a.capacity < (SELECT count(*) FROM activity_signups s WHERE s.activity_id = a.id)) AS activity,
        (SELECT count(*)::int FROM five_one_reports f
         WHERE NOT EXISTS (SELECT 1 FROM files x WHERE x.city_id = f.city_id AND x.id = f.photo AND x.mime LIKE 'image/%')
            OR f.created_at > now()) AS report,
        (SELECT count(*)::int FROM (SELECT city_id FROM community_registrations UNION ALL SELECT city_id FROM volunteer_activities
           UNION ALL SELECT city_id FROM activity_attendance UNION ALL SELECT city_id FROM activity_signups
           UNION ALL SELECT city_id FROM five_one_reports UNION ALL SELECT city_id FROM five_one_weeks) x
         WHERE city_id <> (SELECT id FROM cities)) AS other_city`);
    expect(broken).toEqual({ attendance: 0, doubled: 0, activity: 0, report: 0, other_city: 0 });

    // The tracker equals a recount from its sources with the rule of refreshWeek, for every row,
    // and no member-week with an item done is missing.
    const tracker = await one(sql<{ wrong: number; missing: number }>`
      WITH bits AS (
        SELECT x.person_id, x.week_start, CASE t.five_one WHEN 'sanitation' THEN 1 WHEN 'volunteer' THEN 2
          WHEN 'convention' THEN 4 WHEN 'sorting' THEN 8 WHEN 'dissuasion' THEN 16 END AS b
        FROM activity_attendance x JOIN volunteer_activities a ON a.id = x.activity_id
        JOIN activity_types t ON t.city_id = a.city_id AND t.code = a.type_code
        WHERE x.status IN ('pending','confirmed') AND t.five_one IS NOT NULL
        UNION ALL
        SELECT person_id, week_start, CASE item WHEN 'sanitation' THEN 1 WHEN 'volunteer' THEN 2 WHEN 'convention' THEN 4
          WHEN 'sorting' THEN 8 WHEN 'dissuasion' THEN 16 END
        FROM five_one_reports WHERE status = 'confirmed'
      ), recount AS (SELECT person_id, week_start, bit_or(b) AS items FROM bits GROUP BY 1, 2)
      SELECT (SELECT count(*)::int FROM five_one_weeks w
              LEFT JOIN recount r ON r.person_id = w.person_id AND r.week_start = w.week_start
              LEFT JOIN community_registrations g ON g.person_id = w.person_id AND g.status = 'confirmed'
              JOIN people p ON p.id = w.person_id
              WHERE w.items <> coalesce(r.items, 0) OR w.community_id IS DISTINCT FROM g.community_id
                 OR w.unit_id IS DISTINCT FROM coalesce(g.work_unit_id, p.unit_id)
                 OR w.party_org IS DISTINCT FROM coalesce(g.party_org, p.party_org)) AS wrong,
             (SELECT count(*)::int FROM recount r WHERE NOT EXISTS (
                SELECT 1 FROM five_one_weeks w WHERE w.person_id = r.person_id AND w.week_start = r.week_start)) AS missing`);
    expect(tracker).toEqual({ wrong: 0, missing: 0 });

    // The demo member: linked, registered and confirmed, with confirmed hours, a partly done week
    // and an activity of the community open for check-in now.
    const member = await signIn('member');
    const get = async (url: string) => {
      const res = await env.app.inject({ url, headers: { cookie: member.cookie } });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return res.json();
    };
    const mine = await get('/api/volunteer/registrations/mine');
    expect(mine.personLinked).toBe(true);
    expect(mine.current?.status).toBe('confirmed');
    const hours = await get('/api/volunteer/my-hours');
    expect(hours.confirmedMinutes).toBeGreaterThan(0);
    expect(hours.activities).toBeGreaterThan(5);
    const week = await get('/api/volunteer/five-one/me');
    expect(week.count).toBeGreaterThanOrEqual(1);
    expect(week.count).toBeLessThan(5);
    const open = await one(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM volunteer_activities a JOIN users u ON u.username = 'member'
      WHERE a.community_id = u.region_id AND a.status = 'published'
        AND now() BETWEEN a.starts_at - interval '30 minutes' AND a.ends_at
        AND NOT EXISTS (SELECT 1 FROM activity_attendance x WHERE x.activity_id = a.id AND x.person_id = u.person_id)`);
    expect(open.n).toBeGreaterThanOrEqual(1);
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
