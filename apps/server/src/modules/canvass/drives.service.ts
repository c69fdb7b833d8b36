// Canvass drives (访千楼万家): plan a drive (period, kick-off and records milestones, materials to
// hand out, answer time limit), assign units to communities and buildings with household targets,
// and follow progress — households visited / target per unit, community and building, with the
// units that missed a milestone flagged.

import { sql } from 'kysely';
import type { DriveStatus } from '@cc/common/canvass';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import { localDate } from '../../platform/calendar.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, conflict, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { unitRowVisible } from '../organisation/index.js';
import { canManageDrive, driveVisible, recordsForUnit } from './canvass.policy.js';
import * as repo from './canvass.repository.js';
import { overdueSql } from './canvass.repository.js';
import type {
  Assignment,
  AssignmentListQuery,
  CreateAssignmentsBody,
  CreateDriveBody,
  DriveDetail,
  DriveListItem,
  DriveListQuery,
  KickoffBody,
  MyAssignmentList,
  ProgressList,
  ProgressQuery,
  UpdateAssignmentBody,
  UpdateDriveBody,
} from './canvass.schemas.js';
import { opinionVisible } from './canvass.policy.js';
import { ensureTopics } from './topics.service.js';

export const today = (ctx: Ctx) => localDate(ctx.now());

function rate(visited: number, target: number): number | null {
  return target > 0 ? Math.round((visited / target) * 10_000) / 10_000 : null;
}

function progressOf(target: number, households: number, visits: number) {
  return { targetHouseholds: target, visitedHouseholds: households, visits, rate: rate(households, target) };
}

async function findDrive(db: Executor, ctx: Ctx, id: number, lock = false): Promise<repo.DriveRow | undefined> {
  const result = await sql<repo.DriveRow>`
    SELECT ${repo.DRIVE_SELECT} FROM ${repo.DRIVE_FROM}
    WHERE d.city_id = ${ctx.actor.cityId} AND d.id = ${id} AND ${driveVisible(ctx.actor, 'd')}
    ${lock ? sql`FOR UPDATE OF d` : sql``}`.execute(db);
  return result.rows[0];
}

export async function requireDrive(db: Executor, ctx: Ctx, id: number, lock = false): Promise<repo.DriveRow> {
  const drive = await findDrive(db, ctx, id, lock);
  if (!drive) throw notFound();
  return drive;
}

interface OpinionCountRow {
  drive_id: number;
  total: number;
  new: number;
  awaiting_reply: number;
  awaiting_delivery: number;
  delivered: number;
  overdue: number;
}

async function summaries(db: Executor, ctx: Ctx, drives: repo.DriveRow[]): Promise<DriveListItem[]> {
  if (drives.length === 0) return [];
  const ids = drives.map((d) => d.id);
  const day = today(ctx);
  const { rows } = await repo.assignmentProgress(db, ctx.actor, day, { driveIds: ids });
  const opinions = await sql<OpinionCountRow>`
    SELECT o.drive_id, count(*)::int AS total,
      count(*) FILTER (WHERE o.status = 'new')::int AS new,
      count(*) FILTER (WHERE o.status = 'routed')::int AS awaiting_reply,
      count(*) FILTER (WHERE o.status = 'answered')::int AS awaiting_delivery,
      count(*) FILTER (WHERE o.status = 'delivered')::int AS delivered,
      count(*) FILTER (WHERE ${overdueSql(day)})::int AS overdue
    FROM canvass_opinions o
    WHERE o.drive_id = ANY(${ids}::bigint[]) AND ${opinionVisible(ctx.actor, 'o')}
    GROUP BY o.drive_id`.execute(db);
  const byDrive = new Map(opinions.rows.map((r) => [r.drive_id, r]));
  return drives.map((d) => {
    const mine = rows.filter((a) => a.drive_id === d.id);
    const target = mine.reduce((s, a) => s + a.target_households, 0);
    const households = mine.reduce((s, a) => s + a.households, 0);
    const visits = mine.reduce((s, a) => s + a.visits, 0);
    const o = byDrive.get(d.id);
    return {
      id: d.id,
      name: d.name,
      region: { id: d.region_id, name: d.region_name },
      campaign: d.campaign_id ? { id: d.campaign_id, name: d.campaign_name ?? '' } : null,
      startsOn: d.starts_on,
      endsOn: d.ends_on,
      kickoffDueOn: d.kickoff_due_on,
      recordsDueOn: d.records_due_on,
      status: d.status as DriveStatus,
      unitCount: new Set(mine.map((a) => a.unit_id)).size,
      communityCount: new Set(mine.map((a) => a.community_id)).size,
      lateUnitCount: new Set(mine.filter((a) => a.kickoff_late || a.records_late).map((a) => a.unit_id)).size,
      progress: progressOf(target, households, visits),
      opinions: {
        total: o?.total ?? 0,
        new: o?.new ?? 0,
        awaitingReply: o?.awaiting_reply ?? 0,
        awaitingDelivery: o?.awaiting_delivery ?? 0,
        delivered: o?.delivered ?? 0,
        overdue: o?.overdue ?? 0,
      },
    };
  });
}

