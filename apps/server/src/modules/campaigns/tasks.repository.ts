// SQL of the work ledger: tasks (set-based bulk inserts), their dated instances, the scoped task
// and instance lists with completion, reports per instance, and the append-only task log. Every
// read goes through `ledgerRowVisible`, so rows outside the actor's scope are not found.

import { sql, type Expression, type SqlBool } from 'kysely';
import type { TaskListState } from '@cc/common/campaigns';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { containsPattern } from '../organisation/index.js';
import { ledgerRowVisible } from './campaigns.policy.js';
import { completionColumns, type CompletionRow } from './campaigns.repository.js';

/**
 * Instances still to be reported, written as the positive list the partial indexes are declared
 * with (the planner matches `IN (…)`, not `NOT IN ('submitted', 'accepted')`).
 */
const OPEN = sql`('not_started', 'in_progress', 'returned')`;

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

export async function nextBatchId(db: Executor): Promise<number> {
  const result = await sql<{ id: number }>`SELECT nextval('campaign_task_batches') AS id`.execute(db);
  return Number(result.rows[0].id);
}

export interface NewTask {
  activityId: number | null;
  sourceClause: string | null;
  content: string;
  standard: string | null;
  leadUnitId: number;
  cooperatingUnitIds: number[];
  responsibleName: string | null;
  recurrence: string;
  dueOn: string | null;
  repeatFrom: string | null;
  repeatUntil: string | null;
  repeatDay: number | null;
  evidencePhotos: number;
  evidenceFiles: number;
  metricName: string | null;
  metricUnit: string | null;
  weight: number;
  note: string | null;
}

