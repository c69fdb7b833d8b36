import { describe, expect, it } from 'vitest';
import type { Activity, CampaignCalendar, EventListItem } from './campaign-types';
import { calendarRange, indexCalendar, monthsBetween, shiftMonth } from './calendar-days';

const activity = (id: number, startsOn: string, endsOn: string) =>
  ({ id, startsOn, endsOn, name: `a${id}` }) as Activity;
const event = (id: number, startsAt: string) => ({ id, startsAt, title: `e${id}` }) as EventListItem;

describe('calendar', () => {
  it('asks for the whole grid around a month', () => {
    expect(calendarRange('2026-03')).toEqual({ from: '2026-02-23', to: '2026-04-13' });
    expect(calendarRange('2026-12')).toEqual({ from: '2026-11-25', to: '2027-01-13' });
  });

  it('moves between months across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('indexes dues, events (by local date), spanning activities and themes', () => {
    const calendar: CampaignCalendar = {
      themes: [{ id: 1, campaignId: 1, month: '2026-03', title: '文明交通月', description: null }],
      activities: [activity(1, '2026-03-01', '2026-03-10'), activity(2, '2026-03-05', '2026-03-05')],
      events: [event(1, '2026-03-04T23:30:00Z'), event(2, '2026-03-05T02:00:00Z')],
      dues: [{ date: '2026-03-05', total: 3, open: 2, overdue: 1 }],
    };
    // UTC+8: both events fall on 5 March.
    const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    const index = indexCalendar(calendar, local);
    const day = index.day('2026-03-05');
    expect(day.dues?.overdue).toBe(1);
    expect(day.events.map((e) => e.id)).toEqual([1, 2]);
    expect(day.activities.map((a) => a.id)).toEqual([1, 2]);
    expect(index.day('2026-03-11')).toEqual({ dues: null, events: [], activities: [] });
    expect(index.theme('2026-03')?.title).toBe('文明交通月');
    expect(index.theme('2026-04')).toBeNull();
  });
});
