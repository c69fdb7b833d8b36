// Inspection round use cases: planning a round (site types, regions, a random draw per type with a
// recorded seed), assigning inspectors, opening and closing it, its progress, rollups of the
// results by type, district, street and unit with the change since the previous round, and the
// results as Excel.

import type { InspectionStatus, RollupDimension, RoundStatus } from '@cc/common/inspections';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { canManageRound } from './inspections.policy.js';
import * as repo from './inspections.repository.js';
import type {
  AssignBody,
  CreateRoundBody,
  Rollup,
  RoundCriteria,
  RoundDetail,
  RoundInspectionsQuery,
  RoundListItem,
  RoundListQuery,
} from './inspections.schemas.js';
import { inspectionItem } from './inspections.service.js';
import { drawSites, newSeed, shareOut } from './rounds.draw.js';
import * as roundRepo from './rounds.repository.js';

/** Roles whose users may carry out inspections (the planner's list). */
const INSPECTOR_ROLES = ['inspector', 'city_admin', 'region_staff'];

function listItem(ctx: Ctx, row: roundRepo.RoundRow, stats: roundRepo.RoundStats | undefined): RoundListItem {
  return {
    id: row.id,
    name: row.name,
    status: row.status as RoundStatus,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    regionName: row.region_name,
    total: stats?.total ?? 0,
    submitted: stats?.submitted ?? 0,
    averageScore: stats?.average ?? null,
    failedItems: stats?.failed ?? 0,
    canManage: canManageRound(ctx.actor, row.region_path),
  };
}

export async function listRounds(ctx: Ctx, query: RoundListQuery) {
  assertCan(ctx.actor, 'inspection.read');
  const { page, pageSize } = pageArgs(query);
  const { rows, total } = await roundRepo.listRounds(ctx.db, ctx.actor, query, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const stats = await roundRepo.roundStats(
    ctx.db,
    ctx.actor,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => listItem(ctx, r, stats.get(r.id))), total, page, pageSize };
}

async function loadRound(db: Executor, ctx: Ctx, id: number, options: { manage?: boolean; lock?: boolean } = {}) {
  const round = await roundRepo.findRound(db, ctx.actor, id, options.lock);
  if (!round) throw notFound();
  if (options.manage && !canManageRound(ctx.actor, round.region_path)) throw new AppError('FORBIDDEN');
  return round;
}

