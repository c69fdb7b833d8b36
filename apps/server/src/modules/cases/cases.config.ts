// Case configuration and the lookups intake needs: the category tree (with the default sample),
// the duplicate / escalation / notice settings, resolving a location to grid, community and
// region, and suggesting the responsible unit (owner first for facilities, area first for events).

import type { Routing } from './cases.schemas.js';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import type { CaseCategoryRow } from '../../platform/db-schema.js';
import { fieldInvalid, notFound } from '../../platform/errors.js';
import { bboxOf, inBbox, pointInPolygon, type Point } from '../../platform/geo.js';
import { t, type Locale } from '../../platform/i18n.js';
import { DEFAULT_CATEGORIES, DEFAULT_SETTINGS, defaultNoticeNames } from './cases.defaults.js';
import * as repo from './cases.repository.js';
import type {
  CaseSettings,
  Category,
  CreateCategoryBody,
  UpdateCaseSettingsBody,
  UpdateCategoryBody,
} from './cases.schemas.js';

// ---------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------

function toCategory(row: CaseCategoryRow): Category {
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    ownerRule: row.owner_rule as Category['ownerRule'],
    limitUnit: row.limit_unit as Category['limitUnit'],
    limitAmount: row.limit_amount,
    verifyLimitUnit: row.verify_limit_unit as Category['verifyLimitUnit'],
    verifyLimitAmount: row.verify_limit_amount,
    sort: row.sort,
    active: row.active,
  };
}

export async function listCategories(ctx: Ctx) {
  assertCan(ctx.actor, 'case.read');
  return { items: (await repo.listCategories(ctx.db, ctx.actor.cityId)).map(toCategory) };
}

function assertVerifyPair(unit: unknown, amount: unknown) {
  if ((unit === null || unit === undefined) !== (amount === null || amount === undefined)) {
    throw fieldInvalid('verifyLimitAmount', 'CASE_VERIFY_LIMIT_PAIR');
  }
}

export async function createCategory(ctx: Ctx, body: CreateCategoryBody): Promise<Category> {
  assertCan(ctx.actor, 'case.config');
  assertVerifyPair(body.verifyLimitUnit, body.verifyLimitAmount);
  const cityId = ctx.actor.cityId;
  return ctx.db.transaction().execute(async (trx) => {
    if (body.parentId && !(await repo.findCategory(trx, cityId, body.parentId))) {
      throw fieldInvalid('parentId', 'CASE_CATEGORY_PARENT_UNKNOWN');
    }
    if (await repo.findCategoryByCode(trx, cityId, body.code)) {
      throw fieldInvalid('code', 'CASE_CATEGORY_CODE_TAKEN', { code: body.code });
    }
    const row = await repo.insertCategory(
      trx,
      cityId,
      {
        parent_id: body.parentId ?? null,
        code: body.code,
        name: body.name.trim(),
        owner_rule: body.ownerRule,
        limit_unit: body.limitUnit,
        limit_amount: body.limitAmount,
        verify_limit_unit: body.verifyLimitUnit ?? null,
        verify_limit_amount: body.verifyLimitAmount ?? null,
        sort: body.sort ?? 0,
        active: body.active ?? true,
      },
      ctx.now(),
    );
    const category = toCategory(row);
    await auditFromCtx(trx, ctx, {
      action: 'case.category.create',
      entityType: 'case_category',
      entityId: row.id,
      after: category,
    });
    return category;
  });
}

export async function updateCategory(ctx: Ctx, id: number, body: UpdateCategoryBody): Promise<Category> {
  assertCan(ctx.actor, 'case.config');
  const cityId = ctx.actor.cityId;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findCategory(trx, cityId, id);
    if (!before) throw notFound();
    const verifyUnit = body.verifyLimitUnit !== undefined ? body.verifyLimitUnit : before.verify_limit_unit;
    const verifyAmount = body.verifyLimitAmount !== undefined ? body.verifyLimitAmount : before.verify_limit_amount;
    assertVerifyPair(verifyUnit, verifyAmount);
    const row = await repo.updateCategory(
      trx,
      cityId,
      id,
      {
        ...(body.name !== undefined ? { name: body.name.trim() } : {}),
        ...(body.ownerRule !== undefined ? { owner_rule: body.ownerRule } : {}),
        ...(body.limitUnit !== undefined ? { limit_unit: body.limitUnit } : {}),
        ...(body.limitAmount !== undefined ? { limit_amount: body.limitAmount } : {}),
        verify_limit_unit: verifyUnit,
        verify_limit_amount: verifyAmount,
        ...(body.sort !== undefined ? { sort: body.sort } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
      },
      ctx.now(),
    );
    const category = toCategory(row);
    await auditFromCtx(trx, ctx, {
      action: 'case.category.update',
      entityType: 'case_category',
      entityId: id,
      before: toCategory(before),
      after: category,
    });
    return category;
  });
}

