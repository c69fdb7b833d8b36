// Ledger task use cases: bulk assignment (one task per lead unit, all in one transaction),
// the scoped ledger list, a task with its instances and history, editing (the schedule only
// while nothing has been reported), cancelling. Shared with the Excel import: `prepareTasks`.

import type { RecurrenceKind } from '@cc/common/campaigns';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { notifyUsers } from '../notifications/index.js';
import { canManageCampaign } from './campaigns.policy.js';
import * as campaignRepo from './campaigns.repository.js';
import type {
  CancelTaskBody,
  CreateTasksBody,
  CreateTasksResult,
  TaskDetail,
  TaskListItem,
  TaskListQuery,
  UpdateTaskBody,
} from './campaigns.schemas.js';
import { assertActive, cleanText, loadCampaign, today } from './campaigns.service.js';
import { instanceItem } from './instances.service.js';
import { PlanError, planSchedule, type ScheduleInput } from './tasks.plan.js';
import * as repo from './tasks.repository.js';

export function toFieldError(error: unknown): unknown {
  return error instanceof PlanError ? fieldInvalid(error.field, error.key, error.params) : error;
}

/** Fields of a task common to a form, a bulk assignment and an Excel row. */
export interface TaskInput extends ScheduleInput {
  activityId?: number | null;
  sourceClause?: string | null;
  content: string;
  standard?: string | null;
  cooperatingUnitIds?: number[];
  responsibleName?: string | null;
  evidencePhotos?: number;
  evidenceFiles?: number;
  metricName?: string | null;
  metricUnit?: string | null;
  weight?: number;
  note?: string | null;
}

export interface PreparedTasks {
  tasks: repo.NewTask[];
  /** Instances per task, in the order of `tasks`. */
  instances: Omit<repo.NewInstance, 'taskId'>[][];
}

/** Checks one task for many lead units against the campaign; throws PlanError. */
export function prepareTasks(
  campaign: { starts_on: string; ends_on: string },
  input: TaskInput,
  leads: { id: number; head_name: string | null }[],
): PreparedTasks {
  const { schedule, instances } = planSchedule(campaign, input);
  if (input.metricUnit && !input.metricName) throw new PlanError('metricName', 'TASK_METRIC_NAME_REQUIRED');
  const weight = input.weight ?? 1;
  const base = {
    activityId: input.activityId ?? null,
    sourceClause: cleanText(input.sourceClause),
    content: input.content.trim(),
    standard: cleanText(input.standard),
    recurrence: schedule.recurrence,
    dueOn: schedule.due_on,
    repeatFrom: schedule.repeat_from,
    repeatUntil: schedule.repeat_until,
    repeatDay: schedule.repeat_day,
    evidencePhotos: input.evidencePhotos ?? 0,
    evidenceFiles: input.evidenceFiles ?? 0,
    metricName: cleanText(input.metricName),
    metricUnit: cleanText(input.metricName) ? cleanText(input.metricUnit) : null,
    weight,
    note: cleanText(input.note),
  };
  return {
    tasks: leads.map((unit) => ({
      ...base,
      leadUnitId: unit.id,
      cooperatingUnitIds: [...new Set(input.cooperatingUnitIds ?? [])].filter((id) => id !== unit.id),
      // The unit's head answers for the task unless the office names someone else.
      responsibleName: cleanText(input.responsibleName) ?? unit.head_name,
    })),
    instances: leads.map((unit) =>
      instances.map((p) => ({ ...p, activityId: base.activityId, unitId: unit.id, weight })),
    ),
  };
}

