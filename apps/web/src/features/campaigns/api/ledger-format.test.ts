import { describe, expect, it } from 'vitest';
import { translate } from '../../../app/i18n/catalogues';
import type { TFunction } from '../../../app/i18n/locale-provider';
import type { InstanceListItem, Recurrence } from './campaign-types';
import {
  byUrgency,
  dueText,
  dueTone,
  evidenceParts,
  percentText,
  recurrenceRule,
  recurrenceText,
} from './ledger-format';

const zh: TFunction = (key, params) => translate('zh-CN', key, params);
const en: TFunction = (key, params) => translate('en-US', key, params);

const rec = (r: Partial<Recurrence>): Recurrence => ({
  kind: 'once',
  dueOn: null,
  from: null,
  until: null,
  day: null,
  ...r,
});

describe('recurrence text', () => {
  it('reads a one-off task with its date', () => {
    expect(recurrenceRule(zh, rec({ kind: 'once', dueOn: '2026-03-31' }))).toBe('2026-03-31 前完成');
    expect(recurrenceText(en, rec({ kind: 'once', dueOn: '2026-03-31' }))).toBe('Due by 2026-03-31');
  });

  it('reads weekly, monthly and quarterly rules with their range', () => {
    const weekly = rec({ kind: 'weekly', from: '2026-03-02', until: '2026-12-28', day: 1 });
    expect(recurrenceText(zh, weekly)).toBe('每周一（2026-03-02 至 2026-12-28）');
    expect(recurrenceRule(en, weekly)).toBe('Every Monday');
    expect(recurrenceRule(zh, rec({ kind: 'monthly', day: 15 }))).toBe('每月 15 日');
    expect(recurrenceRule(zh, rec({ kind: 'monthly', day: 31 }))).toBe('每月最后一天');
    expect(recurrenceRule(zh, rec({ kind: 'quarterly', day: 10 }))).toBe('每季度末月 10 日');
    expect(recurrenceRule(en, rec({ kind: 'quarterly', day: 31 }))).toBe('Last day of each quarter');
  });
});

describe('evidence', () => {
  it('lists only what is required', () => {
    expect(evidenceParts(zh, { photos: 0, files: 0, metricName: null, metricUnit: null })).toEqual([]);
    expect(evidenceParts(zh, { photos: 2, files: 1, metricName: '悬挂横幅', metricUnit: '条' })).toEqual([
      '照片至少 2 张',
      '附件至少 1 个',
      '填报“悬挂横幅”（条）',
    ]);
  });
});

describe('due dates', () => {
  const item = (displayStatus: InstanceListItem['displayStatus'], daysLeft: number) => ({ displayStatus, daysLeft });

  it('tells late, today, soon and later apart, and says nothing once reported', () => {
    expect(dueTone(item('overdue', -3))).toBe('overdue');
    expect(dueText(zh, item('overdue', -3))).toBe('逾期 3 天');
    expect(dueTone(item('not_started', 0))).toBe('today');
    expect(dueTone(item('returned', 2))).toBe('soon');
    expect(dueText(zh, item('in_progress', 2))).toBe('剩 2 天');
    expect(dueTone(item('not_started', 10))).toBe('later');
    expect(dueTone(item('submitted', -5))).toBe('done');
    expect(dueText(zh, item('accepted', -5))).toBe('');
  });

  it('sorts what is still to report first, then by due date', () => {
    const rows = [
      { id: 1, displayStatus: 'submitted' as const, dueOn: '2026-01-01' },
      { id: 2, displayStatus: 'not_started' as const, dueOn: '2026-03-01' },
      { id: 3, displayStatus: 'overdue' as const, dueOn: '2026-02-01' },
      { id: 4, displayStatus: 'accepted' as const, dueOn: '2025-12-01' },
    ];
    expect([...rows].sort(byUrgency).map((r) => r.id)).toEqual([3, 2, 4, 1]);
  });

  it('writes percentages with one decimal or a dash', () => {
    expect(percentText(null)).toBe('—');
    expect(percentText(66.66)).toBe('66.7%');
    expect(percentText(100)).toBe('100%');
  });
});
