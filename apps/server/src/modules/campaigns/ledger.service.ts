// The work ledger as Excel. Export: the familiar layout (序号, 工作任务, 责任单位, 责任人, 完成时限,
// 完成情况, 备注) with the screen's filters. Import: a template, then the whole file validated
// first — every bad cell reported with its row and column, nothing saved — and a valid file
// written in one transaction as one batch, with the same rules as a bulk assignment.

import { RECURRENCE_KINDS, type RecurrenceKind, type TaskStatus } from '@cc/common/campaigns';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import {
  buildTemplate,
  ImportReport,
  parseImport,
  type ColumnSpec,
  type ImportValue,
  type LocalizedText,
} from '../../platform/excel.js';
import { t, type Locale } from '../../platform/i18n.js';
import * as campaignRepo from './campaigns.repository.js';
import type { LedgerImportResult, TaskExportQuery } from './campaigns.schemas.js';
import { assertActive, loadCampaign, today } from './campaigns.service.js';
import { displayStatus } from './campaigns.state.js';
import { PlanError } from './tasks.plan.js';
import * as repo from './tasks.repository.js';
import { prepareTasks, taskFilter, writeTasks, type PreparedTasks } from './tasks.service.js';

const MAX_EXPORT_ROWS = 20_000;
const MAX_IMPORT_ROWS = 5_000;

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

const EXPORT_COLUMNS: [key: string, header: string, width: number][] = [
  ['seq', 'LEDGER_COL_SEQ', 6],
  ['task', 'LEDGER_COL_TASK', 48],
  ['unit', 'LEDGER_COL_UNIT', 24],
  ['person', 'LEDGER_COL_PERSON', 10],
  ['deadline', 'LEDGER_COL_DEADLINE', 26],
  ['progress', 'LEDGER_COL_PROGRESS', 34],
  ['note', 'LEDGER_COL_NOTE', 24],
];

