// SQL of inspection rounds and inspections: rounds (scoped list, detail, progress), the candidate
// sites of a draw, inspections (set-based creation and assignment, scoped lists, one with its
// results and photos), submission writes, rollups of a round, and failed results still without a
// case.

import { sql, type Expression, type SqlBool } from 'kysely';
import type { RollupDimension } from '@cc/common/inspections';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { containsPattern } from '../organisation/index.js';
import { inspectionVisible, roundVisible } from './inspections.policy.js';

// ---------------------------------------------------------------------------------------------
// Rounds
// ---------------------------------------------------------------------------------------------

export interface RoundRow {
  id: number;
  city_id: number;
  region_id: number;
  region_name: string;
  region_path: string;
  campaign_id: number | null;
  campaign_name: string | null;
  name: string;
  starts_on: string;
  ends_on: string;
  status: string;
  draw_seed: number | string;
  criteria: unknown;
  created_at: Date;
}

const roundSelect = sql`r.id, r.city_id, r.region_id, rg.name AS region_name, rg.path AS region_path, r.campaign_id,
  c.name AS campaign_name, r.name, r.starts_on, r.ends_on, r.status, r.draw_seed::text AS draw_seed, r.criteria, r.created_at`;
const roundFrom = sql`inspection_rounds r JOIN regions rg ON rg.id = r.region_id LEFT JOIN campaigns c ON c.id = r.campaign_id`;

export interface RoundStats {
  round_id: number;
  total: number;
  submitted: number;
  average: number | null;
  failed: number;
}

export async function listRounds(
  db: Executor,
  actor: Actor,
  filter: { status?: string; q?: string },
  page: { limit: number; offset: number },
) {
  const where: Expression<SqlBool>[] = [sql`r.city_id = ${actor.cityId}`, roundVisible(actor, 'r')];
  if (filter.status) where.push(sql`r.status = ${filter.status}`);
  if (filter.q?.trim()) where.push(sql`r.name ILIKE ${containsPattern(filter.q)}`);
  const cond = sql.join(where, sql` AND `);
  const rows = await sql<RoundRow>`
    SELECT ${roundSelect} FROM ${roundFrom} WHERE ${cond}
    ORDER BY r.starts_on DESC, r.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM inspection_rounds r WHERE ${cond}`.execute(db);
  return { rows: rows.rows, total: count.rows[0].n };
}

export async function findRound(db: Executor, actor: Actor, id: number, lock = false) {
  const result = await sql<RoundRow>`
    SELECT ${roundSelect} FROM ${roundFrom}
    WHERE r.city_id = ${actor.cityId} AND r.id = ${id} AND ${roundVisible(actor, 'r')}
    ${lock ? sql`FOR UPDATE OF r` : sql``}`.execute(db);
  return result.rows[0];
}

/** Progress of rounds over the inspections the actor sees. */
export async function roundStats(db: Executor, actor: Actor, roundIds: number[]): Promise<Map<number, RoundStats>> {
  if (roundIds.length === 0) return new Map();
  const result = await sql<RoundStats>`
    SELECT i.round_id, count(*)::int AS total, count(*) FILTER (WHERE i.status = 'submitted')::int AS submitted,
      round(avg(i.score) FILTER (WHERE i.status = 'submitted'), 1)::float8 AS average,
      coalesce(sum(i.failed) FILTER (WHERE i.status = 'submitted'), 0)::int AS failed
    FROM inspections i WHERE i.round_id = ANY(${roundIds}::bigint[]) AND ${inspectionVisible(actor, 'i')}
    GROUP BY i.round_id`.execute(db);
  return new Map(result.rows.map((r) => [r.round_id, r]));
}

export async function roundByType(db: Executor, actor: Actor, roundId: number) {
  const result = await sql<{ type_code: string; total: number }>`
    SELECT i.type_code, count(*)::int AS total FROM inspections i
    WHERE i.round_id = ${roundId} AND ${inspectionVisible(actor, 'i')} GROUP BY i.type_code ORDER BY i.type_code`.execute(
    db,
  );
  return result.rows;
}

