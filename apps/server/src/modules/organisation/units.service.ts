// Unit use cases: list, read (with the audited unmasked view), create, edit, delete, export.

import { maskPhone, type UnitType } from '@cc/common/org';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { buildWorkbook } from '../../platform/excel.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { canSeeUnit, fieldError, outOfScope, resultOutOfScope, trimInput } from './org.policy.js';
import * as regionRepo from './regions.repository.js';
import * as repo from './units.repository.js';
import type { CreateUnitBody, Unit, UnitExportQuery, UnitListQuery, UpdateUnitBody } from './units.schemas.js';

type Row = Awaited<ReturnType<typeof repo.listUnits>>[number];

function toUnit(row: Row, unmasked: boolean): Unit {
  const phone = (value: string | null) => (unmasked ? value : maskPhone(value));
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    type: row.type as UnitType,
    parentId: row.parent_id,
    parentName: row.parent_name,
    regionId: row.region_id,
    regionName: row.region_name,
    headName: row.head_name,
    headPhone: phone(row.head_phone),
    liaisonName: row.liaison_name,
    liaisonPhone: phone(row.liaison_phone),
    peopleCount: Number(row.people_count ?? 0),
  };
}

export async function findUnits(ctx: Ctx, query: UnitListQuery) {
  const page = pageArgs(query);
  const [total, rows] = await Promise.all([
    repo.countUnits(ctx.db, ctx.actor, query),
    repo.listUnits(ctx.db, ctx.actor, query, page),
  ]);
  return { items: rows.map((row) => toUnit(row, false)), total, ...page };
}

/**
 * One unit. Callers who may edit units see the phones in full, and that view of personal data is
 * written to the audit log (only when there is a phone to reveal).
 */
export async function getUnit(ctx: Ctx, id: number): Promise<Unit> {
  const row = await repo.findUnit(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  const unmasked = can(ctx.actor, 'org.unit.write');
  if (unmasked && (row.head_phone || row.liaison_phone)) {
    await auditFromCtx(ctx.db, ctx, {
      action: 'unit.view_personal',
      entityType: 'unit',
      entityId: id,
      message: ['headPhone', 'liaisonPhone'].filter((_, i) => [row.head_phone, row.liaison_phone][i]).join(','),
    });
  }
  return toUnit(row, unmasked);
}

/** The unit as its editor just saved it: phones in full, no separate view audit. */
async function loadSaved(ctx: Ctx, id: number): Promise<Unit> {
  const row = await repo.findUnit(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return toUnit(row, true);
}

async function requireRegion(ctx: Ctx, db: Executor, id: number, field: string) {
  const region = await regionRepo.findRegion(db, ctx.actor, id);
  if (!region) throw outOfScope(field, ctx.locale);
  return region;
}

async function requireParent(ctx: Ctx, db: Executor, id: number) {
  const parent = await repo.findUnitRef(db, ctx.actor, id);
  if (!parent) throw outOfScope('parentId', ctx.locale);
  return parent;
}

export async function createUnit(ctx: Ctx, input: CreateUnitBody): Promise<Unit> {
  assertCan(ctx.actor, 'org.unit.write');
  const values: repo.UnitValues = trimInput({
    name: input.name,
    shortName: input.shortName ?? null,
    type: input.type,
    parentId: input.parentId ?? null,
    regionId: input.regionId ?? null,
    headName: input.headName ?? null,
    headPhone: input.headPhone ?? null,
    liaisonName: input.liaisonName ?? null,
    liaisonPhone: input.liaisonPhone ?? null,
  });
  if (!values.name) throw fieldError(ctx.locale, 'name', 'CELL_REQUIRED', 'VALIDATION_FAILED');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (values.parentId) await requireParent(ctx, trx, values.parentId);
    const region = values.regionId ? await requireRegion(ctx, trx, values.regionId, 'regionId') : null;
    if (!canSeeUnit(ctx.actor, { id: null, parentId: values.parentId, regionPath: region?.path ?? null })) {
      throw resultOutOfScope();
    }
    if (await repo.isNameTaken(trx, ctx.actor.cityId, values.name))
      throw conflict('UNIT_NAME_TAKEN', { name: values.name });
    const newId = await repo.insertUnit(trx, ctx.actor.cityId, values, ctx.now());
    await auditFromCtx(trx, ctx, { action: 'unit.create', entityType: 'unit', entityId: newId, after: values });
    return newId;
  });
  return loadSaved(ctx, id);
}

