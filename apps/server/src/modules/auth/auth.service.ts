// Sign-in with lockout, sign-out, the signed-in user, password change and profile settings.

import { AppError } from '../../platform/errors.js';
import { auditFromCtx, writeAudit } from '../../platform/audit.js';
import type { Actor, Ctx, PublicCtx } from '../../platform/context.js';
import {
  assertPasswordAcceptable,
  DUMMY_HASH_PROMISE,
  hashPassword,
  verifyPassword,
} from '../../platform/auth/passwords.js';
import { loadPolicy } from '../../platform/auth/policy.js';
import { createSession, deleteSession, deleteUserSessions } from '../../platform/auth/sessions.js';
import * as repo from './auth.repository.js';
import type { Me } from './auth.schemas.js';

export interface LoginResult {
  token: string;
  userId: number;
}

export async function login(
  ctx: PublicCtx,
  input: { username: string; password: string; userAgent: string | null },
): Promise<LoginResult> {
  const username = input.username.trim();
  const now = ctx.now();
  const user = await repo.findUserForLogin(ctx.db, username);
  if (!user) {
    await verifyPassword(await DUMMY_HASH_PROMISE, input.password);
    await writeAudit(ctx.db, {
      cityId: null,
      actorId: null,
      actorName: username.slice(0, 64),
      ip: ctx.ip,
      action: 'auth.login',
      result: 'failed',
      message: 'unknown user',
      at: now,
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const base = { cityId: user.city_id, actorId: user.id, actorName: user.display_name, ip: ctx.ip, at: now };
  const entity = { entityType: 'user', entityId: user.id };
  if (user.locked_until && user.locked_until > now) {
    await writeAudit(ctx.db, { ...base, ...entity, action: 'auth.login', result: 'denied', message: 'locked' });
    throw new AppError('ACCOUNT_LOCKED', {
      params: { until: formatTime(user.locked_until, ctx.locale) },
      details: { lockedUntil: user.locked_until.toISOString() },
    });
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    const policy = await loadPolicy(ctx.db, ctx.config, user.city_id);
    const lockUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
    const { locked } = await ctx.db.transaction().execute(async (trx) => {
      const result = await repo.recordFailedLogin(trx, user.id, policy.lockoutThreshold, lockUntil);
      await writeAudit(trx, {
        ...base,
        ...entity,
        action: result.locked ? 'auth.lockout' : 'auth.login',
        result: 'failed',
        message: result.locked ? `locked until ${lockUntil.toISOString()}` : 'wrong password',
      });
      return result;
    });
    if (locked) {
      throw new AppError('ACCOUNT_LOCKED', {
        params: { until: formatTime(lockUntil, ctx.locale) },
        details: { lockedUntil: lockUntil.toISOString() },
      });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await writeAudit(ctx.db, { ...base, ...entity, action: 'auth.login', result: 'denied', message: 'disabled' });
    throw new AppError('ACCOUNT_DISABLED');
  }
  return ctx.db.transaction().execute(async (trx) => {
    await repo.recordSuccessfulLogin(trx, user.id, now);
    const session = await createSession(trx, {
      cityId: user.city_id,
      userId: user.id,
      ip: ctx.ip,
      userAgent: input.userAgent,
      now,
    });
    await writeAudit(trx, { ...base, ...entity, action: 'auth.login', result: 'ok' });
    return { token: session.token, userId: user.id };
  });
}

function formatTime(date: Date, locale: string): string {
  return date.toLocaleString(locale === 'en-US' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export async function logout(ctx: Ctx): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, ctx.actor.sessionId);
    await auditFromCtx(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
  });
}

export async function getMe(ctx: { db: Ctx['db']; config: Ctx['config'] }, actor: Actor): Promise<Me> {
  const names = await repo.findMeNames(ctx.db, actor.userId);
  const policy = await loadPolicy(ctx.db, ctx.config, actor.cityId);
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    cityId: actor.cityId,
    cityName: names.city_name,
    regionId: actor.regionId,
    regionName: names.region_name,
    unitId: actor.unitId,
    unitName: names.unit_name,
    locale: actor.locale,
    mustChangePassword: actor.mustChangePassword,
    passwordExpired: actor.passwordExpired,
    csrfToken: actor.csrfToken,
    idleTimeoutMinutes: policy.idleTimeoutMinutes,
  };
}

export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const policy = await loadPolicy(ctx.db, ctx.config, ctx.actor.cityId);
  const now = ctx.now();
  const user = await repo.findUserForLogin(ctx.db, ctx.actor.username);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    await auditFromCtx(ctx.db, ctx, {
      action: 'account.password.change',
      entityType: 'user',
      entityId: ctx.actor.userId,
      result: 'failed',
      message: 'wrong current password',
    });
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'PASSWORD_WRONG',
      details: { fields: [{ path: 'body/currentPassword', message: 'PASSWORD_WRONG' }] },
    });
  }
  assertPasswordAcceptable(input.newPassword, policy, ctx.actor.username);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'PASSWORD_REUSED',
      details: { fields: [{ path: 'body/newPassword', message: 'PASSWORD_REUSED' }] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.findUserForUpdate(trx, ctx.actor.userId);
    await repo.setPassword(trx, ctx.actor.userId, passwordHash, now, false);
    // Other devices signed in with the old password are signed out.
    await deleteUserSessions(trx, ctx.actor.userId, ctx.actor.sessionId);
    await auditFromCtx(trx, ctx, { action: 'account.password.change', entityType: 'user', entityId: ctx.actor.userId });
  });
}

export async function updateMe(ctx: Ctx, input: { locale?: 'zh-CN' | 'en-US'; displayName?: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findUserForUpdate(trx, ctx.actor.userId);
    const patch: { locale?: string; display_name?: string } = {};
    if (input.locale) patch.locale = input.locale;
    if (input.displayName) patch.display_name = input.displayName.trim();
    if (Object.keys(patch).length === 0) return;
    await repo.updateProfile(trx, ctx.actor.userId, patch, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'account.profile.update',
      entityType: 'user',
      entityId: ctx.actor.userId,
      before: { locale: before.locale, display_name: before.display_name },
      after: patch,
    });
  });
}