export async function getRound(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<RoundDetail> {
  assertCan(ctx.actor, 'inspection.read');
  const round = await loadRound(db, ctx, id);
  const [stats, byType, inspectors, names] = await Promise.all([
    roundRepo.roundStats(db, ctx.actor, [id]),
    roundRepo.roundByType(db, ctx.actor, id),
    roundRepo.roundInspectors(db, ctx.actor, id),
    repo.siteTypeNames(db, ctx.actor.cityId),
  ]);
  return {
    ...listItem(ctx, round, stats.get(id)),
    drawSeed: String(round.draw_seed),
    criteria: round.criteria as RoundCriteria,
    byType: byType.map((b) => ({
      typeCode: b.type_code,
      typeName: names.get(b.type_code) ?? b.type_code,
      total: b.total,
    })),
    inspectors: inspectors
      .filter((i) => i.user_id !== null)
      .map((i) => ({ userId: i.user_id!, name: i.name ?? '', assigned: i.assigned, submitted: i.submitted })),
    unassigned: inspectors.find((i) => i.user_id === null)?.assigned ?? 0,
    createdAt: round.created_at.toISOString(),
  };
}

export async function createRound(ctx: Ctx, body: CreateRoundBody): Promise<RoundDetail> {
  assertCan(ctx.actor, 'inspection.manage');
  if (body.endsOn < body.startsOn) throw fieldInvalid('endsOn', 'CAMPAIGN_END_BEFORE_START');
  return ctx.db.transaction().execute(async (trx) => {
    const cityId = ctx.actor.cityId;
    const regionId = body.regionId ?? ctx.actor.regionId;
    const region = regionId ? await repo.findRegion(trx, cityId, regionId) : undefined;
    if (!region || !canManageRound(ctx.actor, region.path)) throw fieldInvalid('regionId', 'OUT_OF_SCOPE');
    const types = await repo.siteTypeNames(trx, cityId);
    const unknownType = body.criteria.typeCodes.find((c) => !types.has(c));
    if (unknownType) throw fieldInvalid('criteria', 'INSPECTION_SITE_TYPE_UNKNOWN');
    const regions = await Promise.all((body.criteria.regionIds ?? []).map((rid) => repo.findRegion(trx, cityId, rid)));
    if (regions.some((r) => !r || !r.path.startsWith(region.path))) throw fieldInvalid('criteria', 'OUT_OF_SCOPE');
    if (body.campaignId) {
      const campaign = await trx
        .selectFrom('campaigns')
        .select('id')
        .where('city_id', '=', cityId)
        .where('id', '=', body.campaignId)
        .executeTakeFirst();
      if (!campaign) throw fieldInvalid('campaignId', 'INSPECTION_CAMPAIGN_UNKNOWN');
    }
    const seed = body.seed ?? newSeed();
    const candidates = await roundRepo.candidateSites(trx, cityId, {
      typeCodes: body.criteria.typeCodes,
      ownerPath: region.path,
      regionPaths: regions.map((r) => r!.path),
    });
    const siteIds = drawSites(candidates, body.criteria.perType, seed);
    if (siteIds.length === 0) throw fieldInvalid('criteria', 'INSPECTION_ROUND_NO_SITES');
    const now = ctx.now();
    const id = await roundRepo.insertRound(
      trx,
      cityId,
      {
        region_id: region.id,
        campaign_id: body.campaignId ?? null,
        name: body.name.trim(),
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        draw_seed: seed,
        criteria: JSON.stringify(body.criteria),
      },
      ctx.actor.userId,
      now,
    );
    const drawn = await roundRepo.insertRoundInspections(trx, cityId, id, siteIds, now);
    await auditFromCtx(trx, ctx, {
      action: 'inspection.round.create',
      entityType: 'inspection_round',
      entityId: id,
      after: { name: body.name, criteria: body.criteria, seed, candidates: candidates.length, drawn },
    });
    return getRound(ctx, id, trx);
  });
}

export async function listInspectors(ctx: Ctx) {
  assertCan(ctx.actor, 'inspection.manage');
  return { items: await roundRepo.findInspectors(ctx.db, ctx.actor, INSPECTOR_ROLES) };
}

export async function assignInspectors(ctx: Ctx, id: number, body: AssignBody): Promise<RoundDetail> {
  assertCan(ctx.actor, 'inspection.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const round = await loadRound(trx, ctx, id, { manage: true, lock: true });
    if (round.status === 'closed') throw new AppError('CONFLICT', { messageKey: 'INSPECTION_ROUND_CLOSED' });
    const inspectors = await roundRepo.findInspectors(trx, ctx.actor, INSPECTOR_ROLES, body.inspectorIds);
    if (inspectors.length !== body.inspectorIds.length)
      throw fieldInvalid('inspectorIds', 'INSPECTION_INSPECTOR_UNKNOWN');
    const ids = await roundRepo.inspectionsToAssign(trx, id, body.inspectionIds);
    if (body.inspectionIds && ids.length !== new Set(body.inspectionIds).size) {
      throw fieldInvalid('inspectionIds', 'INSPECTION_NOT_ASSIGNABLE');
    }
    await roundRepo.assignInspections(trx, ids, shareOut(ids, body.inspectorIds), ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'inspection.round.assign',
      entityType: 'inspection_round',
      entityId: id,
      after: { inspectorIds: body.inspectorIds, inspections: ids.length },
    });
    return getRound(ctx, id, trx);
  });
}

export async function setRoundStatus(ctx: Ctx, id: number, to: 'open' | 'closed'): Promise<RoundDetail> {
  assertCan(ctx.actor, 'inspection.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const round = await loadRound(trx, ctx, id, { manage: true, lock: true });
    const allowed = to === 'open' ? round.status === 'draft' : round.status === 'open';
    if (!allowed) {
      throw new AppError('CONFLICT', {
        messageKey: 'INSPECTION_ROUND_BAD_STATUS',
        params: { status: `@INSPECTION_ROUND_${round.status}` },
      });
    }
    await roundRepo.setRoundStatus(trx, id, to, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: `inspection.round.${to === 'open' ? 'open' : 'close'}`,
      entityType: 'inspection_round',
      entityId: id,
      before: { status: round.status },
      after: { status: to },
    });
    return getRound(ctx, id, trx);
  });
}

