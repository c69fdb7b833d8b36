// Task instance use cases: "my tasks" and the office's lists (overdue included), one instance with
// its draft, reports and history, and the report cycle — the unit saves a draft or submits a
// report (text, a number, photos, files, events as evidence), the office accepts it or returns it
// with a reason. The row is locked during a step; the report, the instance, the log, the audit
// entry and the notifications are written in one transaction.

import {
  TASK_ACTIONS,
  TASK_TRANSITIONS,
  type TaskAction,
  type TaskDisplayStatus,
  type TaskStatus,
} from '@cc/common/campaigns';
import { can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import { daysBetween } from '../../platform/calendar.js';
import type { Ctx } from '../../platform/context.js';
import { findStoredFiles } from '../../platform/files.js';
import type { Executor } from '../../platform/db.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { notifyUsers } from '../notifications/index.js';
import { canManageCampaign, reportsForUnit } from './campaigns.policy.js';
import * as campaignRepo from './campaigns.repository.js';
import type {
  InstanceActionBody,
  InstanceDetail,
  InstanceListItem,
  InstanceListQuery,
  TaskReport,
} from './campaigns.schemas.js';
import { checkFileIds, cleanText, today } from './campaigns.service.js';
import { displayStatus, planTaskAction } from './campaigns.state.js';
import * as eventRepo from './events.repository.js';
import * as repo from './tasks.repository.js';
import { logEntry } from './tasks.service.js';

export function instanceItem(row: repo.InstanceRow, day: string): InstanceListItem {
  const status = row.status as TaskStatus;
  return {
    id: row.id,
    taskId: row.task_id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    activityName: row.activity_name,
    content: row.content,
    unit: { id: row.unit_id, name: row.unit_name },
    label: row.label,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    dueOn: row.due_on,
    status,
    displayStatus: displayStatus(status, row.due_on, day) as TaskDisplayStatus,
    daysLeft: daysBetween(day, row.due_on),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    returnCount: row.return_count,
    escalationCount: row.escalation_count,
    evidence: {
      photos: row.evidence_photos,
      files: row.evidence_files,
      metricName: row.metric_name,
      metricUnit: row.metric_unit,
    },
    weight: row.weight,
  };
}

const DISPLAY_STATUSES = new Set<string>([...TASK_TRANSITIONS.submit.from, 'submitted', 'accepted', 'overdue']);

export async function listInstances(ctx: Ctx, query: InstanceListQuery) {
  if (!can(ctx.actor, 'campaign.read')) throw new AppError('FORBIDDEN');
  const { page, pageSize } = pageArgs(query);
  const statuses = query.status
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses?.some((s) => !DISPLAY_STATUSES.has(s))) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'TASK_BAD_STATUS_FILTER',
      details: { fields: [{ path: 'querystring/status', message: 'TASK_BAD_STATUS_FILTER' }] },
    });
  }
  const day = today(ctx);
  const { rows, total } = await repo.listInstances(
    ctx.db,
    ctx.actor,
    { ...query, statuses },
    { limit: pageSize, offset: (page - 1) * pageSize },
    day,
  );
  return { items: rows.map((r) => instanceItem(r, day)), total, page, pageSize };
}

// ---------------------------------------------------------------------------------------------
// Detail
// ---------------------------------------------------------------------------------------------

type Who = 'unit' | 'office' | null;

/** Which side of the report cycle the actor is on for this instance. */
function sideOf(ctx: Ctx, row: repo.InstanceRow): { unit: boolean; office: boolean } {
  return {
    unit: reportsForUnit(ctx.actor, { id: row.unit_id, parentId: row.unit_parent_id }),
    office: canManageCampaign(ctx.actor, row.campaign_region_path),
  };
}

function allowedActions(ctx: Ctx, row: repo.InstanceRow): TaskAction[] {
  if (row.campaign_status !== 'active' || row.task_status !== 'active') return [];
  const side = sideOf(ctx, row);
  return TASK_ACTIONS.filter((action) => {
    const tr = TASK_TRANSITIONS[action];
    return tr.from.includes(row.status as TaskStatus) && (tr.by === 'unit' ? side.unit : side.office);
  });
}

