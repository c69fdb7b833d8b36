// User account use cases (system admin): list, create, edit roles/scope/status, reset a password,
// export; and unlock (security admin). Enforces separation of duties (三员分立) and data scope.

import type { Role } from '@cc/common/permissions';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import { assertPasswordAcceptable, hashPassword } from '../../platform/auth/passwords.js';
import { loadPolicy } from '../../platform/auth/policy.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { buildWorkbook } from '../../platform/excel.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import * as repo from './users.repository.js';
import type { CreateUserBody, ResetPasswordBody, UpdateUserBody, User, UserListQuery } from './users.schemas.js';

/** 三员分立: each of these is held alone — no other administrator role and no business role. */
const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

function toUser(row: repo.UserListRow, now: Date): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as Role[],
    regionId: row.region_id,
    regionName: row.region_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    personId: row.person_id,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    lockedUntil: row.locked_until && row.locked_until > now ? row.locked_until.toISOString() : null,
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
    mustChangePassword: row.must_change_password,
  };
}

function fieldError(ctx: Ctx, messageKey: string, path: string, params?: Record<string, unknown>) {
  return new AppError('VALIDATION_FAILED', {
    messageKey,
    params,
    details: { fields: [{ path, message: t(ctx.locale, messageKey, params) }] },
  });
}

/** The role set rules: admin roles alone; region staff need a region, unit staff a unit. */
function assertRoles(ctx: Ctx, roles: readonly Role[], scope: { regionId: number | null; unitId: number | null }) {
  if (roles.some((r) => ADMIN_ROLES.includes(r)) && roles.length > 1) {
    throw fieldError(ctx, 'USER_ROLE_CONFLICT', 'body/roles');
  }
  if (roles.includes('region_staff') && !scope.regionId) throw fieldError(ctx, 'SCOPE_REQUIRED', 'body/regionId');
  if (roles.includes('unit_staff') && !scope.unitId) throw fieldError(ctx, 'SCOPE_REQUIRED', 'body/unitId');
}

/**
 * Region, unit and person the account refers to must exist in the city and lie in the actor's
 * scope; `undefined` skips a check, a null region is checked (it means "city level").
 */
async function assertReferencesInScope(
  ctx: Ctx,
  db: Ctx['db'],
  refs: { regionId?: number | null; unitId?: number | null; personId?: number | null },
) {
  const { actor } = ctx;
  if (refs.regionId !== undefined) {
    // No region means a city-level account, which only city-root actors may hold in scope.
    const region = refs.regionId === null ? { path: null } : await repo.findRegionPath(db, actor.cityId, refs.regionId);
    if (!region || !repo.isPathInScope(actor, region.path)) throw fieldError(ctx, 'OUT_OF_SCOPE', 'body/regionId');
  }
  if (refs.unitId) {
    const unit = await repo.findUnitPath(db, actor.cityId, refs.unitId);
    if (!unit || !repo.isPathInScope(actor, unit.path)) throw fieldError(ctx, 'OUT_OF_SCOPE', 'body/unitId');
  }
  if (refs.personId) {
    const person = await repo.findPersonPaths(db, actor.cityId, refs.personId);
    const visible =
      !!person &&
      (repo.isCityRootPath(actor.regionPath) ||
        [person.community_path, person.unit_path].some((p) => p !== null && repo.isPathInScope(actor, p)));
    if (!visible) throw fieldError(ctx, 'OUT_OF_SCOPE', 'body/personId');
  }
}

async function assertPasswordForUser(ctx: Ctx, password: string, username: string) {
  const policy = await loadPolicy(ctx.db, ctx.config, ctx.actor.cityId);
  try {
    assertPasswordAcceptable(password, policy, username);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw fieldError(ctx, error.messageKey, 'body/password', error.params);
  }
}

async function lockInScope(ctx: Ctx, db: Ctx['db'], id: number) {
  const row = await repo.lockUser(db, ctx.actor.cityId, id);
  if (!row || !repo.isPathInScope(ctx.actor, row.region_path)) throw notFound();
  return row;
}

function isUniqueViolation(error: unknown): error is { constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

export async function getUser(ctx: Ctx, id: number): Promise<User> {
  const row = await repo.findUser(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return toUser(row, ctx.now());
}

export async function findUsers(ctx: Ctx, query: UserListQuery) {
  assertCan(ctx.actor, 'user.read');
  const { page, pageSize } = pageArgs(query);
  const filter = { q: query.q, role: query.role };
  const [rows, total] = await Promise.all([
    repo.listUsers(ctx.db, ctx.actor, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    repo.countUsers(ctx.db, ctx.actor, filter),
  ]);
  const now = ctx.now();
  return { items: rows.map((row) => toUser(row, now)), total, page, pageSize };
}

export async function createUser(ctx: Ctx, input: CreateUserBody): Promise<User> {
  assertCan(ctx.actor, 'user.write');
  const username = input.username.trim();
  const scope = { regionId: input.regionId ?? null, unitId: input.unitId ?? null };
  assertRoles(ctx, input.roles, scope);
  await assertReferencesInScope(ctx, ctx.db, { ...scope, personId: input.personId });
  await assertPasswordForUser(ctx, input.password, username);
  const passwordHash = await hashPassword(input.password);
  let id: number;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      if (await repo.isUsernameTaken(trx, username)) throw conflict('USERNAME_TAKEN', { username });
      if (input.personId && (await repo.isPersonLinked(trx, input.personId))) throw conflict('USER_PERSON_LINKED');
      const values = {
        cityId: ctx.actor.cityId,
        username,
        displayName: input.displayName.trim(),
        passwordHash,
        roles: [...input.roles],
        ...scope,
        personId: input.personId ?? null,
        now: ctx.now(),
      };
      const newId = await repo.insertUser(trx, values);
      await auditFromCtx(trx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: newId,
        after: {
          username: values.username,
          displayName: values.displayName,
          roles: values.roles,
          regionId: values.regionId,
          unitId: values.unitId,
          personId: values.personId,
          mustChangePassword: true,
        },
      });
      return newId;
    });
  } catch (error) {
    // Two administrators creating the same name at once: the unique index decides.
    if (isUniqueViolation(error)) {
      throw String(error.constraint ?? '').includes('person')
        ? conflict('USER_PERSON_LINKED')
        : conflict('USERNAME_TAKEN', { username });
    }
    throw error;
  }
  return getUser(ctx, id);
}

