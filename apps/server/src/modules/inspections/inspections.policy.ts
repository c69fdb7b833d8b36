// Who sees sites, rounds, inspections and material, stated once as SQL for reads and as pure
// checks for writes. The rule:
//   - sites: the whole city for city-level staff; a region's staff and inspectors their region
//     subtree; a unit the sites it is responsible for (包保) — its own unit and direct sub-units;
//   - inspections: those of visible sites (by the snapshot taken when drawn), and always the ones
//     assigned to the actor;
//   - rounds: those the actor manages (owned by a region in its subtree), and those holding an
//     inspection the actor sees;
//   - material requirements: a reviewer those of units it sees, a unit its own.
// Anything else is not found (404).

import { sql, type Expression, type SqlBool } from 'kysely';
import { can, isRegionPathInScope, regionInScope, unitInScope } from '../../platform/access.js';
import type { Actor } from '../../platform/context.js';
import { isCityRootActor, unitIdVisible } from '../organisation/index.js';

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

function anyOf(parts: Expression<SqlBool>[]): Expression<SqlBool> {
  return parts.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** SQL over a row with a region column and a unit column (a site, or an inspection's snapshot). */
export function placeVisible(actor: Actor, regionColumn: string, unitColumn: string): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  const parts: Expression<SqlBool>[] = [];
  if (actor.regionPath) parts.push(regionInScope(actor, regionColumn));
  if (actor.unitId) parts.push(unitInScope(actor, unitColumn));
  return anyOf(parts);
}

export function siteVisible(actor: Actor, alias = 's'): Expression<SqlBool> {
  return placeVisible(actor, `${alias}.region_id`, `${alias}.unit_id`);
}

export function inspectionVisible(actor: Actor, alias = 'i'): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  return anyOf([
    sql<SqlBool>`${sql.ref(`${alias}.inspector_id`)} = ${actor.userId}`,
    placeVisible(actor, `${alias}.region_id`, `${alias}.unit_id`),
  ]);
}

/** SQL over an inspection_rounds row aliased `alias`. */
export function roundVisible(actor: Actor, alias = 'r'): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  const parts: Expression<SqlBool>[] = [];
  if (can(actor, 'inspection.manage') && actor.regionPath) parts.push(regionInScope(actor, `${alias}.region_id`));
  parts.push(
    sql<SqlBool>`EXISTS (SELECT 1 FROM inspections vi WHERE vi.round_id = ${sql.ref(`${alias}.id`)} AND ${inspectionVisible(actor, 'vi')})`,
  );
  return anyOf(parts);
}

/** Pure: the actor plans and closes rounds owned by the region with this path. */
export function canManageRound(actor: Actor, regionPath: string): boolean {
  return can(actor, 'inspection.manage') && isRegionPathInScope(actor, regionPath);
}

/** Pure: the actor may register or edit a site placed in this region (null: city-level only). */
export function canManageSite(actor: Actor, regionPath: string | null): boolean {
  if (!can(actor, 'site.manage')) return false;
  if (isCityRootActor(actor)) return true;
  return !!regionPath && isRegionPathInScope(actor, regionPath);
}

/** SQL over a material_requirements row aliased `alias`. */
export function requirementVisible(actor: Actor, alias = 'm'): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (can(actor, 'material.review')) parts.push(unitIdVisible(actor, `${alias}.unit_id`));
  if (can(actor, 'material.submit') && actor.unitId) parts.push(unitInScope(actor, `${alias}.unit_id`));
  return anyOf(parts);
}

/** Pure: the actor submits material for this unit (its own or a direct sub-unit). */
export function submitsForUnit(actor: Actor, unit: { id: number; parentId: number | null }): boolean {
  if (!can(actor, 'material.submit') || !actor.unitId) return false;
  return unit.id === actor.unitId || unit.parentId === actor.unitId;
}
