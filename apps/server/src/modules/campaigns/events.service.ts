// Event use cases: meetings (e.g. the 四方座谈会), concentrated publicity days with their places
// and assigned units, clean-up days — time, place, organiser, attendance, photos, outcome. The
// office records events of the campaigns it manages; a responsible unit records the events it
// organised itself, so that it can cite them as evidence in its task reports.

import type { EventKind } from '@cc/common/campaigns';
import { can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import { localDate } from '../../platform/calendar.js';
import type { Ctx } from '../../platform/context.js';
import { findStoredFiles } from '../../platform/files.js';
import type { Executor } from '../../platform/db.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { canManageCampaign, reportsForUnit } from './campaigns.policy.js';
import * as campaignRepo from './campaigns.repository.js';
import type {
  CalendarQuery,
  EventBody,
  EventDetail,
  EventListItem,
  EventListQuery,
  UpdateEventBody,
} from './campaigns.schemas.js';
import { assertActive, checkFileIds, cleanText, loadCampaign } from './campaigns.service.js';
import * as repo from './events.repository.js';

function listItem(row: repo.EventRow): EventListItem {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    kind: row.kind as EventKind,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at?.toISOString() ?? null,
    place: row.place,
    organiserUnit: row.organiser_unit_id ? { id: row.organiser_unit_id, name: row.organiser_name ?? '' } : null,
    attendance: row.attendance,
    photoCount: row.photos.length,
  };
}

function assertCanRead(ctx: Ctx) {
  if (!can(ctx.actor, 'campaign.read')) throw new AppError('FORBIDDEN');
}

export async function listEvents(ctx: Ctx, query: EventListQuery) {
  assertCanRead(ctx);
  const { page, pageSize } = pageArgs(query);
  const { rows, total } = await repo.listEvents(ctx.db, ctx.actor, query, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows.map(listItem), total, page, pageSize };
}

/** The calendar's events (the caller has checked the campaign). */
export async function listEventsInRange(ctx: Ctx, campaignId: number, range: CalendarQuery): Promise<EventListItem[]> {
  const { rows } = await repo.listEvents(ctx.db, ctx.actor, { campaignId, ...range }, { limit: 500, offset: 0 });
  return rows.map(listItem);
}

function canEdit(ctx: Ctx, row: repo.EventRow): boolean {
  if (canManageCampaign(ctx.actor, row.campaign_region_path)) return true;
  return (
    row.organiser_unit_id !== null &&
    reportsForUnit(ctx.actor, { id: row.organiser_unit_id, parentId: row.organiser_parent_id })
  );
}