function assertReads(ctx: Ctx) {
  if (!can(ctx.actor, 'canvass.read')) throw new AppError('FORBIDDEN');
}

export async function listDrives(ctx: Ctx, query: DriveListQuery) {
  assertReads(ctx);
  const { page, pageSize } = pageArgs(query);
  const where = [sql`d.city_id = ${ctx.actor.cityId}`, driveVisible(ctx.actor, 'd')];
  if (query.status) where.push(sql`d.status = ${query.status}`);
  if (query.q?.trim()) where.push(sql`d.name ILIKE ${'%' + query.q.trim() + '%'}`);
  const cond = sql.join(where, sql` AND `);
  const drives = await sql<repo.DriveRow>`
    SELECT ${repo.DRIVE_SELECT} FROM ${repo.DRIVE_FROM} WHERE ${cond}
    ORDER BY d.starts_on DESC, d.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM canvass_drives d WHERE ${cond}`.execute(ctx.db);
  return { items: await summaries(ctx.db, ctx, drives.rows), total: count.rows[0].n, page, pageSize };
}

export async function getDrive(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<DriveDetail> {
  assertReads(ctx);
  const drive = await requireDrive(db, ctx, id);
  const [summary] = await summaries(db, ctx, [drive]);
  return {
    ...summary,
    description: drive.description,
    materials: drive.materials,
    answerDays: drive.answer_days,
    escalateEveryDays: drive.escalate_every_days,
    canManage: canManageDrive(ctx.actor, drive.region_path),
    createdAt: drive.created_at.toISOString(),
  };
}

function checkDates(d: {
  startsOn: string;
  endsOn: string;
  kickoffDueOn?: string | null;
  recordsDueOn?: string | null;
}) {
  if (d.endsOn < d.startsOn) throw fieldInvalid('endsOn', 'CAMPAIGN_END_BEFORE_START');
  for (const field of ['kickoffDueOn', 'recordsDueOn'] as const) {
    const value = d[field];
    if (value && (value < d.startsOn || value > d.endsOn)) throw fieldInvalid(field, 'CANVASS_MILESTONE_OUTSIDE');
  }
  if (d.kickoffDueOn && d.recordsDueOn && d.recordsDueOn < d.kickoffDueOn) {
    throw fieldInvalid('recordsDueOn', 'CANVASS_RECORDS_BEFORE_KICKOFF');
  }
}

async function checkCampaign(db: Executor, cityId: number, campaignId: number | null | undefined) {
  if (!campaignId) return;
  const found = await db
    .selectFrom('campaigns')
    .select('id')
    .where('city_id', '=', cityId)
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!found) throw fieldInvalid('campaignId', 'INSPECTION_CAMPAIGN_UNKNOWN');
}

const cleanMaterials = (list: string[] | undefined) => [...new Set((list ?? []).map((m) => m.trim()).filter(Boolean))];