const WEEKDAY_KEYS = ['', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** 完成时限 in words: a date, or "every Friday / by the 25th / by month end, from … to …". */
export function deadlineText(locale: Locale, task: repo.TaskRow): string {
  if (task.recurrence === 'once') return task.due_on ?? '';
  const day = task.repeat_day ?? 31;
  const when =
    task.recurrence === 'weekly'
      ? t(locale, 'LEDGER_WEEKLY', { weekday: t(locale, `WEEKDAY_${WEEKDAY_KEYS[day]}`) })
      : t(
          locale,
          day >= 31 ? `LEDGER_${task.recurrence.toUpperCase()}_END` : `LEDGER_${task.recurrence.toUpperCase()}`,
          {
            day,
          },
        );
  return t(locale, 'LEDGER_RANGE', { when, from: task.repeat_from, until: task.repeat_until });
}

/** 完成情况 in words, from the task's instances as of today. */
export function progressText(
  locale: Locale,
  task: repo.TaskRow,
  single: { status: string; due_on: string; accepted_at: Date | null } | undefined,
  day: string,
): string {
  if (task.status === 'cancelled') return t(locale, 'LEDGER_CANCELLED');
  if (task.recurrence === 'once' && single) {
    const shown = displayStatus(single.status as TaskStatus, single.due_on, day);
    if (shown === 'accepted' && single.accepted_at) {
      return t(locale, 'LEDGER_ONCE_ACCEPTED', {
        date: new Date(single.accepted_at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
      });
    }
    return t(locale, `LEDGER_ONCE_${shown}`);
  }
  const c = campaignRepo.toCompletion(task);
  return t(locale, 'LEDGER_RECURRING', {
    owed: c.counted,
    total: c.total,
    accepted: c.accepted,
    submitted: c.submitted,
    overdue: c.overdue,
    percent: c.percent === null ? '—' : `${c.percent}%`,
  });
}

export async function exportLedger(ctx: Ctx, query: TaskExportQuery) {
  assertCan(ctx.actor, 'campaign.export');
  const day = today(ctx);
  const { rows } = await repo.listTasks(
    ctx.db,
    ctx.actor,
    taskFilter(query),
    { limit: MAX_EXPORT_ROWS, offset: 0 },
    day,
  );
  const singles = await repo.singleInstances(
    ctx.db,
    rows.filter((r) => r.recurrence === 'once').map((r) => r.id),
  );
  const names = await campaignRepo.unitNames(
    ctx.db,
    ctx.actor.cityId,
    rows.flatMap((r) => r.cooperating_unit_ids),
  );
  await auditFromCtx(ctx.db, ctx, {
    action: 'campaign.ledger.export',
    entityType: 'campaign_task',
    after: { filters: query, rows: rows.length },
  });
  const l = ctx.locale;
  const campaignName = query.campaignId ? (rows[0]?.campaign_name ?? '') : '';
  return {
    fileName: `${t(l, 'LEDGER_SHEET')}${campaignName ? `-${campaignName}` : ''}-${day}.xlsx`,
    sheet: {
      name: t(l, 'LEDGER_SHEET'),
      columns: EXPORT_COLUMNS.map(([key, header, width]) => ({ key, header: t(l, header), width })),
    },
    rows: rows.map((r, i) => {
      const cooperating = r.cooperating_unit_ids.map((id) => names.get(id)).filter(Boolean);
      return {
        seq: i + 1,
        task: r.standard ? `${r.content}\n${t(l, 'LEDGER_STANDARD', { standard: r.standard })}` : r.content,
        unit: cooperating.length
          ? `${r.lead_unit_name}\n${t(l, 'LEDGER_COOPERATING', { units: cooperating.join('、') })}`
          : r.lead_unit_name,
        person: r.responsible_name,
        deadline: deadlineText(l, r),
        progress: progressText(l, r, singles.get(r.id), day),
        note: [r.activity_name, r.source_clause, r.note].filter(Boolean).join('；'),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

const both = (key: string): LocalizedText => ({ 'zh-CN': t('zh-CN', key), 'en-US': t('en-US', key) });

export const LEDGER_COLUMNS = [
  { key: 'seq', header: both('LEDGER_COL_SEQ'), type: 'integer', width: 6, example: 1 },
  { key: 'activity', header: both('LEDGER_COL_ACTIVITY'), type: 'string', maxLength: 100, width: 20 },
  {
    key: 'sourceClause',
    header: both('LEDGER_COL_CLAUSE'),
    type: 'string',
    maxLength: 100,
    width: 10,
    example: '四、1',
  },
  {
    key: 'content',
    header: both('LEDGER_COL_TASK'),
    type: 'string',
    required: true,
    maxLength: 2000,
    width: 40,
    example: '组织党员干部到居住社区报到',
  },
  { key: 'standard', header: both('LEDGER_COL_STANDARD'), type: 'string', maxLength: 2000, width: 30 },
  {
    key: 'leadUnits',
    header: both('LEDGER_COL_UNIT'),
    type: 'string',
    required: true,
    maxLength: 20_000,
    width: 24,
    example: '市城市管理局',
  },
  { key: 'cooperatingUnits', header: both('LEDGER_COL_COOPERATING'), type: 'string', maxLength: 2000, width: 20 },
  { key: 'responsible', header: both('LEDGER_COL_PERSON'), type: 'string', maxLength: 50, width: 10 },
  {
    key: 'recurrence',
    header: both('LEDGER_COL_RECURRENCE'),
    type: 'enum',
    enumValues: RECURRENCE_KINDS.map((value) => ({ value, label: both(`RECURRENCE_${value}`) })),
    width: 10,
    example: t('zh-CN', 'RECURRENCE_once'),
  },
  { key: 'dueOn', header: both('LEDGER_COL_DEADLINE'), type: 'date', width: 12, example: '2026-03-31' },
  { key: 'repeatFrom', header: both('LEDGER_COL_FROM'), type: 'date', width: 12 },
  { key: 'repeatUntil', header: both('LEDGER_COL_UNTIL'), type: 'date', width: 12 },
  { key: 'repeatDay', header: both('LEDGER_COL_DAY'), type: 'integer', width: 10 },
  { key: 'evidencePhotos', header: both('LEDGER_COL_PHOTOS'), type: 'integer', width: 8 },
  { key: 'evidenceFiles', header: both('LEDGER_COL_FILES'), type: 'integer', width: 8 },
  { key: 'metricName', header: both('LEDGER_COL_METRIC'), type: 'string', maxLength: 30, width: 12 },
  { key: 'metricUnit', header: both('LEDGER_COL_METRIC_UNIT'), type: 'string', maxLength: 10, width: 8 },
  { key: 'weight', header: both('LEDGER_COL_WEIGHT'), type: 'number', width: 8 },
  { key: 'note', header: both('LEDGER_COL_NOTE'), type: 'string', maxLength: 500, width: 24 },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof LEDGER_COLUMNS)[number]['key'];
/** Plan fields a cell error points at. */
const FIELD_COLUMN: Record<string, Key> = {
  dueOn: 'dueOn',
  repeatFrom: 'repeatFrom',
  repeatUntil: 'repeatUntil',
  repeatDay: 'repeatDay',
  metricName: 'metricName',
};

/** Names in one cell, separated by 、，,;；/ or new lines. */
export function splitNames(value: ImportValue): string[] {
  if (value === null) return [];
  return [
    ...new Set(
      String(value)
        .split(/[、，,;；/\n\r]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export async function buildLedgerTemplate(ctx: Ctx, campaignId: number) {
  assertCan(ctx.actor, 'campaign.manage');
  const campaign = await loadCampaign(ctx.db, ctx, campaignId, { manage: true });
  const buffer = await buildTemplate(LEDGER_COLUMNS, ctx.locale, { maxRows: MAX_IMPORT_ROWS });
  return { fileName: `${t(ctx.locale, 'LEDGER_TEMPLATE')}-${campaign.name}.xlsx`, buffer };
}

const text = (v: ImportValue) => (v === null ? null : String(v).trim() || null);
const num = (v: ImportValue) => (v === null ? undefined : Number(v));

export async function importLedger(
  ctx: Ctx,
  campaignId: number,
  file: { name: string; buffer: Buffer },
): Promise<LedgerImportResult> {
  assertCan(ctx.actor, 'campaign.manage');
  const { locale } = ctx;
  const parsed = await parseImport<Key>(file.buffer, LEDGER_COLUMNS, { locale, maxRows: MAX_IMPORT_ROWS });
  const report = new ImportReport<Key>(LEDGER_COLUMNS, locale, parsed);

  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(trx, ctx, campaignId, { manage: true });
    assertActive(campaign);
    const activities = new Map((await campaignRepo.listActivities(trx, campaignId)).map((a) => [a.name, a.id]));
    const scope = await campaignRepo.findScopeUnits(trx, ctx.actor, campaignId, {});
    const scopeByName = new Map(scope.map((u) => [u.name, u]));
    const leadNames = [...new Set(parsed.rows.flatMap((r) => splitNames(r.values.leadUnits)))];
    const coopNames = [...new Set(parsed.rows.flatMap((r) => splitNames(r.values.cooperatingUnits)))];
    const known = await campaignRepo.findUnitsByName(trx, ctx.actor, [...leadNames, ...coopNames]);
    const visibleByName = new Map(known.map((u) => [u.name, u.id]));

    const prepared: PreparedTasks = { tasks: [], instances: [] };
    for (const { rowNumber, values: v } of parsed.rows) {
      const before = report.count;
      const activityName = text(v.activity);
      const activityId = activityName ? activities.get(activityName) : null;
      if (activityName && !activityId) report.add(rowNumber, 'activity', 'CELL_UNKNOWN_REF', { value: activityName });
      const leads = splitNames(v.leadUnits).flatMap((name) => {
        const unit = scopeByName.get(name);
        if (unit) return [unit];
        report.add(rowNumber, 'leadUnits', visibleByName.has(name) ? 'LEDGER_UNIT_OUT_OF_SCOPE' : 'CELL_UNKNOWN_REF', {
          value: name,
        });
        return [];
      });
      const cooperatingUnitIds = splitNames(v.cooperatingUnits).flatMap((name) => {
        const id = visibleByName.get(name);
        if (id) return [id];
        report.add(rowNumber, 'cooperatingUnits', 'CELL_UNKNOWN_REF', { value: name });
        return [];
      });
      for (const key of ['evidencePhotos', 'evidenceFiles'] as const) {
        const n = num(v[key]);
        if (n !== undefined && (n < 0 || n > 9)) report.add(rowNumber, key, 'CELL_RANGE', { min: 0, max: 9 });
      }
      const weight = num(v.weight);
      if (weight !== undefined && (weight <= 0 || weight > 100)) report.add(rowNumber, 'weight', 'LEDGER_BAD_WEIGHT');
      if (report.count > before || !v.content || leads.length === 0) continue;
      try {
        const rowTasks = prepareTasks(
          campaign,
          {
            activityId: activityId ?? null,
            sourceClause: text(v.sourceClause),
            content: String(v.content),
            standard: text(v.standard),
            cooperatingUnitIds,
            responsibleName: text(v.responsible),
            recurrence: (text(v.recurrence) ?? 'once') as RecurrenceKind,
            dueOn: text(v.dueOn),
            repeatFrom: text(v.repeatFrom),
            repeatUntil: text(v.repeatUntil),
            repeatDay: num(v.repeatDay) ?? null,
            evidencePhotos: num(v.evidencePhotos),
            evidenceFiles: num(v.evidenceFiles),
            metricName: text(v.metricName),
            metricUnit: text(v.metricUnit),
            weight,
            note: text(v.note),
          },
          leads,
        );
        prepared.tasks.push(...rowTasks.tasks);
        prepared.instances.push(...rowTasks.instances);
      } catch (error) {
        if (!(error instanceof PlanError)) throw error;
        report.add(rowNumber, FIELD_COLUMN[error.field] ?? 'dueOn', error.key, error.params);
      }
    }
    report.throwIfAny();

    const batchId = await repo.nextBatchId(trx);
    const written = await writeTasks(trx, ctx, campaignId, batchId, prepared, 'import');
    const result = { tasks: written.taskIds.length, instances: written.instances, batchId };
    await auditFromCtx(trx, ctx, {
      action: 'campaign.ledger.import',
      entityType: 'campaign_task_batch',
      entityId: batchId,
      after: { campaignId, fileName: file.name, rows: parsed.rows.length, ...result },
    });
    return result;
  });
}
