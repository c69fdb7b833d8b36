// SQL of campaigns: the scoped list and detail, scope rules and eligible units, documents,
// activities, themes, the completion aggregates of the overview, and the calendar. Reads go
// through the policy's predicates, so rows outside the actor's scope are simply not found.

import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
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
  today: string,
) {
  const where: Expression<SqlBool>[] = [sql`c.city_id = ${actor.cityId}`, campaignVisible(actor, 'c')];
  if (filter.status) where.push(sql`c.status = ${filter.status}`);
  if (filter.q?.trim()) where.push(sql`c.name ILIKE ${containsPattern(filter.q)}`);
  const cond = sql.join(where, sql` AND `);
  const rows = await sql<CampaignRow & CompletionRow & { task_count: number }>`
    SELECT ${campaignSelect}, s.*,
      (SELECT count(*)::int FROM campaign_tasks t WHERE t.campaign_id = c.id AND t.status = 'active'
         AND ${ledgerRowVisible(actor, 't.lead_unit_id', 'c.region_id')}) AS task_count
    FROM campaigns c
    JOIN regions r ON r.id = c.region_id
    LEFT JOIN groups g ON g.id = c.leading_group_id
    CROSS JOIN LATERAL (
      SELECT ${completionColumns(today)} FROM task_instances i
      WHERE i.campaign_id = c.id AND i.active AND ${ledgerRowVisible(actor, 'i.unit_id', 'c.region_id')}
    ) s
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

export async function campaignCompletion(db: Executor, actor: Actor, campaign: CampaignRow, today: string) {
  const result = await sql<CompletionRow & { task_count: number }>`
    SELECT ${completionColumns(today)}, count(DISTINCT i.task_id)::int AS task_count
    FROM task_instances i
    WHERE i.campaign_id = ${campaign.id} AND i.active
      AND ${ledgerRowVisible(actor, 'i.unit_id', sql<number>`${campaign.region_id}::bigint`)}`.execute(db);
  return result.rows[0];
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

export async function overviewByStatus(db: Executor, actor: Actor, campaign: CampaignRow, today: string) {
  const result = await sql<{ status: string; n: number }>`
    SELECT CASE WHEN i.due_on < ${today}::date AND i.status NOT IN ('submitted', 'accepted') THEN 'overdue' ELSE i.status END AS status,
      count(*)::int AS n
    FROM task_instances i WHERE ${overviewScope(actor, campaign)}
    GROUP BY 1`.execute(db);
  return result.rows;
}

export async function overviewByActivity(db: Executor, actor: Actor, campaign: CampaignRow, today: string) {
  const result = await sql<CompletionRow & { activity_id: number | null; name: string | null; sort: number | null }>`
    SELECT i.activity_id, a.name, a.sort, ${completionColumns(today)}
    FROM task_instances i LEFT JOIN campaign_activities a ON a.id = i.activity_id
    WHERE ${overviewScope(actor, campaign)}
    GROUP BY i.activity_id, a.name, a.sort
    ORDER BY a.sort NULLS LAST, i.activity_id NULLS LAST`.execute(db);
  return result.rows;
}

export async function overviewByMonth(db: Executor, actor: Actor, campaign: CampaignRow, today: string) {
  const result = await sql<CompletionRow & { month: string }>`
    SELECT to_char(i.due_on, 'YYYY-MM') AS month, ${completionColumns(today)}
    FROM task_instances i WHERE ${overviewScope(actor, campaign)}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return result.rows;
}

export type UnitSort = 'percent_asc' | 'percent_desc' | 'overdue_desc' | 'name';

export async function overviewByUnit(
  db: Executor,
  actor: Actor,
  campaign: CampaignRow,
  today: string,
  page: { limit: number; offset: number; sort: UnitSort; q?: string },
) {
  const percent = sql`(coalesce(s.done_w, 0) / nullif(s.owed_w, 0))`;
  const order = {
    percent_asc: sql`${percent} ASC NULLS LAST, s.overdue DESC, u.name`,
    percent_desc: sql`${percent} DESC NULLS LAST, u.name`,
    overdue_desc: sql`s.overdue DESC, ${percent} ASC NULLS LAST, u.name`,
    name: sql`u.name`,
  }[page.sort];
  const nameFilter = page.q?.trim() ? sql`AND u.name ILIKE ${containsPattern(page.q)}` : sql``;
  const result = await sql<CompletionRow & { unit_id: number; name: string; full_count: number }>`
    WITH s AS (
      SELECT i.unit_id, ${completionColumns(today)}
      FROM task_instances i WHERE ${overviewScope(actor, campaign)}
      GROUP BY i.unit_id
    )
    SELECT s.*, u.name, count(*) OVER ()::int AS full_count
    FROM s JOIN units u ON u.id = s.unit_id
    WHERE true ${nameFilter}
    ORDER BY ${order}
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return result.rows;
}

export async function countUnitsInOverview(
  db: Executor,
  actor: Actor,
  campaign: CampaignRow,
  q: string | undefined,
): Promise<number> {
  const nameFilter = q?.trim() ? sql`AND u.name ILIKE ${containsPattern(q)}` : sql``;
  const result = await sql<{ n: number }>`
    SELECT count(DISTINCT i.unit_id)::int AS n FROM task_instances i JOIN units u ON u.id = i.unit_id
    WHERE ${overviewScope(actor, campaign)} ${nameFilter}`.execute(db);
  return result.rows[0].n;
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
