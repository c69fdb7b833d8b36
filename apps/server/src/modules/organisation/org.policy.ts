// Data scope of the organisation module: which units, people, pairings and groups an actor sees and
// may write. Repositories put the SQL predicates below into every read, so rows outside the scope
// are simply not found (404); services use the pure checks to refuse writes whose result the actor
// could no longer see. Both forms state the same rule and must be changed together:
//   - an actor whose region is the city root sees every row of the city;
//   - units: region_id in the actor's region subtree, or the actor's unit and its direct sub-units;
//   - people: their unit is visible, or their residential community is in the region subtree;
//   - pairings: their unit is visible, or their region is in the region subtree;
//   - groups (city-wide bodies): city-root actors, or whoever sees the lead unit.
// Referenced regions (a unit's region, a person's community) follow the regions module's rule: the
// actor's subtree, or the whole city for actors scoped only to a unit.
// Also here: the field errors and input clean-up the organisation services share.

import { sql, type Expression, type SqlBool } from 'kysely';
import { isRegionPathInScope, regionInScope, unitInScope } from '../../platform/access.js';
import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { t, type Locale } from '../../platform/i18n.js';

/** The city root's materialised path has one segment ('/7/'). */
export function isCityRootActor(actor: Actor): boolean {
  return !!actor.regionPath && /^\/\d+\/$/.test(actor.regionPath);
}

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

function anyOf(parts: Expression<SqlBool>[]): Expression<SqlBool> {
  if (parts.length === 0) return FALSE;
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** SQL over a units row aliased `alias`: the actor sees this unit. */
export function unitRowVisible(actor: Actor, alias: string): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  const parts: Expression<SqlBool>[] = [];
  if (actor.regionPath) parts.push(regionInScope(actor, `${alias}.region_id`));
  if (actor.unitId) parts.push(unitInScope(actor, `${alias}.id`));
  return anyOf(parts);
}

/** SQL: the unit id in `column` is a unit the actor sees. */
export function unitIdVisible(actor: Actor, column: string): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  return sql<SqlBool>`${sql.ref(column)} IN (SELECT vu.id FROM units vu WHERE vu.city_id = ${actor.cityId} AND ${unitRowVisible(actor, 'vu')})`;
}

/** SQL over a people row aliased `alias`. */
export function personRowVisible(actor: Actor, alias: string): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  return anyOf([unitIdVisible(actor, `${alias}.unit_id`), regionInScope(actor, `${alias}.community_id`)]);
}

/** SQL over a pairings row aliased `alias`. */
export function pairingRowVisible(actor: Actor, alias: string): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  return anyOf([unitIdVisible(actor, `${alias}.unit_id`), regionInScope(actor, `${alias}.region_id`)]);
}

/** SQL over a groups row aliased `alias`. */
export function groupRowVisible(actor: Actor, alias: string): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  return unitIdVisible(actor, `${alias}.lead_unit_id`);
}

/** SQL: the region id in `column` is `regionId` or lies below it (a list filter, not a scope). */
export function inRegionSubtree(cityId: number, column: string, regionId: number): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} IN (SELECT s.id FROM regions s WHERE s.city_id = ${cityId} AND s.path LIKE (SELECT t.path FROM regions t WHERE t.id = ${regionId} AND t.city_id = ${cityId}) || '%')`;
}

/** A LIKE pattern matching `text` anywhere, with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------------------------------------
// Pure checks, the same rule as the SQL above, for rows that are about to be written.
// ---------------------------------------------------------------------------------------------

/** Whether a referenced region (by its path) may be used by the actor. */
export function canUseRegion(actor: Actor, path: string): boolean {
  return !actor.regionPath || path.startsWith(actor.regionPath);
}

/** Whether the actor would see a unit with these values. `id` is null for a unit not yet saved. */
export function canSeeUnit(
  actor: Actor,
  unit: { id: number | null; parentId: number | null; regionPath: string | null },
): boolean {
  if (isCityRootActor(actor)) return true;
  if (isRegionPathInScope(actor, unit.regionPath)) return true;
  return !!actor.unitId && (unit.id === actor.unitId || unit.parentId === actor.unitId);
}

/**
 * Whether the actor would see a person or pairing: its unit is visible, or its region (a person's
 * community, a pairing's region) lies in the actor's subtree.
 */
export function canSeeByUnitOrRegion(actor: Actor, row: { unitVisible: boolean; regionPath: string | null }): boolean {
  return isCityRootActor(actor) || row.unitVisible || isRegionPathInScope(actor, row.regionPath);
}

/** Whether the actor would see a group led by a unit that is (not) visible to it. */
export function canSeeGroup(actor: Actor, group: { leadUnitVisible: boolean }): boolean {
  return isCityRootActor(actor) || group.leadUnitVisible;
}

/** 400 for a referenced id the actor may not use (or that does not exist: the two look alike). */
export function outOfScope(field: string, locale: Locale): AppError {
  return fieldError(locale, field, 'OUT_OF_SCOPE');
}

/** 400 when the saved row would drop out of the actor's own scope. */
export function resultOutOfScope(): AppError {
  return new AppError('VALIDATION_FAILED', { messageKey: 'OUT_OF_SCOPE_RESULT' });
}

/** 400 pointing at one body field; `key` is the field's message, `messageKey` the overall one. */
export function fieldError(locale: Locale, field: string, key: string, messageKey = key): AppError {
  return new AppError('VALIDATION_FAILED', {
    messageKey,
    details: { fields: [{ path: `body/${field}`, message: t(locale, key) }] },
  });
}

/** Text fields trimmed; blank optional text (every key but `name`) becomes null. */
export function trimInput<T extends object>(input: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value !== 'string') out[key] = value;
    else out[key] = value.trim() === '' && key !== 'name' ? null : value.trim();
  }
  return out as T;
}