/** Writes prepared tasks, their instances and 'create' log rows; answers task ids and instance count. */
export async function writeTasks(
  trx: Executor,
  ctx: Ctx,
  campaignId: number,
  batchId: number,
  prepared: PreparedTasks,
  source: 'form' | 'import',
) {
  const now = ctx.now();
  const taskIds = await repo.insertTasks(
    trx,
    ctx.actor.cityId,
    campaignId,
    batchId,
    prepared.tasks,
    ctx.actor.userId,
    now,
  );
  const instances = prepared.instances.flatMap((list, i) => list.map((p) => ({ ...p, taskId: taskIds[i] })));
  const count = await repo.insertInstances(trx, ctx.actor.cityId, campaignId, instances, now);
  await repo.insertLogs(
    trx,
    ctx.actor.cityId,
    { id: ctx.actor.userId, name: ctx.actor.displayName },
    taskIds.map((taskId, i) => ({
      taskId,
      instanceId: null,
      action: 'create',
      fromStatus: null,
      toStatus: null,
      note: null,
      data: { batchId, source, instances: prepared.instances[i].length },
    })),
    now,
  );
  // The units hear about their new tasks.
  const staff = await repo.findUnitStaff(
    trx,
    ctx.actor.cityId,
    prepared.tasks.map((task) => task.leadUnitId),
  );
  const first = prepared.tasks[0];
  await notifyUsers(trx, {
    cityId: ctx.actor.cityId,
    userIds: staff.map((s) => s.id),
    kind: 'task.assigned',
    entity: { type: 'campaign_task_batch', id: batchId },
    at: now,
    message: (locale) => ({
      title: t(locale, 'NOTIFY_TASK_ASSIGNED_TITLE'),
      body: t(locale, 'NOTIFY_TASK_ASSIGNED_BODY', {
        content: first.content.slice(0, 60),
        count: prepared.tasks.length,
        due: first.dueOn ?? prepared.instances[0][0]?.dueOn ?? '',
      }),
    }),
  });
  return { taskIds, instances: count };
}

async function checkActivity(db: Executor, ctx: Ctx, campaignId: number, activityId: number | null | undefined) {
  if (!activityId) return;
  const activity = await campaignRepo.findActivity(db, ctx.actor.cityId, activityId);
  if (!activity || activity.campaign_id !== campaignId) throw fieldInvalid('activityId', 'TASK_ACTIVITY_UNKNOWN');
}

async function checkCooperating(db: Executor, ctx: Ctx, ids: number[] | undefined) {
  const unique = [...new Set(ids ?? [])];
  const found = await campaignRepo.findVisibleUnits(db, ctx.actor, unique);
  if (found.length !== unique.length) throw fieldInvalid('cooperatingUnitIds', 'CAMPAIGN_UNIT_UNKNOWN');
}

export async function createTasks(ctx: Ctx, campaignId: number, body: CreateTasksBody): Promise<CreateTasksResult> {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(trx, ctx, campaignId, { manage: true });
    assertActive(campaign);
    await checkActivity(trx, ctx, campaignId, body.activityId);
    await checkCooperating(trx, ctx, body.cooperatingUnitIds);
    const unitIds = [...new Set(body.unitIds)];
    const leads = await campaignRepo.findScopeUnits(trx, ctx.actor, campaignId, { ids: unitIds });
    if (leads.length !== unitIds.length) {
      const found = new Set(leads.map((u) => u.id));
      throw new AppError('VALIDATION_FAILED', {
        messageKey: 'TASK_UNIT_OUT_OF_SCOPE',
        params: { count: unitIds.length - leads.length },
        details: {
          fields: [{ path: 'body/unitIds', message: 'TASK_UNIT_OUT_OF_SCOPE' }],
          unitIds: unitIds.filter((id) => !found.has(id)),
        },
      });
    }
    let prepared: PreparedTasks;
    try {
      prepared = prepareTasks(campaign, body, leads);
    } catch (error) {
      throw toFieldError(error);
    }
    const batchId = await repo.nextBatchId(trx);
    const written = await writeTasks(trx, ctx, campaignId, batchId, prepared, 'form');
    await auditFromCtx(trx, ctx, {
      action: 'campaign.task.create',
      entityType: 'campaign_task_batch',
      entityId: batchId,
      after: {
        campaignId,
        taskIds: written.taskIds,
        units: unitIds,
        instances: written.instances,
        task: prepared.tasks[0],
      },
    });
    return { batchId, taskIds: written.taskIds, instances: written.instances };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export function taskItem(row: repo.TaskRow, names: Map<number, string>): TaskListItem {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    activityId: row.activity_id,
    activityName: row.activity_name,
    batchId: row.batch_id,
    source: row.activity_id ? 'activity' : 'campaign',
    sourceClause: row.source_clause,
    content: row.content,
    standard: row.standard,
    leadUnit: { id: row.lead_unit_id, name: row.lead_unit_name },
    cooperatingUnits: row.cooperating_unit_ids.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
    responsibleName: row.responsible_name,
    recurrence: {
      kind: row.recurrence as RecurrenceKind,
      dueOn: row.due_on,
      from: row.repeat_from,
      until: row.repeat_until,
      day: row.repeat_day,
    },
    evidence: {
      photos: row.evidence_photos,
      files: row.evidence_files,
      metricName: row.metric_name,
      metricUnit: row.metric_unit,
    },
    weight: row.weight,
    note: row.note,
    status: row.status as 'active' | 'cancelled',
    completion: campaignRepo.toCompletion(row),
    nextDueOn: row.next_due_on,
    createdAt: row.created_at.toISOString(),
  };
}