export async function updateUnit(ctx: Ctx, id: number, input: UpdateUnitBody): Promise<Unit> {
  assertCan(ctx.actor, 'org.unit.write');
  const patch: Partial<repo.UnitValues> = trimInput(input);
  if (patch.name === '') throw fieldError(ctx.locale, 'name', 'CELL_REQUIRED', 'VALIDATION_FAILED');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.lockUnit(trx, ctx.actor, id);
    if (!before) throw notFound();
    if (patch.parentId) {
      if (patch.parentId === id) throw conflict('UNIT_PARENT_CYCLE');
      await requireParent(ctx, trx, patch.parentId);
      if (await repo.isInSubtree(trx, id, patch.parentId)) throw conflict('UNIT_PARENT_CYCLE');
    }
    if (patch.regionId) await requireRegion(ctx, trx, patch.regionId, 'regionId');
    const regionId = patch.regionId === undefined ? before.region_id : patch.regionId;
    const region = regionId ? await repo.findRegionPath(trx, ctx.actor.cityId, regionId) : undefined;
    const parentId = patch.parentId === undefined ? before.parent_id : patch.parentId;
    if (!canSeeUnit(ctx.actor, { id, parentId, regionPath: region?.path ?? null })) throw resultOutOfScope();
    if (patch.name && patch.name !== before.name && (await repo.isNameTaken(trx, ctx.actor.cityId, patch.name, id))) {
      throw conflict('UNIT_NAME_TAKEN', { name: patch.name });
    }
    await repo.updateUnit(trx, id, patch, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      before: snapshot(before),
      after: patch,
    });
  });
  return loadSaved(ctx, id);
}

function snapshot(row: NonNullable<Awaited<ReturnType<typeof repo.lockUnit>>>): repo.UnitValues {
  return {
    name: row.name,
    shortName: row.short_name,
    type: row.type,
    parentId: row.parent_id,
    regionId: row.region_id,
    headName: row.head_name,
    headPhone: row.head_phone,
    liaisonName: row.liaison_name,
    liaisonPhone: row.liaison_phone,
  };
}

export async function deleteUnit(ctx: Ctx, id: number): Promise<void> {
  assertCan(ctx.actor, 'org.unit.write');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.lockUnit(trx, ctx.actor, id);
    if (!before) throw notFound();
    const deps = await repo.countDependents(trx, id);
    if (Object.values(deps).some((n) => n > 0)) {
      throw new AppError('CONFLICT', { messageKey: 'UNIT_HAS_DEPENDENTS', details: { dependents: deps } });
    }
    await repo.deleteUnit(trx, id);
    await auditFromCtx(trx, ctx, { action: 'unit.delete', entityType: 'unit', entityId: id, before: snapshot(before) });
  });
}

export async function exportUnits(ctx: Ctx, query: UnitExportQuery): Promise<Buffer> {
  const rows = await repo.listUnits(ctx.db, ctx.actor, query);
  const L = ctx.locale;
  return buildWorkbook([
    {
      name: t(L, 'EXPORT_UNITS'),
      columns: [
        { header: t(L, 'COL_UNIT_NAME'), key: 'name', width: 28 },
        { header: t(L, 'COL_SHORT_NAME'), key: 'shortName', width: 14 },
        { header: t(L, 'COL_UNIT_TYPE'), key: 'type', width: 14 },
        { header: t(L, 'COL_PARENT_UNIT'), key: 'parentName', width: 28 },
        { header: t(L, 'COL_REGION'), key: 'regionName', width: 18 },
        { header: t(L, 'COL_HEAD_NAME'), key: 'headName', width: 10 },
        { header: t(L, 'COL_HEAD_PHONE'), key: 'headPhone', width: 16 },
        { header: t(L, 'COL_LIAISON_NAME'), key: 'liaisonName', width: 10 },
        { header: t(L, 'COL_LIAISON_PHONE'), key: 'liaisonPhone', width: 16 },
        { header: t(L, 'COL_PEOPLE_COUNT'), key: 'peopleCount', width: 8 },
      ],
      rows: rows.map((row) => {
        const unit = toUnit(row, false);
        return { ...unit, type: t(L, `UNIT_TYPE_${unit.type}`) };
      }),
    },
  ]);
}
