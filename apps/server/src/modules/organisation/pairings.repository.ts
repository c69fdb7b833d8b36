// SQL for pairings. Every read is limited to the pairings the actor sees (org.policy.ts).

import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import type { PageArgs } from '../../platform/http.js';
import { containsPattern, inRegionSubtree, pairingRowVisible } from './org.policy.js';

export interface PairingFilter {
  q?: string;
  unitId?: number;
  targetType?: string;
  regionId?: number;
  activeOn?: string;
}

function filtered(db: Executor, actor: Actor, filter: PairingFilter) {
  let q = db
    .selectFrom('pairings as pa')
    .innerJoin('units as u', 'u.id', 'pa.unit_id')
    .where('pa.city_id', '=', actor.cityId)
    .where(pairingRowVisible(actor, 'pa'));
  if (filter.q?.trim()) {
    const pattern = containsPattern(filter.q);
    q = q.where((eb) => eb.or([eb('pa.target_name', 'ilike', pattern), eb('u.name', 'ilike', pattern)]));
  }
  if (filter.unitId) q = q.where('pa.unit_id', '=', filter.unitId);
  if (filter.targetType) q = q.where('pa.target_type', '=', filter.targetType);
  if (filter.regionId) q = q.where(inRegionSubtree(actor.cityId, 'pa.region_id', filter.regionId));
  if (filter.activeOn) {
    const day = filter.activeOn;
    q = q
      .where('pa.starts_on', '<=', day)
      .where((eb) => eb.or([eb('pa.ends_on', 'is', null), eb('pa.ends_on', '>=', day)]));
  }
  return q;
}

function withNames(db: Executor, actor: Actor, filter: PairingFilter) {
  return filtered(db, actor, filter)
    .leftJoin('regions as r', 'r.id', 'pa.region_id')
    .select([
      'pa.id',
      'pa.unit_id',
      'u.name as unit_name',
      'pa.target_type',
      'pa.region_id',
      'r.name as region_name',
      'pa.target_name',
      'pa.starts_on',
      'pa.ends_on',
      'pa.note',
    ]);
}

export async function countPairings(db: Executor, actor: Actor, filter: PairingFilter) {
  const row = await filtered(db, actor, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listPairings(db: Executor, actor: Actor, filter: PairingFilter, page?: PageArgs) {
  let q = withNames(db, actor, filter).orderBy('pa.starts_on', 'desc').orderBy('pa.id');
  if (page) q = q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return q.execute();
}

export function findPairing(db: Executor, actor: Actor, id: number) {
  return withNames(db, actor, {}).where('pa.id', '=', id).executeTakeFirst();
}

export function lockPairing(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('pairings as pa')
    .selectAll('pa')
    .where('pa.city_id', '=', actor.cityId)
    .where('pa.id', '=', id)
    .where(pairingRowVisible(actor, 'pa'))
    .forUpdate()
    .executeTakeFirst();
}

export interface PairingValues {
  unitId: number;
  targetType: string;
  regionId: number | null;
  targetName: string;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
}

function columns(values: Partial<PairingValues>) {
  return {
    ...(values.unitId !== undefined ? { unit_id: values.unitId } : {}),
    ...(values.targetType !== undefined ? { target_type: values.targetType } : {}),
    ...(values.regionId !== undefined ? { region_id: values.regionId } : {}),
    ...(values.targetName !== undefined ? { target_name: values.targetName } : {}),
    ...(values.startsOn !== undefined ? { starts_on: values.startsOn } : {}),
    ...(values.endsOn !== undefined ? { ends_on: values.endsOn } : {}),
    ...(values.note !== undefined ? { note: values.note } : {}),
  };
}

export async function insertPairing(db: Executor, cityId: number, values: PairingValues, now: Date) {
  const row = await db
    .insertInto('pairings')
    .values({
      city_id: cityId,
      unit_id: values.unitId,
      target_type: values.targetType,
      region_id: values.regionId,
      target_name: values.targetName,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      note: values.note,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePairing(db: Executor, id: number, patch: Partial<PairingValues>, now: Date) {
  await db
    .updateTable('pairings')
    .set({ ...columns(patch), updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deletePairing(db: Executor, id: number) {
  await db.deleteFrom('pairings').where('id', '=', id).execute();
}
