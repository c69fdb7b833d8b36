// Pure helpers of the volunteer screens: hours from minutes, the QR link and the token inside
// whatever a camera or a paste gives, when to fetch a fresh QR code before the shown one expires,
// an activity's phase against the clock, compliance rates as percentages and the family list.
import type { ActivityListItem, FamilyMember } from './volunteer-types';

/** 90 → "1.5": hours with at most one decimal, as volunteer records show them. */
export function hoursText(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const hours = Math.round((minutes / 60) * 10) / 10;
  return String(hours);
}

/** `CCV1.<activity>.<expiry>.<signature>`, as the server signs it. */
const TOKEN = /CCV1\.\d{1,15}\.\d{1,12}\.[A-Za-z0-9_-]{8,}/;

/** The page a phone's own camera app opens from the code: the scan page with the token. */
export function scanUrl(origin: string, token: string): string {
  return `${origin}/m/volunteer/scan?t=${encodeURIComponent(token)}`;
}

/**
 * The token in a scanned or pasted text: the code itself, or the scan link that carries it. Null
 * when the text holds no token (another QR code, a typo).
 */
export function tokenFromScan(text: string | null | undefined): string | null {
  if (!text) return null;
  let value = text.trim();
  try {
    const url = new URL(value);
    value = url.searchParams.get('t') ?? value;
  } catch {
    // not a link: the token itself, or text around it
  }
  const match = TOKEN.exec(value);
  return match ? match[0].slice(0, 200) : null;
}

/** The activity id a token names (to show which activity the member is checking in to). */
export function activityIdOfToken(token: string): number | null {
  const parts = token.split('.');
  return parts.length === 4 && /^\d{1,15}$/.test(parts[1]) ? Number(parts[1]) : null;
}

/**
 * Milliseconds until a displayed code should be replaced: `leadMs` before it expires, never sooner
 * than `minMs` (a clock skew must not make the screen refetch in a loop), and at most a day (timers
 * overflow beyond ~24.8 days).
 */
export function qrRefreshDelay(expiresAt: string, now: number, leadMs = 60_000, minMs = 5_000): number {
  const at = Date.parse(expiresAt);
  if (!Number.isFinite(at)) return minMs;
  return Math.min(86_400_000, Math.max(minMs, at - now - leadMs));
}

export type ActivityPhase = 'cancelled' | 'upcoming' | 'ongoing' | 'ended';

export function activityPhase(a: Pick<ActivityListItem, 'status' | 'startsAt' | 'endsAt'>, now: number): ActivityPhase {
  if (a.status === 'cancelled') return 'cancelled';
  if (now < Date.parse(a.startsAt)) return 'upcoming';
  if (now <= Date.parse(a.endsAt)) return 'ongoing';
  return 'ended';
}

/** Whether a member may still sign up: published, not ended, and a place left. */
export function canSignUp(a: ActivityListItem, now: number): boolean {
  const phase = activityPhase(a, now);
  if (phase === 'cancelled' || phase === 'ended' || a.mine.signedUp) return false;
  return a.capacity === null || a.signups < a.capacity;
}

/** 0.456 → 45.6; null stays null. */
export function ratePercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return Math.round(rate * 1000) / 10;
}

/** The family rows of a form: trimmed, empty rows dropped, the same person once. */
export function cleanFamily(rows: readonly (Partial<FamilyMember> | undefined)[] | undefined): FamilyMember[] {
  const seen = new Set<string>();
  const out: FamilyMember[] = [];
  for (const row of rows ?? []) {
    const name = (row?.name ?? '').trim();
    const relation = (row?.relation ?? '').trim();
    if (!name || !relation) continue;
    const key = `${name}\u0000${relation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, relation });
  }
  return out;
}

/** Free-text tags (skills, available times): trimmed, empty and repeated ones dropped, capped. */
export function cleanTags(values: readonly string[] | undefined, max = 10, maxLength = 20): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    const tag = v.trim().slice(0, maxLength);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out.slice(0, max);
}
