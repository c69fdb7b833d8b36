// Client mirror of the server's account rules: the three administrator roles (三员分立) are each
// held alone, and region / unit staff need their region / unit.
import type { Role } from '@cc/common/permissions';

export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export function hasRoleConflict(roles: readonly Role[]): boolean {
  return roles.some((r) => ADMIN_ROLES.includes(r)) && roles.length > 1;
}

export function needsRegion(roles: readonly Role[] | undefined): boolean {
  return !!roles?.includes('region_staff');
}

export function needsUnit(roles: readonly Role[] | undefined): boolean {
  return !!roles?.includes('unit_staff');
}
