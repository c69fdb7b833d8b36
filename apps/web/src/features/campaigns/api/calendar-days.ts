// The campaign calendar's month view: which dates to ask the server for (the month plus the
// days of the neighbouring months the grid shows), and the day-by-day index of what falls on each
// date — task dues, events, activities spanning it — and each month's theme (每月一主题).
// Pure: dates are 'YYYY-MM-DD', months 'YYYY-MM'; event times are turned into local dates by the
// caller-supplied function.
import type { Activity, CampaignCalendar, DayDues, EventListItem, Theme } from './campaign-types';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function utcDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The dates a month grid can show: from 6 days before the 1st to 13 days after the last day
 * (a 6-week grid starting on Monday or Sunday always fits).
 */
export function calendarRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const first = Date.UTC(y, m - 1, 1);
  const last = Date.UTC(y, m, 0);
  return { from: utcDate(first - 6 * 86_400_000), to: utcDate(last + 13 * 86_400_000) };
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

export interface DayCell {
  dues: DayDues | null;
  events: EventListItem[];
  activities: Activity[];
}

export interface CalendarIndex {
  day: (date: string) => DayCell;
  theme: (month: string) => Theme | null;
}

export function indexCalendar(calendar: CampaignCalendar, localDate: (iso: string) => string): CalendarIndex {
  const dues = new Map(calendar.dues.map((d) => [d.date, d]));
  const events = new Map<string, EventListItem[]>();
  for (const e of calendar.events) {
    const date = localDate(e.startsAt);
    events.set(date, [...(events.get(date) ?? []), e]);
  }
  const themes = new Map(calendar.themes.map((t) => [t.month, t]));
  return {
    day: (date) => ({
      dues: dues.get(date) ?? null,
      events: events.get(date) ?? [],
      activities: calendar.activities.filter((a) => a.startsOn <= date && date <= a.endsOn),
    }),
    theme: (month) => themes.get(month) ?? null,
  };
}

/** The months of a campaign's period, for the theme list (每月一主题). */
export function monthsBetween(startsOn: string, endsOn: string, max = 120): string[] {
  const months: string[] = [];
  let month = monthOf(startsOn);
  const last = monthOf(endsOn);
  while (month <= last && months.length < max) {
    months.push(month);
    month = shiftMonth(month, 1);
  }
  return months;
}
