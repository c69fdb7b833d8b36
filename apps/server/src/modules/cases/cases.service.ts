// Case use cases: intake (staff, phone, public, other modules), the scoped list, counts, map and
// export, the detail with the actions this user may take, lifecycle transitions, duplicates and
// merging, publication to the public board. Categories, settings and routing live in
// cases.config.ts; escalation, notices, metrics and the public side have their own files.

import { randomBytes } from 'node:crypto';
import {
  actionsFrom,
  CASE_TRANSITIONS,
  caseCode,
  type CaseAction,
  type CaseSource,
  type CaseStatus,
  type LimitUnitName,
} from '@cc/common/cases';
import { maskPhone } from '@cc/common/org';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { formatLocalTime } from '../../platform/calendar.js';
import { findStoredFiles } from '../../platform/files.js';
import { distanceMetres } from '../../platform/geo.js';
import { pageArgs } from '../../platform/http.js';
import { t, type Locale } from '../../platform/i18n.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { notifyUsers } from '../notifications/index.js';
import { loadSettings, resolveLocation, suggestRouting } from './cases.config.js';
import { isOfResponsibleUnit } from './cases.policy.js';
import * as repo from './cases.repository.js';
import type {
  CaseCounts,
  CaseDetail,
  CaseExportQuery,
  CaseListItem,
  CaseListQuery,
  CreateCaseBody,
  DuplicateList,
  PublishBody,
  TransitionBody,
} from './cases.schemas.js';
import { planTransition, type CaseState, type TransitionActor } from './cases.state.js';
import { cachedTokenVector, cosine, tokenVector } from '../../platform/text.js';

// ---------------------------------------------------------------------------------------------
// Intake
// ---------------------------------------------------------------------------------------------

export interface IntakeInput {
  categoryId: number;
  description: string;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  communityId?: number | null;
  photos?: string[];
  idempotencyKey?: string;
  source: CaseSource;
  siteName?: string | null;
  ownerUnitId?: number | null;
  reporterName?: string | null;
  reporterPhone?: string | null;
  /** What produced the case in another module, e.g. 'inspection-result:123'. */
  sourceRef?: string | null;
  /** The unit answering for the place (a site's 包保单位); routing suggests it first. */
  responsibleUnitId?: number | null;
  requirePhoto?: boolean;
}

export interface IntakeReporter {
  userId: number | null;
  displayName: string | null;
}

export interface IntakeResult {
  id: number;
  replayed: boolean;
  trackingToken: string | null;
  duplicateOfId: number | null;
}

/** Checks that every id is an image file uploaded in this city. */
export async function assertImages(db: Executor, cityId: number, ids: string[], field = 'photos'): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const files = await findStoredFiles(db, cityId, unique);
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const id of unique) {
    const file = byId.get(id);
    if (!file) throw fieldInvalid(field, 'CASE_PHOTO_UNKNOWN');
    if (!file.mime.startsWith('image/')) throw fieldInvalid(field, 'CASE_PHOTO_NOT_IMAGE');
  }
  return unique;
}

function newToken(): string {
  return randomBytes(18).toString('base64url');
}

function clean(text: string | null | undefined): string | null {
  const value = text?.trim();
  return value ? value : null;
}

/**
 * Files a case. One transaction: the case, its reporter, photos, the first log entry, the audit
 * entry and the duplicate flag. A repeated idempotency key answers the first case instead.
 */
