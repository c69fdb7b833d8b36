// Inspection use cases: the inspector's list sorted by distance, one inspection with its
// checklist, saving a draft, submitting (every item scored by the rule engine in the campaign's
// phase, photos checked for time and place, the site scored — one transaction, idempotent by
// key), filing a case for every failed item with the site's responsible unit, and a re-inspection
// started from a case.

import {
  describeResult,
  describeRule,
  evaluateRule,
  RuleInputError,
  scoreSite,
  type Outcome,
  type Phase,
  type RuleSpec,
  type RuleValue,
} from '@cc/common/inspection-rules';
import {
  INSPECTION_LIMITS,
  type InspectionKind,
  type InspectionStatus,
  type RoundStatus,
} from '@cc/common/inspections';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { findStoredFiles } from '../../platform/files.js';
import { distanceMetres } from '../../platform/geo.js';
import { t, type Locale } from '../../platform/i18n.js';
import { campaignPhase, currentPhase } from '../campaigns/index.js';
import { fileCase, findCaseCategoryByCode } from '../cases/index.js';
import { checklistItem, valueErrorKey } from './catalogue.service.js';
import * as repo from './inspections.repository.js';
import type {
  DraftBody,
  InspectionDetail,
  InspectionListItem,
  MyInspectionsQuery,
  RecheckBody,
  SubmitBody,
} from './inspections.schemas.js';
import * as roundRepo from './rounds.repository.js';

/** Cases of failed items fall back to this category when an item names none (or an unknown one). */
const FALLBACK_CATEGORY = 'PSA.MISSING';

export function inspectionItem(
  row: roundRepo.InspectionRow,
  typeNames: Map<string, string>,
  from: { lng: number; lat: number } | null,
): InspectionListItem {
  const point = row.site_lng !== null && row.site_lat !== null ? { lng: row.site_lng, lat: row.site_lat } : null;
  return {
    id: row.id,
    kind: row.kind as InspectionKind,
    roundId: row.round_id,
    roundName: row.round_name,
    roundStatus: row.round_status as RoundStatus | null,
    windowEndsOn: row.ends_on,
    originCaseId: row.origin_case_id,
    site: {
      id: row.site_id,
      name: row.site_name,
      typeCode: row.type_code,
      typeName: typeNames.get(row.type_code) ?? row.type_code,
      address: row.site_address,
      lng: row.site_lng,
      lat: row.site_lat,
    },
    regionName: row.region_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    inspector: row.inspector_id ? { id: row.inspector_id, name: row.inspector_name ?? '' } : null,
    status: row.status as InspectionStatus,
    score: row.score,
    failed: row.failed,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    distanceM: from && point ? Math.round(distanceMetres(from, point)) : null,
  };
}

export async function listMyInspections(ctx: Ctx, query: MyInspectionsQuery) {
  assertCan(ctx.actor, 'inspection.perform');
  const from = query.lng !== undefined && query.lat !== undefined ? { lng: query.lng, lat: query.lat } : null;
  const [{ rows }, names] = await Promise.all([
    roundRepo.listInspections(
      ctx.db,
      ctx.actor,
      { mine: { userId: ctx.actor.userId, state: query.status ?? 'open' } },
      { limit: 2000, offset: 0, order: query.status === 'submitted' ? 'recent' : 'place' },
    ),
    repo.siteTypeNames(ctx.db, ctx.actor.cityId),
  ]);
  const items = rows.map((r) => inspectionItem(r, names, from));
  // Nearest first (sites without a point last); the list is an inspector's day, not thousands.
  if (from) items.sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
  return { items };
}

/** The phase that scores an inspection: its round's campaign, else any campaign of the city. */
async function phaseOf(db: Executor, ctx: Ctx, row: roundRepo.InspectionRow): Promise<Phase> {
  if (row.round_campaign_id) {
    const phase = await campaignPhase(db, row.round_campaign_id);
    if (phase) return phase;
  }
  return currentPhase(db, ctx.actor.cityId, ctx.now());
}

function canPerform(ctx: Ctx, row: roundRepo.InspectionRow): boolean {
  return can(ctx.actor, 'inspection.perform') && row.inspector_id === ctx.actor.userId;
}

