// SQL for regions. Reads are always limited to the actor's visible subtree.

import { sql } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';

/** Regions are geography: an actor scoped to a region sees its subtree; others see the city. */
export function visiblePathPrefix(actor: Actor): string | null {
  return actor.regionPath;
}

function baseQuery(db: Executor, actor: Actor) {
  let q = db
    .selectFrom('regions as r')
    .select([
      'r.id',
      'r.parent_id',
      'r.level',
      'r.code',
      'r.name',
      'r.sort',
      'r.path',
      sql<boolean>`r.polygon IS NOT NULL`.as('has_polygon'),
      (eb) =>
        eb
          .selectFrom('regions as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.parent_id', '=', 'r.id')
          .as('child_count'),
    ])
    .where('r.city_id', '=', actor.cityId);
  const prefix = visiblePathPrefix(actor);
  if (prefix) q = q.where('r.path', 'like', `${prefix}%`);
  return q;
}

export async function listRegions(
  db: Executor,
  actor: Actor,
  filter: { parentId?: number; level?: string; q?: string },
) {
  let q = baseQuery(db, actor);
  if (filter.parentId) q = q.where('r.parent_id', '=', filter.parentId);
  if (filter.level) q = q.where('r.level', '=', filter.level);
  if (filter.q)
    q = q.where((eb) => eb.or([eb('r.name', 'like', `%${filter.q}%`), eb('r.code', 'like', `${filter.q}%`)]));
  return q.orderBy('r.path').execute();
}

export function findRegion(db: Executor, actor: Actor, id: number) {
  return baseQuery(db, actor).select('r.polygon').where('r.id', '=', id).executeTakeFirst();
}

export function lockRegion(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('regions')
    .selectAll()
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findPathNames(db: Executor, cityId: number, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('regions').select(['id', 'name']).where('city_id', '=', cityId).where('id', 'in', ids).execute();
}

export async function isCodeTaken(db: Executor, cityId: number, code: string, exceptId?: number) {
  let q = db.selectFrom('regions').select('id').where('city_id', '=', cityId).where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertRegion(
  db: Executor,
  values: {
    cityId: number;
    parentId: number;
    parentPath: string;
    level: string;
    code: string;
    name: string;
    sort: number;
    polygon: unknown;
  },
) {
  const row = await db
    .insertInto('regions')
    .values({
      city_id: values.cityId,
      parent_id: values.parentId,
      level: values.level,
      code: values.code,
      name: values.name,
      sort: values.sort,
      polygon: values.polygon ? JSON.stringify(values.polygon) : null,
      path: '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('regions')
    .set({ path: `${values.parentPath}${row.id}/` })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}

export async function updateRegion(
  db: Executor,
  id: number,
  patch: { code?: string; name?: string; sort?: number; polygon?: unknown },
  now: Date,
) {
  await db
    .updateTable('regions')
    .set({
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
      ...(patch.polygon !== undefined ? { polygon: patch.polygon ? JSON.stringify(patch.polygon) : null } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function countDependents(db: Executor, id: number) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('regions').select(eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).as('children'),
      eb.selectFrom('units').select(eb.fn.countAll<number>().as('n')).where('region_id', '=', id).as('units'),
      eb.selectFrom('people').select(eb.fn.countAll<number>().as('n')).where('community_id', '=', id).as('people'),
      eb.selectFrom('pairings').select(eb.fn.countAll<number>().as('n')).where('region_id', '=', id).as('pairings'),
      eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).where('region_id', '=', id).as('users'),
    ])
    .executeTakeFirstOrThrow();
  return {
    children: Number(row.children),
    others: Number(row.units) + Number(row.people) + Number(row.pairings) + Number(row.users),
  };
}

export async function deleteRegion(db: Executor, id: number) {
  await db.deleteFrom('regions').where('id', '=', id).execute();
}