export async function intakeCase(
  db: Db,
  ctx: { cityId: number; reporter: IntakeReporter; now: Date; locale: Locale; ip: string | null; actor: Actor | null },
  input: IntakeInput,
): Promise<IntakeResult> {
  const { cityId, now } = ctx;
  return db.transaction().execute(async (trx) => {
    if (input.idempotencyKey) {
      const earlier = await repo.findByIdempotencyKey(trx, cityId, input.idempotencyKey);
      if (earlier) return replay(earlier, ctx.reporter);
    }
    const category = await repo.findCategory(trx, cityId, input.categoryId);
    if (!category || !category.active) throw fieldInvalid('categoryId', 'CASE_CATEGORY_UNKNOWN');
    const photos = await assertImages(trx, cityId, input.photos ?? []);
    if (input.requirePhoto && photos.length === 0) throw fieldInvalid('photos', 'CASE_PUBLIC_PHOTO_REQUIRED');
    const location = await resolveLocation(trx, cityId, {
      lng: input.lng ?? null,
      lat: input.lat ?? null,
      communityId: input.communityId ?? null,
    });
    let ownerUnitId: number | null = null;
    if (input.ownerUnitId) {
      const unit = await repo.findUnit(trx, cityId, input.ownerUnitId);
      if (!unit) throw fieldInvalid('ownerUnitId', 'CASE_UNIT_UNKNOWN');
      ownerUnitId = unit.id;
    }
    let responsibleUnitId: number | null = null;
    if (input.responsibleUnitId) {
      const unit = await repo.findUnit(trx, cityId, input.responsibleUnitId);
      if (!unit) throw fieldInvalid('responsibleUnitId', 'CASE_UNIT_UNKNOWN');
      responsibleUnitId = unit.id;
    }
    const routing = await suggestRouting(trx, cityId, ctx.locale, {
      ownerRule: category.owner_rule,
      ownerUnitId,
      communityId: location.communityId,
      now,
      responsibleUnitId,
    });
    const trackingToken = newToken();
    const reporterName = clean(input.reporterName) ?? ctx.reporter.displayName;
    const id = await repo.insertCase(
      trx,
      cityId,
      {
        category_id: category.id,
        source: input.source,
        status: 'reported',
        description: input.description.trim(),
        address: clean(input.address),
        lng: location.point?.lng ?? null,
        lat: location.point?.lat ?? null,
        region_id: location.regionId,
        community_id: location.communityId,
        grid_id: location.gridId,
        site_name: clean(input.siteName),
        owner_unit_id: ownerUnitId,
        responsible_unit_id: responsibleUnitId,
        suggested_unit_id: routing.unitId,
        reporter_id: ctx.reporter.userId,
        reporter_name: reporterName,
        reporter_phone: clean(input.reporterPhone),
        tracking_token: trackingToken,
        idempotency_key: input.idempotencyKey ?? null,
        source_ref: input.sourceRef ?? null,
        created_by: ctx.reporter.userId,
      },
      now,
    );
    if (id === null) {
      // Another request with the same key committed first.
      const earlier = await repo.findByIdempotencyKey(trx, cityId, input.idempotencyKey!);
      return replay(earlier!, ctx.reporter);
    }
    await repo.insertReporter(trx, {
      cityId,
      caseId: id,
      userId: ctx.reporter.userId,
      name: reporterName,
      phone: clean(input.reporterPhone),
      source: input.source,
      trackingToken,
      at: now,
    });
    await repo.insertPhotos(trx, cityId, id, 'before', photos, now);
    await repo.insertLog(trx, {
      cityId,
      caseId: id,
      at: now,
      actorId: ctx.reporter.userId,
      actorName: ctx.reporter.displayName ?? t(ctx.locale, 'REPORTER_PUBLIC'),
      action: 'report',
      fromStatus: null,
      toStatus: 'reported',
      note: input.description.trim(),
      data: { source: input.source, routing: { unitId: routing.unitId, rule: routing.rule } },
      photos,
    });
    const duplicate = await flagDuplicate(trx, cityId, {
      id,
      categoryId: category.id,
      description: input.description,
      point: location.point,
      communityId: location.communityId,
      now,
    });
    await auditFromCtx(
      trx,
      { actor: ctx.actor, ip: ctx.ip, now: () => now },
      {
        cityId,
        action: 'case.report',
        entityType: 'case',
        entityId: id,
        after: {
          categoryId: category.id,
          source: input.source,
          description: input.description.trim(),
          regionId: location.regionId,
          photos: photos.length,
          reporterPhone: clean(input.reporterPhone),
          duplicateOfId: duplicate?.id ?? null,
        },
      },
    );
    return { id, replayed: false, trackingToken, duplicateOfId: duplicate?.id ?? null };
  });
}