export async function roundInspectors(db: Executor, actor: Actor, roundId: number) {
  const result = await sql<{ user_id: number | null; name: string | null; assigned: number; submitted: number }>`
    SELECT i.inspector_id AS user_id, u.display_name AS name, count(*)::int AS assigned,
      count(*) FILTER (WHERE i.status = 'submitted')::int AS submitted
    FROM inspections i LEFT JOIN users u ON u.id = i.inspector_id
    WHERE i.round_id = ${roundId} AND ${inspectionVisible(actor, 'i')}
    GROUP BY i.inspector_id, u.display_name ORDER BY u.display_name NULLS LAST`.execute(db);
  return result.rows;
}

export async function insertRound(
  db: Executor,
  cityId: number,
  values: {
    region_id: number;
    campaign_id: number | null;
    name: string;
    starts_on: string;
    ends_on: string;
    draw_seed: string;
    criteria: string;
  },
  by: number,
  now: Date,
) {
  const result = await sql<{ id: number }>`
    INSERT INTO inspection_rounds (city_id, region_id, campaign_id, name, starts_on, ends_on, draw_seed, criteria, created_by,
      created_at, updated_at)
    VALUES (${cityId}, ${values.region_id}, ${values.campaign_id}, ${values.name}, ${values.starts_on}::date, ${values.ends_on}::date,
      ${values.draw_seed}::bigint, ${values.criteria}::jsonb, ${by}, ${now}, ${now})
    RETURNING id`.execute(db);
  return result.rows[0].id;
}

export async function setRoundStatus(db: Executor, id: number, status: 'open' | 'closed', now: Date) {
  await db
    .updateTable('inspection_rounds')
    .set({ status, updated_at: now, ...(status === 'open' ? { opened_at: now } : { closed_at: now }) })
    .where('id', '=', id)
    .execute();
}

/** Active sites of the given types, in the owner's region (and the chosen regions), by type and id. */
export async function candidateSites(
  db: Executor,
  cityId: number,
  filter: { typeCodes: string[]; ownerPath: string; regionPaths: string[] },
) {
  const regionCond =
    filter.regionPaths.length > 0
      ? sql`AND EXISTS (SELECT 1 FROM unnest(${filter.regionPaths}::text[]) AS p(path) WHERE r.path LIKE p.path || '%')`
      : sql``;
  const result = await sql<{ id: number; type_code: string }>`
    SELECT s.id, s.type_code FROM sites s LEFT JOIN regions r ON r.id = s.region_id
    WHERE s.city_id = ${cityId} AND s.active AND s.type_code = ANY(${filter.typeCodes}::text[])
      AND (r.path LIKE ${filter.ownerPath + '%'} OR (s.region_id IS NULL AND ${filter.ownerPath.split('/').length <= 3}))
      ${regionCond}
    ORDER BY s.type_code, s.id`.execute(db);
  return result.rows;
}

/** One inspection per drawn site, with the site's type, region and unit as they are now. */
export async function insertRoundInspections(
  db: Executor,
  cityId: number,
  roundId: number,
  siteIds: number[],
  now: Date,
) {
  if (siteIds.length === 0) return 0;
  const result = await sql`
    INSERT INTO inspections (city_id, kind, round_id, site_id, type_code, region_id, unit_id, created_at, updated_at)
    SELECT ${cityId}, 'round', ${roundId}, s.id, s.type_code, s.region_id, s.unit_id, ${now}, ${now}
    FROM sites s WHERE s.id = ANY(${siteIds}::bigint[])
    RETURNING 1`.execute(db);
  return result.rows.length;
}

/** Unassigned (or the given) inspections of a round, ordered by place so neighbours go together. */
export async function inspectionsToAssign(db: Executor, roundId: number, ids: number[] | undefined) {
  const result = await sql<{ id: number }>`
    SELECT i.id FROM inspections i LEFT JOIN regions r ON r.id = i.region_id
    WHERE i.round_id = ${roundId} AND i.status <> 'submitted'
      AND ${ids ? sql`i.id = ANY(${ids}::bigint[])` : sql`i.inspector_id IS NULL`}
    ORDER BY r.path NULLS LAST, i.type_code, i.site_id`.execute(db);
  return result.rows.map((r) => r.id);
}

