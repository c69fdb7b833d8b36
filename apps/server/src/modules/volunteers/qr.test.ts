import { describe, expect, it } from 'vitest';
import { claimedActivity, newQrKey, signQr, verifyQr } from './qr.js';

const now = new Date('2026-03-07T01:00:00Z');
const inAnHour = Math.floor(now.getTime() / 1000) + 3600;

describe('activity QR codes', () => {
  it('accepts its own unexpired code', () => {
    const key = newQrKey();
    const token = signQr(key, { activityId: 42, expiresAt: inAnHour });
    expect(claimedActivity(token)).toBe(42);
    expect(verifyQr(key, token, { activityId: 42, now })).toEqual({
      ok: true,
      payload: { activityId: 42, expiresAt: inAnHour },
    });
  });

  it('refuses expired, forged, foreign and malformed codes', () => {
    const key = newQrKey();
    const token = signQr(key, { activityId: 42, expiresAt: inAnHour });
    const later = new Date((inAnHour + 1) * 1000);
    expect(verifyQr(key, token, { activityId: 42, now: later })).toEqual({ ok: false, problem: 'expired' });
    // Another activity's key (or a guessed one) does not verify.
    expect(verifyQr(newQrKey(), token, { activityId: 42, now })).toEqual({ ok: false, problem: 'forged' });
    // A longer expiry written into the token breaks the signature.
    const stretched = token.replace(`.${inAnHour}.`, `.${inAnHour + 86_400}.`);
    expect(verifyQr(key, stretched, { activityId: 42, now })).toEqual({ ok: false, problem: 'forged' });
    // A genuine code of activity 43 shown at activity 42.
    const other = signQr(key, { activityId: 43, expiresAt: inAnHour });
    expect(verifyQr(key, other, { activityId: 42, now })).toEqual({ ok: false, problem: 'other_activity' });
    for (const bad of ['', 'hello', 'CCV1.42', 'CCV1.x.1.abc', 'XXV1.42.1.abc']) {
      expect(verifyQr(key, bad, { activityId: 42, now }).ok, bad).toBe(false);
    }
    expect(claimedActivity('CCV1.x.1.abc')).toBeNull();
  });
});
