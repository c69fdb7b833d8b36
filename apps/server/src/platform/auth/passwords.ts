// Password hashing (argon2id) and the password policy check.

import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.js';

export interface PasswordPolicy {
  passwordMinLength: number;
  passwordRequireClasses: number;
  passwordExpiryDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
}

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum upstream, so spelled out here)

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the user name is unknown so timing tells nothing. */
export const DUMMY_HASH_PROMISE = hashPassword('dummy-password-for-timing');

export function characterClasses(password: string): number {
  let classes = 0;
  if (/[a-z]/.test(password)) classes++;
  if (/[A-Z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^a-zA-Z0-9]/.test(password)) classes++;
  return classes;
}

/** Throws a VALIDATION_FAILED AppError naming the first rule the password breaks. */
export function assertPasswordAcceptable(password: string, policy: PasswordPolicy, username?: string): void {
  const fail = (messageKey: string, params?: Record<string, unknown>) =>
    new AppError('VALIDATION_FAILED', {
      messageKey,
      params,
      details: { fields: [{ path: 'body/newPassword', message: messageKey }] },
    });
  if (password.length < policy.passwordMinLength) throw fail('PASSWORD_TOO_SHORT', { min: policy.passwordMinLength });
  if (characterClasses(password) < policy.passwordRequireClasses) {
    throw fail('PASSWORD_TOO_SIMPLE', { classes: policy.passwordRequireClasses });
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    throw fail('PASSWORD_CONTAINS_USERNAME');
  }
}

export function isPasswordExpired(changedAt: Date, policy: PasswordPolicy, now: Date): boolean {
  if (policy.passwordExpiryDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > policy.passwordExpiryDays * 86_400_000;
}
