// "剩余 5 小时" / "超期 2 天": how far a deadline is from now, in the largest whole unit. Pure.

export type DurationUnit = 'day' | 'hour' | 'minute';

export interface DeadlineDistance {
  /** True when the deadline has passed. */
  past: boolean;
  amount: number;
  unit: DurationUnit;
  /** Hours to go (negative when past), for "due soon" colouring. */
  hoursLeft: number;
}

export function deadlineDistance(deadline: string | Date, now: Date = new Date()): DeadlineDistance | null {
  const at = new Date(deadline).getTime();
  if (Number.isNaN(at)) return null;
  const diff = at - now.getTime();
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  const base = { past: diff < 0, hoursLeft: diff / 3_600_000 };
  if (minutes >= 24 * 60) return { ...base, amount: Math.floor(minutes / (24 * 60)), unit: 'day' };
  if (minutes >= 60) return { ...base, amount: Math.floor(minutes / 60), unit: 'hour' };
  return { ...base, amount: Math.max(1, minutes), unit: 'minute' };
}
