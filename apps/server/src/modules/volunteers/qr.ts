// The activity's QR code: a payload naming the activity and an expiry, signed with the activity's
// own key (HMAC-SHA-256, kept in the database and never sent out). A member's phone scans it and
// sends it back with the check-in; a code of another activity, an expired one or a forged one is
// refused. Pure apart from the crypto.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const QR_PREFIX = 'CCV1';

export interface QrPayload {
  activityId: number;
  /** Seconds since the epoch after which the code no longer works. */
  expiresAt: number;
}

export type QrProblem = 'malformed' | 'forged' | 'expired' | 'other_activity';

export function newQrKey(): string {
  return randomBytes(32).toString('base64url');
}

function sign(key: string, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

/** `CCV1.<activity id>.<expiry>.<signature>`: short enough for a dense-free QR code. */
export function signQr(key: string, payload: QrPayload): string {
  const body = `${QR_PREFIX}.${payload.activityId}.${payload.expiresAt}`;
  return `${body}.${sign(key, body)}`;
}

/** The activity id a token claims, or null when it is not a token at all (to look the key up). */
export function claimedActivity(token: string): number | null {
  const parts = token.trim().split('.');
  if (parts.length !== 4 || parts[0] !== QR_PREFIX || !/^\d{1,15}$/.test(parts[1])) return null;
  return Number(parts[1]);
}

export function verifyQr(
  key: string,
  token: string,
  expected: { activityId: number; now: Date },
): { ok: true; payload: QrPayload } | { ok: false; problem: QrProblem } {
  const parts = token.trim().split('.');
  if (parts.length !== 4 || parts[0] !== QR_PREFIX || !/^\d{1,15}$/.test(parts[1]) || !/^\d{1,12}$/.test(parts[2])) {
    return { ok: false, problem: 'malformed' };
  }
  const body = parts.slice(0, 3).join('.');
  const given = Buffer.from(parts[3], 'base64url');
  const wanted = Buffer.from(sign(key, body), 'base64url');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, problem: 'forged' };
  const payload = { activityId: Number(parts[1]), expiresAt: Number(parts[2]) };
  if (payload.activityId !== expected.activityId) return { ok: false, problem: 'other_activity' };
  if (payload.expiresAt * 1000 < expected.now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, payload };
}