/** Inserts tasks in one statement; answers their ids in input order. */
export async function insertTasks(
  db: Executor,
  cityId: number,
  campaignId: number,
  batchId: number,
  tasks: NewTask[],
  by: number | null,
  now: Date,
): Promise<number[]> {
  const col = <K extends keyof NewTask>(key: K) => tasks.map((t) => t[key]);
  const result = await sql<{ id: number }>`
    INSERT INTO campaign_tasks (city_id, campaign_id, batch_id, activity_id, source_clause, content, standard,
      lead_unit_id, cooperating_unit_ids, responsible_name, recurrence, due_on, repeat_from, repeat_until, repeat_day,
      evidence_photos, evidence_files, metric_name, metric_unit, weight, note, created_by, created_at, updated_at)
    SELECT ${cityId}, ${campaignId}, ${batchId}, a, sc, c, st, lu, coalesce(string_to_array(nullif(cu, ''), ',')::bigint[], '{}'), rn,
      rc, d::date, rf::date, ru::date, rd, ep, ef, mn, mu, w, n, ${by}, ${now}, ${now}
    FROM unnest(${col('activityId')}::bigint[], ${col('sourceClause')}::text[], ${col('content')}::text[],
      ${col('standard')}::text[], ${col('leadUnitId')}::bigint[], ${tasks.map((t) => t.cooperatingUnitIds.join(','))}::text[],
      ${col('responsibleName')}::text[], ${col('recurrence')}::text[], ${col('dueOn')}::text[],
      ${col('repeatFrom')}::text[], ${col('repeatUntil')}::text[], ${col('repeatDay')}::int[],
      ${col('evidencePhotos')}::int[], ${col('evidenceFiles')}::int[], ${col('metricName')}::text[],
      ${col('metricUnit')}::text[], ${col('weight')}::numeric[], ${col('note')}::text[])
      WITH ORDINALITY AS x(a, sc, c, st, lu, cu, rn, rc, d, rf, ru, rd, ep, ef, mn, mu, w, n, ord)
    ORDER BY ord
    RETURNING id`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

export interface NewInstance {
  taskId: number;
  activityId: number | null;
  unitId: number;
  weight: number;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  label: string;
}

export async function insertInstances(
  db: Executor,
  cityId: number,
  campaignId: number,
  rows: NewInstance[],
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof NewInstance>(key: K) => rows.map((r) => r[key]);
  const result = await sql`
    INSERT INTO task_instances (city_id, campaign_id, task_id, activity_id, unit_id, weight, period_start, period_end,
      due_on, label, updated_at)
    SELECT ${cityId}, ${campaignId}, t, a, u, w, ps::date, pe::date, d::date, l, ${now}
    FROM unnest(${col('taskId')}::bigint[], ${col('activityId')}::bigint[], ${col('unitId')}::bigint[],
      ${col('weight')}::numeric[], ${col('periodStart')}::text[], ${col('periodEnd')}::text[], ${col('dueOn')}::text[],
      ${col('label')}::text[]) AS x(t, a, u, w, ps, pe, d, l)
    RETURNING 1`.execute(db);
  return result.rows.length;
}

export interface NewLog {
  taskId: number;
  instanceId: number | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  data: unknown;
}

export async function insertLogs(
  db: Executor,
  cityId: number,
  actor: { id: number | null; name: string | null },
  rows: NewLog[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof NewLog>(key: K) => rows.map((r) => r[key]);
  await sql`
    INSERT INTO task_logs (city_id, task_id, instance_id, at, actor_id, actor_name, action, from_status, to_status, note, data)
    SELECT ${cityId}, t, i, ${at}, ${actor.id}, ${actor.name}, a, f, s, n, d::jsonb
    FROM unnest(${col('taskId')}::bigint[], ${col('instanceId')}::bigint[], ${col('action')}::text[],
      ${col('fromStatus')}::text[], ${col('toStatus')}::text[], ${col('note')}::text[],
      ${rows.map((r) => (r.data === undefined || r.data === null ? null : JSON.stringify(r.data)))}::text[])
      AS x(t, i, a, f, s, n, d)`.execute(db);
}

export interface TaskValues {
  activity_id?: number | null;
  source_clause?: string | null;
  content?: string;
  standard?: string | null;
  lead_unit_id?: number;
  cooperating_unit_ids?: number[];
  responsible_name?: string | null;
  recurrence?: string;
  due_on?: string | null;
  repeat_from?: string | null;
  repeat_until?: string | null;
  repeat_day?: number | null;
  evidence_photos?: number;
  evidence_files?: number;
  metric_name?: string | null;
  metric_unit?: string | null;
  weight?: number;
  note?: string | null;
  status?: string;
}

export async function updateTask(db: Executor, id: number, values: TaskValues, now: Date) {
  await db
    .updateTable('campaign_tasks')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Copies the task's weight and activity onto its active instances (the overview reads them there). */
export async function syncInstances(
  db: Executor,
  taskId: number,
  values: { weight?: number; activityId?: number | null },
) {
  const set: { weight?: number; activity_id?: number | null } = {};
  if (values.weight !== undefined) set.weight = values.weight;
  if (values.activityId !== undefined) set.activity_id = values.activityId;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('task_instances').set(set).where('task_id', '=', taskId).execute();
}

export async function deactivateInstances(db: Executor, taskId: number, now: Date) {
  await db
    .updateTable('task_instances')
    .set({ active: false, updated_at: now })
    .where('task_id', '=', taskId)
    .where('active', '=', true)
    .execute();
}

export async function taskHasReports(db: Executor, taskId: number): Promise<boolean> {
  const result = await sql<{ ok: boolean }>`
    SELECT EXISTS (SELECT 1 FROM task_reports r JOIN task_instances i ON i.id = r.instance_id
                   WHERE i.task_id = ${taskId} AND i.active) AS ok`.execute(db);
  return result.rows[0].ok;
}

// ---------------------------------------------------------------------------------------------
// Tasks: list and detail
// ---------------------------------------------------------------------------------------------

export interface TaskRow extends CompletionRow {
  id: number;
  city_id: number;
  campaign_id: number;
  campaign_name: string;
  campaign_region_path: string;
  campaign_status: string;
  campaign_starts_on: string;
  campaign_ends_on: string;
  activity_id: number | null;
  activity_name: string | null;
  batch_id: number;
  source_clause: string | null;
  content: string;
  standard: string | null;
  lead_unit_id: number;
  lead_unit_name: string;
  cooperating_unit_ids: number[];
  responsible_name: string | null;
  recurrence: string;
  due_on: string | null;
  repeat_from: string | null;
  repeat_until: string | null;
  repeat_day: number | null;
  evidence_photos: number;
  evidence_files: number;
  metric_name: string | null;
  metric_unit: string | null;
  weight: number;
  note: string | null;
  status: string;
  created_at: Date;
  next_due_on: string | null;
}

export interface TaskFilter {
  campaignId?: number;
  activityId?: number;
  unitId?: number;
  batchId?: number;
  state?: TaskListState;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

function taskWhere(actor: Actor, f: TaskFilter, today: string): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [
    sql`t.city_id = ${actor.cityId}`,
    ledgerRowVisible(actor, 't.lead_unit_id', 'c.region_id'),
    f.state === 'cancelled' ? sql`t.status = 'cancelled'` : sql`t.status = 'active'`,
  ];
  if (f.campaignId) where.push(sql`t.campaign_id = ${f.campaignId}`);
  if (f.activityId) where.push(sql`t.activity_id = ${f.activityId}`);
  if (f.unitId) where.push(sql`t.lead_unit_id = ${f.unitId}`);
  if (f.batchId) where.push(sql`t.batch_id = ${f.batchId}`);
  const anyInstance = (cond: Expression<SqlBool>) =>
    sql<SqlBool>`EXISTS (SELECT 1 FROM task_instances fi WHERE fi.task_id = t.id AND fi.active AND ${cond})`;
  if (f.state === 'open') where.push(anyInstance(sql`fi.status IN ${OPEN}`));
  if (f.state === 'overdue') where.push(anyInstance(sql`fi.due_on < ${today}::date AND fi.status IN ${OPEN}`));
  if (f.state === 'submitted') where.push(anyInstance(sql`fi.status = 'submitted'`));
  if (f.state === 'done') where.push(sql`NOT ${anyInstance(sql`fi.status <> 'accepted'`)}`);
  if (f.dueFrom || f.dueTo) {
    where.push(
      anyInstance(sql`fi.due_on BETWEEN ${f.dueFrom ?? '0001-01-01'}::date AND ${f.dueTo ?? '9999-12-31'}::date`),
    );
  }
  if (f.q?.trim()) {
    const p = containsPattern(f.q);
    where.push(
      sql`(t.content ILIKE ${p} OR t.standard ILIKE ${p} OR t.source_clause ILIKE ${p} OR lu.name ILIKE ${p})`,
    );
  }
  return sql.join(where, sql` AND `);
}

const taskFrom = sql`campaign_tasks t
  JOIN campaigns c ON c.id = t.campaign_id
  JOIN regions cr ON cr.id = c.region_id
  JOIN units lu ON lu.id = t.lead_unit_id
  LEFT JOIN campaign_activities a ON a.id = t.activity_id`;

const taskSelect = sql`t.id, t.city_id, t.campaign_id, c.name AS campaign_name, cr.path AS campaign_region_path,
  c.status AS campaign_status, c.starts_on AS campaign_starts_on, c.ends_on AS campaign_ends_on,
  t.activity_id, a.name AS activity_name, t.batch_id, t.source_clause, t.content, t.standard, t.lead_unit_id,
  lu.name AS lead_unit_name, t.cooperating_unit_ids, t.responsible_name, t.recurrence, t.due_on, t.repeat_from,
  t.repeat_until, t.repeat_day, t.evidence_photos, t.evidence_files, t.metric_name, t.metric_unit, t.weight, t.note,
  t.status, t.created_at, s.*,
  (SELECT min(ni.due_on) FROM task_instances ni WHERE ni.task_id = t.id AND ni.active
     AND ni.status IN ('not_started', 'in_progress', 'returned')) AS next_due_on`;

function taskStats(today: string) {
  return sql`CROSS JOIN LATERAL (
      SELECT ${completionColumns(today)} FROM task_instances i WHERE i.task_id = t.id AND i.active
    ) s`;
}

export async function listTasks(
  db: Executor,
  actor: Actor,
  filter: TaskFilter,
  page: { limit: number; offset: number },
  today: string,
): Promise<{ rows: TaskRow[]; total: number }> {
  const where = taskWhere(actor, filter, today);
  const rows = await sql<TaskRow>`
    SELECT ${taskSelect} FROM ${taskFrom} ${taskStats(today)}
    WHERE ${where}
    ORDER BY t.campaign_id DESC, a.sort NULLS LAST, t.activity_id NULLS LAST, t.batch_id, lu.name, t.id
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${taskFrom} WHERE ${where}`.execute(db);
  return { rows: rows.rows, total: count.rows[0].n };
}

export async function findTask(db: Executor, actor: Actor, id: number, today: string, lock = false) {
  const result = await sql<TaskRow>`
    SELECT ${taskSelect} FROM ${taskFrom} ${taskStats(today)}
    WHERE t.city_id = ${actor.cityId} AND t.id = ${id} AND ${ledgerRowVisible(actor, 't.lead_unit_id', 'c.region_id')}
    ${lock ? sql`FOR UPDATE OF t` : sql``}`.execute(db);
  return result.rows[0];
}

// ---------------------------------------------------------------------------------------------
// Instances
// ---------------------------------------------------------------------------------------------

export interface InstanceRow {
  id: number;
  task_id: number;
  campaign_id: number;
  campaign_name: string;
  campaign_region_path: string;
  campaign_status: string;
  task_status: string;
  activity_name: string | null;
  content: string;
  standard: string | null;
  source_clause: string | null;
  responsible_name: string | null;
  cooperating_unit_ids: number[];
  unit_id: number;
  unit_name: string;
  unit_parent_id: number | null;
  label: string;
  period_start: string;
  period_end: string;
  due_on: string;
  status: string;
  submitted_at: Date | null;
  accepted_at: Date | null;
  returned_at: Date | null;
  return_count: number;
  escalation_count: number;
  evidence_photos: number;
  evidence_files: number;
  metric_name: string | null;
  metric_unit: string | null;
  weight: number;
  campaign_created_by: number | null;
}

const instanceSelect = sql`i.id, i.task_id, i.campaign_id, c.name AS campaign_name, cr.path AS campaign_region_path,
  c.status AS campaign_status, t.status AS task_status, a.name AS activity_name, t.content, t.standard, t.source_clause,
  t.responsible_name, t.cooperating_unit_ids, i.unit_id, u.name AS unit_name, u.parent_id AS unit_parent_id, i.label,
  i.period_start, i.period_end, i.due_on, i.status, i.submitted_at, i.accepted_at, i.returned_at, i.return_count,
  i.escalation_count, t.evidence_photos, t.evidence_files, t.metric_name, t.metric_unit, i.weight,
  c.created_by AS campaign_created_by`;

const instanceFrom = sql`task_instances i
  JOIN campaign_tasks t ON t.id = i.task_id
  JOIN campaigns c ON c.id = i.campaign_id
  JOIN regions cr ON cr.id = c.region_id
  JOIN units u ON u.id = i.unit_id
  LEFT JOIN campaign_activities a ON a.id = i.activity_id`;

export interface InstanceFilter {
  campaignId?: number;
  taskId?: number;
  activityId?: number;
  unitId?: number;
  statuses?: string[];
  open?: boolean;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

function instanceWhere(actor: Actor, f: InstanceFilter, today: string): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [
    sql`i.city_id = ${actor.cityId}`,
    sql`i.active`,
    ledgerRowVisible(actor, 'i.unit_id', 'c.region_id'),
  ];
  if (f.campaignId) where.push(sql`i.campaign_id = ${f.campaignId}`);
  if (f.taskId) where.push(sql`i.task_id = ${f.taskId}`);
  if (f.activityId) where.push(sql`i.activity_id = ${f.activityId}`);
  if (f.unitId) where.push(sql`i.unit_id = ${f.unitId}`);
  if (f.open) where.push(sql`i.status IN ${OPEN}`);
  if (f.statuses && f.statuses.length > 0) {
    const stored = f.statuses.filter((s) => s !== 'overdue');
    const parts: Expression<SqlBool>[] = [];
    if (f.statuses.includes('overdue')) parts.push(sql`(i.due_on < ${today}::date AND i.status IN ${OPEN})`);
    // A stored open status shown as 'overdue' is not what a filter on that status means.
    if (stored.length > 0)
      parts.push(sql`(i.status = ANY(${stored}::text[]) AND NOT (i.due_on < ${today}::date AND i.status IN ${OPEN}))`);
    where.push(sql`(${sql.join(parts, sql` OR `)})`);
  }
  if (f.dueFrom) where.push(sql`i.due_on >= ${f.dueFrom}::date`);
  if (f.dueTo) where.push(sql`i.due_on <= ${f.dueTo}::date`);
  if (f.q?.trim()) {
    const p = containsPattern(f.q);
    where.push(sql`(t.content ILIKE ${p} OR u.name ILIKE ${p} OR c.name ILIKE ${p})`);
  }
  return sql.join(where, sql` AND `);
}

export async function listInstances(
  db: Executor,
  actor: Actor,
  filter: InstanceFilter,
  page: { limit: number; offset: number },
  today: string,
): Promise<{ rows: InstanceRow[]; total: number }> {
  const where = instanceWhere(actor, filter, today);
  const rows = await sql<InstanceRow>`
    SELECT ${instanceSelect} FROM ${instanceFrom} WHERE ${where}
    ORDER BY i.due_on, i.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  // The count joins only what the filters read.
  const countFrom = filter.q?.trim() ? instanceFrom : sql`task_instances i JOIN campaigns c ON c.id = i.campaign_id`;
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${countFrom} WHERE ${where}`.execute(db);
  return { rows: rows.rows, total: count.rows[0].n };
}

export async function findInstance(db: Executor, actor: Actor, id: number, lock = false) {
  const result = await sql<InstanceRow>`
    SELECT ${instanceSelect} FROM ${instanceFrom}
    WHERE i.city_id = ${actor.cityId} AND i.id = ${id} AND i.active
      AND ${ledgerRowVisible(actor, 'i.unit_id', 'c.region_id')}
    ${lock ? sql`FOR UPDATE OF i` : sql``}`.execute(db);
  return result.rows[0];
}

/** The one active instance of each given (once) task, for the ledger's 完成情况 column. */
export async function singleInstances(db: Executor, taskIds: number[]) {
  if (taskIds.length === 0) return new Map<number, { status: string; due_on: string; accepted_at: Date | null }>();
  const result = await sql<{ task_id: number; status: string; due_on: string; accepted_at: Date | null }>`
    SELECT DISTINCT ON (task_id) task_id, status, due_on, accepted_at FROM task_instances
    WHERE task_id = ANY(${taskIds}::bigint[]) AND active ORDER BY task_id, due_on`.execute(db);
  return new Map(result.rows.map((r) => [r.task_id, r]));
}

export async function listTaskInstances(db: Executor, taskId: number) {
  const result = await sql<InstanceRow>`
    SELECT ${instanceSelect} FROM ${instanceFrom} WHERE i.task_id = ${taskId} AND i.active ORDER BY i.due_on, i.id`.execute(
    db,
  );
  return result.rows;
}

export interface InstanceChange {
  status: string;
  submitted_at?: Date;
  accepted_at?: Date;
  returned_at?: Date;
  return_count?: number;
}

export async function updateInstance(db: Executor, id: number, change: InstanceChange, now: Date) {
  await db
    .updateTable('task_instances')
    .set({ ...change, updated_at: now })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Reports and log
// ---------------------------------------------------------------------------------------------

export function listReports(db: Executor, instanceId: number) {
  return db
    .selectFrom('task_reports')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('id', 'desc')
    .execute();
}

export interface ReportContent {
  body: string | null;
  metric_value: number | null;
  photos: string[];
  files: string[];
  event_ids: number[];
}

export async function insertReport(
  db: Executor,
  cityId: number,
  instanceId: number,
  status: 'draft' | 'submitted',
  content: ReportContent,
  by: { id: number; name: string },
  now: Date,
) {
  const row = await db
    .insertInto('task_reports')
    .values({
      city_id: cityId,
      instance_id: instanceId,
      status,
      ...content,
      created_by: by.id,
      created_by_name: by.name,
      created_at: now,
      updated_at: now,
      submitted_at: status === 'submitted' ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReport(
  db: Executor,
  id: number,
  values: Partial<ReportContent> & {
    status?: string;
    submitted_at?: Date;
    reviewed_by?: number;
    reviewed_by_name?: string;
    reviewed_at?: Date;
    review_note?: string | null;
  },
  now: Date,
) {
  await db
    .updateTable('task_reports')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export function listTaskLog(db: Executor, taskId: number, instanceId?: number) {
  let q = db
    .selectFrom('task_logs as l')
    .leftJoin('task_instances as i', 'i.id', 'l.instance_id')
    .select([
      'l.id',
      'l.at',
      'l.instance_id',
      'i.label',
      'l.actor_name',
      'l.action',
      'l.from_status',
      'l.to_status',
      'l.note',
      'l.data',
    ])
    .where('l.task_id', '=', taskId);
  if (instanceId !== undefined)
    q = q.where((eb) => eb.or([eb('l.instance_id', '=', instanceId), eb('l.instance_id', 'is', null)]));
  return q.orderBy('l.id', 'desc').limit(500).execute();
}

/** Active staff accounts of the given units (who gets in-app reminders and review results). */
export async function findUnitStaff(db: Executor, cityId: number, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  const result = await sql<{ id: number; unit_id: number }>`
    SELECT id, unit_id FROM users
    WHERE city_id = ${cityId} AND unit_id = ANY(${unitIds}::bigint[]) AND status = 'active' AND 'unit_staff' = ANY(roles)`.execute(
    db,
  );
  return result.rows;
}
