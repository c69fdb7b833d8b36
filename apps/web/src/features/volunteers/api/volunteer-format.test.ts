import { describe, expect, it } from 'vitest';
import {
  activityIdOfToken,
  activityPhase,
  canSignUp,
  cleanFamily,
  cleanTags,
  hoursText,
  qrRefreshDelay,
  ratePercent,
  scanUrl,
  tokenFromScan,
} from './volunteer-format';
import type { ActivityListItem } from './volunteer-types';

const TOKEN = 'CCV1.42.1767225600.abcDEF_123-xyz';

function activity(patch: Partial<ActivityListItem> = {}): ActivityListItem {
  return {
    id: 42,
    title: 't',
    type: { code: 'sanitation', name: '社区环境卫生整治', fiveOne: 'sanitation' },
    community: null,
    organiserUnit: null,
    organiserName: 'x',
    place: 'p',
    startsAt: '2026-01-01T01:00:00.000Z',
    endsAt: '2026-01-01T03:00:00.000Z',
    capacity: null,
    status: 'published',
    signups: 0,
    checkedIn: 0,
    mine: { signedUp: false, attendance: null },
    ...patch,
  };
}

describe('volunteer format', () => {
  it('shows hours with one decimal', () => {
    expect(hoursText(90)).toBe('1.5');
    expect(hoursText(0)).toBe('0');
    expect(hoursText(100)).toBe('1.7');
    expect(hoursText(null)).toBe('—');
  });

  it('finds the token in a scan link, a raw code or surrounding text', () => {
    const url = scanUrl('https://cc.example.cn', TOKEN);
    expect(url).toBe(`https://cc.example.cn/m/volunteer/scan?t=${encodeURIComponent(TOKEN)}`);
    expect(tokenFromScan(url)).toBe(TOKEN);
    expect(tokenFromScan(`  ${TOKEN}\n`)).toBe(TOKEN);
    expect(tokenFromScan(`签到码：${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromScan('https://example.com/other')).toBeNull();
    expect(tokenFromScan('')).toBeNull();
    expect(activityIdOfToken(TOKEN)).toBe(42);
    expect(activityIdOfToken('nope')).toBeNull();
  });

  it('refreshes a code a minute before it expires, never in a tight loop', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(qrRefreshDelay('2026-01-01T00:10:00Z', now)).toBe(9 * 60_000);
    expect(qrRefreshDelay('2026-01-01T00:00:30Z', now)).toBe(5_000);
    expect(qrRefreshDelay('2027-01-01T00:00:00Z', now)).toBe(86_400_000);
    expect(qrRefreshDelay('garbage', now)).toBe(5_000);
  });

  it('tells the phase of an activity and whether one may sign up', () => {
    const before = Date.parse('2026-01-01T00:00:00Z');
    const during = Date.parse('2026-01-01T02:00:00Z');
    const after = Date.parse('2026-01-01T04:00:00Z');
    expect(activityPhase(activity(), before)).toBe('upcoming');
    expect(activityPhase(activity(), during)).toBe('ongoing');
    expect(activityPhase(activity(), after)).toBe('ended');
    expect(activityPhase(activity({ status: 'cancelled' }), before)).toBe('cancelled');
    expect(canSignUp(activity(), before)).toBe(true);
    expect(canSignUp(activity(), after)).toBe(false);
    expect(canSignUp(activity({ capacity: 2, signups: 2 }), before)).toBe(false);
    expect(canSignUp(activity({ mine: { signedUp: true, attendance: null } }), before)).toBe(false);
  });

  it('rounds rates to percentages', () => {
    expect(ratePercent(0.4567)).toBe(45.7);
    expect(ratePercent(1)).toBe(100);
    expect(ratePercent(null)).toBeNull();
  });

  it('cleans family rows and tags', () => {
    expect(
      cleanFamily([
        { name: ' 张三 ', relation: '配偶' },
        { name: '', relation: '子女' },
        undefined,
        { name: '张三', relation: '配偶' },
        { name: '张小', relation: '子女' },
      ]),
    ).toEqual([
      { name: '张三', relation: '配偶' },
      { name: '张小', relation: '子女' },
    ]);
    expect(cleanTags([' 理发 ', '', '理发', '维修'])).toEqual(['理发', '维修']);
    expect(cleanTags(Array.from({ length: 12 }, (_, i) => `t${i}`))).toHaveLength(10);
  });
});
