// SQL for leading groups, task forces and their members. Reads are limited to visible groups.

import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import type { PageArgs } from '../../platform/http.js';
import { containsPattern, groupRowVisible } from './org.policy.js';

export interface GroupFilter {
  q?: string;
  kind?: string;
}

function filtered(db: Executor, actor: Actor, filter: GroupFilter) {
  let q = db.selectFrom('groups as g').where('g.city_id', '=', actor.cityId).where(groupRowVisible(actor, 'g'));
  if (filter.q?.trim()) q = q.where('g.name', 'ilike', containsPattern(filter.q));
  if (filter.kind) q = q.where('g.kind', '=', filter.kind);
  return q;
}

function withNames(db: Executor, actor: Actor, filter: GroupFilter) {
  return filtered(db, actor, filter)
    .leftJoin('units as u', 'u.id', 'g.lead_unit_id')
    .select([
      'g.id',
      'g.kind',
      'g.name',
      'g.duty',
      'g.lead_unit_id',
      'u.name as lead_unit_name',
      (eb) =>
        eb
          .selectFrom('group_members as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.group_id', '=', 'g.id')
          .as('member_count'),
    ]);
}

export async function countGroups(db: Executor, actor: Actor, filter: GroupFilter) {
  const row = await filtered(db, actor, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listGroups(db: Executor, actor: Actor, filter: GroupFilter, page?: PageArgs) {
  let q = withNames(db, actor, filter).orderBy('g.kind').orderBy('g.id');
  if (page) q = q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return q.execute();
}

export function findGroup(db: Executor, actor: Actor, id: number) {
  return withNames(db, actor, {}).where('g.id', '=', id).executeTakeFirst();
}

export function lockGroup(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('groups as g')
    .selectAll('g')
    .where('g.city_id', '=', actor.cityId)
    .where('g.id', '=', id)
    .where(groupRowVisible(actor, 'g'))
    .forUpdate()
    .executeTakeFirst();
}

/** Members of the given groups, in their order within each group. */
export function listMembers(db: Executor, groupIds: number[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .select(['m.id', 'm.group_id', 'm.person_id', 'p.name as person_name', 'u.name as unit_name', 'm.role', 'm.sort'])
    .where('m.group_id', 'in', groupIds)
    .orderBy('m.group_id')
    .orderBy('m.sort')
    .orderBy('m.id')
    .execute();
}

export interface GroupValues {
  kind: string;
  name: string;
  duty: string | null;
  leadUnitId: number | null;
}

function columns(values: Partial<GroupValues>) {
  return {
    ...(values.kind !== undefined ? { kind: values.kind } : {}),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.duty !== undefined ? { duty: values.duty } : {}),
    ...(values.leadUnitId !== undefined ? { lead_unit_id: values.leadUnitId } : {}),
  };
}

export async function insertGroup(db: Executor, cityId: number, values: GroupValues, now: Date) {
  const row = await db
    .insertInto('groups')
    .values({
      city_id: cityId,
      ...columns(values),
      kind: values.kind,
      name: values.name,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGroup(db: Executor, id: number, patch: Partial<GroupValues>, now: Date) {
  await db
    .updateTable('groups')
    .set({ ...columns(patch), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Members go with the group (ON DELETE CASCADE). */
export async function deleteGroup(db: Executor, id: number) {
  await db.deleteFrom('groups').where('id', '=', id).execute();
}

export async function findMember(db: Executor, groupId: number, memberId: number) {
  return db
    .selectFrom('group_members')
    .select(['id', 'person_id', 'role', 'sort'])
    .where('group_id', '=', groupId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

export async function isMember(db: Executor, groupId: number, personId: number) {
  const row = await db
    .selectFrom('group_members')
    .select('id')
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return !!row;
}

export async function nextSort(db: Executor, groupId: number) {
  const row = await db
    .selectFrom('group_members')
    .select((eb) => eb.fn.max<number | null>('sort').as('max'))
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertMember(
  db: Executor,
  values: { cityId: number; groupId: number; personId: number; role: string; sort: number },
) {
  const row = await db
    .insertInto('group_members')
    .values({
      city_id: values.cityId,
      group_id: values.groupId,
      person_id: values.personId,
      role: values.role,
      sort: values.sort,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteMember(db: Executor, memberId: number) {
  await db.deleteFrom('group_members').where('id', '=', memberId).execute();
}
