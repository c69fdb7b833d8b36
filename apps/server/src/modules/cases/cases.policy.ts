// Who sees which case, stated once as SQL for reads and once as a pure check for the actor's
// relation to a case. The rule:
//   - the office and inspectors (case.manage / case.verify) see cases in their region subtree — the
//     whole city when their region is the city root;
//   - a responsible unit (case.handle) sees the cases dispatched to it or to its direct sub-units;
//   - everyone sees the cases they reported themselves (also after a merge moved their report).
// Anything else is not found (404).

import { sql, type Expression, type SqlBool } from 'kysely';
import { can, regionInScope, unitInScope } from '../../platform/access.js';
import type { Actor } from '../../platform/context.js';
import { isCityRootActor } from '../organisation/index.js';

export function seesByRegion(actor: Actor): boolean {
  return can(actor, 'case.manage') || can(actor, 'case.verify');
}

/** SQL over a cases row aliased `alias`: the actor may see it. */
export function caseVisible(actor: Actor, alias = 'c'): Expression<SqlBool> {
  if (seesByRegion(actor) && isCityRootActor(actor)) return sql<SqlBool>`true`;
  const parts: Expression<SqlBool>[] = [
    sql<SqlBool>`EXISTS (SELECT 1 FROM case_reporters vr WHERE vr.case_id = ${sql.ref(`${alias}.id`)} AND vr.user_id = ${actor.userId})`,
  ];
  if (seesByRegion(actor) && actor.regionPath) parts.push(regionInScope(actor, `${alias}.region_id`));
  if (can(actor, 'case.handle') && actor.unitId) parts.push(unitInScope(actor, `${alias}.unit_id`));
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** Whether the actor works for the case's responsible unit (its unit or the unit's parent). */
export function isOfResponsibleUnit(
  actor: Actor,
  unit: { id: number | null; parentId: number | null } | null,
): boolean {
  if (!actor.unitId || !unit || unit.id === null) return false;
  return unit.id === actor.unitId || unit.parentId === actor.unitId;
}
