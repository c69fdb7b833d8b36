// SQL shared by the canvass use cases: lookups, the household count, progress per assignment, and
// the "overdue answer" rule (the same rule the escalation job applies).

import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { assignmentVisible } from './canvass.policy.js';

/**
 * A household key of a visit: the building and door when the door was written down, else the
 * visit itself (a visit without a door counts as one household).
 */
export const HOUSEHOLD_KEY = sql`CASE WHEN v.household IS NOT NULL
  THEN coalesce(v.building_id, 0)::text || ':' || lower(v.household) ELSE 'v' || v.id::text END`;

/** SQL over a canvass_opinions row aliased `o`: it is overdue on `day`. */
export function overdueSql(day: string, alias = 'o'): RawBuilder<boolean> {
  const o = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<boolean>`((${o('status')} = 'routed' AND ${o('answer_due_on')} < ${day}::date)
    OR (${o('reply_kind')} = 'scheduled' AND ${o('reply_promised_on')} < ${day}::date))`;
}

export interface RegionRow {
  id: number;
  name: string;
  level: string;
  path: string;
  parent_name: string | null;
}

export async function findRegion(db: Executor, cityId: number, id: number): Promise<RegionRow | undefined> {
  const result = await sql<RegionRow>`
    SELECT r.id, r.name, r.level, r.path, p.name AS parent_name
    FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
    WHERE r.city_id = ${cityId} AND r.id = ${id}`.execute(db);
  return result.rows[0];
}

export async function findUnitRow(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'parent_id', 'region_id'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface DriveRow {
  id: number;
  city_id: number;
  region_id: number;
  region_name: string;
  region_path: string;
  campaign_id: number | null;
  campaign_name: string | null;
  name: string;
  description: string | null;
  starts_on: string;
  ends_on: string;
  kickoff_due_on: string | null;
  records_due_on: string | null;
  materials: string[];
  answer_days: number;
  escalate_every_days: number;
  status: string;
  created_at: Date;
}

export const DRIVE_SELECT = sql`d.id, d.city_id, d.region_id, r.name AS region_name, r.path AS region_path,
  d.campaign_id, c.name AS campaign_name, d.name, d.description, d.starts_on, d.ends_on, d.kickoff_due_on,
  d.records_due_on, d.materials, d.answer_days, d.escalate_every_days, d.status, d.created_at`;
export const DRIVE_FROM = sql`canvass_drives d JOIN regions r ON r.id = d.region_id
  LEFT JOIN campaigns c ON c.id = d.campaign_id`;

export interface AssignmentProgressRow {
  id: number;
  drive_id: number;
  unit_id: number;
  unit_name: string;
  unit_parent_id: number | null;
  community_id: number;
  community_name: string;
  street_name: string | null;
  target_households: number;
  kicked_off_on: string | null;
  note: string | null;
  visits: number;
  households: number;
  opinions: number;
  kickoff_late: boolean;
  records_late: boolean;
}

/**
 * Assignments visible to the actor with their visit figures and late flags on `day`. Late: the
 * kick-off date passed without a kick-off, or the records date passed short of the target.
 */
export async function assignmentProgress(
  db: Executor,
  actor: Actor,
  day: string,
  filter: {
    driveIds?: number[];
    ids?: number[];
    unitId?: number;
    communityId?: number;
    late?: boolean;
    q?: string;
    limit?: number;
    offset?: number;
  },
): Promise<{ rows: AssignmentProgressRow[]; total: number }> {
  const where: Expression<SqlBool>[] = [sql`a.city_id = ${actor.cityId}`, assignmentVisible(actor, 'a')];
  if (filter.driveIds) where.push(sql`a.drive_id = ANY(${filter.driveIds}::bigint[])`);
  if (filter.ids) where.push(sql`a.id = ANY(${filter.ids}::bigint[])`);
  if (filter.unitId) where.push(sql`a.unit_id = ${filter.unitId}`);
  if (filter.communityId) where.push(sql`a.community_id = ${filter.communityId}`);
  if (filter.q?.trim()) {
    const like = '%' + filter.q.trim() + '%';
    where.push(sql`(u.name ILIKE ${like} OR cm.name ILIKE ${like})`);
  }
  const late = sql`(d.kickoff_due_on < ${day}::date AND a.kicked_off_on IS NULL)`;
  const recordsLate = sql`(d.records_due_on < ${day}::date AND coalesce(f.households, 0) < a.target_households)`;
  const lateFilter =
    filter.late === undefined
      ? sql`true`
      : filter.late
        ? sql`(${late} OR ${recordsLate})`
        : sql`NOT (${late} OR ${recordsLate})`;
  const base = sql`
    FROM canvass_assignments a
    JOIN canvass_drives d ON d.id = a.drive_id
    JOIN units u ON u.id = a.unit_id
    JOIN regions cm ON cm.id = a.community_id
    LEFT JOIN regions st ON st.id = cm.parent_id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS visits, count(DISTINCT ${HOUSEHOLD_KEY})::int AS households
      FROM canvass_visits v WHERE v.assignment_id = a.id
    ) f ON true
    WHERE ${sql.join(where, sql` AND `)} AND ${lateFilter}`;
  const rows = await sql<AssignmentProgressRow>`
    SELECT a.id, a.drive_id, a.unit_id, u.name AS unit_name, u.parent_id AS unit_parent_id, a.community_id,
      cm.name AS community_name, st.name AS street_name, a.target_households, a.kicked_off_on, a.note,
      coalesce(f.visits, 0) AS visits, coalesce(f.households, 0) AS households,
      (SELECT count(*)::int FROM canvass_opinions o JOIN canvass_visits ov ON ov.id = o.visit_id
        WHERE ov.assignment_id = a.id) AS opinions,
      ${late} AS kickoff_late, ${recordsLate} AS records_late
    ${base}
    ORDER BY u.name, cm.name, a.id
    ${filter.limit ? sql`LIMIT ${filter.limit} OFFSET ${filter.offset ?? 0}` : sql``}`.execute(db);
  const total =
    filter.limit === undefined
      ? rows.rows.length
      : (await sql<{ n: number }>`SELECT count(*)::int AS n ${base}`.execute(db)).rows[0].n;
  return { rows: rows.rows, total };
}

export interface BuildingProgressRow {
  id: number;
  assignment_id: number;
  name: string;
  target_households: number;
  households: number;
  opinions: number;
}

export async function buildingProgress(db: Executor, assignmentIds: number[]): Promise<BuildingProgressRow[]> {
  if (assignmentIds.length === 0) return [];
  const result = await sql<BuildingProgressRow>`
    SELECT b.id, b.assignment_id, b.name, b.target_households,
      (SELECT count(DISTINCT ${HOUSEHOLD_KEY})::int FROM canvass_visits v WHERE v.building_id = b.id) AS households,
      (SELECT count(*)::int FROM canvass_opinions o JOIN canvass_visits ov ON ov.id = o.visit_id
        WHERE ov.building_id = b.id) AS opinions
    FROM canvass_buildings b
    WHERE b.assignment_id = ANY(${assignmentIds}::bigint[])
    ORDER BY b.assignment_id, b.sort, b.id`.execute(db);
  return result.rows;
}