export async function getEvent(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<EventDetail> {
  assertCanRead(ctx);
  const row = await repo.findEvent(db, ctx.actor, id);
  if (!row) throw notFound();
  const [places, files, linked] = await Promise.all([
    repo.listPlaces(db, id),
    findStoredFiles(db, ctx.actor.cityId, row.files),
    repo.reportsCiting(db, ctx.actor, id),
  ]);
  const names = await campaignRepo.unitNames(
    db,
    ctx.actor.cityId,
    places.flatMap((p) => p.unit_ids),
  );
  const fileById = new Map(files.map((f) => [f.id, f]));
  return {
    ...listItem(row),
    participants: row.participants,
    outcome: row.outcome,
    photos: row.photos,
    files: row.files.flatMap((f) => {
      const file = fileById.get(f);
      return file ? [{ id: file.id, name: file.name, mime: file.mime, size: file.size }] : [];
    }),
    places: places.map((p) => ({
      place: p.place,
      units: p.unit_ids.map((uid) => ({ id: uid, name: names.get(uid) ?? `#${uid}` })),
    })),
    linkedReports: linked.map((l) => ({
      instanceId: l.instance_id,
      taskId: l.task_id,
      content: l.content,
      unitName: l.unit_name,
      label: l.label,
    })),
    canEdit: canEdit(ctx, row),
    createdAt: row.created_at.toISOString(),
  };
}

interface Resolved {
  values: repo.EventValues;
  places?: { place: string; unitIds: number[] }[];
}

async function resolve(
  db: Executor,
  ctx: Ctx,
  campaign: campaignRepo.CampaignRow,
  body: UpdateEventBody,
  current: { starts_at: Date; ends_at: Date | null } | null,
): Promise<Resolved> {
  const values: repo.EventValues = {};
  const startsAt = body.startsAt !== undefined ? new Date(body.startsAt) : (current?.starts_at ?? null);
  const endsAt = body.endsAt !== undefined ? (body.endsAt ? new Date(body.endsAt) : null) : (current?.ends_at ?? null);
  if (startsAt) {
    const day = localDate(startsAt);
    if (day < campaign.starts_on || day > campaign.ends_on) {
      throw fieldInvalid('startsAt', 'CAMPAIGN_DATE_OUTSIDE', { from: campaign.starts_on, to: campaign.ends_on });
    }
    if (endsAt && endsAt < startsAt) throw fieldInvalid('endsAt', 'CAMPAIGN_EVENT_END_BEFORE_START');
  }
  if (body.kind !== undefined) values.kind = body.kind;
  if (body.title !== undefined) values.title = body.title.trim();
  if (body.startsAt !== undefined) values.starts_at = startsAt!;
  if (body.endsAt !== undefined) values.ends_at = endsAt;
  if (body.place !== undefined) values.place = cleanText(body.place);
  if (body.participants !== undefined) values.participants = cleanText(body.participants);
  if (body.attendance !== undefined) values.attendance = body.attendance;
  if (body.outcome !== undefined) values.outcome = cleanText(body.outcome);
  if (body.photos !== undefined)
    values.photos = (await checkFileIds(db, ctx.actor.cityId, body.photos, 'photos', true)).map((f) => f.id);
  if (body.files !== undefined)
    values.files = (await checkFileIds(db, ctx.actor.cityId, body.files, 'files', false)).map((f) => f.id);
  const unitIds = [
    ...(body.organiserUnitId ? [body.organiserUnitId] : []),
    ...(body.places ?? []).flatMap((p) => p.unitIds ?? []),
  ];
  const visible = new Set((await campaignRepo.findVisibleUnits(db, ctx.actor, [...new Set(unitIds)])).map((u) => u.id));
  if (body.organiserUnitId !== undefined) {
    if (body.organiserUnitId && !visible.has(body.organiserUnitId))
      throw fieldInvalid('organiserUnitId', 'CAMPAIGN_UNIT_UNKNOWN');
    values.organiser_unit_id = body.organiserUnitId ?? null;
  }
  let places: Resolved['places'];
  if (body.places !== undefined) {
    places = body.places.map((p) => {
      const ids = [...new Set(p.unitIds ?? [])];
      if (ids.some((uid) => !visible.has(uid))) throw fieldInvalid('places', 'CAMPAIGN_UNIT_UNKNOWN');
      return { place: p.place.trim(), unitIds: ids };
    });
  }
  return { values, places };
}

export async function createEvent(ctx: Ctx, campaignId: number, body: EventBody): Promise<EventDetail> {
  assertCanRead(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(trx, ctx, campaignId);
    assertActive(campaign);
    const manages = canManageCampaign(ctx.actor, campaign.region_path);
    // A unit records only events it organised itself.
    if (!manages) {
      if (!can(ctx.actor, 'campaign.report') || !ctx.actor.unitId) throw new AppError('FORBIDDEN');
      body = { ...body, organiserUnitId: body.organiserUnitId ?? ctx.actor.unitId };
    }
    const { values, places } = await resolve(trx, ctx, campaign, body, null);
    if (!manages) {
      const unit = await campaignRepo.findUnit(trx, ctx.actor.cityId, values.organiser_unit_id ?? 0);
      if (!unit || !reportsForUnit(ctx.actor, { id: unit.id, parentId: unit.parent_id })) {
        throw fieldInvalid('organiserUnitId', 'CAMPAIGN_EVENT_OWN_UNIT');
      }
    }
    const id = await repo.insertEvent(
      trx,
      ctx.actor.cityId,
      campaignId,
      { ...values, kind: body.kind, title: body.title.trim(), starts_at: new Date(body.startsAt) },
      ctx.actor.userId,
      ctx.now(),
    );
    if (places) await repo.replacePlaces(trx, ctx.actor.cityId, id, places);
    await auditFromCtx(trx, ctx, {
      action: 'campaign.event.create',
      entityType: 'campaign_event',
      entityId: id,
      after: { campaignId, ...values, places },
    });
    return getEvent(ctx, id, trx);
  });
}

export async function updateEvent(ctx: Ctx, id: number, body: UpdateEventBody): Promise<EventDetail> {
  assertCanRead(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findEvent(trx, ctx.actor, id, true);
    if (!row) throw notFound();
    if (!canEdit(ctx, row)) throw new AppError('FORBIDDEN');
    const campaign = await loadCampaign(trx, ctx, row.campaign_id);
    assertActive(campaign);
    if (!canManageCampaign(ctx.actor, campaign.region_path) && body.organiserUnitId !== undefined) {
      // A unit cannot hand its event to another unit.
      if (body.organiserUnitId !== row.organiser_unit_id)
        throw fieldInvalid('organiserUnitId', 'CAMPAIGN_EVENT_OWN_UNIT');
    }
    const { values, places } = await resolve(trx, ctx, campaign, body, row);
    await repo.updateEvent(trx, id, values, ctx.now());
    if (places) await repo.replacePlaces(trx, ctx.actor.cityId, id, places);
    const before: Record<string, unknown> = {};
    for (const key of Object.keys(values)) before[key] = (row as unknown as Record<string, unknown>)[key];
    await auditFromCtx(trx, ctx, {
      action: 'campaign.event.update',
      entityType: 'campaign_event',
      entityId: id,
      before,
      after: { ...values, ...(places ? { places } : {}) },
    });
    return getEvent(ctx, id, trx);
  });
}
