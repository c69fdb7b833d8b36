// Conversions between how case settings are stored (ratios, minutes) and how people type them
// (percent, hours + minutes).

/** 0.2 → 20 (at most one decimal). */
export function ratioToPercent(ratio: number | null | undefined): number | null {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return null;
  return Math.round(ratio * 1000) / 10;
}

/** 20 → 0.2 (at most three decimals, so 12.5 % stays exact). */
export function percentToRatio(percent: number | null | undefined): number | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  return Math.round(percent * 10) / 1000;
}

export interface HoursMinutes {
  hours: number;
  minutes: number;
}

/** 90 → { hours: 1, minutes: 30 }. */
export function splitMinutes(total: number | null | undefined): HoursMinutes {
  const value = total !== null && total !== undefined && Number.isFinite(total) ? Math.max(0, Math.round(total)) : 0;
  return { hours: Math.floor(value / 60), minutes: value % 60 };
}

/** { hours: 1, minutes: 30 } → 90; empty parts count as 0. */
export function joinMinutes(hours: number | null | undefined, minutes: number | null | undefined): number {
  const h = hours !== null && hours !== undefined && Number.isFinite(hours) ? Math.max(0, Math.floor(hours)) : 0;
  const m =
    minutes !== null && minutes !== undefined && Number.isFinite(minutes) ? Math.max(0, Math.floor(minutes)) : 0;
  return h * 60 + m;
}

/** How much of a `limit` (any unit, one decimal) is left when the unit is reminded. */
export function remainingAt(limit: number, ratio: number): number {
  return Math.round(limit * ratio * 10) / 10;
}
