// Who sees and who manages campaigns and ledger rows, stated once as SQL for reads and once as
// pure checks for writes. The rule:
//   - the office (campaign.manage) manages the campaigns owned by a region in its subtree — the
//     whole city for the city office — and sees every task of those campaigns;
//   - it also sees (read only) the tasks of other campaigns whose lead unit lies in its region
//     (a district office following a city campaign in its district);
//   - a responsible unit (campaign.report) sees the tasks led by its unit or its direct sub-units;
//   - a campaign is visible to whoever manages it or sees one of its tasks.
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

function managesAll(actor: Actor): boolean {
  return can(actor, 'campaign.manage') && isCityRootActor(actor);
}

/** SQL over a row with a campaign's `region_id` column: the actor manages that campaign. */
export function campaignManaged(actor: Actor, regionColumn: string): Expression<SqlBool> {
  if (!can(actor, 'campaign.manage')) return FALSE;
  if (isCityRootActor(actor)) return TRUE;
  return actor.regionPath ? regionInScope(actor, regionColumn) : FALSE;
}

/**
 * SQL: a task (or instance) led by the unit in `unitColumn`, of the campaign whose region is in
 * `campaignRegionColumn`, is visible to the actor.
 */
export function ledgerRowVisible(
  actor: Actor,
  unitColumn: string,
  campaignRegionColumn: string | Expression<number>,
): Expression<SqlBool> {
  if (managesAll(actor)) return TRUE;
  const parts: Expression<SqlBool>[] = [];
  if (can(actor, 'campaign.manage') && actor.regionPath) {
    parts.push(regionInScope(actor, campaignRegionColumn));
    parts.push(
      sql<SqlBool>`${sql.ref(unitColumn)} IN (SELECT lu.id FROM units lu WHERE lu.city_id = ${actor.cityId} AND ${regionInScope(actor, 'lu.region_id')})`,
    );
  }
  if (can(actor, 'campaign.report') && actor.unitId) parts.push(unitInScope(actor, unitColumn));
  return anyOf(parts);
}

/** SQL over a campaigns row aliased `alias`: the actor sees the campaign. */
export function campaignVisible(actor: Actor, alias: string): Expression<SqlBool> {
  if (managesAll(actor)) return TRUE;
  const parts: Expression<SqlBool>[] = [campaignManaged(actor, `${alias}.region_id`)];
  parts.push(
    sql<SqlBool>`EXISTS (SELECT 1 FROM campaign_tasks vt WHERE vt.campaign_id = ${sql.ref(`${alias}.id`)} AND ${ledgerRowVisible(actor, 'vt.lead_unit_id', `${alias}.region_id`)})`,
  );
  return anyOf(parts);
}

/** Pure: the actor manages a campaign owned by the region with this path. */
export function canManageCampaign(actor: Actor, regionPath: string): boolean {
  return can(actor, 'campaign.manage') && isRegionPathInScope(actor, regionPath);
}

/** Pure: the actor reports for instances of this unit (its own unit or a direct sub-unit). */
export function reportsForUnit(actor: Actor, unit: { id: number; parentId: number | null }): boolean {
  if (!can(actor, 'campaign.report') || !actor.unitId) return false;
  return unit.id === actor.unitId || unit.parentId === actor.unitId;
}
