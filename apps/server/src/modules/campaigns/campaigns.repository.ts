// SQL of campaigns: the scoped list and detail, scope rules and eligible units, documents,
// activities, themes, the completion aggregates of the overview, and the calendar. Reads go
// through the policy's predicates, so rows outside the actor's scope are simply not found.

import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { UnitSort } from '@cc/common/campaigns';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { containsPattern, unitRowVisible } from '../organisation/index.js';
import { campaignVisible, ledgerRowVisible } from './campaigns.policy.js';

// ---------------------------------------------------------------------------------------------
// Completion: the SQL twin of `completion()` in campaigns.state.ts (a test holds them equal)
// ---------------------------------------------------------------------------------------------

export interface CompletionRow {
  total: number;
  counted: number;
  accepted: number;
  submitted: number;
  overdue: number;
  owed_w: number | null;
  done_w: number | null;
  all_w: number | null;
}

/** Aggregate columns over task_instances aliased `i` on the city's calendar date `today`. */
export function completionColumns(today: string, i = 'i'): RawBuilder<CompletionRow> {
  const r = (c: string) => sql.ref(`${i}.${c}`);
  const owed = sql`(${r('due_on')} <= ${today}::date OR ${r('status')} = 'accepted')`;
  return sql<CompletionRow>`count(${r('id')})::int AS total,
    count(${r('id')}) FILTER (WHERE ${owed})::int AS counted,
    count(${r('id')}) FILTER (WHERE ${r('status')} = 'accepted')::int AS accepted,
    count(${r('id')}) FILTER (WHERE ${r('status')} = 'submitted')::int AS submitted,
    count(${r('id')}) FILTER (WHERE ${r('due_on')} < ${today}::date AND ${r('status')} NOT IN ('submitted', 'accepted'))::int AS overdue,
    sum(${r('weight')}) FILTER (WHERE ${owed}) AS owed_w,
    sum(${r('weight')}) FILTER (WHERE ${r('status')} = 'accepted') AS done_w,
    sum(${r('weight')}) AS all_w`;
}

const pct = (part: number | null, whole: number | null) =>
  whole && whole > 0 ? Math.round(((part ?? 0) / whole) * 1000) / 10 : null;

export function toCompletion(row: CompletionRow) {
  return {
    percent: pct(row.done_w, row.owed_w),
    planPercent: pct(row.done_w, row.all_w),
    total: row.total,
    counted: row.counted,
    accepted: row.accepted,
    submitted: row.submitted,
    overdue: row.overdue,
  };
}

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

export interface CampaignRow {
  id: number;
  city_id: number;
  region_id: number;
  region_name: string;
  region_path: string;
  name: string;
  titles: string[];
  starts_on: string;
  ends_on: string;
  status: string;
  phase: string;
  phase_changed_at: Date | null;
  description: string | null;
  leading_group_id: number | null;
  leading_group_name: string | null;
  scope_all_units: boolean;
  scope_unit_types: string[];
  scope_region_ids: number[];
  remind_days_before: number;
  escalate_every_days: number;
  created_at: Date;
}

const campaignSelect = sql`c.id, c.city_id, c.region_id, r.name AS region_name, r.path AS region_path, c.name, c.titles,
  c.starts_on, c.ends_on, c.status, c.phase, c.phase_changed_at, c.description, c.leading_group_id,
  g.name AS leading_group_name, c.scope_all_units, c.scope_unit_types, c.scope_region_ids,
  c.remind_days_before, c.escalate_every_days, c.created_at`;

export async function listCampaigns(
  db: Executor,
  actor: Actor,
  filter: { q?: string; status?: string; limit: number; offset: number },
) {
  const where: Expression<SqlBool>[] = [sql`c.city_id = ${actor.cityId}`, campaignVisible(actor, 'c')];
  if (filter.status) where.push(sql`c.status = ${filter.status}`);
  if (filter.q?.trim()) where.push(sql`c.name ILIKE ${containsPattern(filter.q)}`);
  const cond = sql.join(where, sql` AND `);
  const rows = await sql<CampaignRow>`
    SELECT ${campaignSelect}
    FROM campaigns c
    JOIN regions r ON r.id = c.region_id
    LEFT JOIN groups g ON g.id = c.leading_group_id
    WHERE ${cond}
    ORDER BY c.status, c.starts_on DESC, c.id DESC
    LIMIT ${filter.limit} OFFSET ${filter.offset}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM campaigns c WHERE ${cond}`.execute(db);
  return { rows: rows.rows, total: count.rows[0].n };
}

