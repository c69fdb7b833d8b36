// SQL of the Excel imports: bulk look-ups for validation and set-based writes (INSERT … SELECT FROM
// unnest, UPDATE … FROM unnest) — a 10,000-row file is a handful of statements, not 10,000.

import { sql } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { personRowVisible, unitRowVisible } from './org.policy.js';
import { visiblePathPrefix } from './regions.repository.js';

// ---------------------------------------------------------------------------------------------
// Look-ups
// ---------------------------------------------------------------------------------------------

/** Regions of the city with these codes (any scope: the service decides what may be used). */
export async function findRegionsByCode(db: Executor, cityId: number, codes: string[]) {
  if (codes.length === 0) return [];
  const { rows } = await sql<{
    id: number;
    code: string;
    name: string;
    level: string;
    path: string;
    parent_id: number | null;
    parent_code: string | null;
  }>`
    SELECT r.id, r.code, r.name, r.level, r.path, r.parent_id, p.code AS parent_code
    FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
    WHERE r.city_id = ${cityId} AND r.code = ANY(${codes}::text[])`.execute(db);
  return rows;
}

/** Regions the actor may use whose code or name is one of `values`, optionally of one level. */
export async function findUsableRegions(db: Executor, actor: Actor, values: string[], level?: string) {
  if (values.length === 0) return [];
  const prefix = visiblePathPrefix(actor);
  const { rows } = await sql<{ id: number; code: string; name: string; level: string; path: string }>`
    SELECT r.id, r.code, r.name, r.level, r.path
    FROM regions r
    WHERE r.city_id = ${actor.cityId}
      AND (r.code = ANY(${values}::text[]) OR r.name = ANY(${values}::text[]))
      ${prefix ? sql`AND r.path LIKE ${prefix + '%'}` : sql``}
      ${level ? sql`AND r.level = ${level}` : sql``}`.execute(db);
  return rows;
}

/** Every unit of the city with its parent, region path and whether the actor sees it. */
export async function listCityUnits(db: Executor, actor: Actor) {
  const { rows } = await sql<{
    id: number;
    name: string;
    parent_id: number | null;
    region_path: string | null;
    visible: boolean;
  }>`
    SELECT u.id, u.name, u.parent_id, r.path AS region_path, ${unitRowVisible(actor, 'u')} AS visible
    FROM units u LEFT JOIN regions r ON r.id = u.region_id
    WHERE u.city_id = ${actor.cityId}`.execute(db);
  return rows;
}

/** Visible units with these names. */
export async function findVisibleUnitsByName(db: Executor, actor: Actor, names: string[]) {
  if (names.length === 0) return [];
  const { rows } = await sql<{ id: number; name: string }>`
    SELECT u.id, u.name FROM units u
    WHERE u.city_id = ${actor.cityId} AND u.name = ANY(${names}::text[]) AND ${unitRowVisible(actor, 'u')}`.execute(db);
  return rows;
}