export async function getInspection(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<InspectionDetail> {
  assertCan(ctx.actor, 'inspection.read');
  const row = await roundRepo.findInspection(db, ctx.actor, id);
  if (!row) throw notFound();
  const [items, results, photos, names] = await Promise.all([
    repo.listChecklist(db, ctx.actor.cityId, {
      typeCode: row.type_code,
      ...(row.status === 'submitted' ? {} : { active: true }),
    }),
    roundRepo.listResults(db, id),
    roundRepo.listPhotos(db, id),
    repo.siteTypeNames(db, ctx.actor.cityId),
  ]);
  const phase = (row.phase as Phase | null) ?? (await phaseOf(db, ctx, row));
  const byItem = new Map(results.map((r) => [r.item_id, r]));
  // A submitted inspection shows the items it was scored on; an open one the active checklist.
  const shown = row.status === 'submitted' ? items.filter((i) => byItem.has(i.id)) : items;
  return {
    ...inspectionItem(row, names, null),
    phase,
    earned: row.earned,
    applicable: row.applicable,
    items: shown.map((item) => {
      const result = byItem.get(item.id);
      return {
        ...checklistItem(item, ctx.locale),
        result: result
          ? {
              outcome: result.outcome as Outcome,
              value: result.value,
              points: result.points,
              earned: result.earned,
              text: result.seen,
              note: result.note,
              caseId: result.case_id,
            }
          : null,
      };
    }),
    draft: row.draft ?? null,
    photos: photos.map((p) => ({
      fileId: p.file_id,
      itemId: p.item_id,
      takenAt: p.taken_at?.toISOString() ?? null,
      lng: p.lng,
      lat: p.lat,
      distanceM: p.distance_m === null ? null : Math.round(p.distance_m),
      far: p.far,
    })),
    caseIds: [...new Set(results.flatMap((r) => (r.case_id ? [r.case_id] : [])))],
    canPerform: canPerform(ctx, row) && row.status !== 'submitted',
  };
}

/** The inspection the actor carries out: visible (404), theirs (403), still open (409). */
async function loadOwn(db: Executor, ctx: Ctx, id: number, lock: boolean) {
  const row = await roundRepo.findInspection(db, ctx.actor, id, lock);
  if (!row) throw notFound();
  if (!canPerform(ctx, row)) throw new AppError('FORBIDDEN', { messageKey: 'INSPECTION_NOT_YOURS' });
  return row;
}

function assertOpen(row: roundRepo.InspectionRow) {
  if (row.kind === 'round' && row.round_status !== 'open') {
    throw new AppError('CONFLICT', {
      messageKey: row.round_status === 'closed' ? 'INSPECTION_ROUND_CLOSED' : 'INSPECTION_ROUND_NOT_OPEN',
    });
  }
}

export async function saveDraft(ctx: Ctx, id: number, body: DraftBody) {
  assertCan(ctx.actor, 'inspection.perform');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadOwn(trx, ctx, id, true);
    assertOpen(row);
    if (row.status === 'submitted') throw new AppError('CONFLICT', { messageKey: 'INSPECTION_ALREADY_SUBMITTED' });
    const now = ctx.now();
    await roundRepo.saveDraft(trx, id, { values: body.values, savedAt: now.toISOString() }, now);
    return { savedAt: now.toISOString() };
  });
}

interface Scored {
  rows: roundRepo.ResultRows;
  photos: roundRepo.PhotoRows;
  score: ReturnType<typeof scoreSite>;
  failed: number;
}