/** A visible campaign, or undefined. With `lock`, the row is locked for the transaction. */
export async function findCampaign(db: Executor, actor: Actor, id: number, lock = false) {
  const result = await sql<CampaignRow>`
    SELECT ${campaignSelect}
    FROM campaigns c
    JOIN regions r ON r.id = c.region_id
    LEFT JOIN groups g ON g.id = c.leading_group_id
    WHERE c.city_id = ${actor.cityId} AND c.id = ${id} AND ${campaignVisible(actor, 'c')}
    ${lock ? sql`FOR UPDATE OF c` : sql``}`.execute(db);
  return result.rows[0];
}

/**
 * Figures per activity, month and status — counts and weights of the instances, and of those
 * still unsettled (not accepted) and due by today, and of those overdue. Whole campaigns come
 * from the rollup tables (kept by triggers) plus the unsettled instances; a scoped reader's share
 * is computed from its own instances. `foldFigures` turns either into completion.
 */
export interface FigureRow {
  campaign_id: number;
  activity_id: number;
  month: string;
  status: string;
  n: number;
  w: number;
  due_n: number;
  due_w: number;
  overdue_n: number;
}

function unsettledDue(today: string) {
  return sql`i.active AND i.status <> 'accepted' AND i.due_on <= ${today}::date`;
}

export async function figuresFromRollups(db: Executor, campaignIds: number[], today: string): Promise<FigureRow[]> {
  if (campaignIds.length === 0) return [];
  const result = await sql<FigureRow>`
    WITH p AS (
      SELECT campaign_id, activity_id, month, status, n, w FROM task_period_rollups
      WHERE campaign_id = ANY(${campaignIds}::bigint[]) AND n <> 0
    ), t AS (
      SELECT i.campaign_id, coalesce(i.activity_id, 0) AS activity_id, date_trunc('month', i.due_on::timestamp)::date AS month,
        i.status, count(*)::int AS due_n, sum(i.weight) AS due_w,
        count(*) FILTER (WHERE i.due_on < ${today}::date AND i.status <> 'submitted')::int AS overdue_n
      FROM task_instances i WHERE i.campaign_id = ANY(${campaignIds}::bigint[]) AND ${unsettledDue(today)}
      GROUP BY 1, 2, 3, 4
    )
    SELECT coalesce(p.campaign_id, t.campaign_id) AS campaign_id, coalesce(p.activity_id, t.activity_id) AS activity_id,
      to_char(coalesce(p.month, t.month), 'YYYY-MM') AS month, coalesce(p.status, t.status) AS status,
      coalesce(p.n, 0) AS n, coalesce(p.w, 0) AS w, coalesce(t.due_n, 0) AS due_n, coalesce(t.due_w, 0) AS due_w,
      coalesce(t.overdue_n, 0) AS overdue_n
    FROM p FULL JOIN t ON t.campaign_id = p.campaign_id AND t.activity_id = p.activity_id AND t.month = p.month
      AND t.status = p.status`.execute(db);
  return result.rows;
}

/** The same figures from the instances the actor sees (for readers who see part of a campaign). */
export async function figuresDirect(
  db: Executor,
  actor: Actor,
  campaigns: { id: number; region_id: number }[],
  today: string,
): Promise<FigureRow[]> {
  if (campaigns.length === 0) return [];
  const result = await sql<FigureRow>`
    SELECT i.campaign_id, coalesce(i.activity_id, 0) AS activity_id, to_char(i.due_on, 'YYYY-MM') AS month, i.status,
      count(*)::int AS n, sum(i.weight) AS w,
      count(*) FILTER (WHERE ${unsettledDue(today)})::int AS due_n,
      coalesce(sum(i.weight) FILTER (WHERE ${unsettledDue(today)}), 0) AS due_w,
      count(*) FILTER (WHERE i.due_on < ${today}::date AND i.status NOT IN ('submitted', 'accepted'))::int AS overdue_n
    FROM task_instances i JOIN campaigns c ON c.id = i.campaign_id
    WHERE i.campaign_id = ANY(${campaigns.map((c) => c.id)}::bigint[]) AND i.active
      AND ${ledgerRowVisible(actor, 'i.unit_id', 'c.region_id')}
    GROUP BY 1, 2, 3, 4`.execute(db);
  return result.rows;
}

/**
 * Recomputes the rollups of the given campaigns from their instances — for loads that bypass
 * triggers (a bulk load with session_replication_role = replica, a restore of one table).
 */
