// Pairing use cases (分包/包联): list, read, create, edit, delete, export. A community pairing takes
// its target name from the community; sites and road segments are named freely.

import type { PairingTarget } from '@cc/common/org';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { buildWorkbook } from '../../platform/excel.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { canSeeByUnitOrRegion, fieldError, outOfScope, resultOutOfScope, trimInput } from './org.policy.js';
import * as repo from './pairings.repository.js';
import type {
  CreatePairingBody,
  Pairing,
  PairingExportQuery,
  PairingListQuery,
  UpdatePairingBody,
} from './pairings.schemas.js';
import * as regionRepo from './regions.repository.js';
import * as unitRepo from './units.repository.js';

type Row = Awaited<ReturnType<typeof repo.listPairings>>[number];

function toPairing(row: Row): Pairing {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    targetType: row.target_type as PairingTarget,
    regionId: row.region_id,
    regionName: row.region_name,
    targetName: row.target_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
  };
}

export async function findPairings(ctx: Ctx, query: PairingListQuery) {
  const page = pageArgs(query);
  const [total, rows] = await Promise.all([
    repo.countPairings(ctx.db, ctx.actor, query),
    repo.listPairings(ctx.db, ctx.actor, query, page),
  ]);
  return { items: rows.map(toPairing), total, ...page };
}

export async function getPairing(ctx: Ctx, id: number): Promise<Pairing> {
  const row = await repo.findPairing(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return toPairing(row);
}

/**
 * Checks the values a pairing will hold after the change (`changed` lists the ids the caller sent,
 * which must be in scope) and fills the target name of a community pairing.
 */
async function settle(
  ctx: Ctx,
  db: Executor,
  values: Omit<repo.PairingValues, 'targetName'> & { targetName: string | null },
  changed: { unitId: boolean; regionId: boolean },
): Promise<repo.PairingValues> {
  if (values.endsOn && values.endsOn < values.startsOn) throw fieldError(ctx.locale, 'endsOn', 'PAIRING_DATES');
  if (changed.unitId && !(await unitRepo.isUnitVisible(db, ctx.actor, values.unitId))) {
    throw outOfScope('unitId', ctx.locale);
  }
  let targetName = values.targetName;
  if (values.targetType === 'community' && !values.regionId) {
    throw fieldError(ctx.locale, 'regionId', 'PAIRING_COMMUNITY_REQUIRED');
  }
  if (values.regionId && (changed.regionId || values.targetType === 'community')) {
    const region = await regionRepo.findRegion(db, ctx.actor, values.regionId);
    if (!region) throw outOfScope('regionId', ctx.locale);
    if (values.targetType === 'community') {
      if (region.level !== 'community') throw fieldError(ctx.locale, 'regionId', 'REGION_NOT_COMMUNITY');
      targetName = region.name;
    }
  }
  if (!targetName) throw fieldError(ctx.locale, 'targetName', 'PAIRING_TARGET_REQUIRED');
  const unitVisible = await unitRepo.isUnitVisible(db, ctx.actor, values.unitId);
  const region = values.regionId ? await unitRepo.findRegionPath(db, ctx.actor.cityId, values.regionId) : undefined;
  if (!canSeeByUnitOrRegion(ctx.actor, { unitVisible, regionPath: region?.path ?? null })) throw resultOutOfScope();
  return { ...values, targetName };
}

export async function createPairing(ctx: Ctx, input: CreatePairingBody): Promise<Pairing> {
  assertCan(ctx.actor, 'org.pairing.write');
  const body = trimInput(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const values = await settle(
      ctx,
      trx,
      {
        unitId: body.unitId,
        targetType: body.targetType,
        regionId: body.regionId ?? null,
        targetName: body.targetName ?? null,
        startsOn: body.startsOn,
        endsOn: body.endsOn ?? null,
        note: body.note ?? null,
      },
      { unitId: true, regionId: true },
    );
    const newId = await repo.insertPairing(trx, ctx.actor.cityId, values, ctx.now());
    await auditFromCtx(trx, ctx, { action: 'pairing.create', entityType: 'pairing', entityId: newId, after: values });
    return newId;
  });
  return getPairing(ctx, id);
}

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockPairing>>>;

function snapshot(row: Locked): repo.PairingValues {
  return {
    unitId: row.unit_id,
    targetType: row.target_type,
    regionId: row.region_id,
    targetName: row.target_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
  };
}

export async function updatePairing(ctx: Ctx, id: number, input: UpdatePairingBody): Promise<Pairing> {
  assertCan(ctx.actor, 'org.pairing.write');
  const patch = trimInput(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockPairing(trx, ctx.actor, id);
    if (!row) throw notFound();
    const before = snapshot(row);
    const after = await settle(
      ctx,
      trx,
      {
        unitId: patch.unitId ?? before.unitId,
        targetType: patch.targetType ?? before.targetType,
        regionId: patch.regionId === undefined ? before.regionId : patch.regionId,
        // A cleared name falls back to the stored one (a community pairing renames itself anyway).
        targetName: patch.targetName ?? before.targetName,
        startsOn: patch.startsOn ?? before.startsOn,
        endsOn: patch.endsOn === undefined ? before.endsOn : patch.endsOn,
        note: patch.note === undefined ? before.note : patch.note,
      },
      { unitId: patch.unitId !== undefined, regionId: patch.regionId !== undefined },
    );
    await repo.updatePairing(trx, id, after, ctx.now());
    await auditFromCtx(trx, ctx, { action: 'pairing.update', entityType: 'pairing', entityId: id, before, after });
  });
  return getPairing(ctx, id);
}

export async function deletePairing(ctx: Ctx, id: number): Promise<void> {
  assertCan(ctx.actor, 'org.pairing.write');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockPairing(trx, ctx.actor, id);
    if (!row) throw notFound();
    await repo.deletePairing(trx, id);
    await auditFromCtx(trx, ctx, {
      action: 'pairing.delete',
      entityType: 'pairing',
      entityId: id,
      before: snapshot(row),
    });
  });
}

export async function exportPairings(ctx: Ctx, query: PairingExportQuery): Promise<Buffer> {
  const rows = await repo.listPairings(ctx.db, ctx.actor, query);
  const L = ctx.locale;
  return buildWorkbook([
    {
      name: t(L, 'EXPORT_PAIRINGS'),
      columns: [
        { header: t(L, 'COL_UNIT_NAME'), key: 'unitName', width: 28 },
        { header: t(L, 'COL_TARGET_TYPE'), key: 'targetType', width: 10 },
        { header: t(L, 'COL_TARGET'), key: 'targetName', width: 28 },
        { header: t(L, 'COL_REGION'), key: 'regionName', width: 18 },
        { header: t(L, 'COL_STARTS_ON'), key: 'startsOn', width: 12 },
        { header: t(L, 'COL_ENDS_ON'), key: 'endsOn', width: 12 },
        { header: t(L, 'COL_NOTE'), key: 'note', width: 30 },
      ],
      rows: rows.map((row) => {
        const pairing = toPairing(row);
        return { ...pairing, targetType: t(L, `TARGET_${pairing.targetType}`) };
      }),
    },
  ]);
}