/** Scores every item of the checklist; refuses missing items, bad values and missing photos. */
async function score(
  db: Executor,
  ctx: Ctx,
  row: roundRepo.InspectionRow,
  body: SubmitBody,
  phase: Phase,
  locale: Locale,
): Promise<Scored> {
  const items = await repo.listChecklist(db, ctx.actor.cityId, { typeCode: row.type_code, active: true });
  if (items.length === 0) throw new AppError('CONFLICT', { messageKey: 'INSPECTION_NO_CHECKLIST' });
  const given = new Map<number, SubmitBody['values'][number]>();
  body.values.forEach((v, index) => {
    if (!items.some((i) => i.id === v.itemId)) throw fieldInvalid(`values/${index}/itemId`, 'INSPECTION_ITEM_UNKNOWN');
    given.set(v.itemId, v);
  });
  const fileIds = [...new Set(body.values.flatMap((v) => (v.photos ?? []).map((p) => p.fileId.toLowerCase())))];
  const files = new Map((await findStoredFiles(db, ctx.actor.cityId, fileIds)).map((f) => [f.id, f]));
  const site = row.site_lng !== null && row.site_lat !== null ? { lng: row.site_lng, lat: row.site_lat } : null;
  const rows: roundRepo.ResultRows = {
    itemId: [],
    outcome: [],
    value: [],
    points: [],
    earned: [],
    seen: [],
    photos: [],
    note: [],
    caseId: [],
  };
  const photos: roundRepo.PhotoRows = {
    itemId: [],
    fileId: [],
    takenAt: [],
    lng: [],
    lat: [],
    accuracy: [],
    distance: [],
    far: [],
  };
  const outcomes: { points: number; outcome: Outcome }[] = [];
  items.forEach((item) => {
    const v = given.get(item.id);
    const index = body.values.indexOf(v!);
    if (!v) throw fieldInvalid('values', 'INSPECTION_ITEM_MISSING', { item: item.title });
    const rule = item.rule as RuleSpec;
    let result;
    try {
      result = evaluateRule(rule, v.value as RuleValue, phase);
    } catch (error) {
      if (error instanceof RuleInputError)
        throw fieldInvalid(`values/${index}/value`, valueErrorKey(error), { item: item.title });
      throw error;
    }
    const itemPhotos = (v.photos ?? []).map((p) => ({ ...p, fileId: p.fileId.toLowerCase() }));
    for (const p of itemPhotos) {
      const file = files.get(p.fileId);
      if (!file) throw fieldInvalid(`values/${index}/photos`, 'CAMPAIGN_FILE_UNKNOWN');
      if (!file.mime.startsWith('image/')) throw fieldInvalid(`values/${index}/photos`, 'CAMPAIGN_PHOTO_NOT_IMAGE');
    }
    if (item.photo_required && result.outcome !== 'na' && itemPhotos.length === 0) {
      throw fieldInvalid(`values/${index}/photos`, 'INSPECTION_PHOTO_REQUIRED', { item: item.title });
    }
    const earned = result.outcome === 'pass' ? item.points : 0;
    outcomes.push({ points: item.points, outcome: result.outcome });
    rows.itemId.push(item.id);
    rows.outcome.push(result.outcome);
    rows.value.push(JSON.stringify(v.value));
    rows.points.push(result.outcome === 'na' ? 0 : item.points);
    rows.earned.push(earned);
    rows.seen.push(describeResult(rule, result, locale));
    rows.photos.push(itemPhotos.map((p) => p.fileId).join(','));
    rows.note.push(v.note?.trim() || null);
    rows.caseId.push(null);
    for (const p of itemPhotos) {
      const at =
        p.lng !== undefined && p.lng !== null && p.lat !== undefined && p.lat !== null
          ? { lng: p.lng, lat: p.lat }
          : null;
      const distance = at && site ? distanceMetres(at, site) : null;
      photos.itemId.push(item.id);
      photos.fileId.push(p.fileId);
      photos.takenAt.push(p.takenAt ?? null);
      photos.lng.push(at?.lng ?? null);
      photos.lat.push(at?.lat ?? null);
      photos.accuracy.push(p.accuracy ?? null);
      photos.distance.push(distance);
      photos.far.push(distance !== null && distance > INSPECTION_LIMITS.farPhotoMetres);
    }
  });
  return { rows, photos, score: scoreSite(outcomes), failed: outcomes.filter((o) => o.outcome === 'fail').length };
}

export async function submitInspection(ctx: Ctx, id: number, body: SubmitBody): Promise<InspectionDetail> {
  assertCan(ctx.actor, 'inspection.perform');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOwn(trx, ctx, id, true);
    if (row.status === 'submitted') {
      // The same submission again (a retry after a lost answer) gets the first result.
      if (row.idempotency_key === body.idempotencyKey) return;
      throw new AppError('CONFLICT', { messageKey: 'INSPECTION_ALREADY_SUBMITTED' });
    }
    assertOpen(row);
    const used = await roundRepo.findByIdempotencyKey(trx, ctx.actor.cityId, body.idempotencyKey);
    if (used) throw new AppError('CONFLICT', { messageKey: 'INSPECTION_KEY_USED' });
    const phase = await phaseOf(trx, ctx, row);
    // Results are written in Chinese, the language of the record, like case logs.
    const scored = await score(trx, ctx, row, body, phase, 'zh-CN');
    const now = ctx.now();
    await roundRepo.insertResults(trx, ctx.actor.cityId, id, scored.rows, now);
    await roundRepo.insertPhotos(trx, ctx.actor.cityId, id, scored.photos, now);
    await roundRepo.markSubmitted(
      trx,
      id,
      {
        phase,
        earned: scored.score.earned,
        applicable: scored.score.applicable,
        score: scored.score.score,
        failed: scored.failed,
        idempotency_key: body.idempotencyKey,
        submitted_lng: body.lng ?? null,
        submitted_lat: body.lat ?? null,
      },
      now,
    );
    await auditFromCtx(trx, ctx, {
      action: 'inspection.submit',
      entityType: 'inspection',
      entityId: id,
      before: { status: row.status },
      after: {
        status: 'submitted',
        phase,
        ...scored.score,
        failed: scored.failed,
        farPhotos: scored.photos.far.filter(Boolean).length,
      },
    });
  });
  // A replay files what a first attempt could not (a crash between its commit and the filing).
  await fileCasesFor(ctx, id);
  return getInspection(ctx, id);
}

