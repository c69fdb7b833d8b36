// Community registration and volunteer service shared by server and web: the weekly 五个一 (the
// Jiaozuo seed: every week each registered member leads the family in one environment clean-up,
// one volunteer service, one civility-pledge promotion, one garbage-sorting practice and one
// persuasion of uncivil behaviour), the tracker's week and bit arithmetic, attendance hours, and
// the check-in window. Pure.

export const FIVE_ONE = ['sanitation', 'volunteer', 'convention', 'sorting', 'dissuasion'] as const;
export type FiveOneItem = (typeof FIVE_ONE)[number];

/** The tracker stores a week's items as bits: sanitation = 1, volunteer = 2, … dissuasion = 16. */
export function fiveOneBit(item: FiveOneItem): number {
  return 1 << FIVE_ONE.indexOf(item);
}

export const ALL_FIVE = (1 << FIVE_ONE.length) - 1;

export function itemsOf(bits: number): FiveOneItem[] {
  return FIVE_ONE.filter((item) => (bits & fiveOneBit(item)) !== 0);
}

export function countItems(bits: number): number {
  let n = 0;
  for (let b = bits & ALL_FIVE; b; b &= b - 1) n++;
  return n;
}

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['open', 'pending', 'confirmed', 'rejected'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Default activity types: the five of 五个一 and the city-wide days. Editable per city. */
export const DEFAULT_ACTIVITY_TYPES: readonly { code: string; name: string; fiveOne: FiveOneItem | null }[] = [
  { code: 'sanitation', name: '社区环境卫生整治', fiveOne: 'sanitation' },
  { code: 'volunteer', name: '社区志愿服务', fiveOne: 'volunteer' },
  { code: 'convention', name: '文明公约宣传', fiveOne: 'convention' },
  { code: 'sorting', name: '垃圾分类实践', fiveOne: 'sorting' },
  { code: 'dissuasion', name: '不文明行为劝导', fiveOne: 'dissuasion' },
  { code: 'clean_day', name: '城市清洁日', fiveOne: 'sanitation' },
  { code: 'lei_feng', name: '学雷锋志愿服务', fiveOne: 'volunteer' },
  { code: 'traffic', name: '文明交通劝导', fiveOne: 'dissuasion' },
];

/** The Monday (YYYY-MM-DD) of the week holding a local date. */
export function weekStartOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7; // Monday → 0 … Sunday → 6
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** The local date (UTC+8 by default) of an instant. */
export function localDay(at: Date, utcOffsetMinutes = 480): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Minutes of service: check-out − check-in, only the part inside the activity, never negative. */
export function serviceMinutes(checkIn: Date, checkOut: Date, activity: { startsAt: Date; endsAt: Date }): number {
  const from = Math.max(checkIn.getTime(), activity.startsAt.getTime());
  const to = Math.min(checkOut.getTime(), activity.endsAt.getTime());
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** How early before the start a member may check in, and how late after the end check out. */
export const CHECK_IN_EARLY_MINUTES = 30;
export const CHECK_OUT_LATE_MINUTES = 120;

export type WindowProblem = 'too_early' | 'too_late' | null;

export function checkInWindow(at: Date, activity: { startsAt: Date; endsAt: Date }): WindowProblem {
  if (at.getTime() < activity.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000) return 'too_early';
  if (at.getTime() > activity.endsAt.getTime()) return 'too_late';
  return null;
}

export function checkOutWindow(at: Date, activity: { endsAt: Date }): WindowProblem {
  return at.getTime() > activity.endsAt.getTime() + CHECK_OUT_LATE_MINUTES * 60_000 ? 'too_late' : null;
}

/**
 * Compliance of a set of members over some weeks: items done / (5 × members × weeks), 0–1. A member
 * with no tracker row in a week did nothing that week. `rows` are the tracker bits of those members.
 */
export function complianceRate(rows: readonly number[], members: number, weeks = 1): number | null {
  if (members <= 0 || weeks <= 0) return null;
  const done = rows.reduce((sum, bits) => sum + countItems(bits), 0);
  return done / (FIVE_ONE.length * members * weeks);
}

/** The masked form of an ID number for certificates: first 3 and last 4 characters kept. */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 7) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

export const ID_TYPES = ['resident_id', 'passport', 'hk_macao', 'taiwan', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character resident ID (GB 11643): digits, a real birth date and the right check character. */
export function isValidResidentId(id: string): boolean {
  const s = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return ID_CHECK[sum % 11] === s[17];
}

/** Whether an ID number fits its type: resident IDs are checked fully, others by shape. */
export function isValidIdNumber(type: IdType, id: string): boolean {
  const s = id.trim().toUpperCase();
  if (type === 'resident_id') return isValidResidentId(s);
  return /^[A-Z0-9()（）-]{5,20}$/.test(s);
}