export async function listRoundInspections(ctx: Ctx, id: number, query: RoundInspectionsQuery) {
  assertCan(ctx.actor, 'inspection.read');
  await loadRound(ctx.db, ctx, id);
  const { page, pageSize } = pageArgs(query);
  const [{ rows, total }, names] = await Promise.all([
    roundRepo.listInspections(
      ctx.db,
      ctx.actor,
      {
        roundId: id,
        status: query.status as InspectionStatus | undefined,
        inspectorId: query.inspectorId,
        typeCode: query.typeCode,
        unassigned: query.unassigned,
        q: query.q,
      },
      { limit: pageSize, offset: (page - 1) * pageSize, order: 'place' },
    ),
    repo.siteTypeNames(ctx.db, ctx.actor.cityId),
  ]);
  return { items: rows.map((r) => inspectionItem(r, names, null)), total, page, pageSize };
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Figures of a rollup row; `previous` is the previous round's unrounded average (the delta is taken before rounding). */
function figures(row: Omit<roundRepo.RollupRow, 'key' | 'name'>, previous: number | null) {
  return {
    inspected: row.inspected,
    averageScore: round1(row.average),
    earned: row.earned ?? 0,
    applicable: row.applicable ?? 0,
    pointsScore: row.applicable ? round1(((row.earned ?? 0) / row.applicable) * 100) : null,
    failedItems: row.failed,
    previousAverage: round1(previous),
    delta: row.average !== null && previous !== null ? round1(row.average - previous) : null,
  };
}

function total(rows: roundRepo.RollupRow[]) {
  const inspected = rows.reduce((n, r) => n + r.inspected, 0);
  return {
    inspected,
    average: inspected ? rows.reduce((n, r) => n + (r.average ?? 0) * r.inspected, 0) / inspected : null,
    earned: rows.reduce((n, r) => n + (r.earned ?? 0), 0),
    applicable: rows.reduce((n, r) => n + (r.applicable ?? 0), 0),
    failed: rows.reduce((n, r) => n + r.failed, 0),
  };
}

export async function getRollup(ctx: Ctx, id: number, by: RollupDimension): Promise<Rollup> {
  assertCan(ctx.actor, 'inspection.read');
  const round = await loadRound(ctx.db, ctx, id);
  const previousId = await roundRepo.previousRound(ctx.db, ctx.actor, round);
  const [rows, before] = await Promise.all([
    roundRepo.rollup(ctx.db, ctx.actor, id, by),
    previousId ? roundRepo.rollup(ctx.db, ctx.actor, previousId, by) : Promise.resolve([]),
  ]);
  const previous = new Map(before.map((r) => [r.key, r.average]));
  const none = t(ctx.locale, 'INSPECTION_ROLLUP_NONE');
  return {
    roundId: id,
    previousRoundId: previousId,
    by,
    rows: rows.map((r) => ({ key: r.key, name: r.name ?? none, ...figures(r, previous.get(r.key) ?? null) })),
    total: figures(total(rows), previousId ? total(before).average : null),
  };
}

const EXPORT_COLUMNS: [key: string, header: string, width: number][] = [
  ['site', 'INSPECTION_COL_SITE', 28],
  ['type', 'INSPECTION_COL_TYPE', 14],
  ['region', 'INSPECTION_COL_REGION', 14],
  ['unit', 'INSPECTION_COL_UNIT', 22],
  ['inspector', 'INSPECTION_COL_INSPECTOR', 12],
  ['status', 'INSPECTION_COL_STATUS', 10],
  ['score', 'INSPECTION_COL_SCORE', 8],
  ['failed', 'INSPECTION_COL_FAILED', 8],
  ['failedItems', 'INSPECTION_COL_FAILED_ITEMS', 60],
  ['submittedAt', 'INSPECTION_COL_SUBMITTED', 17],
];

export async function exportRound(ctx: Ctx, id: number) {
  assertCan(ctx.actor, 'inspection.read');
  const round = await loadRound(ctx.db, ctx, id);
  const rows = await roundRepo.exportRows(ctx.db, ctx.actor, id);
  await auditFromCtx(ctx.db, ctx, {
    action: 'inspection.round.export',
    entityType: 'inspection_round',
    entityId: id,
    after: { rows: rows.length },
  });
  const l = ctx.locale;
  return {
    fileName: `${round.name}-${t(l, 'INSPECTION_EXPORT_SHEET')}.xlsx`,
    sheet: {
      name: t(l, 'INSPECTION_EXPORT_SHEET'),
      columns: EXPORT_COLUMNS.map(([key, header, width]) => ({ key, header: t(l, header), width })),
    },
    rows: rows.map((r) => ({
      site: r.site_name,
      type: r.type_name,
      region: r.region_name,
      unit: r.unit_name,
      inspector: r.inspector_name,
      status: t(l, `INSPECTION_STATUS_${r.status}`),
      score: r.score,
      failed: r.failed,
      failedItems: r.failed_items,
      submittedAt: r.submitted_at,
    })),
  };
}
