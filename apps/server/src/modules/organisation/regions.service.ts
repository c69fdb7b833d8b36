// Region use cases: list the visible tree, read one, create a child, edit, delete, export.

import { CHILD_LEVEL, type RegionLevel } from '@cc/common/org';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { buildWorkbook } from '../../platform/excel.js';
import { t } from '../../platform/i18n.js';
import * as repo from './regions.repository.js';
import type { CreateRegionBody, Polygon, Region, RegionListQuery, UpdateRegionBody } from './regions.schemas.js';

type Row = Awaited<ReturnType<typeof repo.listRegions>>[number];

function toRegion(row: Row): Region {
  return {
    id: row.id,
    parentId: row.parent_id,
    level: row.level as RegionLevel,
    code: row.code,
    name: row.name,
    sort: row.sort,
    hasPolygon: row.has_polygon,
    childCount: Number(row.child_count ?? 0),
  };
}

export async function findRegions(ctx: Ctx, query: RegionListQuery) {
  const rows = await repo.listRegions(ctx.db, ctx.actor, query);
  return rows.map(toRegion);
}

export async function getRegion(ctx: Ctx, id: number) {
  const row = await repo.findRegion(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  const ids = row.path.split('/').filter(Boolean).map(Number);
  const names = new Map((await repo.findPathNames(ctx.db, ctx.actor.cityId, ids)).map((r) => [r.id, r.name]));
  return {
    ...toRegion(row),
    polygon: (row.polygon as Polygon | null) ?? null,
    path: ids.map((pid) => ({ id: pid, name: names.get(pid) ?? '' })),
  };
}

/** Rings must close and coordinates must be WGS-84 longitude/latitude. */
export function assertValidPolygon(polygon: Polygon) {
  const polygons = polygon.type === 'Polygon' ? [polygon.coordinates] : polygon.coordinates;
  for (const rings of polygons) {
    for (const ring of rings) {
      const [first, last] = [ring[0], ring[ring.length - 1]];
      const closed = first[0] === last[0] && first[1] === last[1];
      const inRange = ring.every(([lng, lat]) => lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90);
      if (!closed || !inRange) {
        throw new AppError('VALIDATION_FAILED', {
          details: {
            fields: [{ path: 'body/polygon', message: closed ? 'coordinates out of range' : 'ring not closed' }],
          },
        });
      }
    }
  }
}

async function lockInScope(ctx: Ctx, trx: Ctx['db'], id: number) {
  const row = await repo.lockRegion(trx, ctx.actor.cityId, id);
  const prefix = repo.visiblePathPrefix(ctx.actor);
  if (!row || (prefix && !row.path.startsWith(prefix))) throw notFound();
  return row;
}

export async function createRegion(ctx: Ctx, input: CreateRegionBody) {
  assertCan(ctx.actor, 'org.region.write');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const parent = await lockInScope(ctx, trx, input.parentId);
    const level = CHILD_LEVEL[parent.level as RegionLevel];
    if (!level) throw conflict('REGION_GRID_NO_CHILDREN');
    if (input.polygon && level !== 'grid')
      throw new AppError('VALIDATION_FAILED', { messageKey: 'REGION_POLYGON_ONLY_GRID' });
    if (input.polygon) assertValidPolygon(input.polygon);
    if (await repo.isCodeTaken(trx, ctx.actor.cityId, input.code))
      throw conflict('REGION_CODE_TAKEN', { code: input.code });
    const values = {
      cityId: ctx.actor.cityId,
      parentId: parent.id,
      parentPath: parent.path,
      level,
      code: input.code,
      name: input.name.trim(),
      sort: input.sort ?? 0,
      polygon: input.polygon ?? null,
    };
    const newId = await repo.insertRegion(trx, values);
    await auditFromCtx(trx, ctx, {
      action: 'region.create',
      entityType: 'region',
      entityId: newId,
      after: { ...values, polygon: values.polygon ? '(polygon)' : null },
    });
    return newId;
  });
  return getRegion(ctx, id);
}

export async function updateRegion(ctx: Ctx, id: number, input: UpdateRegionBody) {
  assertCan(ctx.actor, 'org.region.write');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockInScope(ctx, trx, id);
    if (input.polygon && before.level !== 'grid') {
      throw new AppError('VALIDATION_FAILED', { messageKey: 'REGION_POLYGON_ONLY_GRID' });
    }
    if (input.polygon) assertValidPolygon(input.polygon);
    if (input.code && input.code !== before.code && (await repo.isCodeTaken(trx, ctx.actor.cityId, input.code, id))) {
      throw conflict('REGION_CODE_TAKEN', { code: input.code });
    }
    const patch = { ...input, name: input.name?.trim() };
    await repo.updateRegion(trx, id, patch, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'region.update',
      entityType: 'region',
      entityId: id,
      before: { code: before.code, name: before.name, sort: before.sort, hasPolygon: before.polygon !== null },
      after: { ...patch, polygon: patch.polygon === undefined ? undefined : patch.polygon ? '(polygon)' : null },
    });
  });
  return getRegion(ctx, id);
}

export async function deleteRegion(ctx: Ctx, id: number) {
  assertCan(ctx.actor, 'org.region.write');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockInScope(ctx, trx, id);
    if (before.parent_id === null || before.id === ctx.actor.regionId) throw conflict('REGION_ROOT_FIXED');
    const deps = await repo.countDependents(trx, id);
    if (deps.children > 0) throw conflict('REGION_HAS_CHILDREN');
    if (deps.others > 0) throw conflict('REGION_IN_USE');
    await repo.deleteRegion(trx, id);
    await auditFromCtx(trx, ctx, {
      action: 'region.delete',
      entityType: 'region',
      entityId: id,
      before: { code: before.code, name: before.name, level: before.level, parentId: before.parent_id },
    });
  });
}

export async function exportRegions(ctx: Ctx, query: RegionListQuery): Promise<Buffer> {
  const rows = await repo.listRegions(ctx.db, ctx.actor, query);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const L = ctx.locale;
  return buildWorkbook([
    {
      name: t(L, 'EXPORT_REGIONS'),
      columns: [
        { header: t(L, 'COL_REGION_CODE'), key: 'code', width: 16 },
        { header: t(L, 'COL_NAME'), key: 'name', width: 24 },
        { header: t(L, 'COL_REGION_LEVEL'), key: 'level', width: 10 },
        { header: t(L, 'COL_PARENT_CODE'), key: 'parentCode', width: 16 },
        { header: t(L, 'COL_PARENT_NAME'), key: 'parentName', width: 24 },
        { header: t(L, 'COL_HAS_POLYGON'), key: 'hasPolygon', width: 10 },
      ],
      rows: rows.map((r) => {
        const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
        return {
          code: r.code,
          name: r.name,
          level: t(L, `LEVEL_${r.level}`),
          parentCode: parent?.code ?? '',
          parentName: parent?.name ?? '',
          hasPolygon: r.has_polygon ? t(L, 'YES') : t(L, 'NO'),
        };
      }),
    },
  ]);
}