function replay(
  earlier: { id: number; created_by: number | null; tracking_token: string | null },
  reporter: IntakeReporter,
): IntakeResult {
  if (earlier.created_by !== reporter.userId)
    throw new AppError('CONFLICT', { messageKey: 'CASE_IDEMPOTENCY_CONFLICT' });
  return { id: earlier.id, replayed: true, trackingToken: earlier.tracking_token, duplicateOfId: null };
}

/** Likely duplicate: same category, within the radius (or the same community), recent, similar text. */
async function flagDuplicate(
  db: Executor,
  cityId: number,
  c: {
    id: number;
    categoryId: number;
    description: string;
    point: { lng: number; lat: number } | null;
    communityId: number | null;
    now: Date;
  },
) {
  const best = (await findDuplicates(db, cityId, c))[0];
  if (!best) return null;
  await repo.markDuplicate(db, c.id, best.id, Math.round(best.similarity * 1000) / 1000);
  return best;
}

async function findDuplicates(
  db: Executor,
  cityId: number,
  c: {
    id: number;
    categoryId: number;
    description: string;
    point: { lng: number; lat: number } | null;
    communityId: number | null;
    now: Date;
  },
) {
  const settings = await loadSettings(db, cityId);
  const candidates = await repo.findDuplicateCandidates(db, {
    cityId,
    categoryId: c.categoryId,
    excludeId: c.id,
    since: new Date(c.now.getTime() - settings.duplicateDays * 86_400_000),
    point: c.point,
    communityId: c.communityId,
    radiusM: settings.duplicateRadiusM,
  });
  const mine = tokenVector(c.description);
  return candidates
    .map((row) => {
      const distanceM =
        c.point && row.lng !== null && row.lat !== null
          ? distanceMetres(c.point, { lng: row.lng, lat: row.lat })
          : null;
      return { ...row, distanceM, similarity: cosine(mine, cachedTokenVector(row.description)) };
    })
    .filter(
      (row) =>
        (row.distanceM === null || row.distanceM <= settings.duplicateRadiusM) &&
        row.similarity >= settings.duplicateMinSimilarity,
    )
    .sort((a, b) => b.similarity - a.similarity || (a.distanceM ?? 0) - (b.distanceM ?? 0));
}

/** The source a reporter's case gets unless the office says otherwise. */
function defaultSource(actor: Actor): CaseSource {
  if (actor.roles.includes('inspector')) return 'inspector';
  if (actor.roles.includes('resident')) return 'resident';
  if (actor.roles.includes('member')) return 'supervision';
  if (actor.roles.includes('canvasser')) return 'canvass';
  return 'staff';
}

export async function createCase(ctx: Ctx, body: CreateCaseBody): Promise<CaseDetail> {
  assertCan(ctx.actor, 'case.report');
  const source = body.source && can(ctx.actor, 'case.manage') ? body.source : defaultSource(ctx.actor);
  const result = await intakeCase(
    ctx.db,
    {
      cityId: ctx.actor.cityId,
      reporter: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
      now: ctx.now(),
      locale: ctx.locale,
      ip: ctx.ip,
      actor: ctx.actor,
    },
    { ...body, source },
  );
  return { ...(await getCase(ctx, result.id)), replayed: result.replayed };
}