export async function createDrive(ctx: Ctx, body: CreateDriveBody): Promise<DriveDetail> {
  assertCan(ctx.actor, 'canvass.manage');
  checkDates(body);
  return ctx.db.transaction().execute(async (trx) => {
    const cityId = ctx.actor.cityId;
    const regionId = body.regionId ?? ctx.actor.regionId;
    const region = regionId ? await repo.findRegion(trx, cityId, regionId) : undefined;
    if (!region || !canManageDrive(ctx.actor, region.path)) throw fieldInvalid('regionId', 'OUT_OF_SCOPE');
    await checkCampaign(trx, cityId, body.campaignId);
    await ensureTopics(trx, cityId);
    const now = ctx.now();
    const row = await trx
      .insertInto('canvass_drives')
      .values({
        city_id: cityId,
        region_id: region.id,
        campaign_id: body.campaignId ?? null,
        name: body.name.trim(),
        description: body.description?.trim() || null,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        kickoff_due_on: body.kickoffDueOn ?? null,
        records_due_on: body.recordsDueOn ?? null,
        materials: cleanMaterials(body.materials),
        answer_days: body.answerDays ?? 10,
        escalate_every_days: body.escalateEveryDays ?? 3,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.drive.create',
      entityType: 'canvass_drive',
      entityId: row.id,
      after: { name: body.name, startsOn: body.startsOn, endsOn: body.endsOn, regionId: region.id },
    });
    return getDrive(ctx, row.id, trx);
  });
}

export async function updateDrive(ctx: Ctx, id: number, body: UpdateDriveBody): Promise<DriveDetail> {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const drive = await requireDrive(trx, ctx, id, true);
    if (!canManageDrive(ctx.actor, drive.region_path)) throw new AppError('FORBIDDEN');
    if (drive.status === 'closed') throw conflict('CANVASS_DRIVE_CLOSED');
    const next = {
      startsOn: body.startsOn ?? drive.starts_on,
      endsOn: body.endsOn ?? drive.ends_on,
      kickoffDueOn: body.kickoffDueOn !== undefined ? body.kickoffDueOn : drive.kickoff_due_on,
      recordsDueOn: body.recordsDueOn !== undefined ? body.recordsDueOn : drive.records_due_on,
    };
    checkDates(next);
    await checkCampaign(trx, ctx.actor.cityId, body.campaignId);
    const set = {
      ...(body.name !== undefined && { name: body.name.trim() }),
      ...(body.description !== undefined && { description: body.description?.trim() || null }),
      ...(body.campaignId !== undefined && { campaign_id: body.campaignId }),
      ...(body.materials !== undefined && { materials: cleanMaterials(body.materials) }),
      ...(body.answerDays !== undefined && { answer_days: body.answerDays }),
      ...(body.escalateEveryDays !== undefined && { escalate_every_days: body.escalateEveryDays }),
      starts_on: next.startsOn,
      ends_on: next.endsOn,
      kickoff_due_on: next.kickoffDueOn,
      records_due_on: next.recordsDueOn,
      updated_at: ctx.now(),
    };
    await trx.updateTable('canvass_drives').set(set).where('id', '=', id).execute();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.drive.update',
      entityType: 'canvass_drive',
      entityId: id,
      before: { name: drive.name, startsOn: drive.starts_on, endsOn: drive.ends_on },
      after: body,
    });
    return getDrive(ctx, id, trx);
  });
}

const STATUS_MOVES: Record<DriveStatus, readonly DriveStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open'],
};

export async function setDriveStatus(ctx: Ctx, id: number, status: DriveStatus): Promise<DriveDetail> {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const drive = await requireDrive(trx, ctx, id, true);
    if (!canManageDrive(ctx.actor, drive.region_path)) throw new AppError('FORBIDDEN');
    const from = drive.status as DriveStatus;
    if (!STATUS_MOVES[from].includes(status)) {
      throw conflict('CANVASS_DRIVE_BAD_STATUS', { status: `@CANVASS_DRIVE_STATUS_${from}` });
    }
    await trx.updateTable('canvass_drives').set({ status, updated_at: ctx.now() }).where('id', '=', id).execute();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.drive.status',
      entityType: 'canvass_drive',
      entityId: id,
      before: { status: from },
      after: { status },
    });
    return getDrive(ctx, id, trx);
  });
}

