// The one place that decides what an actor may see: permission checks and data scope.
// Scope = a region subtree (regions.path prefix) and/or a unit. Repositories call these helpers in
// every read, so rows outside the scope are simply not found (404), never "forbidden".

import { sql, type Expression, type SqlBool } from 'kysely';
import type { Permission } from '@cc/common/permissions';
import { AppError } from './errors.js';
import type { Actor } from './context.js';

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
}

/** SQL: the region id in `column` lies in the actor's region subtree. False when unscoped. */
export function regionInScope(actor: Actor, column: Expression<number | null> | string): Expression<SqlBool> {
  if (!actor.regionPath) return sql<SqlBool>`false`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${ref} IN (SELECT r.id FROM regions r WHERE r.city_id = ${actor.cityId} AND r.path LIKE ${actor.regionPath + '%'})`;
}

/** SQL: the unit id in `column` is the actor's unit or one of its direct sub-units. */
export function unitInScope(actor: Actor, column: string): Expression<SqlBool> {
  if (!actor.unitId) return sql<SqlBool>`false`;
  // An array, not `= x OR IN (subquery)`: the planner can then use an index on the column.
  return sql<SqlBool>`${sql.ref(column)} = ANY(ARRAY(SELECT ${actor.unitId}::bigint UNION ALL SELECT u.id FROM units u WHERE u.city_id = ${actor.cityId} AND u.parent_id = ${actor.unitId}))`;
}

/** Whether a region path lies inside the actor's region scope (for checks in services). */
export function isRegionPathInScope(actor: Actor, path: string | null | undefined): boolean {
  return !!actor.regionPath && !!path && path.startsWith(actor.regionPath);
}

export function isCityWide(actor: Actor, cityRootPath: string): boolean {
  return actor.regionPath === cityRootPath;
}
