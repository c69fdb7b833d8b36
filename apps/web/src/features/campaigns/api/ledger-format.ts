// How the ledger reads: a task's recurrence as a sentence ("每周一", "每月 15 日"), an instance's
// time left or days late, the colour of each display status, and the order of "my tasks" (what
// is still to report first, then by due date). Pure; texts come through the catalogue.
import type { TaskDisplayStatus } from '@cc/common/campaigns';
import type { TFunction } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import type { Evidence, InstanceListItem, Recurrence } from './campaign-types';

/** The day of month that means "the last day" (the server clamps 31 to the month's length). */
export const LAST_DAY = 31;

export function weekdayName(t: TFunction, day: number): string {
  return day >= 1 && day <= 7 ? t(`campaigns.weekday.${day}` as MessageKey) : String(day);
}

/** The rule alone: "2026-03-31 前完成", "每周一", "每月 15 日", "每季度最后一天". */
export function recurrenceRule(t: TFunction, r: Recurrence): string {
  switch (r.kind) {
    case 'once':
      return r.dueOn ? t('campaigns.recurrence.once', { date: r.dueOn }) : t('campaigns.recurrenceKind.once');
    case 'weekly':
      return t('campaigns.recurrence.weekly', { weekday: weekdayName(t, r.day ?? 1) });
    case 'monthly':
      return r.day === null || r.day >= LAST_DAY
        ? t('campaigns.recurrence.monthlyLast')
        : t('campaigns.recurrence.monthly', { day: r.day });
    case 'quarterly':
      return r.day === null || r.day >= LAST_DAY
        ? t('campaigns.recurrence.quarterlyLast')
        : t('campaigns.recurrence.quarterly', { day: r.day });
  }
}

/** The rule with its range for repeating tasks: "每周一（2026-03-02 至 2026-12-28）". */
export function recurrenceText(t: TFunction, r: Recurrence): string {
  const rule = recurrenceRule(t, r);
  if (r.kind === 'once' || !r.from || !r.until) return rule;
  return t('campaigns.recurrence.withRange', { rule, from: r.from, until: r.until });
}

/** What each report must carry: "照片≥2 张 · 附件≥1 个 · 填报：悬挂横幅（条）". Empty when nothing. */
export function evidenceParts(t: TFunction, e: Evidence): string[] {
  const parts: string[] = [];
  if (e.photos > 0) parts.push(t('campaigns.evidence.photos', { count: e.photos }));
  if (e.files > 0) parts.push(t('campaigns.evidence.files', { count: e.files }));
  if (e.metricName) {
    parts.push(
      e.metricUnit
        ? t('campaigns.evidence.metricWithUnit', { name: e.metricName, unit: e.metricUnit })
        : t('campaigns.evidence.metric', { name: e.metricName }),
    );
  }
  return parts;
}

/** The report form's photo label: "照片（至少 2 张）" when the task asks for photos. */
export function photosLabel(t: TFunction, e: Evidence): string {
  return e.photos > 0 ? t('campaigns.report.photosRequired', { count: e.photos }) : t('campaigns.report.photos');
}

/** The report form's file label: "附件（至少 1 个）" when the task asks for files. */
export function filesLabel(t: TFunction, e: Evidence): string {
  return e.files > 0 ? t('campaigns.report.filesRequired', { count: e.files }) : t('campaigns.report.files');
}

export const DISPLAY_STATUS_COLORS: Record<TaskDisplayStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'gold',
  accepted: 'green',
  returned: 'magenta',
  overdue: 'red',
};

/** Still to be reported by the unit (not waiting for review, not accepted). */
export function isStillOpen(status: TaskDisplayStatus): boolean {
  return status !== 'submitted' && status !== 'accepted';
}

export type DueTone = 'overdue' | 'today' | 'soon' | 'later' | 'done';

/** Days within which a due date is "soon" (shown in orange). */
export const SOON_DAYS = 3;

export function dueTone(item: Pick<InstanceListItem, 'displayStatus' | 'daysLeft'>): DueTone {
  if (!isStillOpen(item.displayStatus)) return 'done';
  if (item.daysLeft < 0) return 'overdue';
  if (item.daysLeft === 0) return 'today';
  return item.daysLeft <= SOON_DAYS ? 'soon' : 'later';
}

/** "逾期 3 天", "今天到期", "剩 2 天", or '' once reported. */
export function dueText(t: TFunction, item: Pick<InstanceListItem, 'displayStatus' | 'daysLeft'>): string {
  switch (dueTone(item)) {
    case 'overdue':
      return t('campaigns.due.late', { days: -item.daysLeft });
    case 'today':
      return t('campaigns.due.today');
    case 'soon':
    case 'later':
      return t('campaigns.due.left', { days: item.daysLeft });
    case 'done':
      return '';
  }
}

export const DUE_TONE_COLORS: Record<DueTone, string> = {
  overdue: 'red',
  today: 'volcano',
  soon: 'orange',
  later: 'default',
  done: 'default',
};

/** My tasks: still to report first (the most urgent on top), then the rest by due date. */
export function byUrgency<T extends Pick<InstanceListItem, 'id' | 'displayStatus' | 'dueOn'>>(a: T, b: T): number {
  const openA = isStillOpen(a.displayStatus) ? 0 : 1;
  const openB = isStillOpen(b.displayStatus) ? 0 : 1;
  if (openA !== openB) return openA - openB;
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  return a.id - b.id;
}

/** A percentage from the API (0–100, one decimal) as text, or a dash when nothing is owed yet. */
export function percentText(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 10) / 10}%`;
}