/** Adds the default sample tree (codes the city already has are left alone). */
export async function importDefaultCategories(ctx: Ctx) {
  assertCan(ctx.actor, 'case.config');
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await seedDefaultCategories(trx, ctx.actor.cityId, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'case.category.defaults',
      entityType: 'case_category',
      after: { inserted },
    });
  });
  return listCategories(ctx);
}

export function seedDefaultCategories(db: Executor, cityId: number, at: Date): Promise<number> {
  return repo.insertDefaultCategories(db, cityId, [...DEFAULT_CATEGORIES], at);
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export async function loadSettings(db: Executor, cityId: number): Promise<CaseSettings> {
  const row = await repo.findSettings(db, cityId);
  const names =
    row?.notice_issuer && row.notice_prefix ? null : defaultNoticeNames((await repo.findCity(db, cityId)).name);
  return {
    duplicateRadiusM: row?.duplicate_radius_m ?? DEFAULT_SETTINGS.duplicateRadiusM,
    duplicateDays: row?.duplicate_days ?? DEFAULT_SETTINGS.duplicateDays,
    duplicateMinSimilarity: row?.duplicate_min_similarity ?? DEFAULT_SETTINGS.duplicateMinSimilarity,
    remindBeforeRatio: row?.remind_before_ratio ?? DEFAULT_SETTINGS.remindBeforeRatio,
    escalateEveryMinutes: row?.escalate_every_minutes ?? DEFAULT_SETTINGS.escalateEveryMinutes,
    noticeIssuer: row?.notice_issuer ?? names!.issuer,
    noticePrefix: row?.notice_prefix ?? names!.prefix,
  };
}

export async function getSettings(ctx: Ctx): Promise<CaseSettings> {
  assertCan(ctx.actor, 'case.config');
  return loadSettings(ctx.db, ctx.actor.cityId);
}

export async function updateSettings(ctx: Ctx, body: UpdateCaseSettingsBody): Promise<CaseSettings> {
  assertCan(ctx.actor, 'case.config');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx, ctx.actor.cityId);
    const after = { ...before, ...body };
    if (!after.noticeIssuer.trim()) throw fieldInvalid('noticeIssuer', 'VALIDATION_FAILED');
    if (!after.noticePrefix.trim()) throw fieldInvalid('noticePrefix', 'VALIDATION_FAILED');
    await repo.upsertSettings(
      trx,
      ctx.actor.cityId,
      {
        duplicate_radius_m: after.duplicateRadiusM,
        duplicate_days: after.duplicateDays,
        duplicate_min_similarity: after.duplicateMinSimilarity,
        remind_before_ratio: after.remindBeforeRatio,
        escalate_every_minutes: after.escalateEveryMinutes,
        notice_issuer: after.noticeIssuer.trim(),
        notice_prefix: after.noticePrefix.trim(),
      },
      ctx.now(),
    );
    await auditFromCtx(trx, ctx, { action: 'case.settings.update', entityType: 'case_settings', before, after });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------
// Location
// ---------------------------------------------------------------------------------------------

interface GridIndex {
  at: number;
  grids: { id: number; communityId: number | null; polygon: unknown }[];
  bbox: ReturnType<typeof bboxOf>;
}

const GRID_CACHE_MS = 30_000;
/** Points this far outside every grid's bounding box are "outside the city". */
const CITY_MARGIN_M = 2_000;
const gridCache = new Map<number, GridIndex>();

/** Grid polygons of a city, cached briefly (intake reads them on every report). */
async function gridIndex(db: Executor, cityId: number): Promise<GridIndex> {
  const cached = gridCache.get(cityId);
  if (cached && Date.now() - cached.at < GRID_CACHE_MS) return cached;
  const rows = await repo.findGridPolygons(db, cityId);
  const index: GridIndex = {
    at: Date.now(),
    grids: rows.map((r) => ({ id: r.id, communityId: r.parent_id, polygon: r.polygon })),
    bbox: bboxOf(rows.map((r) => r.polygon)),
  };
  gridCache.set(cityId, index);
  return index;
}

/** Forgets cached grid polygons (after regions change, and in tests). */
export function clearGridCache(cityId?: number): void {
  if (cityId === undefined) gridCache.clear();
  else gridCache.delete(cityId);
}

export interface ResolvedLocation {
  point: Point | null;
  gridId: number | null;
  communityId: number | null;
  /** The most precise region: the grid, else the community. */
  regionId: number | null;
}

/**
 * Grid and community from the point when the city's grids have polygons; otherwise (or when the
 * point lies in no grid) from the chosen community. Points far outside all grids are refused.
 */
export async function resolveLocation(
  db: Executor,
  cityId: number,
  input: { lng: number | null; lat: number | null; communityId: number | null },
): Promise<ResolvedLocation> {
  const point = input.lng !== null && input.lat !== null ? { lng: input.lng, lat: input.lat } : null;
  let chosen: { communityId: number; gridId: number | null } | null = null;
  if (input.communityId) {
    const region = await repo.findRegion(db, cityId, input.communityId);
    if (!region || (region.level !== 'community' && region.level !== 'grid')) {
      throw fieldInvalid('communityId', 'CASE_COMMUNITY_UNKNOWN');
    }
    chosen =
      region.level === 'grid'
        ? { communityId: region.parent_id!, gridId: region.id }
        : { communityId: region.id, gridId: null };
  }
  if (point) {
    const index = await gridIndex(db, cityId);
    if (index.bbox) {
      if (!inBbox(point, index.bbox, CITY_MARGIN_M)) throw fieldInvalid('lng', 'CASE_POINT_OUTSIDE_CITY');
      const grid = index.grids.find((g) => pointInPolygon(point, g.polygon));
      if (grid) return { point, gridId: grid.id, communityId: grid.communityId, regionId: grid.id };
      if (!chosen) throw fieldInvalid('communityId', 'CASE_POINT_NO_GRID');
    }
  }
  if (!chosen) {
    if (!point) throw fieldInvalid('communityId', 'CASE_LOCATION_REQUIRED');
    return { point, gridId: null, communityId: null, regionId: null };
  }
  return {
    point,
    gridId: chosen.gridId,
    communityId: chosen.communityId,
    regionId: chosen.gridId ?? chosen.communityId,
  };
}

// ---------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------

function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function areaRouting(
  db: Executor,
  cityId: number,
  locale: Locale,
  communityId: number | null,
  now: Date,
): Promise<Routing> {
  if (communityId) {
    const community = await repo.findRegion(db, cityId, communityId);
    const pairing = await repo.findCommunityPairing(db, cityId, communityId, chinaDate(now));
    if (pairing && community) {
      return {
        unitId: pairing.id,
        unitName: pairing.name,
        rule: 'area',
        reason: t(locale, 'CASE_ROUTE_PAIRING', { community: community.name, unit: pairing.name }),
      };
    }
    // No pairing: the street office, else the district office.
    let regionId = community?.parent_id ?? null;
    for (let depth = 0; regionId && depth < 2; depth++) {
      const region = await repo.findRegion(db, cityId, regionId);
      if (!region) break;
      const office = await repo.findRegionOffice(db, cityId, region.id);
      if (office) {
        return {
          unitId: office.id,
          unitName: office.name,
          rule: 'area',
          reason: t(locale, 'CASE_ROUTE_STREET', { street: region.name, unit: office.name }),
        };
      }
      regionId = region.parent_id;
    }
  }
  return { unitId: null, unitName: null, rule: 'none', reason: t(locale, 'CASE_ROUTE_NONE') };
}

/** The suggested responsible unit: facilities to their owner first, events to the area first. */
export async function suggestRouting(
  db: Executor,
  cityId: number,
  locale: Locale,
  c: {
    ownerRule: string;
    ownerUnitId: number | null;
    communityId: number | null;
    now: Date;
    /** The unit answering for the place (a site's 包保单位): it comes first, whatever the category. */
    responsibleUnitId?: number | null;
  },
): Promise<Routing> {
  if (c.responsibleUnitId) {
    const unit = await repo.findUnit(db, cityId, c.responsibleUnitId);
    if (unit) {
      return {
        unitId: unit.id,
        unitName: unit.name,
        rule: 'owner',
        reason: t(locale, 'CASE_ROUTE_RESPONSIBLE', { unit: unit.name }),
      };
    }
  }
  if (c.ownerRule === 'owner' && c.ownerUnitId) {
    const unit = await repo.findUnit(db, cityId, c.ownerUnitId);
    if (unit) {
      return {
        unitId: unit.id,
        unitName: unit.name,
        rule: 'owner',
        reason: t(locale, 'CASE_ROUTE_OWNER', { unit: unit.name }),
      };
    }
  }
  const area = await areaRouting(db, cityId, locale, c.communityId, c.now);
  if (c.ownerRule === 'owner' && area.rule !== 'none') {
    return { ...area, reason: t(locale, 'CASE_ROUTE_OWNER_FALLBACK', { reason: area.reason }) };
  }
  return area;
}