export async function updateUser(ctx: Ctx, id: number, input: UpdateUserBody): Promise<User> {
  assertCan(ctx.actor, 'user.write');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockInScope(ctx, trx, id);
    const isSelf = before.id === ctx.actor.userId;
    const roles = (input.roles ?? before.roles) as Role[];
    if (isSelf && input.status === 'disabled') throw conflict('USER_SELF_DISABLE');
    // Nobody re-assigns their own roles: a system admin could otherwise make itself the auditor.
    if (isSelf && input.roles && !sameSet(input.roles, before.roles)) throw conflict('USER_SELF_ROLES');
    const scope = {
      regionId: input.regionId === undefined ? before.region_id : input.regionId,
      unitId: input.unitId === undefined ? before.unit_id : input.unitId,
    };
    assertRoles(ctx, roles, scope);
    await assertReferencesInScope(ctx, trx, {
      regionId: input.regionId !== undefined && input.regionId !== before.region_id ? input.regionId : undefined,
      unitId: input.unitId !== undefined && input.unitId !== before.unit_id ? input.unitId : undefined,
    });
    const patch = {
      ...(input.displayName !== undefined ? { display_name: input.displayName.trim() } : {}),
      ...(input.roles !== undefined ? { roles: [...input.roles] } : {}),
      ...(input.regionId !== undefined ? { region_id: input.regionId } : {}),
      ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
    };
    if (Object.keys(patch).length === 0) return;
    await repo.updateUser(trx, id, patch, ctx.now());
    // A disabled account is signed out everywhere at once, not at its next request.
    if (input.status === 'disabled' && before.status !== 'disabled') await deleteUserSessions(trx, id);
    await auditFromCtx(trx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: {
        displayName: before.display_name,
        roles: before.roles,
        regionId: before.region_id,
        unitId: before.unit_id,
        status: before.status,
      },
      after: {
        displayName: patch.display_name,
        roles: patch.roles,
        regionId: patch.region_id,
        unitId: patch.unit_id,
        status: patch.status,
      },
    });
  });
  return getUser(ctx, id);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export async function resetUserPassword(ctx: Ctx, id: number, input: ResetPasswordBody): Promise<void> {
  assertCan(ctx.actor, 'user.write');
  const target = await repo.findUser(ctx.db, ctx.actor, id);
  if (!target) throw notFound();
  await assertPasswordForUser(ctx, input.password, target.username);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await lockInScope(ctx, trx, id);
    await repo.setPassword(trx, id, passwordHash, ctx.now());
    await deleteUserSessions(trx, id);
    await auditFromCtx(trx, ctx, {
      action: 'user.password.reset',
      entityType: 'user',
      entityId: id,
      after: { mustChangePassword: true },
    });
  });
}

export async function unlockUser(ctx: Ctx, id: number): Promise<void> {
  assertCan(ctx.actor, 'security.user.unlock');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockInScope(ctx, trx, id);
    await repo.clearLockout(trx, id, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      before: { lockedUntil: before.locked_until, failedLogins: before.failed_logins },
      after: { lockedUntil: null, failedLogins: 0 },
    });
  });
}

export async function exportUsers(ctx: Ctx, query: UserListQuery): Promise<Buffer> {
  assertCan(ctx.actor, 'user.read');
  const rows = await repo.listUsers(ctx.db, ctx.actor, { q: query.q, role: query.role });
  const L = ctx.locale;
  return buildWorkbook([
    {
      name: t(L, 'EXPORT_USERS'),
      columns: [
        { header: t(L, 'COL_USERNAME'), key: 'username', width: 20 },
        { header: t(L, 'COL_DISPLAY_NAME'), key: 'displayName', width: 14 },
        { header: t(L, 'COL_ROLES'), key: 'roles', width: 30 },
        { header: t(L, 'COL_REGION'), key: 'region', width: 20 },
        { header: t(L, 'COL_UNIT_NAME'), key: 'unit', width: 24 },
        { header: t(L, 'COL_STATUS'), key: 'status', width: 8 },
        { header: t(L, 'COL_LAST_LOGIN'), key: 'lastLoginAt', width: 18 },
      ],
      rows: rows.map((r) => ({
        username: r.username,
        displayName: r.display_name,
        roles: r.roles.map((role) => t(L, `ROLE_${role}`)),
        region: r.region_name,
        unit: r.unit_name,
        status: t(L, `STATUS_${r.status}`),
        lastLoginAt: r.last_login_at,
      })),
    },
  ]);
}
