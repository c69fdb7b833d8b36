// SQL of the evaluation index, site types, sites and checklists: scoped reads, writes, set-based
// imports and the defaults a city starts with.

import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { containsPattern, unitRowVisible } from '../organisation/index.js';
import { siteVisible } from './inspections.policy.js';

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

export function listIndex(db: Executor, cityId: number) {
  return db
    .selectFrom('index_nodes')
    .selectAll()
    .where('city_id', '=', cityId)
    .orderBy('parent_id', (ob) => ob.nullsFirst())
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export function findIndexNode(db: Executor, cityId: number, id: number) {
  return db.selectFrom('index_nodes').selectAll().where('city_id', '=', cityId).where('id', '=', id).executeTakeFirst();
}

export function findIndexNodesByCode(db: Executor, cityId: number, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('index_nodes').selectAll().where('city_id', '=', cityId).where('code', 'in', codes).execute();
}

export interface IndexValues {
  parent_id?: number | null;
  level?: string;
  code?: string;
  name?: string;
  methods?: string[];
  points?: number | null;
  site_types?: string[];
  sort?: number;
  active?: boolean;
}

export async function insertIndexNode(
  db: Executor,
  cityId: number,
  values: IndexValues & { level: string; code: string; name: string },
  now: Date,
) {
  const row = await db
    .insertInto('index_nodes')
    .values({ city_id: cityId, ...values, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['city_id', 'code']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function updateIndexNode(db: Executor, id: number, values: IndexValues, now: Date) {
  await db
    .updateTable('index_nodes')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export interface IndexRows {
  code: string[];
  level: string[];
  name: string[];
  parentCode: (string | null)[];
  methods: string[];
  points: (number | null)[];
  siteTypes: string[];
  sort: number[];
}

/** Upserts index nodes by code, one level at a time (parents first), set-based; empty methods and points keep stored ones. */
export async function upsertIndexLevel(
  db: Executor,
  cityId: number,
  rows: IndexRows,
  now: Date,
): Promise<{ inserted: number; updated: number }> {
  if (rows.code.length === 0) return { inserted: 0, updated: 0 };
  const result = await sql<{ inserted: boolean }>`
    INSERT INTO index_nodes (city_id, parent_id, level, code, name, methods, points, site_types, sort, created_at, updated_at)
    SELECT ${cityId}, p.id, x.level, x.code, x.name, coalesce(string_to_array(nullif(x.methods, ''), ','), '{}'),
      x.points, coalesce(string_to_array(nullif(x.site_types, ''), ','), '{}'), x.sort, ${now}, ${now}
    FROM unnest(${rows.code}::text[], ${rows.level}::text[], ${rows.name}::text[], ${rows.parentCode}::text[],
                ${rows.methods}::text[], ${rows.points}::numeric[], ${rows.siteTypes}::text[], ${rows.sort}::int[])
      AS x(code, level, name, parent_code, methods, points, site_types, sort)
    LEFT JOIN index_nodes p ON p.city_id = ${cityId} AND p.code = x.parent_code
    ON CONFLICT (city_id, code) DO UPDATE SET name = EXCLUDED.name,
      methods = CASE WHEN EXCLUDED.methods = '{}' THEN index_nodes.methods ELSE EXCLUDED.methods END,
      points = coalesce(EXCLUDED.points, index_nodes.points), site_types = EXCLUDED.site_types, sort = EXCLUDED.sort,
      parent_id = EXCLUDED.parent_id, updated_at = EXCLUDED.updated_at
    RETURNING (xmax = 0) AS inserted`.execute(db);
  const inserted = result.rows.filter((r) => r.inserted).length;
  return { inserted, updated: result.rows.length - inserted };
}

// ---------------------------------------------------------------------------------------------
// Site types
// ---------------------------------------------------------------------------------------------

export async function listSiteTypes(db: Executor, actor: Actor) {
  const result = await sql<{
    code: string;
    name: string;
    sort: number;
    active: boolean;
    site_count: number;
    item_count: number;
  }>`
    SELECT t.code, t.name, t.sort, t.active,
      (SELECT count(*)::int FROM sites s WHERE s.city_id = t.city_id AND s.type_code = t.code AND s.active
         AND ${siteVisible(actor, 's')}) AS site_count,
      (SELECT count(*)::int FROM checklist_items c WHERE c.city_id = t.city_id AND c.type_code = t.code AND c.active) AS item_count
    FROM site_types t WHERE t.city_id = ${actor.cityId}
    ORDER BY t.sort, t.code`.execute(db);
  return result.rows;
}

export function findSiteType(db: Executor, cityId: number, code: string) {
  return db
    .selectFrom('site_types')
    .selectAll()
    .where('city_id', '=', cityId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function siteTypeNames(db: Executor, cityId: number): Promise<Map<string, string>> {
  const rows = await db.selectFrom('site_types').select(['code', 'name']).where('city_id', '=', cityId).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function insertSiteType(
  db: Executor,
  cityId: number,
  values: { code: string; name: string; sort: number },
) {
  const row = await db
    .insertInto('site_types')
    .values({ city_id: cityId, ...values })
    .onConflict((oc) => oc.columns(['city_id', 'code']).doNothing())
    .returning('code')
    .executeTakeFirst();
  return !!row;
}

export async function updateSiteType(
  db: Executor,
  cityId: number,
  code: string,
  values: { name?: string; sort?: number; active?: boolean },
) {
  await db.updateTable('site_types').set(values).where('city_id', '=', cityId).where('code', '=', code).execute();
}

// ---------------------------------------------------------------------------------------------
// Sites
// ---------------------------------------------------------------------------------------------

export interface SiteRow {
  id: number;
  city_id: number;
  type_code: string;
  type_name: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  region_id: number | null;
  region_name: string | null;
  region_path: string | null;
  unit_id: number | null;
  unit_name: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  active: boolean;
  last_score: number | null;
  last_inspected_at: Date | null;
}

const siteSelect = sql`s.id, s.city_id, s.type_code, st.name AS type_name, s.name, s.address, s.lng, s.lat, s.region_id,
  r.name AS region_name, r.path AS region_path, s.unit_id, u.name AS unit_name, s.contact_name, s.contact_phone, s.active,
  li.score AS last_score, li.submitted_at AS last_inspected_at`;

const siteFrom = sql`sites s
  JOIN site_types st ON st.city_id = s.city_id AND st.code = s.type_code
  LEFT JOIN regions r ON r.id = s.region_id
  LEFT JOIN units u ON u.id = s.unit_id
  LEFT JOIN LATERAL (
    SELECT li.score, li.submitted_at FROM inspections li
    WHERE li.site_id = s.id AND li.status = 'submitted' ORDER BY li.submitted_at DESC LIMIT 1
  ) li ON true`;

export interface SiteFilter {
  typeCode?: string;
  regionId?: number;
  unitId?: number;
  active?: boolean;
  q?: string;
}

function siteWhere(actor: Actor, f: SiteFilter): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [sql`s.city_id = ${actor.cityId}`, siteVisible(actor, 's')];
  if (f.typeCode) where.push(sql`s.type_code = ${f.typeCode}`);
  if (f.unitId) where.push(sql`s.unit_id = ${f.unitId}`);
  if (f.active !== undefined) where.push(sql`s.active = ${f.active}`);
  if (f.regionId) {
    where.push(
      sql`s.region_id IN (SELECT x.id FROM regions x WHERE x.city_id = ${actor.cityId} AND x.path LIKE (SELECT y.path FROM regions y WHERE y.id = ${f.regionId}) || '%')`,
    );
  }
  if (f.q?.trim()) {
    const p = containsPattern(f.q);
    where.push(sql`(s.name ILIKE ${p} OR s.address ILIKE ${p})`);
  }
  return sql.join(where, sql` AND `);
}

export async function listSites(db: Executor, actor: Actor, f: SiteFilter, page: { limit: number; offset: number }) {
  const where = siteWhere(actor, f);
  const rows = await sql<SiteRow>`
    SELECT ${siteSelect} FROM ${siteFrom} WHERE ${where}
    ORDER BY st.sort, s.type_code, s.name LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sites s WHERE ${where}`.execute(db);
  return { rows: rows.rows, total: count.rows[0].n };
}

export async function mapSites(db: Executor, actor: Actor, f: SiteFilter) {
  const result = await sql<{
    id: number;
    name: string;
    type_code: string;
    lng: number;
    lat: number;
    last_score: number | null;
  }>`
    SELECT s.id, s.name, s.type_code, s.lng, s.lat, li.score AS last_score
    FROM sites s
    LEFT JOIN LATERAL (
      SELECT li.score FROM inspections li WHERE li.site_id = s.id AND li.status = 'submitted'
      ORDER BY li.submitted_at DESC LIMIT 1
    ) li ON true
    WHERE ${siteWhere(actor, f)} AND s.lng IS NOT NULL AND s.lat IS NOT NULL
    LIMIT 50000`.execute(db);
  return result.rows;
}

export async function findSite(db: Executor, actor: Actor, id: number) {
  const result = await sql<SiteRow>`
    SELECT ${siteSelect} FROM ${siteFrom} WHERE s.city_id = ${actor.cityId} AND s.id = ${id} AND ${siteVisible(actor, 's')}`.execute(
    db,
  );
  return result.rows[0];
}

export interface SiteValues {
  type_code?: string;
  name?: string;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  region_id?: number | null;
  unit_id?: number | null;
  contact_name?: string | null;
  contact_phone?: string | null;
  active?: boolean;
}

export async function insertSite(
  db: Executor,
  cityId: number,
  values: SiteValues & { type_code: string; name: string },
  now: Date,
) {
  const row = await db
    .insertInto('sites')
    .values({ city_id: cityId, ...values, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['city_id', 'type_code', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function updateSite(db: Executor, id: number, values: SiteValues, now: Date) {
  await db
    .updateTable('sites')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export function findSiteByName(db: Executor, cityId: number, typeCode: string, name: string) {
  return db
    .selectFrom('sites')
    .select('id')
    .where('city_id', '=', cityId)
    .where('type_code', '=', typeCode)
    .where('name', '=', name)
    .executeTakeFirst();
}

export interface SiteImportRows {
  typeCode: string[];
  name: string[];
  address: (string | null)[];
  lng: (number | null)[];
  lat: (number | null)[];
  regionId: (number | null)[];
  unitId: (number | null)[];
  contactName: (string | null)[];
  contactPhone: (string | null)[];
}

/** Upserts sites by (type, name); empty optional cells keep stored values. */
export async function upsertSites(db: Executor, cityId: number, rows: SiteImportRows, now: Date) {
  if (rows.name.length === 0) return { inserted: 0, updated: 0 };
  const result = await sql<{ inserted: boolean }>`
    INSERT INTO sites (city_id, type_code, name, address, lng, lat, region_id, unit_id, contact_name, contact_phone, created_at, updated_at)
    SELECT ${cityId}, t, n, a, x, y, r, u, cn, cp, ${now}, ${now}
    FROM unnest(${rows.typeCode}::text[], ${rows.name}::text[], ${rows.address}::text[], ${rows.lng}::float8[], ${rows.lat}::float8[],
                ${rows.regionId}::bigint[], ${rows.unitId}::bigint[], ${rows.contactName}::text[], ${rows.contactPhone}::text[])
      AS v(t, n, a, x, y, r, u, cn, cp)
    ON CONFLICT (city_id, type_code, name) DO UPDATE SET
      address = coalesce(EXCLUDED.address, sites.address), lng = coalesce(EXCLUDED.lng, sites.lng),
      lat = coalesce(EXCLUDED.lat, sites.lat), region_id = coalesce(EXCLUDED.region_id, sites.region_id),
      unit_id = coalesce(EXCLUDED.unit_id, sites.unit_id), contact_name = coalesce(EXCLUDED.contact_name, sites.contact_name),
      contact_phone = coalesce(EXCLUDED.contact_phone, sites.contact_phone), updated_at = EXCLUDED.updated_at
    RETURNING (xmax = 0) AS inserted`.execute(db);
  const inserted = result.rows.filter((r) => r.inserted).length;
  return { inserted, updated: result.rows.length - inserted };
}

/** Regions of the city by code or name (for imports), with their level and path. */
export function regionsByCodeOrName(db: Executor, cityId: number, values: string[]) {
  if (values.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('regions')
    .select(['id', 'code', 'name', 'level', 'path'])
    .where('city_id', '=', cityId)
    .where((eb) => eb.or([eb('code', 'in', values), eb('name', 'in', values)]))
    .execute();
}

export async function findRegion(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('regions')
    .select(['id', 'name', 'path', 'level'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Units of the city the actor sees, by id or by exact name. */
export async function visibleUnits(db: Executor, actor: Actor, filter: { ids?: number[]; names?: string[] }) {
  const where: Expression<SqlBool>[] = [sql`u.city_id = ${actor.cityId}`, unitRowVisible(actor, 'u')];
  if (filter.ids) where.push(sql`u.id = ANY(${filter.ids}::bigint[])`);
  if (filter.names) where.push(sql`u.name = ANY(${filter.names}::text[])`);
  const result = await sql<{ id: number; name: string; parent_id: number | null }>`
    SELECT u.id, u.name, u.parent_id FROM units u WHERE ${sql.join(where, sql` AND `)}`.execute(db);
  return result.rows;
}

// ---------------------------------------------------------------------------------------------
// Checklists
// ---------------------------------------------------------------------------------------------

export interface ChecklistRow {
  id: number;
  type_code: string;
  standard_id: number | null;
  standard_code: string | null;
  standard_name: string | null;
  title: string;
  guidance: string | null;
  rule: unknown;
  points: number;
  photo_required: boolean;
  case_category_code: string | null;
  sort: number;
  active: boolean;
}

export async function listChecklist(
  db: Executor,
  cityId: number,
  filter: { typeCode?: string; active?: boolean; ids?: number[] },
) {
  const where: Expression<SqlBool>[] = [sql`c.city_id = ${cityId}`];
  if (filter.typeCode) where.push(sql`c.type_code = ${filter.typeCode}`);
  if (filter.active !== undefined) where.push(sql`c.active = ${filter.active}`);
  if (filter.ids) where.push(sql`c.id = ANY(${filter.ids}::bigint[])`);
  const result = await sql<ChecklistRow>`
    SELECT c.id, c.type_code, c.standard_id, n.code AS standard_code, n.name AS standard_name, c.title, c.guidance, c.rule,
      c.points, c.photo_required, c.case_category_code, c.sort, c.active
    FROM checklist_items c LEFT JOIN index_nodes n ON n.id = c.standard_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY c.type_code, c.sort, c.id`.execute(db);
  return result.rows;
}

export interface ChecklistValues {
  type_code?: string;
  standard_id?: number | null;
  title?: string;
  guidance?: string | null;
  rule?: string;
  points?: number;
  photo_required?: boolean;
  case_category_code?: string | null;
  sort?: number;
  active?: boolean;
}

export async function insertChecklistItem(
  db: Executor,
  cityId: number,
  values: ChecklistValues & { type_code: string; title: string; rule: string; points: number },
  now: Date,
) {
  const row = await db
    .insertInto('checklist_items')
    .values({ city_id: cityId, ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateChecklistItem(db: Executor, id: number, values: ChecklistValues, now: Date) {
  await db
    .updateTable('checklist_items')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export function findChecklistItem(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('checklist_items')
    .selectAll()
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------------

export async function insertSiteTypes(
  db: Executor,
  cityId: number,
  types: { code: string; name: string; sort: number }[],
) {
  if (types.length === 0) return;
  await sql`
    INSERT INTO site_types (city_id, code, name, sort)
    SELECT ${cityId}, c, n, s FROM unnest(${types.map((t) => t.code)}::text[], ${types.map((t) => t.name)}::text[],
      ${types.map((t) => t.sort)}::int[]) AS x(c, n, s)
    ON CONFLICT (city_id, code) DO NOTHING`.execute(db);
}

export interface ChecklistImportRows {
  typeCode: string[];
  standardCode: string[];
  title: string[];
  guidance: (string | null)[];
  rule: string[];
  points: number[];
  photoRequired: boolean[];
  caseCategoryCode: (string | null)[];
  sort: number[];
}

/** Adds checklist items (standards by code) for types that have none yet. */
export async function insertChecklistDefaults(db: Executor, cityId: number, rows: ChecklistImportRows, now: Date) {
  if (rows.title.length === 0) return 0;
  const result = await sql`
    INSERT INTO checklist_items (city_id, type_code, standard_id, title, guidance, rule, points, photo_required, case_category_code, sort,
      created_at, updated_at)
    SELECT ${cityId}, x.t, n.id, x.title, x.g, x.r::jsonb, x.p, x.ph, x.cc, x.s, ${now}, ${now}
    FROM unnest(${rows.typeCode}::text[], ${rows.standardCode}::text[], ${rows.title}::text[], ${rows.guidance}::text[],
                ${rows.rule}::text[], ${rows.points}::numeric[], ${rows.photoRequired}::boolean[], ${rows.caseCategoryCode}::text[],
                ${rows.sort}::int[]) AS x(t, sc, title, g, r, p, ph, cc, s)
    LEFT JOIN index_nodes n ON n.city_id = ${cityId} AND n.code = x.sc
    WHERE NOT EXISTS (SELECT 1 FROM checklist_items e WHERE e.city_id = ${cityId} AND e.type_code = x.t)
    RETURNING 1`.execute(db);
  return result.rows.length;
}
