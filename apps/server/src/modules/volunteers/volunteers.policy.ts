// Who sees and does what in community service, stated once:
//   - registrations: the community's office (staff whose region holds the community) sees and
//     decides them; a member sees their own;
//   - members not yet registered: staff see the people of their region or their units;
//   - activities: everyone in the city with volunteer.read sees published activities; an activity
//     is managed by its organiser, by staff of the organising unit, and by staff of the region
//     holding its community (city-level staff manage all);
//   - the 五个一 tracker and compliance: members whose registered community lies in the actor's
//     region.
// Rows outside are not found (404).

import { sql, type Expression, type SqlBool } from 'kysely';
import { can, isRegionPathInScope, regionInScope, unitInScope } from '../../platform/access.js';
import type { Actor } from '../../platform/context.js';
import { isCityRootActor, unitIdVisible } from '../organisation/index.js';

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

function anyOf(parts: Expression<SqlBool>[]): Expression<SqlBool> {
  return parts.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** SQL: a registration (aliased `alias`) the actor decides on or reads as staff. */
export function registrationVisible(actor: Actor, alias = 'r'): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  return actor.regionPath ? regionInScope(actor, `${alias}.community_id`) : FALSE;
}

/** SQL over a people row aliased `alias`: staff see the people of their region or units. */
export function personVisible(actor: Actor, alias = 'p'): Expression<SqlBool> {
  if (isCityRootActor(actor)) return TRUE;
  const parts: Expression<SqlBool>[] = [];
  if (actor.regionPath) parts.push(regionInScope(actor, `${alias}.community_id`));
  parts.push(unitIdVisible(actor, `${alias}.unit_id`));
  return anyOf(parts);
}

/** SQL over a volunteer_activities row aliased `alias`: the actor manages it. */
export function activityManaged(actor: Actor, alias = 'a'): Expression<SqlBool> {
  if (!can(actor, 'volunteer.organise')) return FALSE;
  if (isCityRootActor(actor)) return TRUE;
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`${sql.ref(`${alias}.organiser_id`)} = ${actor.userId}`];
  if (actor.unitId) parts.push(unitInScope(actor, `${alias}.organiser_unit_id`));
  if (actor.regionPath) parts.push(regionInScope(actor, `${alias}.community_id`));
  return anyOf(parts);
}

/** Pure: the same rule for a row in hand. */
export function managesActivity(
  actor: Actor,
  a: {
    organiserId: number;
    organiserUnitId: number | null;
    organiserUnitParentId: number | null;
    communityPath: string | null;
  },
): boolean {
  if (!can(actor, 'volunteer.organise')) return false;
  if (isCityRootActor(actor) || a.organiserId === actor.userId) return true;
  if (actor.unitId && (a.organiserUnitId === actor.unitId || a.organiserUnitParentId === actor.unitId)) return true;
  return isRegionPathInScope(actor, a.communityPath);
}

/** Pure: the actor decides registrations and reports of a community with this path. */
export function managesCommunity(actor: Actor, communityPath: string): boolean {
  return can(actor, 'volunteer.manage') && (isCityRootActor(actor) || isRegionPathInScope(actor, communityPath));
}