export async function cooperatingNames(db: Executor, cityId: number, rows: { cooperating_unit_ids: number[] }[]) {
  return campaignRepo.unitNames(
    db,
    cityId,
    rows.flatMap((r) => r.cooperating_unit_ids),
  );
}

export function taskFilter(query: Omit<TaskListQuery, 'page' | 'pageSize'>): repo.TaskFilter {
  return {
    campaignId: query.campaignId,
    activityId: query.activityId,
    unitId: query.unitId,
    batchId: query.batchId,
    state: query.state,
    dueFrom: query.dueFrom,
    dueTo: query.dueTo,
    q: query.q,
  };
}

export async function listTasks(ctx: Ctx, query: TaskListQuery) {
  assertCan(ctx.actor, 'campaign.read');
  const { page, pageSize } = pageArgs(query);
  const { rows, total } = await repo.listTasks(
    ctx.db,
    ctx.actor,
    taskFilter(query),
    { limit: pageSize, offset: (page - 1) * pageSize },
    today(ctx),
  );
  const names = await cooperatingNames(ctx.db, ctx.actor.cityId, rows);
  return { items: rows.map((r) => taskItem(r, names)), total, page, pageSize };
}

async function loadTask(db: Executor, ctx: Ctx, id: number, lock = false) {
  const task = await repo.findTask(db, ctx.actor, id, today(ctx), lock);
  if (!task) throw notFound();
  return task;
}