async function reportsOf(db: Executor, cityId: number, campaignId: number, instanceId: number) {
  const rows = await repo.listReports(db, instanceId);
  const files = await findStoredFiles(db, cityId, [...new Set(rows.flatMap((r) => r.files))]);
  const events = await eventRepo.findCampaignEvents(db, campaignId, [...new Set(rows.flatMap((r) => r.event_ids))]);
  const fileById = new Map(files.map((f) => [f.id, f]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  return rows.map((r): TaskReport => ({
    id: r.id,
    status: r.status as TaskReport['status'],
    body: r.body,
    metricValue: r.metric_value,
    photos: r.photos,
    files: r.files.flatMap((id) => {
      const f = fileById.get(id);
      return f ? [{ id: f.id, name: f.name, mime: f.mime, size: f.size }] : [];
    }),
    events: r.event_ids.flatMap((id) => {
      const e = eventById.get(id);
      return e ? [{ id: e.id, title: e.title, startsAt: e.starts_at.toISOString() }] : [];
    }),
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    submittedAt: r.submitted_at?.toISOString() ?? null,
    reviewedByName: r.reviewed_by_name,
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
    reviewNote: r.review_note,
  }));
}

export async function getInstance(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<InstanceDetail> {
  if (!can(ctx.actor, 'campaign.read')) throw new AppError('FORBIDDEN');
  const row = await repo.findInstance(db, ctx.actor, id);
  if (!row) throw notFound();
  const day = today(ctx);
  const [reports, names, log] = await Promise.all([
    reportsOf(db, ctx.actor.cityId, row.campaign_id, id),
    campaignRepo.unitNames(db, ctx.actor.cityId, row.cooperating_unit_ids),
    repo.listTaskLog(db, row.task_id, id),
  ]);
  return {
    ...instanceItem(row, day),
    standard: row.standard,
    sourceClause: row.source_clause,
    responsibleName: row.responsible_name,
    cooperatingUnits: row.cooperating_unit_ids.map((uid) => ({ id: uid, name: names.get(uid) ?? `#${uid}` })),
    returnedAt: row.returned_at?.toISOString() ?? null,
    draft: reports.find((r) => r.status === 'draft') ?? null,
    reports: reports.filter((r) => r.status !== 'draft'),
    log: log.map(logEntry),
    allowedActions: allowedActions(ctx, row),
  };
}

// ---------------------------------------------------------------------------------------------
// The report cycle
// ---------------------------------------------------------------------------------------------

/** The report's content: what the request gives, else what the draft holds; files checked. */
async function reportContent(
  db: Executor,
  ctx: Ctx,
  row: repo.InstanceRow,
  body: InstanceActionBody,
  draft:
    | { body: string | null; metric_value: number | null; photos: string[]; files: string[]; event_ids: number[] }
    | undefined,
): Promise<repo.ReportContent> {
  const photos = await checkFileIds(db, ctx.actor.cityId, body.photos ?? draft?.photos, 'photos', true);
  const files = await checkFileIds(db, ctx.actor.cityId, body.files ?? draft?.files, 'files', false);
  const eventIds = [...new Set(body.eventIds ?? draft?.event_ids ?? [])];
  const events = await eventRepo.findCampaignEvents(db, row.campaign_id, eventIds);
  if (events.length !== eventIds.length) throw fieldInvalid('eventIds', 'TASK_EVENT_UNKNOWN');
  const metric = body.metricValue !== undefined ? body.metricValue : (draft?.metric_value ?? null);
  return {
    body: body.body !== undefined ? cleanText(body.body) : (draft?.body ?? null),
    metric_value: row.metric_name ? metric : null,
    photos: photos.map((f) => f.id),
    files: files.map((f) => f.id),
    event_ids: eventIds,
  };
}

/** What a submission must carry: a description, and the evidence the task asks for. */
function checkEvidence(row: repo.InstanceRow, content: repo.ReportContent) {
  if (!content.body || content.body.length < 2) throw fieldInvalid('body', 'TASK_REPORT_TEXT_REQUIRED');
  if (row.metric_name && content.metric_value === null) {
    throw fieldInvalid('metricValue', 'TASK_METRIC_REQUIRED', { metric: row.metric_name });
  }
  if (content.photos.length < row.evidence_photos) {
    throw fieldInvalid('photos', 'TASK_PHOTOS_REQUIRED', { count: row.evidence_photos });
  }
  if (content.files.length < row.evidence_files) {
    throw fieldInvalid('files', 'TASK_FILES_REQUIRED', { count: row.evidence_files });
  }
}

export async function actOnInstance(
  ctx: Ctx,
  id: number,
  action: TaskAction,
  body: InstanceActionBody,
): Promise<InstanceDetail> {
  if (!can(ctx.actor, 'campaign.read')) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findInstance(trx, ctx.actor, id, true);
    if (!row) throw notFound();
    const transition = TASK_TRANSITIONS[action];
    const side = sideOf(ctx, row);
    // Who first (403), then whether the step is possible now (409), then the input (400).
    const who: Who = transition.by === 'unit' ? (side.unit ? 'unit' : null) : side.office ? 'office' : null;
    if (!who)
      throw new AppError('FORBIDDEN', { messageKey: transition.by === 'unit' ? 'TASK_UNIT_ONLY' : 'TASK_OFFICE_ONLY' });
    if (row.campaign_status !== 'active') throw new AppError('CONFLICT', { messageKey: 'CAMPAIGN_CLOSED' });
    if (row.task_status !== 'active') throw new AppError('CONFLICT', { messageKey: 'TASK_CANCELLED' });
    const from = row.status as TaskStatus;
    const to = planTaskAction(from, action, { note: body.note });
    const now = ctx.now();
    const by = { id: ctx.actor.userId, name: ctx.actor.displayName };
    const reports = await repo.listReports(trx, id);
    const draft = reports.find((r) => r.status === 'draft');
    const note = cleanText(body.note);
    let reportId: number;
    let change: repo.InstanceChange = { status: to };

    if (action === 'save_draft' || action === 'submit') {
      const content = await reportContent(trx, ctx, row, body, draft);
      if (action === 'submit') {
        checkEvidence(row, content);
        change = { status: to, submitted_at: now };
      }
      const status = action === 'submit' ? 'submitted' : 'draft';
      if (draft) {
        reportId = draft.id;
        await repo.updateReport(
          trx,
          draft.id,
          { ...content, status, ...(action === 'submit' ? { submitted_at: now } : {}) },
          now,
        );
      } else {
        reportId = await repo.insertReport(trx, ctx.actor.cityId, id, status, content, by, now);
      }
    } else {
      const submitted = reports.find((r) => r.status === 'submitted');
      if (!submitted) throw new AppError('CONFLICT', { messageKey: 'TASK_NOTHING_TO_REVIEW' });
      reportId = submitted.id;
      await repo.updateReport(
        trx,
        submitted.id,
        {
          status: action === 'accept' ? 'accepted' : 'returned',
          reviewed_by: by.id,
          reviewed_by_name: by.name,
          reviewed_at: now,
          review_note: note,
        },
        now,
      );
      change =
        action === 'accept'
          ? { status: to, accepted_at: now }
          : { status: to, returned_at: now, return_count: row.return_count + 1 };
    }
    await repo.updateInstance(trx, id, change, now);
    await repo.insertLogs(
      trx,
      ctx.actor.cityId,
      by,
      [{ taskId: row.task_id, instanceId: id, action, fromStatus: from, toStatus: to, note, data: { reportId } }],
      now,
    );
    await auditFromCtx(trx, ctx, {
      action: `campaign.instance.${action}`,
      entityType: 'task_instance',
      entityId: id,
      before: { status: from },
      after: { status: to, reportId, ...(note ? { note } : {}) },
    });
    await notifyOtherSide(trx, ctx, row, action, note);
    return getInstance(ctx, id, trx);
  });
}

/** A submission tells the office that created the campaign; a review tells the unit's staff. */
async function notifyOtherSide(
  trx: Executor,
  ctx: Ctx,
  row: repo.InstanceRow,
  action: TaskAction,
  note: string | null,
) {
  if (action === 'save_draft') return;
  const userIds =
    action === 'submit'
      ? row.campaign_created_by && row.campaign_created_by !== ctx.actor.userId
        ? [row.campaign_created_by]
        : []
      : (await repo.findUnitStaff(trx, ctx.actor.cityId, [row.unit_id])).map((u) => u.id);
  const key = action.toUpperCase();
  const params = { content: row.content.slice(0, 60), unit: row.unit_name, label: row.label, note: note ?? '' };
  await notifyUsers(trx, {
    cityId: ctx.actor.cityId,
    userIds,
    kind: `task.${action}`,
    entity: { type: 'task_instance', id: row.id },
    at: ctx.now(),
    message: (locale) => ({
      title: t(locale, `NOTIFY_TASK_${key}_TITLE`, params),
      body: t(locale, `NOTIFY_TASK_${key}_BODY`, params),
    }),
  });
}
