// Who sees canvass drives, assignments, visits and opinions, stated once as SQL for reads and as
// pure checks for writes. The rule:
//   - assignments: city-level staff all; a region's staff those of communities in its subtree; a
//     unit its own (and its direct sub-units') assignments;
//   - drives: those the actor manages (owned by a region in its subtree) and those holding an
//     assignment the actor sees;
//   - visits: those of visible assignments, and always the ones the actor recorded;
//   - opinions: those of visible assignments, and those routed to the actor's unit (it must answer
//     them even when another unit recorded them).
// Anything else is not found (404).

import { sql, type Expression, type SqlBool } from 'kysely';
import { can, isRegionPathInScope, regionInScope, unitInScope } from '../../platform/access.js';
import type { Actor } from '../../platform/context.js';
import { isCityRootActor } from '../organisation/index.js';

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

function anyOf(parts: Expression<SqlBool>[]): Expression<SqlBool> {
  return parts.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** SQL over a row with a community column and a unit column (an assignment, visit or opinion). */
export function placeVisible(actor: Actor, communityColumn: string, unitColumn: string): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  const parts: Expression<SqlBool>[] = [];
  if (actor.regionPath) parts.push(regionInScope(actor, communityColumn));
  if (actor.unitId) parts.push(unitInScope(actor, unitColumn));
  return anyOf(parts);
}

export function assignmentVisible(actor: Actor, alias = 'a'): Expression<SqlBool> {
  return placeVisible(actor, `${alias}.community_id`, `${alias}.unit_id`);
}

export function visitVisible(actor: Actor, alias = 'v'): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  return anyOf([
    sql<SqlBool>`${sql.ref(`${alias}.recorder_id`)} = ${actor.userId}`,
    placeVisible(actor, `${alias}.community_id`, `${alias}.unit_id`),
  ]);
}

export function opinionVisible(actor: Actor, alias = 'o'): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  const parts = [placeVisible(actor, `${alias}.community_id`, `${alias}.unit_id`)];
  if (actor.unitId) parts.push(unitInScope(actor, `${alias}.routed_unit_id`));
  return anyOf(parts);
}

/** SQL over a canvass_drives row aliased `alias`. */
export function driveVisible(actor: Actor, alias = 'd'): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  const parts: Expression<SqlBool>[] = [];
  if (can(actor, 'canvass.manage') && actor.regionPath) parts.push(regionInScope(actor, `${alias}.region_id`));
  parts.push(
    sql<SqlBool>`EXISTS (SELECT 1 FROM canvass_assignments va WHERE va.drive_id = ${sql.ref(`${alias}.id`)} AND ${assignmentVisible(actor, 'va')})`,
  );
  if (actor.unitId) {
    parts.push(
      sql<SqlBool>`EXISTS (SELECT 1 FROM canvass_opinions vo WHERE vo.drive_id = ${sql.ref(`${alias}.id`)} AND ${unitInScope(actor, 'vo.routed_unit_id')})`,
    );
  }
  return anyOf(parts);
}

/** Pure: the actor plans, edits, opens and closes drives owned by the region with this path. */
export function canManageDrive(actor: Actor, regionPath: string): boolean {
  return can(actor, 'canvass.manage') && isRegionPathInScope(actor, regionPath);
}

/** Pure: the actor records visits for (or kicks off) this unit's assignment. */
export function recordsForUnit(actor: Actor, unit: { id: number; parentId: number | null }): boolean {
  if (!can(actor, 'canvass.record')) return false;
  if (actor.unitId) return actor.unitId === unit.id || actor.unitId === unit.parentId;
  // Office staff without a unit may type in paper forms for any unit in their scope.
  return can(actor, 'canvass.manage');
}

/** Pure: the actor answers opinions routed to this unit. */
export function answersForUnit(actor: Actor, unit: { id: number; parentId: number | null }): boolean {
  if (!can(actor, 'canvass.answer')) return false;
  if (actor.unitId) return actor.unitId === unit.id || actor.unitId === unit.parentId;
  return can(actor, 'canvass.manage');
}