export async function rebuildTaskRollups(db: Executor, campaignIds: number[]): Promise<void> {
  await sql`DELETE FROM task_unit_rollups WHERE campaign_id = ANY(${campaignIds}::bigint[])`.execute(db);
  await sql`DELETE FROM task_period_rollups WHERE campaign_id = ANY(${campaignIds}::bigint[])`.execute(db);
  await sql`
    INSERT INTO task_unit_rollups (campaign_id, unit_id, status, city_id, n, w)
    SELECT campaign_id, unit_id, status, min(city_id), count(*), sum(weight) FROM task_instances
    WHERE campaign_id = ANY(${campaignIds}::bigint[]) AND active GROUP BY 1, 2, 3`.execute(db);
  await sql`
    INSERT INTO task_period_rollups (campaign_id, activity_id, month, status, city_id, n, w)
    SELECT campaign_id, coalesce(activity_id, 0), date_trunc('month', due_on::timestamp)::date, status, min(city_id),
      count(*), sum(weight)
    FROM task_instances WHERE campaign_id = ANY(${campaignIds}::bigint[]) AND active GROUP BY 1, 2, 3, 4`.execute(db);
}

/** Completion of a set of figure rows (the same definition as `completion()`). */
export function foldFigures(rows: readonly FigureRow[]): CompletionRow {
  const out = { total: 0, counted: 0, accepted: 0, submitted: 0, overdue: 0, owed_w: 0, done_w: 0, all_w: 0 };
  for (const r of rows) {
    out.total += r.n;
    out.all_w += r.w;
    out.counted += r.due_n;
    out.owed_w += r.due_w;
    out.overdue += r.overdue_n;
    if (r.status === 'accepted') {
      out.accepted += r.n;
      out.done_w += r.w;
      out.counted += r.n;
      out.owed_w += r.w;
    }
    if (r.status === 'submitted') out.submitted += r.n;
  }
  return out;
}

/** Active tasks per campaign that the actor sees. */
export async function taskCounts(db: Executor, actor: Actor, campaignIds: number[]): Promise<Map<number, number>> {
  if (campaignIds.length === 0) return new Map();
  const result = await sql<{ campaign_id: number; n: number }>`
    SELECT t.campaign_id, count(*)::int AS n FROM campaign_tasks t JOIN campaigns c ON c.id = t.campaign_id
    WHERE t.campaign_id = ANY(${campaignIds}::bigint[]) AND t.status = 'active'
      AND ${ledgerRowVisible(actor, 't.lead_unit_id', 'c.region_id')}
    GROUP BY t.campaign_id`.execute(db);
  return new Map(result.rows.map((r) => [r.campaign_id, r.n]));
}

export interface CampaignValues {
  region_id?: number;
  name?: string;
  titles?: string[];
  starts_on?: string;
  ends_on?: string;
  status?: string;
  description?: string | null;
  leading_group_id?: number | null;
  scope_all_units?: boolean;
  scope_unit_types?: string[];
  scope_region_ids?: number[];
  remind_days_before?: number;
  escalate_every_days?: number;
}

