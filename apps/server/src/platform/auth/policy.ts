// The city's security policy: stored per city, defaults from the configuration.

import type { Config } from '../config.js';
import type { Executor } from '../db.js';
import type { PasswordPolicy } from './passwords.js';

export async function loadPolicy(db: Executor, config: Config, cityId: number | null): Promise<PasswordPolicy> {
  if (cityId === null) return { ...config.security };
  const row = await db.selectFrom('security_policies').selectAll().where('city_id', '=', cityId).executeTakeFirst();
  if (!row) return { ...config.security };
  return {
    passwordMinLength: row.password_min_length,
    passwordRequireClasses: row.password_require_classes,
    passwordExpiryDays: row.password_expiry_days,
    lockoutThreshold: row.lockout_threshold,
    lockoutMinutes: row.lockout_minutes,
    idleTimeoutMinutes: row.idle_timeout_minutes,
  };
}

export async function savePolicy(db: Executor, cityId: number, policy: PasswordPolicy, now: Date): Promise<void> {
  const values = {
    password_min_length: policy.passwordMinLength,
    password_require_classes: policy.passwordRequireClasses,
    password_expiry_days: policy.passwordExpiryDays,
    lockout_threshold: policy.lockoutThreshold,
    lockout_minutes: policy.lockoutMinutes,
    idle_timeout_minutes: policy.idleTimeoutMinutes,
    updated_at: now,
  };
  await db
    .insertInto('security_policies')
    .values({ city_id: cityId, ...values })
    .onConflict((oc) => oc.column('city_id').doUpdateSet(values))
    .execute();
}
