// SQL for sign-in and the own account.

import type { Executor } from '../../platform/db.js';

export function findUserForLogin(db: Executor, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'city_id', 'username', 'display_name', 'password_hash', 'status', 'failed_logins', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export function findUserForUpdate(db: Executor, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'city_id', 'username', 'password_hash', 'display_name', 'locale'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function recordFailedLogin(
  db: Executor,
  userId: number,
  threshold: number,
  lockUntil: Date,
): Promise<{ locked: boolean }> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId)
    .returning(['failed_logins'])
    .executeTakeFirstOrThrow();
  if (row.failed_logins >= threshold) {
    await db.updateTable('users').set({ locked_until: lockUntil, failed_logins: 0 }).where('id', '=', userId).execute();
    return { locked: true };
  }
  return { locked: false };
}

export async function recordSuccessfulLogin(db: Executor, userId: number, now: Date) {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('id', '=', userId)
    .execute();
}

export function findMeNames(db: Executor, userId: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('cities as c', 'c.id', 'u.city_id')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .select(['c.name as city_name', 'r.name as region_name', 'n.name as unit_name'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function setPassword(db: Executor, userId: number, passwordHash: string, now: Date, mustChange: boolean) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: mustChange, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

export async function updateProfile(
  db: Executor,
  userId: number,
  patch: { locale?: string; display_name?: string },
  now: Date,
) {
  await db
    .updateTable('users')
    .set({ ...patch, updated_at: now })
    .where('id', '=', userId)
    .execute();
}
