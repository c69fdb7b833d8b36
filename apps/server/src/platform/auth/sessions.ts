// Cookie sessions. The browser holds a random token; the database holds only its sha256, the
// CSRF token bound to the session, and when it was last used (for the idle timeout).

import { createHash, randomBytes } from 'node:crypto';
import { isRole, permissionsOf, type Role } from '@cc/common/permissions';
import type { Actor } from '../context.js';
import type { Executor } from '../db.js';
import { isLocale } from '../i18n.js';
import { isPasswordExpired, type PasswordPolicy } from './passwords.js';

export const SESSION_COOKIE = 'cc_session';
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 30_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Executor,
  input: { cityId: number; userId: number; ip: string | null; userAgent: string | null; now: Date },
): Promise<{ token: string; sessionId: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = hashToken(token);
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      city_id: input.cityId,
      user_id: input.userId,
      csrf_token: csrfToken,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      created_at: input.now,
      last_seen_at: input.now,
    })
    .execute();
  return { token, sessionId, csrfToken };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Executor, userId: number, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export type SessionLookup = { actor: Actor } | { expired: true } | null;

/** Finds the session for a cookie token; expires it when idle too long; touches last_seen_at. */
export async function resolveSession(
  db: Executor,
  token: string,
  now: Date,
  policyFor: (cityId: number) => Promise<PasswordPolicy>,
): Promise<SessionLookup> {
  const sessionId = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.last_seen_at',
      'u.id as user_id',
      'u.city_id',
      'u.username',
      'u.display_name',
      'u.roles',
      'u.region_id',
      'r.path as region_path',
      'u.unit_id',
      'u.status',
      'u.locale',
      'u.must_change_password',
      'u.password_changed_at',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const policy = await policyFor(row.city_id);
  const idleMs = policy.idleTimeoutMinutes * 60_000;
  if (row.status !== 'active' || now.getTime() - row.last_seen_at.getTime() > idleMs) {
    await deleteSession(db, sessionId);
    return { expired: true };
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
  }
  const roles = row.roles.filter(isRole) as Role[];
  return {
    actor: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      cityId: row.city_id,
      roles,
      permissions: new Set(permissionsOf(roles)),
      regionId: row.region_id,
      regionPath: row.region_path,
      unitId: row.unit_id,
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      mustChangePassword: row.must_change_password,
      passwordExpired: isPasswordExpired(row.password_changed_at, policy, now),
      locale: isLocale(row.locale) ? row.locale : 'zh-CN',
    },
  };
}
