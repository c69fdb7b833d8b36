// Form values ⇄ API bodies for the campaign and ledger-task forms. The forms hold dates as
// 'YYYY-MM-DD' strings here (the components convert their pickers' values); these functions
// decide which optional fields are sent, so a cleared field becomes null rather than vanishing.
import type { CampaignTitle, RecurrenceKind } from '@cc/common/campaigns';
import type { CampaignDetail, CampaignFields, FileRef, ScopeBody, TaskDetail, TaskFields } from './campaign-types';

const orNull = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

// --- campaign --------------------------------------------------------------------------------

export type ScopeMode = 'all' | 'some';

/** An uploaded file with the title the campaign gives it (e.g. 实施方案). */
export interface TitledFile extends FileRef {
  title: string;
}

export interface CampaignValues {
  name: string;
  titles: CampaignTitle[];
  startsOn: string;
  endsOn: string;
  description?: string | null;
  regionId?: number | null;
  leadingGroupId?: number | null;
  scopeMode: ScopeMode;
  unitTypes?: string[];
  regionIds?: number[];
  unitIds?: number[];
  documents?: TitledFile[];
  remindDaysBefore: number;
  escalateEveryDays: number;
}

export function scopeBody(
  values: Pick<CampaignValues, 'scopeMode' | 'unitTypes' | 'regionIds' | 'unitIds'>,
): ScopeBody {
  if (values.scopeMode === 'all') return { allUnits: true, unitTypes: [], regionIds: [], unitIds: [] };
  return {
    allUnits: false,
    unitTypes: values.unitTypes ?? [],
    regionIds: values.regionIds ?? [],
    unitIds: values.unitIds ?? [],
  };
}

/** Whether "some units" names at least one type, region or unit. */
export function scopeIsEmpty(scope: ScopeBody): boolean {
  return !scope.allUnits && !scope.unitTypes?.length && !scope.regionIds?.length && !scope.unitIds?.length;
}

export function campaignFields(values: CampaignValues): CampaignFields {
  return {
    name: values.name.trim(),
    titles: values.titles,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    description: orNull(values.description),
    leadingGroupId: values.leadingGroupId ?? null,
    scope: scopeBody(values),
    documents: (values.documents ?? []).map((d) => ({ fileId: d.id, title: d.title.trim() || d.name })),
    remindDaysBefore: values.remindDaysBefore,
    escalateEveryDays: values.escalateEveryDays,
  };
}

export const DEFAULT_REMIND_DAYS = 3;
export const DEFAULT_ESCALATE_DAYS = 3;

export function campaignValuesOf(detail: CampaignDetail): CampaignValues {
  return {
    name: detail.name,
    titles: detail.titles,
    startsOn: detail.startsOn,
    endsOn: detail.endsOn,
    description: detail.description,
    regionId: detail.regionId,
    leadingGroupId: detail.leadingGroup?.id ?? null,
    scopeMode: detail.scope.allUnits ? 'all' : 'some',
    unitTypes: detail.scope.unitTypes,
    regionIds: detail.scope.regions.map((r) => r.id),
    unitIds: detail.scope.units.map((u) => u.id),
    documents: detail.documents.map((d) => ({
      id: d.fileId,
      name: d.name,
      mime: d.mime,
      size: d.size,
      title: d.title,
    })),
    remindDaysBefore: detail.remindDaysBefore,
    escalateEveryDays: detail.escalateEveryDays,
  };
}

// --- ledger task -----------------------------------------------------------------------------

export interface TaskValues {
  content: string;
  standard?: string | null;
  sourceClause?: string | null;
  activityId?: number | null;
  recurrence: RecurrenceKind;
  dueOn?: string | null;
  repeatFrom?: string | null;
  repeatUntil?: string | null;
  repeatDay?: number | null;
  evidencePhotos?: number | null;
  evidenceFiles?: number | null;
  metricName?: string | null;
  metricUnit?: string | null;
  weight?: number | null;
  responsibleName?: string | null;
  cooperatingUnitIds?: number[];
  note?: string | null;
}

/** The schedule fields of a recurrence: a one-off task has a due date, a repeating one a range and a day. */
export function scheduleFields(
  values: Pick<TaskValues, 'recurrence' | 'dueOn' | 'repeatFrom' | 'repeatUntil' | 'repeatDay'>,
): Pick<TaskFields, 'recurrence' | 'dueOn' | 'repeatFrom' | 'repeatUntil' | 'repeatDay'> {
  if (values.recurrence === 'once') {
    return { recurrence: 'once', dueOn: values.dueOn ?? null, repeatFrom: null, repeatUntil: null, repeatDay: null };
  }
  return {
    recurrence: values.recurrence,
    dueOn: null,
    repeatFrom: values.repeatFrom ?? null,
    repeatUntil: values.repeatUntil ?? null,
    repeatDay: values.repeatDay ?? null,
  };
}

/** Everything but the schedule (which may be locked once a unit has reported). */
export function taskContentFields(values: TaskValues): Omit<TaskFields, 'recurrence'> {
  return {
    content: values.content.trim(),
    standard: orNull(values.standard),
    sourceClause: orNull(values.sourceClause),
    activityId: values.activityId ?? null,
    evidencePhotos: values.evidencePhotos ?? 0,
    evidenceFiles: values.evidenceFiles ?? 0,
    metricName: orNull(values.metricName),
    metricUnit: orNull(values.metricName) ? orNull(values.metricUnit) : null,
    weight: values.weight ?? 1,
    responsibleName: orNull(values.responsibleName),
    cooperatingUnitIds: values.cooperatingUnitIds ?? [],
    note: orNull(values.note),
  };
}

export function taskFields(values: TaskValues): TaskFields {
  return { ...taskContentFields(values), ...scheduleFields(values) };
}

export function taskValuesOf(task: TaskDetail): TaskValues {
  const r = task.recurrence;
  return {
    content: task.content,
    standard: task.standard,
    sourceClause: task.sourceClause,
    activityId: task.activityId,
    recurrence: r.kind,
    dueOn: r.dueOn,
    repeatFrom: r.from,
    repeatUntil: r.until,
    repeatDay: r.day,
    evidencePhotos: task.evidence.photos,
    evidenceFiles: task.evidence.files,
    metricName: task.evidence.metricName,
    metricUnit: task.evidence.metricUnit,
    weight: task.weight,
    responsibleName: task.responsibleName,
    cooperatingUnitIds: task.cooperatingUnits.map((u) => u.id),
    note: task.note,
  };
}
