// SQL for people. Every read is limited to the people the actor sees (org.policy.ts).

import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import type { PageArgs } from '../../platform/http.js';
import { containsPattern, personRowVisible } from './org.policy.js';

export interface PersonFilter {
  q?: string;
  kind?: string;
  unitId?: number;
  communityId?: number;
  partyOrg?: string;
}

function filtered(db: Executor, actor: Actor, filter: PersonFilter) {
  let q = db.selectFrom('people as p').where('p.city_id', '=', actor.cityId).where(personRowVisible(actor, 'p'));
  const text = filter.q?.trim();
  if (text) {
    const digits = text.replace(/\D/g, '');
    q = q.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', containsPattern(text)),
        // Phones are stored as typed (0371-1234567); the search ignores the dash.
        ...(digits.length >= 3
          ? [eb(eb.fn('replace', ['p.phone', eb.val('-'), eb.val('')]), 'like', `%${digits}%`)]
          : []),
      ]),
    );
  }
  if (filter.kind) q = q.where('p.kind', '=', filter.kind);
  if (filter.unitId) q = q.where('p.unit_id', '=', filter.unitId);
  if (filter.communityId) q = q.where('p.community_id', '=', filter.communityId);
  if (filter.partyOrg?.trim()) q = q.where('p.party_org', 'ilike', containsPattern(filter.partyOrg));
  return q;
}

function withNames(db: Executor, actor: Actor, filter: PersonFilter) {
  return filtered(db, actor, filter)
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('regions as c', 'c.id', 'p.community_id')
    .leftJoin('users as a', 'a.person_id', 'p.id')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'p.gender',
      'p.phone',
      'p.unit_id',
      'u.name as unit_name',
      'p.community_id',
      'c.name as community_name',
      'p.party_org',
      'p.position',
      'a.username',
    ]);
}

export async function countPeople(db: Executor, actor: Actor, filter: PersonFilter) {
  const row = await filtered(db, actor, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listPeople(db: Executor, actor: Actor, filter: PersonFilter, page?: PageArgs) {
  let q = withNames(db, actor, filter).orderBy('p.id');
  if (page) q = q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return q.execute();
}

export function findPerson(db: Executor, actor: Actor, id: number) {
  return withNames(db, actor, {}).where('p.id', '=', id).executeTakeFirst();
}

export function lockPerson(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('people as p')
    .selectAll('p')
    .where('p.city_id', '=', actor.cityId)
    .where('p.id', '=', id)
    .where(personRowVisible(actor, 'p'))
    .forUpdate()
    .executeTakeFirst();
}

/** A visible person referenced by another row (a group member). */
export function findPersonRef(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('people as p')
    .select(['p.id', 'p.name'])
    .where('p.city_id', '=', actor.cityId)
    .where('p.id', '=', id)
    .where(personRowVisible(actor, 'p'))
    .executeTakeFirst();
}

export interface PersonValues {
  name: string;
  kind: string;
  gender: string | null;
  phone: string | null;
  unitId: number | null;
  communityId: number | null;
  partyOrg: string | null;
  position: string | null;
}

function columns(values: Partial<PersonValues>) {
  return {
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.kind !== undefined ? { kind: values.kind } : {}),
    ...(values.gender !== undefined ? { gender: values.gender } : {}),
    ...(values.phone !== undefined ? { phone: values.phone } : {}),
    ...(values.unitId !== undefined ? { unit_id: values.unitId } : {}),
    ...(values.communityId !== undefined ? { community_id: values.communityId } : {}),
    ...(values.partyOrg !== undefined ? { party_org: values.partyOrg } : {}),
    ...(values.position !== undefined ? { position: values.position } : {}),
  };
}

export async function insertPerson(db: Executor, cityId: number, values: PersonValues, now: Date) {
  const row = await db
    .insertInto('people')
    .values({
      city_id: cityId,
      ...columns(values),
      name: values.name,
      kind: values.kind,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(db: Executor, id: number, patch: Partial<PersonValues>, now: Date) {
  await db
    .updateTable('people')
    .set({ ...columns(patch), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Links that block deleting a person: a user account, group memberships. */
export async function countLinks(db: Executor, id: number) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).where('person_id', '=', id).as('accounts'),
      eb.selectFrom('group_members').select(eb.fn.countAll<number>().as('n')).where('person_id', '=', id).as('groups'),
    ])
    .executeTakeFirstOrThrow();
  return { accounts: Number(row.accounts), groups: Number(row.groups) };
}

export async function deletePerson(db: Executor, id: number) {
  await db.deleteFrom('people').where('id', '=', id).execute();
}
