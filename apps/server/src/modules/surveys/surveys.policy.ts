// Who sees and manages questionnaires, stated once as SQL for reads and as a pure check for
// writes: a questionnaire belongs to the office of the region that owns it; city-level staff see
// every questionnaire of the city, a region's staff those owned in its region subtree (with
// survey.read), and manage them with survey.manage. Anything else is not found (404); a role
// without survey.read is refused (403) before any row is read.

import { sql, type Expression, type SqlBool } from 'kysely';
import { can, isRegionPathInScope, regionInScope } from '../../platform/access.js';
import type { Actor } from '../../platform/context.js';
import { isCityRootActor } from '../organisation/index.js';

/** SQL over a surveys row aliased `alias`. */
export function surveyVisible(actor: Actor, alias = 's'): Expression<SqlBool> {
  if (!can(actor, 'survey.read')) return sql<SqlBool>`false`;
  if (isCityRootActor(actor)) return sql<SqlBool>`true`;
  return regionInScope(actor, `${alias}.region_id`);
}

/** Pure: the actor builds, opens, closes and exports the questionnaire owned by this region. */
export function canManageSurvey(actor: Actor, regionPath: string): boolean {
  return can(actor, 'survey.manage') && isRegionPathInScope(actor, regionPath);
}