export async function assignInspections(db: Executor, ids: number[], inspectorIds: number[], now: Date) {
  if (ids.length === 0) return;
  await sql`
    UPDATE inspections i SET inspector_id = x.inspector, updated_at = ${now}
    FROM unnest(${ids}::bigint[], ${inspectorIds}::bigint[]) AS x(id, inspector)
    WHERE i.id = x.id`.execute(db);
}

/** Users of the city who may inspect (by role) and whom the actor sees (same region subtree). */
export async function findInspectors(db: Executor, actor: Actor, roles: string[], ids?: number[]) {
  const scope = actor.regionPath
    ? sql`(u.region_id IS NULL OR u.region_id IN (SELECT x.id FROM regions x WHERE x.path LIKE ${actor.regionPath + '%'})
          OR ${actor.regionPath} LIKE (SELECT y.path FROM regions y WHERE y.id = u.region_id) || '%')`
    : sql`false`;
  const result = await sql<{ id: number; name: string }>`
    SELECT u.id, u.display_name AS name FROM users u
    WHERE u.city_id = ${actor.cityId} AND u.status = 'active' AND u.roles && ${roles}::text[] AND ${scope}
      ${ids ? sql`AND u.id = ANY(${ids}::bigint[])` : sql``}
    ORDER BY u.display_name`.execute(db);
  return result.rows;
}

// ---------------------------------------------------------------------------------------------
// Inspections
// ---------------------------------------------------------------------------------------------

export interface InspectionRow {
  id: number;
  city_id: number;
  kind: string;
  round_id: number | null;
  round_name: string | null;
  round_status: string | null;
  round_region_path: string | null;
  round_campaign_id: number | null;
  ends_on: string | null;
  origin_case_id: number | null;
  site_id: number;
  site_name: string;
  site_address: string | null;
  site_lng: number | null;
  site_lat: number | null;
  type_code: string;
  region_id: number | null;
  region_name: string | null;
  unit_id: number | null;
  unit_name: string | null;
  inspector_id: number | null;
  inspector_name: string | null;
  status: string;
  draft: unknown;
  phase: string | null;
  earned: number | null;
  applicable: number | null;
  score: number | null;
  failed: number | null;
  idempotency_key: string | null;
  submitted_at: Date | null;
}

const inspectionSelect = sql`i.id, i.city_id, i.kind, i.round_id, r.name AS round_name, r.status AS round_status,
  rg.path AS round_region_path, r.campaign_id AS round_campaign_id, r.ends_on, i.origin_case_id, i.site_id,
  s.name AS site_name, s.address AS site_address, s.lng AS site_lng, s.lat AS site_lat, i.type_code, i.region_id,
  g.name AS region_name, i.unit_id, u.name AS unit_name, i.inspector_id, iu.display_name AS inspector_name, i.status,
  i.draft, i.phase, i.earned, i.applicable, i.score, i.failed, i.idempotency_key, i.submitted_at`;

const inspectionFrom = sql`inspections i
  JOIN sites s ON s.id = i.site_id
  LEFT JOIN inspection_rounds r ON r.id = i.round_id
  LEFT JOIN regions rg ON rg.id = r.region_id
  LEFT JOIN regions g ON g.id = i.region_id
  LEFT JOIN units u ON u.id = i.unit_id
  LEFT JOIN users iu ON iu.id = i.inspector_id`;

export interface InspectionFilter {
  roundId?: number;
  siteId?: number;
  inspectorId?: number;
  status?: string;
  typeCode?: string;
  unassigned?: boolean;
  /** The inspector's own list: assigned to them, in open rounds or rechecks, per status. */
  mine?: { userId: number; state: 'open' | 'submitted' };
  q?: string;
}

