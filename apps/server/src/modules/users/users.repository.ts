// SQL for user accounts. Every read is limited to the actor's city and region subtree; accounts
// without a region are visible only to actors scoped to the city root.

import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Database } from '../../platform/db-schema.js';
import type { Executor } from '../../platform/db.js';

/** A root region has no parent, so its materialised path has exactly one segment: '/7/'. */
export function isCityRootPath(path: string | null): boolean {
  return !!path && /^\/\d+\/$/.test(path);
}

/** Whether a region path (null = no region) lies in the actor's scope. */
export function isPathInScope(actor: Actor, path: string | null): boolean {
  if (!actor.regionPath) return false;
  if (path === null) return isCityRootPath(actor.regionPath);
  return path.startsWith(actor.regionPath);
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

type UserEb = ExpressionBuilder<Database & { u: Database['users']; r: Database['regions'] }, 'u' | 'r'>;

function inScope(actor: Actor) {
  return (eb: UserEb) => {
    if (!actor.regionPath) return sql<SqlBool>`false`;
    const inSubtree = eb('r.path', 'like', `${actor.regionPath}%`);
    return isCityRootPath(actor.regionPath) ? eb.or([inSubtree, eb('u.region_id', 'is', null)]) : inSubtree;
  };
}

export interface UserFilter {
  q?: string;
  role?: string;
}

function filtered(db: Executor, actor: Actor, filter: UserFilter) {
  let q = db
    .selectFrom('users as u')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .where('u.city_id', '=', actor.cityId)
    .where(inScope(actor));
  if (filter.q?.trim()) {
    const pattern = `%${escapeLike(filter.q.trim())}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]));
  }
  if (filter.role) q = q.where(sql<SqlBool>`${filter.role} = ANY(u.roles)`);
  return q;
}

function withNames(db: Executor, actor: Actor, filter: UserFilter) {
  return filtered(db, actor, filter)
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.roles',
      'u.region_id',
      'r.name as region_name',
      'u.unit_id',
      'n.name as unit_name',
      'u.person_id',
      'u.status',
      'u.locked_until',
      'u.last_login_at',
      'u.must_change_password',
    ]);
}

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

export function listUsers(db: Executor, actor: Actor, filter: UserFilter, page?: { limit: number; offset: number }) {
  let q = withNames(db, actor, filter).orderBy('u.id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}

export async function countUsers(db: Executor, actor: Actor, filter: UserFilter): Promise<number> {
  const row = await filtered(db, actor, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findUser(db: Executor, actor: Actor, id: number) {
  return withNames(db, actor, {}).where('u.id', '=', id).executeTakeFirst();
}

/** Locks the account row (scope is checked by the caller from `region_path`). */
export function lockUser(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.roles',
      'u.region_id',
      'u.unit_id',
      'u.person_id',
      'u.status',
      'u.locked_until',
      'u.failed_logins',
      (eb) => eb.selectFrom('regions as r').select('r.path').whereRef('r.id', '=', 'u.region_id').as('region_path'),
    ])
    .where('u.city_id', '=', cityId)
    .where('u.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findRegionPath(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('regions')
    .select(['id', 'path'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The unit and the path of its region (null when the unit has none). */
export function findUnitPath(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('units as n')
    .leftJoin('regions as r', 'r.id', 'n.region_id')
    .select(['n.id', 'r.path'])
    .where('n.city_id', '=', cityId)
    .where('n.id', '=', id)
    .executeTakeFirst();
}

/** The person with the paths of the residential community and of the work unit's region. */
export function findPersonPaths(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('people as p')
    .leftJoin('regions as c', 'c.id', 'p.community_id')
    .leftJoin('units as n', 'n.id', 'p.unit_id')
    .leftJoin('regions as nr', 'nr.id', 'n.region_id')
    .select(['p.id', 'c.path as community_path', 'nr.path as unit_path'])
    .where('p.city_id', '=', cityId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function isUsernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<SqlBool>`lower(username) = lower(${username})`)
    .executeTakeFirst();
  return !!row;
}

export async function isPersonLinked(db: Executor, personId: number): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('person_id', '=', personId).executeTakeFirst());
}

export async function insertUser(
  db: Executor,
  values: {
    cityId: number;
    username: string;
    displayName: string;
    passwordHash: string;
    roles: string[];
    regionId: number | null;
    unitId: number | null;
    personId: number | null;
    now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      city_id: values.cityId,
      username: values.username,
      display_name: values.displayName,
      password_hash: values.passwordHash,
      roles: values.roles,
      region_id: values.regionId,
      unit_id: values.unitId,
      person_id: values.personId,
      must_change_password: true,
      password_changed_at: values.now,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Executor,
  id: number,
  patch: {
    display_name?: string;
    roles?: string[];
    region_id?: number | null;
    unit_id?: number | null;
    status?: string;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function setPassword(db: Executor, id: number, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: true, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function clearLockout(db: Executor, id: number, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ locked_until: null, failed_logins: 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}