/**
 * Files a case for every failed result of the inspection that has none yet. Outside the
 * submission's transaction (a case is filed through the cases module's own intake); each case's
 * idempotency key is its result, so a retry — or the scheduler job — never files one twice.
 */
export async function fileCasesFor(ctx: Ctx, inspectionId: number): Promise<number> {
  const pending = await roundRepo.unfiledResults(ctx.db, { inspectionId, limit: 200 });
  let filed = 0;
  for (const result of pending) if (await fileOne(ctx.db, ctx, result)) filed += 1;
  return filed;
}

async function fileOne(db: Db, ctx: Ctx, result: Awaited<ReturnType<typeof roundRepo.unfiledResults>>[number]) {
  const row = await roundRepo.findInspection(db, ctx.actor, result.inspection_id);
  const [item] = await repo.listChecklist(db, result.city_id, { ids: [result.item_id] });
  if (!row || !item) return false;
  // A re-inspection's failure on the item its case is about goes back to that case, not a new one.
  if (row.kind === 'recheck' && row.origin_case_id) {
    const origin = await roundRepo.resultOfCase(db, result.city_id, row.origin_case_id);
    if (origin?.item_id === item.id) {
      await roundRepo.setResultCase(db, result.id, row.origin_case_id);
      return true;
    }
  }
  const category =
    (item.case_category_code ? await findCaseCategoryByCode(db, result.city_id, item.case_category_code) : undefined) ??
    (await findCaseCategoryByCode(db, result.city_id, FALLBACK_CATEGORY));
  if (!category) return false;
  const description = t('zh-CN', 'INSPECTION_CASE_DESCRIPTION', {
    round: row.round_name ?? t('zh-CN', 'INSPECTION_RECHECK'),
    site: row.site_name,
    item: item.title,
    seen: result.seen,
    rule: describeRule(item.rule as RuleSpec, 'zh-CN'),
  });
  const input = {
    categoryId: category.id,
    description,
    address: row.site_address,
    communityId: row.region_id,
    photos: result.photos,
    idempotencyKey: `inspection-result-${result.id}`,
    source: 'inspection' as const,
    siteName: row.site_name,
    sourceRef: `inspection-result:${result.id}`,
    responsibleUnitId: row.unit_id,
  };
  let filed;
  try {
    filed = await fileCase(ctx, { ...input, lng: row.site_lng, lat: row.site_lat });
  } catch (error) {
    // A site point outside every grid is refused by intake: the community alone places the case.
    if (!(error instanceof AppError) || error.status !== 400) throw error;
    filed = await fileCase(ctx, input);
  }
  await roundRepo.setResultCase(db, result.id, filed.id);
  return true;
}

export async function startRecheck(ctx: Ctx, body: RecheckBody): Promise<InspectionDetail> {
  assertCan(ctx.actor, 'inspection.perform');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const origin = await roundRepo.resultOfCase(trx, ctx.actor.cityId, body.caseId);
    if (!origin) throw fieldInvalid('caseId', 'INSPECTION_CASE_NOT_FROM_INSPECTION');
    const site = await repo.findSite(trx, ctx.actor, origin.site_id);
    if (!site) throw notFound();
    const open = await roundRepo.openRecheck(trx, body.caseId, ctx.actor.userId);
    if (open) return open.id;
    const created = await roundRepo.insertRecheck(
      trx,
      ctx.actor.cityId,
      {
        site_id: site.id,
        type_code: site.type_code,
        region_id: site.region_id,
        unit_id: site.unit_id,
        origin_case_id: body.caseId,
        inspector_id: ctx.actor.userId,
      },
      ctx.now(),
    );
    await auditFromCtx(trx, ctx, {
      action: 'inspection.recheck',
      entityType: 'inspection',
      entityId: created,
      after: { caseId: body.caseId, siteId: site.id },
    });
    return created;
  });
  return getInspection(ctx, id);
}