function inspectionWhere(actor: Actor, f: InspectionFilter): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [sql`i.city_id = ${actor.cityId}`, inspectionVisible(actor, 'i')];
  if (f.roundId) where.push(sql`i.round_id = ${f.roundId}`);
  if (f.siteId) where.push(sql`i.site_id = ${f.siteId}`);
  if (f.inspectorId) where.push(sql`i.inspector_id = ${f.inspectorId}`);
  if (f.status) where.push(sql`i.status = ${f.status}`);
  if (f.typeCode) where.push(sql`i.type_code = ${f.typeCode}`);
  if (f.unassigned) where.push(sql`i.inspector_id IS NULL`);
  if (f.mine) {
    where.push(sql`i.inspector_id = ${f.mine.userId}`);
    where.push(
      f.mine.state === 'open'
        ? sql`i.status IN ('assigned', 'draft') AND (i.kind = 'recheck' OR r.status = 'open')`
        : sql`i.status = 'submitted'`,
    );
  }
  if (f.q?.trim()) where.push(sql`s.name ILIKE ${containsPattern(f.q)}`);
  return sql.join(where, sql` AND `);
}

export async function listInspections(
  db: Executor,
  actor: Actor,
  filter: InspectionFilter,
  page: { limit: number; offset: number; order: 'place' | 'recent' },
) {
  const where = inspectionWhere(actor, filter);
  const order =
    page.order === 'recent'
      ? sql`i.submitted_at DESC NULLS LAST, i.id DESC`
      : sql`g.path NULLS LAST, i.type_code, s.name, i.id`;
  const rows = await sql<InspectionRow>`
    SELECT ${inspectionSelect} FROM ${inspectionFrom} WHERE ${where}
    ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const count = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM inspections i JOIN sites s ON s.id = i.site_id
    LEFT JOIN inspection_rounds r ON r.id = i.round_id WHERE ${where}`.execute(db);
  return { rows: rows.rows, total: count.rows[0].n };
}

export async function findInspection(db: Executor, actor: Actor, id: number, lock = false) {
  const result = await sql<InspectionRow>`
    SELECT ${inspectionSelect} FROM ${inspectionFrom}
    WHERE i.city_id = ${actor.cityId} AND i.id = ${id} AND ${inspectionVisible(actor, 'i')}
    ${lock ? sql`FOR UPDATE OF i` : sql``}`.execute(db);
  return result.rows[0];
}