// ---------------------------------------------------------------------------------------------
// Assignments
// ---------------------------------------------------------------------------------------------

async function toAssignments(db: Executor, rows: repo.AssignmentProgressRow[]): Promise<Assignment[]> {
  const buildings = await repo.buildingProgress(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const lateReasons: ('kickoff' | 'records')[] = [];
    if (r.kickoff_late) lateReasons.push('kickoff');
    if (r.records_late) lateReasons.push('records');
    return {
      id: r.id,
      driveId: r.drive_id,
      unit: { id: r.unit_id, name: r.unit_name },
      community: { id: r.community_id, name: r.community_name, street: r.street_name },
      targetHouseholds: r.target_households,
      kickedOffOn: r.kicked_off_on,
      note: r.note,
      buildings: buildings
        .filter((b) => b.assignment_id === r.id)
        .map((b) => ({
          id: b.id,
          name: b.name,
          targetHouseholds: b.target_households,
          visitedHouseholds: b.households,
        })),
      progress: progressOf(r.target_households, r.households, r.visits),
      late: lateReasons.length > 0,
      lateReasons,
    };
  });
}

export async function listAssignments(ctx: Ctx, driveId: number, query: AssignmentListQuery) {
  assertReads(ctx);
  await requireDrive(ctx.db, ctx, driveId);
  const { page, pageSize } = pageArgs(query);
  const { rows, total } = await repo.assignmentProgress(ctx.db, ctx.actor, today(ctx), {
    driveIds: [driveId],
    unitId: query.unitId,
    communityId: query.communityId,
    late: query.late,
    q: query.q,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: await toAssignments(ctx.db, rows), total, page, pageSize };
}

async function getAssignment(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<Assignment> {
  const { rows } = await repo.assignmentProgress(db, ctx.actor, today(ctx), { ids: [id] });
  if (rows.length === 0) throw notFound();
  return (await toAssignments(db, rows))[0];
}

async function findAssignment(db: Executor, ctx: Ctx, id: number) {
  const { rows } = await repo.assignmentProgress(db, ctx.actor, today(ctx), { ids: [id] });
  const row = rows[0];
  if (!row) throw notFound();
  await sql`SELECT 1 FROM canvass_assignments WHERE id = ${id} FOR UPDATE`.execute(db);
  return row;
}

function checkBuildings(buildings: { name: string }[] | undefined, path: string) {
  const names = (buildings ?? []).map((b) => b.name.trim());
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw fieldInvalid(path, 'CANVASS_BUILDING_DUPLICATE', { name: dup });
}

export async function createAssignments(ctx: Ctx, driveId: number, body: CreateAssignmentsBody) {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const drive = await requireDrive(trx, ctx, driveId, true);
    if (!canManageDrive(ctx.actor, drive.region_path)) throw new AppError('FORBIDDEN');
    if (drive.status === 'closed') throw conflict('CANVASS_DRIVE_CLOSED');
    const cityId = ctx.actor.cityId;
    const unitIds = [...new Set(body.items.map((i) => i.unitId))];
    const communityIds = [...new Set(body.items.map((i) => i.communityId))];
    const units = await sql<{ id: number }>`
      SELECT u.id FROM units u WHERE u.city_id = ${cityId} AND u.id = ANY(${unitIds}::bigint[])
        AND ${unitRowVisible(ctx.actor, 'u')}`.execute(trx);
    const communities = await sql<{ id: number }>`
      SELECT r.id FROM regions r WHERE r.city_id = ${cityId} AND r.id = ANY(${communityIds}::bigint[])
        AND r.level = 'community' AND r.path LIKE ${drive.region_path + '%'}`.execute(trx);
    const knownUnits = new Set(units.rows.map((u) => u.id));
    const knownCommunities = new Set(communities.rows.map((c) => c.id));
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      if (!knownUnits.has(item.unitId)) throw fieldInvalid(`items/${i}/unitId`, 'CAMPAIGN_UNIT_UNKNOWN');
      if (!knownCommunities.has(item.communityId)) {
        throw fieldInvalid(`items/${i}/communityId`, 'CANVASS_COMMUNITY_UNKNOWN');
      }
      const key = `${item.unitId}:${item.communityId}`;
      if (seen.has(key)) throw fieldInvalid(`items/${i}`, 'CANVASS_ASSIGNMENT_DUPLICATE');
      seen.add(key);
      checkBuildings(item.buildings, `items/${i}/buildings`);
    });
    const existing = await sql<{ unit_id: number; community_id: number }>`
      SELECT unit_id, community_id FROM canvass_assignments WHERE drive_id = ${driveId}`.execute(trx);
    const taken = existing.rows.findIndex((e) => seen.has(`${e.unit_id}:${e.community_id}`));
    if (taken !== -1) {
      const item = body.items.findIndex(
        (i) => i.unitId === existing.rows[taken].unit_id && i.communityId === existing.rows[taken].community_id,
      );
      throw fieldInvalid(`items/${item}`, 'CANVASS_ASSIGNMENT_DUPLICATE');
    }
    const now = ctx.now();
    const inserted = await sql<{ id: number; ord: number }>`
      INSERT INTO canvass_assignments (city_id, drive_id, unit_id, community_id, target_households, note, created_at, updated_at)
      SELECT ${cityId}, ${driveId}, x.unit_id, x.community_id, x.target, x.note, ${now}, ${now}
      FROM unnest(${body.items.map((i) => i.unitId)}::bigint[], ${body.items.map((i) => i.communityId)}::bigint[],
        ${body.items.map((i) => i.targetHouseholds)}::int[], ${body.items.map((i) => i.note?.trim() || null)}::text[])
        WITH ORDINALITY AS x(unit_id, community_id, target, note, ord)
      ORDER BY x.ord
      RETURNING id`.execute(trx);
    const ids = inserted.rows.map((r) => r.id);
    const buildingRows = body.items.flatMap((item, i) =>
      (item.buildings ?? []).map((b, sort) => ({
        assignment: ids[i],
        name: b.name.trim(),
        target: b.targetHouseholds,
        sort,
      })),
    );
    await insertBuildings(trx, cityId, buildingRows);
    await auditFromCtx(trx, ctx, {
      action: 'canvass.assignment.create',
      entityType: 'canvass_drive',
      entityId: driveId,
      after: { assignments: ids.length, buildings: buildingRows.length },
    });
    return { created: ids.length };
  });
}