/** For each (ord, name, phone), the first visible person with that name and phone. */
export async function matchPeople(
  db: Executor,
  actor: Actor,
  keys: { ord: number[]; name: string[]; phone: string[] },
) {
  if (keys.ord.length === 0) return [];
  const { rows } = await sql<{ ord: number; id: number }>`
    SELECT DISTINCT ON (i.ord) i.ord, p.id
    FROM unnest(${keys.ord}::int[], ${keys.name}::text[], ${keys.phone}::text[]) AS i(ord, name, phone)
    JOIN people p ON p.city_id = ${actor.cityId} AND p.name = i.name AND p.phone = i.phone
    WHERE ${personRowVisible(actor, 'p')}
    ORDER BY i.ord, p.id`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

export interface RegionImportRows {
  code: string[];
  name: string[];
  level: string[];
  sort: (number | null)[];
  parentCode: string[];
}

/** Renames and re-sorts existing regions (an empty sort keeps the stored one). */
export async function updateRegions(
  db: Executor,
  cityId: number,
  rows: Omit<RegionImportRows, 'level' | 'parentCode'>,
  now: Date,
) {
  if (rows.code.length === 0) return;
  await sql`
    UPDATE regions r SET name = i.name, sort = COALESCE(i.sort, r.sort), updated_at = ${now}
    FROM unnest(${rows.code}::text[], ${rows.name}::text[], ${rows.sort}::int[]) AS i(code, name, sort)
    WHERE r.city_id = ${cityId} AND r.code = i.code`.execute(db);
}

/**
 * Inserts regions whose parents already exist (in the database or from an earlier call), then
 * fills their materialised paths from the parents'. Called once per tree level.
 */
export async function insertRegionLevel(db: Executor, cityId: number, rows: RegionImportRows, now: Date) {
  if (rows.code.length === 0) return 0;
  const { rows: inserted } = await sql<{ id: number }>`
    INSERT INTO regions (city_id, parent_id, level, code, name, sort, path, created_at, updated_at)
    SELECT ${cityId}, p.id, i.level, i.code, i.name, COALESCE(i.sort, 0), '', ${now}, ${now}
    FROM unnest(${rows.code}::text[], ${rows.name}::text[], ${rows.level}::text[], ${rows.sort}::int[], ${rows.parentCode}::text[])
      AS i(code, name, level, sort, parent_code)
    JOIN regions p ON p.city_id = ${cityId} AND p.code = i.parent_code
    RETURNING id`.execute(db);
  const ids = inserted.map((row) => row.id);
  await sql`
    UPDATE regions r SET path = p.path || r.id::text || '/'
    FROM regions p
    WHERE p.id = r.parent_id AND r.id = ANY(${ids}::bigint[])`.execute(db);
  return ids.length;
}

export interface UnitImportRows {
  name: string[];
  shortName: (string | null)[];
  type: string[];
  regionId: (number | null)[];
  headName: (string | null)[];
  headPhone: (string | null)[];
  liaisonName: (string | null)[];
  liaisonPhone: (string | null)[];
}

/** Inserts new units and updates existing ones by name; empty cells keep the stored values. */
export async function upsertUnits(db: Executor, cityId: number, rows: UnitImportRows, now: Date) {
  if (rows.name.length === 0) return;
  await sql`
    INSERT INTO units (city_id, name, short_name, type, region_id, head_name, head_phone, liaison_name, liaison_phone, created_at, updated_at)
    SELECT ${cityId}, i.name, i.short_name, i.type, i.region_id, i.head_name, i.head_phone, i.liaison_name, i.liaison_phone, ${now}, ${now}
    FROM unnest(${rows.name}::text[], ${rows.shortName}::text[], ${rows.type}::text[], ${rows.regionId}::bigint[],
                ${rows.headName}::text[], ${rows.headPhone}::text[], ${rows.liaisonName}::text[], ${rows.liaisonPhone}::text[])
      AS i(name, short_name, type, region_id, head_name, head_phone, liaison_name, liaison_phone)
    ON CONFLICT (city_id, name) DO UPDATE SET
      short_name = COALESCE(EXCLUDED.short_name, units.short_name),
      type = EXCLUDED.type,
      region_id = COALESCE(EXCLUDED.region_id, units.region_id),
      head_name = COALESCE(EXCLUDED.head_name, units.head_name),
      head_phone = COALESCE(EXCLUDED.head_phone, units.head_phone),
      liaison_name = COALESCE(EXCLUDED.liaison_name, units.liaison_name),
      liaison_phone = COALESCE(EXCLUDED.liaison_phone, units.liaison_phone),
      updated_at = EXCLUDED.updated_at`.execute(db);
}

/** Points units at their parents by name (after upsertUnits, so parents in the same file exist). */
export async function setUnitParents(
  db: Executor,
  cityId: number,
  rows: { name: string[]; parentName: string[] },
  now: Date,
) {
  if (rows.name.length === 0) return;
  await sql`
    UPDATE units u SET parent_id = p.id, updated_at = ${now}
    FROM unnest(${rows.name}::text[], ${rows.parentName}::text[]) AS i(name, parent_name)
    JOIN units p ON p.city_id = ${cityId} AND p.name = i.parent_name
    WHERE u.city_id = ${cityId} AND u.name = i.name`.execute(db);
}

export interface PersonImportRows {
  name: string[];
  kind: string[];
  gender: (string | null)[];
  phone: (string | null)[];
  unitId: (number | null)[];
  communityId: (number | null)[];
  partyOrg: (string | null)[];
  position: (string | null)[];
}

export async function insertPeople(db: Executor, cityId: number, rows: PersonImportRows, now: Date) {
  if (rows.name.length === 0) return;
  await sql`
    INSERT INTO people (city_id, name, kind, gender, phone, unit_id, community_id, party_org, position, created_at, updated_at)
    SELECT ${cityId}, i.name, i.kind, i.gender, i.phone, i.unit_id, i.community_id, i.party_org, i.position, ${now}, ${now}
    FROM unnest(${rows.name}::text[], ${rows.kind}::text[], ${rows.gender}::text[], ${rows.phone}::text[],
                ${rows.unitId}::bigint[], ${rows.communityId}::bigint[], ${rows.partyOrg}::text[], ${rows.position}::text[])
      AS i(name, kind, gender, phone, unit_id, community_id, party_org, position)`.execute(db);
}

/** Updates matched people by id; empty cells keep the stored values. */
export async function updatePeople(
  db: Executor,
  ids: number[],
  rows: Omit<PersonImportRows, 'name' | 'phone'>,
  now: Date,
) {
  if (ids.length === 0) return;
  await sql`
    UPDATE people p SET
      kind = i.kind,
      gender = COALESCE(i.gender, p.gender),
      unit_id = COALESCE(i.unit_id, p.unit_id),
      community_id = COALESCE(i.community_id, p.community_id),
      party_org = COALESCE(i.party_org, p.party_org),
      position = COALESCE(i.position, p.position),
      updated_at = ${now}
    FROM unnest(${ids}::bigint[], ${rows.kind}::text[], ${rows.gender}::text[], ${rows.unitId}::bigint[],
                ${rows.communityId}::bigint[], ${rows.partyOrg}::text[], ${rows.position}::text[])
      AS i(id, kind, gender, unit_id, community_id, party_org, position)
    WHERE p.id = i.id`.execute(db);
}