export function findByIdempotencyKey(db: Executor, cityId: number, key: string) {
  return db
    .selectFrom('inspections')
    .select(['id'])
    .where('city_id', '=', cityId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function saveDraft(db: Executor, id: number, draft: unknown, now: Date) {
  await sql`UPDATE inspections SET draft = ${JSON.stringify(draft)}::jsonb, status = 'draft', updated_at = ${now}
            WHERE id = ${id}`.execute(db);
}

export async function markSubmitted(
  db: Executor,
  id: number,
  values: {
    phase: string;
    earned: number;
    applicable: number;
    score: number | null;
    failed: number;
    idempotency_key: string;
    submitted_lng: number | null;
    submitted_lat: number | null;
  },
  now: Date,
) {
  await db
    .updateTable('inspections')
    .set({ ...values, status: 'submitted', draft: null, submitted_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export interface ResultRows {
  itemId: number[];
  outcome: string[];
  value: string[];
  points: number[];
  earned: number[];
  seen: string[];
  photos: string[];
  note: (string | null)[];
  caseId: (number | null)[];
}

export async function insertResults(db: Executor, cityId: number, inspectionId: number, rows: ResultRows, now: Date) {
  await sql`
    INSERT INTO inspection_results (city_id, inspection_id, item_id, outcome, value, points, earned, seen, photos, note, case_id, created_at)
    SELECT ${cityId}, ${inspectionId}, it, o, v::jsonb, p, e, s, coalesce(string_to_array(nullif(ph, ''), ','), '{}'), n, c, ${now}
    FROM unnest(${rows.itemId}::bigint[], ${rows.outcome}::text[], ${rows.value}::text[], ${rows.points}::numeric[],
                ${rows.earned}::numeric[], ${rows.seen}::text[], ${rows.photos}::text[], ${rows.note}::text[], ${rows.caseId}::bigint[])
      AS x(it, o, v, p, e, s, ph, n, c)`.execute(db);
}

export interface PhotoRows {
  itemId: (number | null)[];
  fileId: string[];
  takenAt: (string | null)[];
  lng: (number | null)[];
  lat: (number | null)[];
  accuracy: (number | null)[];
  distance: (number | null)[];
  far: boolean[];
}

export async function insertPhotos(db: Executor, cityId: number, inspectionId: number, rows: PhotoRows, now: Date) {
  if (rows.fileId.length === 0) return;
  await sql`
    INSERT INTO inspection_photos (city_id, inspection_id, item_id, file_id, taken_at, lng, lat, accuracy_m, distance_m, far, created_at)
    SELECT ${cityId}, ${inspectionId}, it, f, t::timestamptz, x, y, a, d, fr, ${now}
    FROM unnest(${rows.itemId}::bigint[], ${rows.fileId}::text[], ${rows.takenAt}::text[], ${rows.lng}::float8[],
                ${rows.lat}::float8[], ${rows.accuracy}::float8[], ${rows.distance}::float8[], ${rows.far}::boolean[])
      AS v(it, f, t, x, y, a, d, fr)`.execute(db);
}

export function listResults(db: Executor, inspectionId: number) {
  return db
    .selectFrom('inspection_results')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .orderBy('id')
    .execute();
}

export function listPhotos(db: Executor, inspectionId: number) {
  return db
    .selectFrom('inspection_photos')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .orderBy('id')
    .execute();
}

export async function setResultCase(db: Executor, resultId: number, caseId: number) {
  await db.updateTable('inspection_results').set({ case_id: caseId }).where('id', '=', resultId).execute();
}

/** Failed results still without a case, of one inspection or (for the scheduler) any. */
export async function unfiledResults(db: Executor, filter: { inspectionId?: number; limit: number }) {
  const result = await sql<{
    id: number;
    city_id: number;
    inspection_id: number;
    item_id: number;
    seen: string;
    photos: string[];
    inspector_id: number | null;
    submitted_at: Date;
  }>`
    SELECT x.id, x.city_id, x.inspection_id, x.item_id, x.seen, x.photos, i.inspector_id, i.submitted_at
    FROM inspection_results x JOIN inspections i ON i.id = x.inspection_id
    WHERE x.outcome = 'fail' AND x.case_id IS NULL AND i.status = 'submitted'
      ${filter.inspectionId ? sql`AND x.inspection_id = ${filter.inspectionId}` : sql``}
    ORDER BY x.id LIMIT ${filter.limit}`.execute(db);
  return result.rows;
}

/** The result (and its inspection's site) a case was filed for. */
export async function resultOfCase(db: Executor, cityId: number, caseId: number) {
  const result = await sql<{
    result_id: number;
    item_id: number;
    site_id: number;
    type_code: string;
    region_id: number | null;
    unit_id: number | null;
  }>`
    SELECT x.id AS result_id, x.item_id, s.id AS site_id, s.type_code, s.region_id, s.unit_id
    FROM inspection_results x JOIN inspections i ON i.id = x.inspection_id JOIN sites s ON s.id = i.site_id
    WHERE x.city_id = ${cityId} AND x.case_id = ${caseId}
    ORDER BY x.id LIMIT 1`.execute(db);
  return result.rows[0];
}

export async function openRecheck(db: Executor, caseId: number, inspectorId: number) {
  return db
    .selectFrom('inspections')
    .select('id')
    .where('origin_case_id', '=', caseId)
    .where('inspector_id', '=', inspectorId)
    .where('status', '<>', 'submitted')
    .executeTakeFirst();
}

export async function insertRecheck(
  db: Executor,
  cityId: number,
  values: {
    site_id: number;
    type_code: string;
    region_id: number | null;
    unit_id: number | null;
    origin_case_id: number;
    inspector_id: number;
  },
  now: Date,
) {
  const row = await db
    .insertInto('inspections')
    .values({ city_id: cityId, kind: 'recheck', ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// ---------------------------------------------------------------------------------------------
// Rollups
// ---------------------------------------------------------------------------------------------

export interface RollupRow {
  key: string;
  name: string | null;
  inspected: number;
  average: number | null;
  earned: number | null;
  applicable: number | null;
  failed: number;
}

function dimension(by: RollupDimension) {
  switch (by) {
    case 'type':
      return {
        key: sql`i.type_code`,
        join: sql``,
        name: sql`LEFT JOIN site_types n ON n.city_id = ${sql.ref('k.city_id')} AND n.code = k.key`,
      };
    case 'unit':
      return {
        key: sql`coalesce(i.unit_id::text, '')`,
        join: sql``,
        name: sql`LEFT JOIN units n ON n.id::text = k.key`,
      };
    case 'district':
    case 'street': {
      // regions.path is '/city/district/street/community/': the district is its 3rd part.
      const part = by === 'district' ? 3 : 4;
      return {
        key: sql`coalesce(split_part(g.path, '/', ${part}), '')`,
        join: sql`LEFT JOIN regions g ON g.id = i.region_id`,
        name: sql`LEFT JOIN regions n ON n.id::text = k.key`,
      };
    }
  }
}

/** Submitted inspections of a round grouped by a dimension, as far as the actor sees them. */
export async function rollup(db: Executor, actor: Actor, roundId: number, by: RollupDimension) {
  const d = dimension(by);
  const result = await sql<RollupRow>`
    SELECT k.key, n.name, k.inspected, k.average, k.earned, k.applicable, k.failed
    FROM (
      SELECT ${d.key} AS key, min(i.city_id) AS city_id, count(*)::int AS inspected, avg(i.score)::float8 AS average,
        sum(i.earned)::float8 AS earned, sum(i.applicable)::float8 AS applicable, coalesce(sum(i.failed), 0)::int AS failed
      FROM inspections i ${d.join}
      WHERE i.round_id = ${roundId} AND i.status = 'submitted' AND ${inspectionVisible(actor, 'i')}
      GROUP BY 1
    ) k ${d.name}
    ORDER BY k.average NULLS LAST, k.key`.execute(db);
  return result.rows;
}

/** The round before this one: the latest earlier round of the city that was opened. */
export async function previousRound(db: Executor, actor: Actor, round: { id: number; starts_on: string }) {
  const result = await sql<{ id: number }>`
    SELECT r.id FROM inspection_rounds r
    WHERE r.city_id = ${actor.cityId} AND r.id <> ${round.id} AND r.status <> 'draft'
      AND (r.starts_on < ${round.starts_on}::date OR (r.starts_on = ${round.starts_on}::date AND r.id < ${round.id}))
      AND ${roundVisible(actor, 'r')}
    ORDER BY r.starts_on DESC, r.id DESC LIMIT 1`.execute(db);
  return result.rows[0]?.id ?? null;
}

/** Per-item results of a round's submitted inspections, for the Excel export. */
export async function exportRows(db: Executor, actor: Actor, roundId: number) {
  const result = await sql<{
    site_name: string;
    type_name: string;
    region_name: string | null;
    unit_name: string | null;
    inspector_name: string | null;
    status: string;
    score: number | null;
    failed: number | null;
    submitted_at: Date | null;
    failed_items: string | null;
  }>`
    SELECT s.name AS site_name, st.name AS type_name, g.name AS region_name, u.name AS unit_name, iu.display_name AS inspector_name,
      i.status, i.score, i.failed, i.submitted_at,
      (SELECT string_agg(c.title || '（' || x.seen || '）', '；' ORDER BY c.sort, c.id)
         FROM inspection_results x JOIN checklist_items c ON c.id = x.item_id
         WHERE x.inspection_id = i.id AND x.outcome = 'fail') AS failed_items
    FROM inspections i
    JOIN sites s ON s.id = i.site_id
    JOIN site_types st ON st.city_id = i.city_id AND st.code = i.type_code
    LEFT JOIN regions g ON g.id = i.region_id
    LEFT JOIN units u ON u.id = i.unit_id
    LEFT JOIN users iu ON iu.id = i.inspector_id
    WHERE i.round_id = ${roundId} AND ${inspectionVisible(actor, 'i')}
    ORDER BY i.score NULLS LAST, st.sort, s.name
    LIMIT 50000`.execute(db);
  return result.rows;
}