async function insertBuildings(
  db: Executor,
  cityId: number,
  rows: { assignment: number; name: string; target: number; sort: number }[],
) {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO canvass_buildings (city_id, assignment_id, name, target_households, sort)
    SELECT ${cityId}, x.a, x.n, x.t, x.s
    FROM unnest(${rows.map((r) => r.assignment)}::bigint[], ${rows.map((r) => r.name)}::text[],
      ${rows.map((r) => r.target)}::int[], ${rows.map((r) => r.sort)}::int[]) AS x(a, n, t, s)`.execute(db);
}

async function assertManagesAssignment(db: Executor, ctx: Ctx, driveId: number) {
  const drive = await requireDrive(db, ctx, driveId);
  if (!canManageDrive(ctx.actor, drive.region_path)) throw new AppError('FORBIDDEN');
  if (drive.status === 'closed') throw conflict('CANVASS_DRIVE_CLOSED');
  return drive;
}

export async function updateAssignment(ctx: Ctx, id: number, body: UpdateAssignmentBody): Promise<Assignment> {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findAssignment(trx, ctx, id);
    await assertManagesAssignment(trx, ctx, row.drive_id);
    if (body.buildings) {
      checkBuildings(body.buildings, 'buildings');
      const current = await sql<{ id: number; name: string; used: boolean }>`
        SELECT b.id, b.name, EXISTS (SELECT 1 FROM canvass_visits v WHERE v.building_id = b.id) AS used
        FROM canvass_buildings b WHERE b.assignment_id = ${id}`.execute(trx);
      const wanted = new Map(body.buildings.map((b, sort) => [b.name.trim(), { target: b.targetHouseholds, sort }]));
      const removedUsed = current.rows.find((b) => !wanted.has(b.name) && b.used);
      if (removedUsed) throw fieldInvalid('buildings', 'CANVASS_BUILDING_IN_USE', { name: removedUsed.name });
      const drop = current.rows.filter((b) => !wanted.has(b.name)).map((b) => b.id);
      if (drop.length > 0) await sql`DELETE FROM canvass_buildings WHERE id = ANY(${drop}::bigint[])`.execute(trx);
      for (const b of current.rows) {
        const w = wanted.get(b.name);
        if (w) {
          await trx
            .updateTable('canvass_buildings')
            .set({ target_households: w.target, sort: w.sort })
            .where('id', '=', b.id)
            .execute();
        }
      }
      const have = new Set(current.rows.map((b) => b.name));
      await insertBuildings(
        trx,
        ctx.actor.cityId,
        [...wanted]
          .filter(([name]) => !have.has(name))
          .map(([name, w]) => ({ assignment: id, name, target: w.target, sort: w.sort })),
      );
    }
    await trx
      .updateTable('canvass_assignments')
      .set({
        ...(body.targetHouseholds !== undefined && { target_households: body.targetHouseholds }),
        ...(body.note !== undefined && { note: body.note?.trim() || null }),
        updated_at: ctx.now(),
      })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.assignment.update',
      entityType: 'canvass_assignment',
      entityId: id,
      before: { targetHouseholds: row.target_households },
      after: body,
    });
    return getAssignment(ctx, id, trx);
  });
}

export async function deleteAssignment(ctx: Ctx, id: number) {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findAssignment(trx, ctx, id);
    await assertManagesAssignment(trx, ctx, row.drive_id);
    if (row.visits > 0) throw conflict('CANVASS_ASSIGNMENT_HAS_VISITS', { count: row.visits });
    await sql`DELETE FROM canvass_assignments WHERE id = ${id}`.execute(trx);
    await auditFromCtx(trx, ctx, {
      action: 'canvass.assignment.delete',
      entityType: 'canvass_assignment',
      entityId: id,
      before: { unitId: row.unit_id, communityId: row.community_id, targetHouseholds: row.target_households },
    });
    return { ok: true };
  });
}

export async function kickoff(ctx: Ctx, id: number, body: KickoffBody): Promise<Assignment> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findAssignment(trx, ctx, id);
    const drive = await requireDrive(trx, ctx, row.drive_id);
    const allowed =
      canManageDrive(ctx.actor, drive.region_path) ||
      recordsForUnit(ctx.actor, { id: row.unit_id, parentId: row.unit_parent_id });
    if (!allowed) throw new AppError('FORBIDDEN');
    if (drive.status === 'closed') throw conflict('CANVASS_DRIVE_CLOSED');
    if (body.on < drive.starts_on || body.on > today(ctx)) throw fieldInvalid('on', 'CANVASS_KICKOFF_DATE');
    await trx
      .updateTable('canvass_assignments')
      .set({ kicked_off_on: body.on, updated_at: ctx.now() })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.assignment.kickoff',
      entityType: 'canvass_assignment',
      entityId: id,
      before: { kickedOffOn: row.kicked_off_on },
      after: { kickedOffOn: body.on },
    });
    return getAssignment(ctx, id, trx);
  });
}

/** Open drives' assignments the actor records visits for (the phone form's pickers). */
export async function myAssignments(ctx: Ctx): Promise<MyAssignmentList> {
  assertCan(ctx.actor, 'canvass.record');
  const { rows } = await repo.assignmentProgress(ctx.db, ctx.actor, today(ctx), {});
  const mine = rows.filter((r) => recordsForUnit(ctx.actor, { id: r.unit_id, parentId: r.unit_parent_id }));
  const driveIds = [...new Set(mine.map((r) => r.drive_id))];
  const drives =
    driveIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('canvass_drives')
          .select(['id', 'name', 'materials', 'status'])
          .where('id', 'in', driveIds)
          .where('status', '=', 'open')
          .execute();
  const open = new Map(drives.map((d) => [d.id, d]));
  const list = await toAssignments(
    ctx.db,
    mine.filter((r) => open.has(r.drive_id)),
  );
  return {
    items: list.map((a) => {
      const d = open.get(a.driveId)!;
      return {
        id: a.id,
        drive: { id: d.id, name: d.name, materials: d.materials },
        unit: a.unit,
        community: a.community,
        buildings: a.buildings,
        progress: a.progress,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------------------------

function centreOf(polygon: unknown): [number, number] | null {
  const ring = Array.isArray(polygon) ? polygon : (polygon as { coordinates?: unknown })?.coordinates;
  const points = (Array.isArray(ring) && Array.isArray(ring[0]) && Array.isArray(ring[0][0]) ? ring[0] : ring) as
    unknown[] | undefined;
  if (!Array.isArray(points) || points.length === 0) return null;
  let lng = 0;
  let lat = 0;
  let n = 0;
  for (const p of points) {
    if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') {
      lng += p[0];
      lat += p[1];
      n++;
    }
  }
  return n === 0 ? null : [Math.round((lng / n) * 1e6) / 1e6, Math.round((lat / n) * 1e6) / 1e6];
}

export async function progress(ctx: Ctx, driveId: number, query: ProgressQuery): Promise<ProgressList> {
  assertReads(ctx);
  await requireDrive(ctx.db, ctx, driveId);
  const { rows } = await repo.assignmentProgress(ctx.db, ctx.actor, today(ctx), {
    driveIds: [driveId],
    unitId: query.unitId,
    communityId: query.communityId,
  });
  const total = progressOf(
    rows.reduce((s, r) => s + r.target_households, 0),
    rows.reduce((s, r) => s + r.households, 0),
    rows.reduce((s, r) => s + r.visits, 0),
  );
  if (query.by === 'building') {
    const buildings = await repo.buildingProgress(
      ctx.db,
      rows.map((r) => r.id),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      total,
      items: buildings.map((b) => {
        const a = byId.get(b.assignment_id)!;
        return {
          id: b.id,
          name: b.name,
          parentName: `${a.community_name} · ${a.unit_name}`,
          centre: null,
          progress: progressOf(b.target_households, b.households, 0),
          late: a.records_late && b.households < b.target_households,
          opinions: b.opinions,
        };
      }),
    };
  }
  const key = query.by === 'unit' ? 'unit_id' : 'community_id';
  const groups = new Map<number, repo.AssignmentProgressRow[]>();
  for (const r of rows) groups.set(r[key], [...(groups.get(r[key]) ?? []), r]);
  const polygons =
    query.by === 'community' && groups.size > 0
      ? await ctx.db
          .selectFrom('regions')
          .select(['id', 'polygon'])
          .where('id', 'in', [...groups.keys()])
          .execute()
      : [];
  // A community's own polygon, or else the centre of its grids' polygons.
  const gridCentres =
    query.by === 'community' && groups.size > 0
      ? await ctx.db
          .selectFrom('regions')
          .select(['parent_id', 'polygon'])
          .where('parent_id', 'in', [...groups.keys()])
          .where('level', '=', 'grid')
          .execute()
      : [];
  const centre = (id: number): [number, number] | null => {
    const own = centreOf(polygons.find((p) => p.id === id)?.polygon);
    if (own) return own;
    const cs = gridCentres.filter((g) => g.parent_id === id).flatMap((g) => centreOf(g.polygon) ?? []);
    if (cs.length === 0) return null;
    return centreOf([cs]);
  };
  return {
    total,
    items: [...groups].map(([id, list]) => ({
      id,
      name: query.by === 'unit' ? list[0].unit_name : list[0].community_name,
      parentName: query.by === 'unit' ? null : list[0].street_name,
      centre: query.by === 'community' ? centre(id) : null,
      progress: progressOf(
        list.reduce((s, r) => s + r.target_households, 0),
        list.reduce((s, r) => s + r.households, 0),
        list.reduce((s, r) => s + r.visits, 0),
      ),
      late: list.some((r) => r.kickoff_late || r.records_late),
      opinions: list.reduce((s, r) => s + r.opinions, 0),
    })),
  };
}