export async function getTask(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<TaskDetail> {
  assertCan(ctx.actor, 'campaign.read');
  const task = await loadTask(db, ctx, id);
  const [names, instances, log, reported] = await Promise.all([
    cooperatingNames(db, ctx.actor.cityId, [task]),
    repo.listTaskInstances(db, id),
    repo.listTaskLog(db, id),
    repo.taskHasReports(db, id),
  ]);
  const day = today(ctx);
  const canManage = canManageCampaign(ctx.actor, task.campaign_region_path);
  return {
    ...taskItem(task, names),
    instances: instances.map((i) => instanceItem(i, day)),
    log: log.map(logEntry),
    canManage,
    editableSchedule: canManage && task.status === 'active' && !reported,
  };
}

export function logEntry(row: Awaited<ReturnType<typeof repo.listTaskLog>>[number]) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    instanceId: row.instance_id,
    instanceLabel: row.label,
    actorName: row.actor_name,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    note: row.note,
    data: row.data ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Edit and cancel
// ---------------------------------------------------------------------------------------------

const SCHEDULE_FIELDS = ['leadUnitId', 'recurrence', 'dueOn', 'repeatFrom', 'repeatUntil', 'repeatDay'] as const;

async function loadManagedTask(trx: Executor, ctx: Ctx, id: number) {
  const task = await loadTask(trx, ctx, id, true);
  if (!canManageCampaign(ctx.actor, task.campaign_region_path)) throw new AppError('FORBIDDEN');
  if (task.campaign_status !== 'active') throw new AppError('CONFLICT', { messageKey: 'CAMPAIGN_CLOSED' });
  if (task.status !== 'active') throw new AppError('CONFLICT', { messageKey: 'TASK_CANCELLED' });
  return task;
}

export async function updateTask(ctx: Ctx, id: number, body: UpdateTaskBody): Promise<TaskDetail> {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const task = await loadManagedTask(trx, ctx, id);
    const values: repo.TaskValues = {};
    if (body.activityId !== undefined) {
      await checkActivity(trx, ctx, task.campaign_id, body.activityId);
      values.activity_id = body.activityId ?? null;
    }
    if (body.cooperatingUnitIds !== undefined) {
      await checkCooperating(trx, ctx, body.cooperatingUnitIds);
      values.cooperating_unit_ids = [...new Set(body.cooperatingUnitIds)];
    }
    if (body.sourceClause !== undefined) values.source_clause = cleanText(body.sourceClause);
    if (body.content !== undefined) values.content = body.content.trim();
    if (body.standard !== undefined) values.standard = cleanText(body.standard);
    if (body.responsibleName !== undefined) values.responsible_name = cleanText(body.responsibleName);
    if (body.evidencePhotos !== undefined) values.evidence_photos = body.evidencePhotos;
    if (body.evidenceFiles !== undefined) values.evidence_files = body.evidenceFiles;
    if (body.metricName !== undefined) values.metric_name = cleanText(body.metricName);
    if (body.metricUnit !== undefined) values.metric_unit = cleanText(body.metricUnit);
    if (body.weight !== undefined) values.weight = body.weight;
    if (body.note !== undefined) values.note = cleanText(body.note);

    const now = ctx.now();
    const reschedule = SCHEDULE_FIELDS.some((f) => body[f] !== undefined);
    let instanceCount: number | undefined;
    if (reschedule) {
      if (await repo.taskHasReports(trx, id)) throw new AppError('CONFLICT', { messageKey: 'TASK_SCHEDULE_LOCKED' });
      const leadId = body.leadUnitId ?? task.lead_unit_id;
      const [lead] = await campaignRepo.findScopeUnits(trx, ctx.actor, task.campaign_id, { ids: [leadId] });
      if (!lead) throw fieldInvalid('leadUnitId', 'TASK_UNIT_OUT_OF_SCOPE', { count: 1 });
      const recurrence = body.recurrence ?? (task.recurrence as RecurrenceKind);
      const keep = recurrence === task.recurrence;
      let planned;
      try {
        planned = planSchedule(
          { starts_on: task.campaign_starts_on, ends_on: task.campaign_ends_on },
          {
            recurrence,
            dueOn: body.dueOn !== undefined ? body.dueOn : keep ? task.due_on : null,
            repeatFrom: body.repeatFrom !== undefined ? body.repeatFrom : keep ? task.repeat_from : null,
            repeatUntil: body.repeatUntil !== undefined ? body.repeatUntil : keep ? task.repeat_until : null,
            repeatDay: body.repeatDay !== undefined ? body.repeatDay : keep ? task.repeat_day : null,
          },
        );
      } catch (error) {
        throw toFieldError(error);
      }
      Object.assign(values, planned.schedule, { lead_unit_id: lead.id });
      await repo.deactivateInstances(trx, id, now);
      instanceCount = await repo.insertInstances(
        trx,
        ctx.actor.cityId,
        task.campaign_id,
        planned.instances.map((p) => ({
          ...p,
          taskId: id,
          activityId: values.activity_id !== undefined ? values.activity_id : task.activity_id,
          unitId: lead.id,
          weight: values.weight ?? task.weight,
        })),
        now,
      );
    }
    const metricName = values.metric_name !== undefined ? values.metric_name : task.metric_name;
    if (!metricName) values.metric_unit = null;
    await repo.updateTask(trx, id, values, now);
    await repo.syncInstances(trx, id, { weight: values.weight, activityId: values.activity_id });
    const before = Object.fromEntries(
      Object.keys(values).map((k) => [k, (task as unknown as Record<string, unknown>)[k]]),
    );
    await repo.insertLogs(
      trx,
      ctx.actor.cityId,
      { id: ctx.actor.userId, name: ctx.actor.displayName },
      [
        {
          taskId: id,
          instanceId: null,
          action: reschedule ? 'reschedule' : 'update',
          fromStatus: null,
          toStatus: null,
          note: null,
          data: { fields: Object.keys(values), ...(instanceCount !== undefined ? { instances: instanceCount } : {}) },
        },
      ],
      now,
    );
    await auditFromCtx(trx, ctx, {
      action: 'campaign.task.update',
      entityType: 'campaign_task',
      entityId: id,
      before,
      after: values,
    });
    return getTask(ctx, id, trx);
  });
}

export async function cancelTask(ctx: Ctx, id: number, body: CancelTaskBody): Promise<TaskDetail> {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    await loadManagedTask(trx, ctx, id);
    const now = ctx.now();
    await repo.updateTask(trx, id, { status: 'cancelled' }, now);
    await repo.deactivateInstances(trx, id, now);
    const reason = body.reason.trim();
    await repo.insertLogs(
      trx,
      ctx.actor.cityId,
      { id: ctx.actor.userId, name: ctx.actor.displayName },
      [{ taskId: id, instanceId: null, action: 'cancel', fromStatus: null, toStatus: null, note: reason, data: null }],
      now,
    );
    await auditFromCtx(trx, ctx, {
      action: 'campaign.task.cancel',
      entityType: 'campaign_task',
      entityId: id,
      before: { status: 'active' },
      after: { status: 'cancelled' },
      message: reason,
    });
    return getTask(ctx, id, trx);
  });
}