/** Other modules (inspections, canvassing) file cases through this. */
export async function fileCase(ctx: Ctx, input: IntakeInput): Promise<IntakeResult> {
  return intakeCase(
    ctx.db,
    {
      cityId: ctx.actor.cityId,
      reporter: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
      now: ctx.now(),
      locale: ctx.locale,
      ip: ctx.ip,
      actor: ctx.actor,
    },
    input,
  );
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

export function toListItem(row: repo.CaseListRow): CaseListItem {
  return {
    id: row.id,
    code: caseCode(row.id, row.created_at),
    status: row.status as CaseStatus,
    source: row.source as CaseSource,
    categoryId: row.category_id,
    categoryName: row.category_name,
    description: row.description,
    address: row.address,
    regionId: row.region_id,
    regionName: row.region_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    deadlineAt: iso(row.deadline_at),
    overdue: !!row.overdue,
    escalationCount: row.escalation_count,
    extensionPending: row.extension_pending,
    duplicateOfId: row.duplicate_of_id,
    createdAt: row.created_at.toISOString(),
    closedAt: iso(row.closed_at),
  };
}

export function filtersOf(query: CaseExportQuery): repo.CaseFilters {
  return {
    statuses: query.status
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    categoryId: query.categoryId,
    unitId: query.unitId,
    regionId: query.regionId,
    source: query.source,
    overdue: query.overdue,
    escalated: query.escalated,
    from: query.from,
    to: query.to,
    q: query.q,
  };
}

export async function listCases(ctx: Ctx, query: CaseListQuery) {
  assertCan(ctx.actor, 'case.read');
  const { page, pageSize } = pageArgs(query);
  const filters = filtersOf(query);
  const working =
    filters.statuses?.length && filters.statuses.every((s) => ['dispatched', 'accepted', 'rework'].includes(s));
  const { items, total } = await repo.listCases(ctx.db, ctx.actor, filters, ctx.now(), {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    orderByDeadline: !!working,
  });
  return { items: items.map(toListItem), total, page, pageSize };
}

export async function listMyReports(ctx: Ctx, query: { page?: number; pageSize?: number }) {
  assertCan(ctx.actor, 'case.report');
  const { page, pageSize } = pageArgs(query);
  const { items, total } = await repo.listCases(ctx.db, ctx.actor, { reporterUserId: ctx.actor.userId }, ctx.now(), {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: items.map(toListItem), total, page, pageSize };
}

export async function countCases(ctx: Ctx, query: { unitId?: number }): Promise<CaseCounts> {
  assertCan(ctx.actor, 'case.read');
  const { byStatus, flags } = await repo.countCases(ctx.db, ctx.actor, { unitId: query.unitId }, ctx.now());
  return {
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    overdue: Number(flags.overdue),
    escalated: Number(flags.escalated),
    extensionPending: Number(flags.extension_pending),
    dueSoon: Number(flags.due_soon),
  };
}

const MAP_LIMIT = 5000;

export async function mapCases(ctx: Ctx, query: { regionId?: number; categoryId?: number }) {
  assertCan(ctx.actor, 'case.manage');
  const rows = await repo.mapPoints(
    ctx.db,
    ctx.actor,
    { regionId: query.regionId, categoryId: query.categoryId },
    ctx.now(),
    MAP_LIMIT,
  );
  const grids = await repo.findGridPolygons(ctx.db, ctx.actor.cityId);
  return {
    items: rows.slice(0, MAP_LIMIT).map((r) => ({
      id: r.id,
      lng: r.lng!,
      lat: r.lat!,
      status: r.status as CaseStatus,
      categoryName: r.category_name,
      overdue: !!r.overdue,
    })),
    truncated: rows.length > MAP_LIMIT,
    grids: grids.map((g) => ({ id: g.id, name: g.name, polygon: g.polygon })),
  };
}

// ---------------------------------------------------------------------------------------------
// Detail
// ---------------------------------------------------------------------------------------------

function stateOf(row: repo.CaseDetailRow): CaseState {
  return {
    status: row.status as CaseStatus,
    unitId: row.unit_id,
    handledBy: row.handled_by,
    extensionPending: row.extension_pending,
    suspendedFrom: row.suspended_from as CaseStatus | null,
    suspendedAt: row.suspended_at,
    deadlineAt: row.deadline_at,
    originalDeadlineAt: row.original_deadline_at,
    handledAt: row.handled_at,
    limitUnit: row.limit_unit as LimitUnitName,
    limitAmount: row.limit_amount,
    verifyLimitUnit: row.verify_limit_unit as LimitUnitName | null,
    verifyLimitAmount: row.verify_limit_amount,
  };
}

function transitionActor(actor: Actor, row: repo.CaseDetailRow): TransitionActor {
  return {
    userId: actor.userId,
    permissions: actor.permissions,
    ofResponsibleUnit: isOfResponsibleUnit(actor, { id: row.unit_id, parentId: row.unit_parent_id }),
  };
}

/** The actions of the table this actor may take now (what the UI offers). */
export function allowedActions(actor: Actor, row: repo.CaseDetailRow): CaseAction[] {
  const state = stateOf(row);
  const who = transitionActor(actor, row);
  return actionsFrom(state.status, state.extensionPending).filter((action) => {
    const tr = CASE_TRANSITIONS[action];
    if (!actor.permissions.has(tr.permission)) return false;
    if (['accept', 'return', 'handle', 'request_extension'].includes(action) && !who.ofResponsibleUnit) return false;
    if (['verify', 'rework'].includes(action) && (who.ofResponsibleUnit || actor.userId === row.handled_by))
      return false;
    return true;
  });
}

export async function getCase(ctx: Ctx, id: number): Promise<CaseDetail> {
  assertCan(ctx.actor, 'case.read');
  const row = await repo.findCase(ctx.db, ctx.actor, id, ctx.now());
  if (!row) throw notFound();
  return buildDetail(ctx, row);
}

async function buildDetail(ctx: Ctx, row: repo.CaseDetailRow): Promise<CaseDetail> {
  const [photos, reporters, extensions, logs] = await Promise.all([
    repo.findPhotos(ctx.db, row.id),
    repo.findReporters(ctx.db, row.id),
    repo.findExtensions(ctx.db, row.id),
    repo.findLogs(ctx.db, row.id),
  ]);
  const preDispatch = ['reported', 'checked', 'registered', 'returned'].includes(row.status);
  const routing = preDispatch
    ? await suggestRouting(ctx.db, ctx.actor.cityId, ctx.locale, {
        ownerRule: row.owner_rule,
        ownerUnitId: row.owner_unit_id,
        communityId: row.community_id,
        now: ctx.now(),
        responsibleUnitId: row.responsible_unit_id,
      })
    : { unitId: row.unit_id, unitName: row.unit_name, rule: 'none' as const, reason: '' };
  return {
    ...toListItem(row),
    lng: row.lng,
    lat: row.lat,
    communityId: row.community_id,
    communityName: row.community_name,
    gridId: row.grid_id,
    gridName: row.grid_name,
    siteName: row.site_name,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    limitUnit: row.limit_unit as LimitUnitName,
    limitAmount: row.limit_amount,
    isPublic: row.is_public,
    originalDeadlineAt: iso(row.original_deadline_at),
    verifyDeadlineAt: iso(row.verify_deadline_at),
    dispatchedAt: iso(row.dispatched_at),
    handledAt: iso(row.handled_at),
    verifiedAt: iso(row.verified_at),
    closedOnTime: row.closed_on_time,
    reworkCount: row.rework_count,
    extensionCount: row.extension_count,
    returnCount: row.return_count,
    reopenCount: row.reopen_count,
    mergedIntoId: row.merged_into_id,
    duplicateScore: row.duplicate_score,
    routing,
    photos: photos.map((p) => ({
      fileId: p.file_id,
      kind: p.kind as 'before' | 'after' | 'verify',
      isPublic: p.is_public,
    })),
    reporters: reporters.map((r) => ({
      name: r.name,
      phone: maskPhone(r.phone),
      source: r.source,
      reportedAt: r.reported_at.toISOString(),
      mergedFromId: r.merged_from_id,
    })),
    extensions: extensions.map((e) => ({
      id: e.id,
      requestedAt: e.requested_at.toISOString(),
      requestedByName: e.requested_by_name,
      reason: e.reason,
      requestedDeadline: e.requested_deadline.toISOString(),
      status: e.status as 'pending' | 'approved' | 'refused',
      decidedAt: iso(e.decided_at),
      decisionNote: e.decision_note,
    })),
    log: logs.map((l) => ({
      id: l.id,
      at: l.at.toISOString(),
      actorName: l.actor_name,
      action: l.action,
      fromStatus: l.from_status,
      toStatus: l.to_status,
      note: l.note,
      data: l.data ?? null,
      photos: l.photos,
    })),
    allowedActions: allowedActions(ctx.actor, row),
  };
}

export async function listDuplicates(ctx: Ctx, id: number): Promise<DuplicateList> {
  assertCan(ctx.actor, 'case.manage');
  const row = await repo.findCase(ctx.db, ctx.actor, id, ctx.now());
  if (!row) throw notFound();
  const found = await findDuplicates(ctx.db, ctx.actor.cityId, {
    id: row.id,
    categoryId: row.category_id,
    description: row.description,
    point: row.lng !== null && row.lat !== null ? { lng: row.lng, lat: row.lat } : null,
    communityId: row.community_id,
    now: row.created_at,
  });
  return {
    items: found.slice(0, 20).map((d) => ({
      id: d.id,
      code: caseCode(d.id, d.created_at),
      status: d.status as CaseStatus,
      categoryName: d.category_name,
      description: d.description,
      address: d.address,
      distanceM: d.distanceM === null ? null : Math.round(d.distanceM),
      similarity: Math.round(d.similarity * 1000) / 1000,
      createdAt: d.created_at.toISOString(),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------------------------

/**
 * One lifecycle step: lock the case, plan it with the table (permission, relation, state, input),
 * validate referenced rows, write the case, the log, photos, extension rows, the audit entry and
 * notifications in one transaction. A concurrent second step waits for the lock, then finds the
 * state moved on and gets 409.
 */
export async function transitionCase(
  ctx: Ctx,
  id: number,
  action: CaseAction,
  body: TransitionBody,
): Promise<CaseDetail> {
  assertCan(ctx.actor, 'case.read');
  // The wrong role is refused before anything is read (403 whether or not the case is in scope).
  assertCan(ctx.actor, CASE_TRANSITIONS[action].permission);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockCase(trx, ctx.actor, id);
    if (!locked) throw notFound();
    const row = (await repo.findCase(trx, ctx.actor, id, now))!;
    await applyTransition(trx, ctx, row, action, body, now);
  });
  return getCase(ctx, id);
}

/** The body of a transition, inside the caller's transaction with the case row locked. */
export async function applyTransition(
  trx: Executor,
  ctx: { actor: Actor; locale: Locale; ip: string | null; now: () => Date },
  row: repo.CaseDetailRow,
  action: CaseAction,
  body: TransitionBody,
  now: Date,
  actorName: string = ctx.actor.displayName,
): Promise<void> {
  const cityId = row.city_id;
  const calendar = await loadWorkingCalendar(trx, cityId);
  const pending = action.endsWith('_extension') ? await repo.pendingExtension(trx, row.id) : undefined;
  const plan = planTransition(
    stateOf(row),
    action,
    {
      note: body.note,
      photos: body.photos,
      unitId: body.unitId,
      deadline: body.deadline ? new Date(body.deadline) : undefined,
      targetCaseId: body.targetCaseId,
      requestedDeadline: pending?.requested_deadline ?? null,
    },
    transitionActor(ctx.actor, row),
    now,
    calendar,
  );
  const photos = await assertImages(trx, cityId, body.photos ?? []);
  let unitName: string | null = null;
  if (action === 'dispatch') {
    const unit = await repo.findUnit(trx, cityId, body.unitId!);
    if (!unit) throw fieldInvalid('unitId', 'CASE_UNIT_UNKNOWN');
    unitName = unit.name;
  }
  if (action === 'merge') {
    const target =
      body.targetCaseId === row.id ? undefined : await repo.findCase(trx, ctx.actor, body.targetCaseId!, now);
    if (!target || ['voided', 'merged', 'closed'].includes(target.status)) {
      throw fieldInvalid('targetCaseId', 'CASE_TARGET_INVALID');
    }
    await repo.copyReporters(trx, row.id, target.id);
    await repo.copyPhotos(trx, row.id, target.id);
    await repo.insertLog(trx, {
      cityId,
      caseId: target.id,
      at: now,
      actorId: ctx.actor.userId,
      actorName,
      action: 'merged_in',
      fromStatus: null,
      toStatus: null,
      note: body.note ?? null,
      data: { caseId: row.id, code: caseCode(row.id, row.created_at) },
    });
  }
  if (action === 'request_extension') {
    await repo.insertExtension(trx, {
      cityId,
      caseId: row.id,
      by: ctx.actor.userId,
      at: now,
      reason: body.note!.trim(),
      deadline: new Date(body.deadline!),
    });
  }
  if ((action === 'approve_extension' || action === 'refuse_extension') && pending) {
    await repo.decideExtension(trx, pending.id, {
      status: action === 'approve_extension' ? 'approved' : 'refused',
      by: ctx.actor.userId,
      at: now,
      note: clean(body.note),
    });
  }
  await repo.applyPatch(trx, row.id, plan.patch, now);
  if (photos.length > 0) {
    await repo.insertPhotos(trx, cityId, row.id, action === 'handle' ? 'after' : 'verify', photos, now);
  }
  const data: Record<string, unknown> = {};
  if (plan.patch.unitId) Object.assign(data, { unitId: plan.patch.unitId, unitName });
  if (plan.patch.deadlineAt !== undefined) data.deadline = plan.patch.deadlineAt?.toISOString() ?? null;
  if (action === 'merge') data.targetCaseId = body.targetCaseId;
  await repo.insertLog(trx, {
    cityId,
    caseId: row.id,
    at: now,
    actorId: ctx.actor.userId,
    actorName,
    action,
    fromStatus: plan.from,
    toStatus: plan.to,
    note: clean(body.note),
    data: Object.keys(data).length > 0 ? data : undefined,
    photos,
  });
  await auditFromCtx(trx, ctx, {
    cityId,
    action: `case.${action}`,
    entityType: 'case',
    entityId: row.id,
    before: { status: plan.from, unitId: row.unit_id, deadlineAt: row.deadline_at?.toISOString() ?? null },
    after: { status: plan.to, ...data, note: clean(body.note) },
  });
  await notifyAfter(trx, row, action, plan.patch.deadlineAt ?? row.deadline_at, body, now);
}

async function notifyAfter(
  trx: Executor,
  row: repo.CaseDetailRow,
  action: CaseAction,
  deadline: Date | null,
  body: TransitionBody,
  now: Date,
): Promise<void> {
  const unitId = action === 'dispatch' ? body.unitId! : row.unit_id;
  if (!unitId) return;
  const kinds: Partial<Record<CaseAction, string>> = {
    dispatch: 'DISPATCHED',
    rework: 'REWORK',
    approve_extension: 'EXTENSION',
    refuse_extension: 'EXTENSION',
  };
  const kind = kinds[action];
  if (!kind) return;
  const params = {
    code: caseCode(row.id, row.created_at),
    category: row.category_name,
    description: row.description.slice(0, 60),
    deadline: deadline ? formatLocalTime(deadline) : '',
    note: clean(body.note) ?? '',
  };
  await notifyUsers(trx, {
    cityId: row.city_id,
    userIds: await repo.findUnitHandlers(trx, row.city_id, unitId),
    kind: `case.${action}`,
    entity: { type: 'case', id: row.id },
    at: now,
    message: (locale) => {
      const result = action === 'approve_extension' ? t(locale, 'NOTIFY_APPROVED') : t(locale, 'NOTIFY_REFUSED');
      return {
        title: t(locale, `NOTIFY_CASE_${kind}_TITLE`, { ...params, result }),
        body: t(locale, `NOTIFY_CASE_${kind}_BODY`, { ...params, result }),
      };
    },
  });
}

export async function publishCase(ctx: Ctx, id: number, body: PublishBody): Promise<CaseDetail> {
  assertCan(ctx.actor, 'case.manage');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockCase(trx, ctx.actor, id);
    if (!locked) throw notFound();
    if (body.publicPhotos) {
      const own = new Set((await repo.findPhotos(trx, id)).map((p) => p.file_id));
      if (body.publicPhotos.some((f) => !own.has(f.toLowerCase())))
        throw fieldInvalid('publicPhotos', 'CASE_PUBLIC_PHOTO_UNKNOWN');
    }
    await repo.setPublic(
      trx,
      id,
      body.isPublic,
      body.publicPhotos?.map((f) => f.toLowerCase()),
      now,
    );
    await repo.insertLog(trx, {
      cityId: ctx.actor.cityId,
      caseId: id,
      at: now,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: 'publish',
      fromStatus: null,
      toStatus: null,
      data: { isPublic: body.isPublic, photos: body.publicPhotos?.length ?? null },
    });
    await auditFromCtx(trx, ctx, {
      action: 'case.publish',
      entityType: 'case',
      entityId: id,
      after: { isPublic: body.isPublic, publicPhotos: body.publicPhotos ?? null },
    });
  });
  return getCase(ctx, id);
}
