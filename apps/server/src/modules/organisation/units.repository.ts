// SQL for units. Every read is limited to the units the actor sees (org.policy.ts).

import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import type { PageArgs } from '../../platform/http.js';
import { containsPattern, inRegionSubtree, unitRowVisible } from './org.policy.js';

export interface UnitFilter {
  q?: string;
  type?: string;
  regionId?: number;
  parentId?: number;
}

function filtered(db: Executor, actor: Actor, filter: UnitFilter) {
  let q = db.selectFrom('units as u').where('u.city_id', '=', actor.cityId).where(unitRowVisible(actor, 'u'));
  if (filter.q?.trim()) {
    const pattern = containsPattern(filter.q);
    q = q.where((eb) => eb.or([eb('u.name', 'ilike', pattern), eb('u.short_name', 'ilike', pattern)]));
  }
  if (filter.type) q = q.where('u.type', '=', filter.type);
  if (filter.regionId) q = q.where(inRegionSubtree(actor.cityId, 'u.region_id', filter.regionId));
  if (filter.parentId) q = q.where('u.parent_id', '=', filter.parentId);
  return q;
}

function withNames(db: Executor, actor: Actor, filter: UnitFilter) {
  return filtered(db, actor, filter)
    .leftJoin('units as pu', 'pu.id', 'u.parent_id')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .select([
      'u.id',
      'u.name',
      'u.short_name',
      'u.type',
      'u.parent_id',
      'pu.name as parent_name',
      'u.region_id',
      'r.name as region_name',
      'u.head_name',
      'u.head_phone',
      'u.liaison_name',
      'u.liaison_phone',
      (eb) =>
        eb
          .selectFrom('people as p')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('p.unit_id', '=', 'u.id')
          .as('people_count'),
    ]);
}

export async function countUnits(db: Executor, actor: Actor, filter: UnitFilter) {
  const row = await filtered(db, actor, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Visible units matching the filter, in creation order; all of them when `page` is omitted. */
export function listUnits(db: Executor, actor: Actor, filter: UnitFilter, page?: PageArgs) {
  let q = withNames(db, actor, filter).orderBy('u.id');
  if (page) q = q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return q.execute();
}

export function findUnit(db: Executor, actor: Actor, id: number) {
  return withNames(db, actor, {}).where('u.id', '=', id).executeTakeFirst();
}

/** The visible unit, locked for a change. */
export function lockUnit(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('units as u')
    .selectAll('u')
    .where('u.city_id', '=', actor.cityId)
    .where('u.id', '=', id)
    .where(unitRowVisible(actor, 'u'))
    .forUpdate()
    .executeTakeFirst();
}

/** A visible unit referenced by another row (a parent, a person's work unit, a pairing). */
export function findUnitRef(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.parent_id', 'u.region_id'])
    .where('u.city_id', '=', actor.cityId)
    .where('u.id', '=', id)
    .where(unitRowVisible(actor, 'u'))
    .executeTakeFirst();
}

export async function isUnitVisible(db: Executor, actor: Actor, id: number) {
  return !!(await findUnitRef(db, actor, id));
}

/** A region's path and level regardless of scope (for checks on values already stored). */
export function findRegionPath(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('regions')
    .select(['id', 'path', 'level', 'name'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function isNameTaken(db: Executor, cityId: number, name: string, exceptId?: number) {
  let q = db.selectFrom('units').select('id').where('city_id', '=', cityId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

/** Whether `candidateId` is `unitId` itself or lies below it (so it cannot become its parent). */
export async function isInSubtree(db: Executor, unitId: number, candidateId: number) {
  const row = await db
    .withRecursive('sub(id)', (qb) =>
      qb
        .selectFrom('units')
        .select('id')
        .where('id', '=', unitId)
        .unionAll((q) => q.selectFrom('units as c').innerJoin('sub', 'sub.id', 'c.parent_id').select('c.id')),
    )
    .selectFrom('sub')
    .select('id')
    .where('id', '=', candidateId)
    .executeTakeFirst();
  return !!row;
}

export interface UnitValues {
  name: string;
  shortName: string | null;
  type: string;
  parentId: number | null;
  regionId: number | null;
  headName: string | null;
  headPhone: string | null;
  liaisonName: string | null;
  liaisonPhone: string | null;
}

function columns(values: Partial<UnitValues>) {
  return {
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.shortName !== undefined ? { short_name: values.shortName } : {}),
    ...(values.type !== undefined ? { type: values.type } : {}),
    ...(values.parentId !== undefined ? { parent_id: values.parentId } : {}),
    ...(values.regionId !== undefined ? { region_id: values.regionId } : {}),
    ...(values.headName !== undefined ? { head_name: values.headName } : {}),
    ...(values.headPhone !== undefined ? { head_phone: values.headPhone } : {}),
    ...(values.liaisonName !== undefined ? { liaison_name: values.liaisonName } : {}),
    ...(values.liaisonPhone !== undefined ? { liaison_phone: values.liaisonPhone } : {}),
  };
}

export async function insertUnit(db: Executor, cityId: number, values: UnitValues, now: Date) {
  const row = await db
    .insertInto('units')
    .values({
      city_id: cityId,
      ...columns(values),
      name: values.name,
      type: values.type,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(db: Executor, id: number, patch: Partial<UnitValues>, now: Date) {
  await db
    .updateTable('units')
    .set({ ...columns(patch), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** What still points at a unit; any of these blocks its deletion. */
export async function countDependents(db: Executor, id: number) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('units').select(eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).as('children'),
      eb.selectFrom('people').select(eb.fn.countAll<number>().as('n')).where('unit_id', '=', id).as('people'),
      eb.selectFrom('pairings').select(eb.fn.countAll<number>().as('n')).where('unit_id', '=', id).as('pairings'),
      eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).where('unit_id', '=', id).as('users'),
      eb.selectFrom('groups').select(eb.fn.countAll<number>().as('n')).where('lead_unit_id', '=', id).as('groups'),
    ])
    .executeTakeFirstOrThrow();
  return {
    children: Number(row.children),
    people: Number(row.people),
    pairings: Number(row.pairings),
    users: Number(row.users),
    groups: Number(row.groups),
  };
}

export async function deleteUnit(db: Executor, id: number) {
  await db.deleteFrom('units').where('id', '=', id).execute();
}