export async function insertCampaign(
  db: Executor,
  cityId: number,
  values: Required<Omit<CampaignValues, 'status'>>,
  by: number,
  now: Date,
) {
  const row = await db
    .insertInto('campaigns')
    .values({ city_id: cityId, ...values, created_by: by, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCampaign(db: Executor, id: number, values: CampaignValues, now: Date) {
  await db
    .updateTable('campaigns')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function setPhase(db: Executor, id: number, phase: string, now: Date) {
  await db
    .updateTable('campaigns')
    .set({ phase, phase_changed_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function findPhase(db: Executor, campaignId: number): Promise<string | undefined> {
  const row = await db.selectFrom('campaigns').select('phase').where('id', '=', campaignId).executeTakeFirst();
  return row?.phase;
}

export async function anyPreInspection(db: Executor, cityId: number, day: string): Promise<boolean> {
  const result = await sql<{ ok: boolean }>`
    SELECT EXISTS (SELECT 1 FROM campaigns WHERE city_id = ${cityId} AND status = 'active' AND phase = 'pre_inspection'
                   AND ${day}::date BETWEEN starts_on AND ends_on) AS ok`.execute(db);
  return result.rows[0].ok;
}

/** The earliest and latest due date among the campaign's active tasks. */
export async function taskDateRange(db: Executor, campaignId: number) {
  const result = await sql<{ first: string | null; last: string | null }>`
    SELECT min(due_on) AS first, max(due_on) AS last FROM task_instances WHERE campaign_id = ${campaignId} AND active`.execute(
    db,
  );
  return result.rows[0];
}

// Scope -----------------------------------------------------------------------------------------

export async function replaceScopeUnits(db: Executor, cityId: number, campaignId: number, unitIds: number[]) {
  await db.deleteFrom('campaign_scope_units').where('campaign_id', '=', campaignId).execute();
  if (unitIds.length === 0) return;
  await sql`
    INSERT INTO campaign_scope_units (campaign_id, unit_id, city_id)
    SELECT ${campaignId}, u, ${cityId} FROM unnest(${unitIds}::bigint[]) AS u`.execute(db);
}

export function listScopeUnits(db: Executor, campaignId: number) {
  return sql<{ id: number; name: string }>`
    SELECT u.id, u.name FROM campaign_scope_units s JOIN units u ON u.id = s.unit_id
    WHERE s.campaign_id = ${campaignId} ORDER BY u.name`
    .execute(db)
    .then((r) => r.rows);
}

/** SQL over a units row aliased `u`: the unit takes part in the campaign aliased `c`. */
function inCampaignScope(c: string, u: string): RawBuilder<SqlBool> {
  const cr = (col: string) => sql.ref(`${c}.${col}`);
  const ur = (col: string) => sql.ref(`${u}.${col}`);
  return sql<SqlBool>`(${cr('scope_all_units')}
    OR EXISTS (SELECT 1 FROM campaign_scope_units su WHERE su.campaign_id = ${cr('id')} AND su.unit_id = ${ur('id')})
    OR ${ur('type')} = ANY(${cr('scope_unit_types')})
    OR EXISTS (SELECT 1 FROM regions ur JOIN regions sr ON sr.id = ANY(${cr('scope_region_ids')})
               WHERE ur.id = ${ur('region_id')} AND ur.path LIKE sr.path || '%'))`;
}

/** Units of the campaign's scope that the actor sees, optionally narrowed to `ids` or a search. */
export async function findScopeUnits(
  db: Executor,
  actor: Actor,
  campaignId: number,
  filter: { ids?: number[]; q?: string; type?: string },
) {
  const where: Expression<SqlBool>[] = [
    sql`u.city_id = ${actor.cityId}`,
    inCampaignScope('c', 'u'),
    unitRowVisible(actor, 'u'),
  ];
  if (filter.ids) where.push(sql`u.id = ANY(${filter.ids}::bigint[])`);
  if (filter.q?.trim()) where.push(sql`u.name ILIKE ${containsPattern(filter.q)}`);
  if (filter.type) where.push(sql`u.type = ${filter.type}`);
  const result = await sql<{
    id: number;
    name: string;
    type: string;
    parent_id: number | null;
    region_name: string | null;
    head_name: string | null;
  }>`
    SELECT u.id, u.name, u.type, u.parent_id, r.name AS region_name, u.head_name
    FROM units u JOIN campaigns c ON c.id = ${campaignId}
    LEFT JOIN regions r ON r.id = u.region_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY u.type, u.name
    LIMIT 10000`.execute(db);
  return result.rows;
}

/** Units of the city the actor sees, by id (for organisers and cooperating units). */
export async function findVisibleUnits(db: Executor, actor: Actor, ids: number[]) {
  if (ids.length === 0) return [];
  const result = await sql<{ id: number; name: string }>`
    SELECT u.id, u.name FROM units u
    WHERE u.city_id = ${actor.cityId} AND u.id = ANY(${ids}::bigint[]) AND ${unitRowVisible(actor, 'u')}`.execute(db);
  return result.rows;
}

/** Units the actor sees, by exact name (for Excel imports). */
export async function findUnitsByName(db: Executor, actor: Actor, names: string[]) {
  if (names.length === 0) return [];
  const result = await sql<{ id: number; name: string }>`
    SELECT u.id, u.name FROM units u
    WHERE u.city_id = ${actor.cityId} AND u.name = ANY(${[...new Set(names)]}::text[]) AND ${unitRowVisible(actor, 'u')}`.execute(
    db,
  );
  return result.rows;
}

export function findUnit(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'parent_id', 'head_name', 'head_phone', 'liaison_name', 'liaison_phone'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function unitNames(db: Executor, cityId: number, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('city_id', '=', cityId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function regionsByIds(db: Executor, cityId: number, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('regions')
    .select(['id', 'name', 'path'])
    .where('city_id', '=', cityId)
    .where('id', 'in', ids)
    .execute();
}

export function findRegion(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('regions')
    .select(['id', 'name', 'path', 'level'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findGroup(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('groups')
    .select(['id', 'name', 'kind'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// Documents ------------------------------------------------------------------------------------

export function listDocuments(db: Executor, campaignId: number) {
  return sql<{ file_id: string; title: string; name: string; mime: string; size: number }>`
    SELECT d.file_id, d.title, f.name, f.mime, f.size
    FROM campaign_documents d JOIN files f ON f.city_id = d.city_id AND f.id = d.file_id
    WHERE d.campaign_id = ${campaignId} ORDER BY d.sort, d.id`
    .execute(db)
    .then((r) => r.rows);
}

export async function replaceDocuments(
  db: Executor,
  cityId: number,
  campaignId: number,
  docs: { fileId: string; title: string }[],
  now: Date,
) {
  await db.deleteFrom('campaign_documents').where('campaign_id', '=', campaignId).execute();
  if (docs.length === 0) return;
  await sql`
    INSERT INTO campaign_documents (city_id, campaign_id, file_id, title, sort, created_at)
    SELECT ${cityId}, ${campaignId}, f, t, o::int, ${now}
    FROM unnest(${docs.map((d) => d.fileId)}::text[], ${docs.map((d) => d.title)}::text[]) WITH ORDINALITY AS x(f, t, o)`.execute(
    db,
  );
}

// Activities and themes -------------------------------------------------------------------------

export interface ActivityRow {
  id: number;
  campaign_id: number;
  name: string;
  content: string | null;
  participants: string | null;
  organiser_unit_ids: number[];
  starts_on: string;
  ends_on: string;
  sort: number;
  task_count: number;
}

export function listActivities(db: Executor, campaignId: number) {
  return sql<ActivityRow>`
    SELECT a.id, a.campaign_id, a.name, a.content, a.participants, a.organiser_unit_ids, a.starts_on, a.ends_on, a.sort,
      (SELECT count(*)::int FROM campaign_tasks t WHERE t.activity_id = a.id AND t.status = 'active') AS task_count
    FROM campaign_activities a WHERE a.campaign_id = ${campaignId}
    ORDER BY a.sort, a.id`
    .execute(db)
    .then((r) => r.rows);
}

export async function findActivity(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('campaign_activities')
    .selectAll()
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface ActivityValues {
  name?: string;
  content?: string | null;
  participants?: string | null;
  organiser_unit_ids?: number[];
  starts_on?: string;
  ends_on?: string;
  sort?: number;
}

export async function insertActivity(
  db: Executor,
  cityId: number,
  campaignId: number,
  values: ActivityValues & { name: string; starts_on: string; ends_on: string },
  now: Date,
) {
  const row = await db
    .insertInto('campaign_activities')
    .values({ city_id: cityId, campaign_id: campaignId, ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateActivity(db: Executor, id: number, values: ActivityValues, now: Date) {
  await db
    .updateTable('campaign_activities')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function activityHasTasks(db: Executor, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('campaign_tasks')
    .select('id')
    .where('activity_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

export async function deleteActivity(db: Executor, id: number) {
  await db.deleteFrom('campaign_activities').where('id', '=', id).execute();
}

export function listThemes(db: Executor, campaignId: number) {
  return db
    .selectFrom('campaign_themes')
    .select(['id', 'campaign_id', 'month', 'title', 'description'])
    .where('campaign_id', '=', campaignId)
    .orderBy('month')
    .execute();
}

export function findTheme(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('campaign_themes')
    .selectAll()
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function themeAt(db: Executor, campaignId: number, month: string) {
  return db
    .selectFrom('campaign_themes')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function insertTheme(
  db: Executor,
  cityId: number,
  campaignId: number,
  values: { month: string; title: string; description: string | null },
  now: Date,
) {
  const row = await db
    .insertInto('campaign_themes')
    .values({ city_id: cityId, campaign_id: campaignId, ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTheme(
  db: Executor,
  id: number,
  values: { month?: string; title?: string; description?: string | null },
  now: Date,
) {
  await db
    .updateTable('campaign_themes')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteTheme(db: Executor, id: number) {
  await db.deleteFrom('campaign_themes').where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------
// Overview and calendar
// ---------------------------------------------------------------------------------------------

function overviewScope(actor: Actor, campaign: CampaignRow) {
  return sql<SqlBool>`i.campaign_id = ${campaign.id} AND i.active
    AND ${ledgerRowVisible(actor, 'i.unit_id', sql<number>`${campaign.region_id}::bigint`)}`;
}

export interface UnitPage {
  limit: number;
  offset: number;
  sort: UnitSort;
  q?: string;
}

function unitOrder(sort: UnitSort) {
  const percent = sql`(coalesce(s.done_w, 0) / nullif(s.owed_w, 0))`;
  return {
    percent_asc: sql`${percent} ASC NULLS LAST, s.overdue DESC, u.name`,
    percent_desc: sql`${percent} DESC NULLS LAST, u.name`,
    overdue_desc: sql`s.overdue DESC, ${percent} ASC NULLS LAST, u.name`,
    name: sql`u.name`,
  }[sort];
}

type UnitFigureRow = CompletionRow & { unit_id: number; name: string; full_count: number };

/** Completion per unit of a whole campaign, from the unit rollups and the unsettled instances. */
export async function unitsFromRollups(db: Executor, campaignId: number, today: string, page: UnitPage) {
  const nameFilter = page.q?.trim() ? sql`AND u.name ILIKE ${containsPattern(page.q)}` : sql``;
  const result = await sql<UnitFigureRow>`
    WITH r AS (
      SELECT unit_id, sum(n)::int AS total, (sum(n) FILTER (WHERE status = 'accepted'))::int AS accepted,
        (sum(n) FILTER (WHERE status = 'submitted'))::int AS submitted, sum(w) AS all_w,
        sum(w) FILTER (WHERE status = 'accepted') AS done_w
      FROM task_unit_rollups WHERE campaign_id = ${campaignId}
      GROUP BY unit_id HAVING sum(n) > 0
    ), t AS (
      SELECT i.unit_id, count(*)::int AS due_n, sum(i.weight) AS due_w,
        count(*) FILTER (WHERE i.due_on < ${today}::date AND i.status <> 'submitted')::int AS overdue_n
      FROM task_instances i WHERE i.campaign_id = ${campaignId} AND ${unsettledDue(today)}
      GROUP BY i.unit_id
    ), s AS (
      SELECT r.unit_id, r.total, coalesce(r.accepted, 0) + coalesce(t.due_n, 0) AS counted, coalesce(r.accepted, 0) AS accepted,
        coalesce(r.submitted, 0) AS submitted, coalesce(t.overdue_n, 0) AS overdue,
        coalesce(r.done_w, 0) + coalesce(t.due_w, 0) AS owed_w, r.done_w, r.all_w
      FROM r LEFT JOIN t ON t.unit_id = r.unit_id
    )
    SELECT s.*, u.name, count(*) OVER ()::int AS full_count
    FROM s JOIN units u ON u.id = s.unit_id
    WHERE true ${nameFilter}
    ORDER BY ${unitOrder(page.sort)}
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return result.rows;
}

/** Completion per unit from the instances the actor sees. */
export async function unitsDirect(db: Executor, actor: Actor, campaign: CampaignRow, today: string, page: UnitPage) {
  const nameFilter = page.q?.trim() ? sql`AND u.name ILIKE ${containsPattern(page.q)}` : sql``;
  const result = await sql<UnitFigureRow>`
    WITH s AS (
      SELECT i.unit_id, ${completionColumns(today)}
      FROM task_instances i WHERE ${overviewScope(actor, campaign)}
      GROUP BY i.unit_id
    )
    SELECT s.*, u.name, count(*) OVER ()::int AS full_count
    FROM s JOIN units u ON u.id = s.unit_id
    WHERE true ${nameFilter}
    ORDER BY ${unitOrder(page.sort)}
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return result.rows;
}

export async function duesByDay(
  db: Executor,
  actor: Actor,
  campaign: CampaignRow,
  range: { from: string; to: string },
  today: string,
) {
  const result = await sql<{ date: string; total: number; open: number; overdue: number }>`
    SELECT i.due_on AS date, count(*)::int AS total,
      count(*) FILTER (WHERE i.status NOT IN ('submitted', 'accepted'))::int AS open,
      count(*) FILTER (WHERE i.due_on < ${today}::date AND i.status NOT IN ('submitted', 'accepted'))::int AS overdue
    FROM task_instances i
    WHERE ${overviewScope(actor, campaign)} AND i.due_on BETWEEN ${range.from}::date AND ${range.to}::date
    GROUP BY i.due_on ORDER BY i.due_on`.execute(db);
  return result.rows;
}
