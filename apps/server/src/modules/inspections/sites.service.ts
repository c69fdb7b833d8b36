// Site (点位) use cases: the scoped registry and map, a site with its inspection history, and
// registering or editing a site — its type, place (point, region) and responsible unit (包保单位).

import { maskPhone, PHONE_PATTERN } from '@cc/common/org';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { canManageSite } from './inspections.policy.js';
import * as repo from './inspections.repository.js';
import type { CreateSiteBody, Site, SiteDetail, SiteListQuery, UpdateSiteBody } from './inspections.schemas.js';
import { inspectionItem } from './inspections.service.js';
import * as roundRepo from './rounds.repository.js';

const clean = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const PHONE = new RegExp(PHONE_PATTERN);

export function siteItem(row: repo.SiteRow): Site {
  return {
    id: row.id,
    typeCode: row.type_code,
    typeName: row.type_name,
    name: row.name,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    regionId: row.region_id,
    regionName: row.region_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    contactName: row.contact_name,
    contactPhone: maskPhone(row.contact_phone),
    active: row.active,
    lastScore: row.last_score,
    lastInspectedAt: row.last_inspected_at?.toISOString() ?? null,
  };
}

export async function listSites(ctx: Ctx, query: SiteListQuery) {
  assertCan(ctx.actor, 'site.read');
  const { page, pageSize } = pageArgs(query);
  const { rows, total } = await repo.listSites(ctx.db, ctx.actor, query, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows.map(siteItem), total, page, pageSize };
}

export async function mapSites(ctx: Ctx, query: SiteListQuery) {
  assertCan(ctx.actor, 'site.read');
  const rows = await repo.mapSites(ctx.db, ctx.actor, query);
  return {
    points: rows.map((r) => ({
      id: r.id,
      name: r.name,
      typeCode: r.type_code,
      lng: r.lng,
      lat: r.lat,
      lastScore: r.last_score,
    })),
  };
}

export async function getSite(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<SiteDetail> {
  assertCan(ctx.actor, 'site.read');
  const row = await repo.findSite(db, ctx.actor, id);
  if (!row) throw notFound();
  const history = await roundRepo.listInspections(
    db,
    ctx.actor,
    { siteId: id },
    { limit: 50, offset: 0, order: 'recent' },
  );
  const names = await repo.siteTypeNames(db, ctx.actor.cityId);
  return { ...siteItem(row), inspections: history.rows.map((r) => inspectionItem(r, names, null)) };
}

interface Resolved {
  values: repo.SiteValues;
  regionPath: string | null;
}

async function resolve(db: Executor, ctx: Ctx, body: UpdateSiteBody, current: repo.SiteRow | null): Promise<Resolved> {
  const values: repo.SiteValues = {};
  if (body.typeCode !== undefined) {
    const type = await repo.findSiteType(db, ctx.actor.cityId, body.typeCode);
    if (!type) throw fieldInvalid('typeCode', 'INSPECTION_SITE_TYPE_UNKNOWN');
    values.type_code = body.typeCode;
  }
  if (body.name !== undefined) values.name = body.name.trim();
  if (body.address !== undefined) values.address = clean(body.address);
  if (body.lng !== undefined || body.lat !== undefined) {
    const lng = body.lng !== undefined ? body.lng : (current?.lng ?? null);
    const lat = body.lat !== undefined ? body.lat : (current?.lat ?? null);
    if ((lng === null) !== (lat === null)) throw fieldInvalid(lng === null ? 'lng' : 'lat', 'INSPECTION_POINT_HALF');
    values.lng = lng;
    values.lat = lat;
  }
  let regionPath = current?.region_path ?? null;
  if (body.regionId !== undefined) {
    if (body.regionId === null) regionPath = null;
    else {
      const region = await repo.findRegion(db, ctx.actor.cityId, body.regionId);
      if (!region) throw fieldInvalid('regionId', 'OUT_OF_SCOPE');
      regionPath = region.path;
    }
    values.region_id = body.regionId;
  }
  if (body.unitId !== undefined) {
    if (body.unitId !== null && (await repo.visibleUnits(db, ctx.actor, { ids: [body.unitId] })).length === 0) {
      throw fieldInvalid('unitId', 'OUT_OF_SCOPE');
    }
    values.unit_id = body.unitId;
  }
  if (body.contactName !== undefined) values.contact_name = clean(body.contactName);
  if (body.contactPhone !== undefined) {
    const phone = clean(body.contactPhone);
    if (phone && !PHONE.test(phone)) throw fieldInvalid('contactPhone', 'INSPECTION_PHONE_INVALID');
    values.contact_phone = phone;
  }
  if (body.active !== undefined) values.active = body.active;
  if (!canManageSite(ctx.actor, regionPath)) throw fieldInvalid('regionId', 'OUT_OF_SCOPE_RESULT');
  return { values, regionPath };
}

export async function createSite(ctx: Ctx, body: CreateSiteBody): Promise<SiteDetail> {
  assertCan(ctx.actor, 'site.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const { values } = await resolve(trx, ctx, body, null);
    const id = await repo.insertSite(
      trx,
      ctx.actor.cityId,
      { ...values, type_code: body.typeCode, name: body.name.trim() },
      ctx.now(),
    );
    if (id === null) throw fieldInvalid('name', 'INSPECTION_SITE_TAKEN');
    await auditFromCtx(trx, ctx, { action: 'site.create', entityType: 'site', entityId: id, after: values });
    return getSite(ctx, id, trx);
  });
}

export async function updateSite(ctx: Ctx, id: number, body: UpdateSiteBody): Promise<SiteDetail> {
  assertCan(ctx.actor, 'site.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findSite(trx, ctx.actor, id);
    if (!current) throw notFound();
    if (!canManageSite(ctx.actor, current.region_path)) throw notFound();
    const { values } = await resolve(trx, ctx, body, current);
    if (values.name || values.type_code) {
      const clash = await repo.findSiteByName(
        trx,
        ctx.actor.cityId,
        values.type_code ?? current.type_code,
        values.name ?? current.name,
      );
      if (clash && clash.id !== id) throw fieldInvalid('name', 'INSPECTION_SITE_TAKEN');
    }
    await repo.updateSite(trx, id, values, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'site.update',
      entityType: 'site',
      entityId: id,
      before: Object.fromEntries(
        Object.keys(values).map((k) => [k, (current as unknown as Record<string, unknown>)[k]]),
      ),
      after: values,
    });
    return getSite(ctx, id, trx);
  });
}
