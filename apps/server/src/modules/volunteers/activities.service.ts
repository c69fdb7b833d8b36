// Volunteer activities: communities, units and the office publish them (type — the 五个一 and the
// city-wide days —, time, place with a geofence, capacity, organiser, campaign/theme), show a
// signed, time-limited QR code for check-in, and members sign up or are assigned.

import { sql, type Expression, type SqlBool } from 'kysely';
import { maskPhone } from '@cc/common/canvass';
import { DEFAULT_ACTIVITY_TYPES, type AttendanceStatus, type FiveOneItem } from '@cc/common/volunteers';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, conflict, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { newQrKey, signQr } from './qr.js';
import { isCityRootActor } from '../organisation/index.js';
import { actorPerson, requireActorPerson } from './registrations.service.js';
import { activityManaged, managesActivity, personVisible } from './volunteers.policy.js';
import type {
  ActivityDetail,
  ActivityListItem,
  ActivityListQuery,
  AssignBody,
  CreateActivityBody,
  CreateActivityTypeBody,
  QrQuery,
  Signup,
  UpdateActivityBody,
  UpdateActivityTypeBody,
} from './volunteers.schemas.js';

/** How long after the end a default QR code still works (check-out). */
export const QR_GRACE_MINUTES = 120;

export async function ensureActivityTypes(db: Executor, cityId: number) {
  await sql`
    INSERT INTO activity_types (city_id, code, name, five_one, sort)
    SELECT ${cityId}, x.code, x.name, x.five_one, x.sort
    FROM unnest(${DEFAULT_ACTIVITY_TYPES.map((a) => a.code)}::text[], ${DEFAULT_ACTIVITY_TYPES.map((a) => a.name)}::text[],
      ${DEFAULT_ACTIVITY_TYPES.map((a) => a.fiveOne)}::text[], ${DEFAULT_ACTIVITY_TYPES.map((_, i) => i)}::int[])
      AS x(code, name, five_one, sort)
    WHERE NOT EXISTS (SELECT 1 FROM activity_types t WHERE t.city_id = ${cityId})`.execute(db);
}

export async function listActivityTypes(ctx: Ctx) {
  assertCan(ctx.actor, 'volunteer.read');
  await ensureActivityTypes(ctx.db, ctx.actor.cityId);
  const rows = await ctx.db
    .selectFrom('activity_types')
    .selectAll()
    .where('city_id', '=', ctx.actor.cityId)
    .orderBy('sort')
    .execute();
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      fiveOne: r.five_one as FiveOneItem | null,
      sort: r.sort,
      active: r.active,
    })),
    canEdit: can(ctx.actor, 'volunteer.manage') && isCityRootActor(ctx.actor),
  };
}

/** Activity types are the city's configuration: only the city-level office edits them. */
function assertTypeEditor(ctx: Ctx) {
  assertCan(ctx.actor, 'volunteer.manage');
  if (!isCityRootActor(ctx.actor)) throw new AppError('FORBIDDEN', { messageKey: 'VOLUNTEER_TYPE_CITY_ONLY' });
}

export async function createActivityType(ctx: Ctx, body: CreateActivityTypeBody) {
  assertTypeEditor(ctx);
  const name = body.name.trim();
  if (!name) throw fieldInvalid('name', 'VOLUNTEER_TYPE_NAME');
  await ensureActivityTypes(ctx.db, ctx.actor.cityId);
  await ctx.db.transaction().execute(async (trx) => {
    const sort =
      body.sort ??
      (
        await sql<{ n: number }>`
          SELECT coalesce(max(sort) + 1, 0)::int AS n FROM activity_types WHERE city_id = ${ctx.actor.cityId}`.execute(
          trx,
        )
      ).rows[0].n;
    const inserted = await sql<{ code: string }>`
      INSERT INTO activity_types (city_id, code, name, five_one, sort)
      VALUES (${ctx.actor.cityId}, ${body.code}, ${name}, ${body.fiveOne}, ${sort})
      ON CONFLICT (city_id, code) DO NOTHING RETURNING code`.execute(trx);
    if (!inserted.rows[0]) throw conflict('VOLUNTEER_TYPE_EXISTS', { code: body.code });
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.activity_type.create',
      entityType: 'activity_type',
      entityId: body.code,
      after: { name, fiveOne: body.fiveOne, sort },
    });
  });
  return listActivityTypes(ctx);
}

/**
 * Renames, re-sorts or retires a type. Which 五个一 item it counts as can change only while no
 * activity uses it: the weekly tracker of past weeks was computed with the old mapping.
 */
export async function updateActivityType(ctx: Ctx, code: string, body: UpdateActivityTypeBody) {
  assertTypeEditor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('activity_types')
      .selectAll()
      .where('city_id', '=', ctx.actor.cityId)
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    const name = body.name?.trim();
    if (body.name !== undefined && !name) throw fieldInvalid('name', 'VOLUNTEER_TYPE_NAME');
    if (body.fiveOne !== undefined && body.fiveOne !== row.five_one) {
      const used = await sql<{ id: number }>`
        SELECT id FROM volunteer_activities WHERE city_id = ${ctx.actor.cityId} AND type_code = ${code} LIMIT 1`.execute(
        trx,
      );
      if (used.rows[0]) throw conflict('VOLUNTEER_TYPE_IN_USE');
    }
    const after = {
      name: name ?? row.name,
      five_one: body.fiveOne !== undefined ? body.fiveOne : row.five_one,
      sort: body.sort ?? row.sort,
      active: body.active ?? row.active,
    };
    await trx
      .updateTable('activity_types')
      .set(after)
      .where('city_id', '=', ctx.actor.cityId)
      .where('code', '=', code)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.activity_type.update',
      entityType: 'activity_type',
      entityId: code,
      before: { name: row.name, fiveOne: row.five_one, sort: row.sort, active: row.active },
      after: { name: after.name, fiveOne: after.five_one, sort: after.sort, active: after.active },
    });
  });
  return listActivityTypes(ctx);
}

export interface ActivityRow {
  id: number;
  city_id: number;
  title: string;
  type_code: string;
  type_name: string;
  five_one: FiveOneItem | null;
  description: string | null;
  community_id: number | null;
  community_name: string | null;
  community_path: string | null;
  organiser_unit_id: number | null;
  organiser_unit_name: string | null;
  organiser_unit_parent_id: number | null;
  organiser_id: number;
  organiser_name: string;
  campaign_id: number | null;
  campaign_name: string | null;
  theme: string | null;
  place: string;
  lng: number;
  lat: number;
  radius_m: number;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  status: 'published' | 'cancelled';
  qr_key: string;
  created_at: Date;
  signups: number;
  checked_in: number;
  my_signed_up: boolean;
  my_status: 'open' | 'pending' | 'confirmed' | 'rejected' | null;
  my_check_in_at: Date | null;
  my_check_out_at: Date | null;
}

function select(personId: number | null) {
  const me = personId ?? 0;
  return sql`a.id, a.city_id, a.title, a.type_code, t.name AS type_name, t.five_one, a.description, a.community_id,
    c.name AS community_name, c.path AS community_path, a.organiser_unit_id, u.name AS organiser_unit_name,
    u.parent_id AS organiser_unit_parent_id, a.organiser_id, a.organiser_name, a.campaign_id, cp.name AS campaign_name,
    a.theme, a.place, a.lng, a.lat, a.radius_m, a.starts_at, a.ends_at, a.capacity, a.status, a.qr_key, a.created_at,
    (SELECT count(*)::int FROM activity_signups s WHERE s.activity_id = a.id) AS signups,
    (SELECT count(*)::int FROM activity_attendance x WHERE x.activity_id = a.id) AS checked_in,
    EXISTS (SELECT 1 FROM activity_signups s WHERE s.activity_id = a.id AND s.person_id = ${me}) AS my_signed_up,
    ma.status AS my_status, ma.check_in_at AS my_check_in_at, ma.check_out_at AS my_check_out_at`;
}
function from(personId: number | null) {
  return sql`volunteer_activities a
    JOIN activity_types t ON t.city_id = a.city_id AND t.code = a.type_code
    LEFT JOIN regions c ON c.id = a.community_id
    LEFT JOIN units u ON u.id = a.organiser_unit_id
    LEFT JOIN campaigns cp ON cp.id = a.campaign_id
    LEFT JOIN activity_attendance ma ON ma.activity_id = a.id AND ma.person_id = ${personId ?? 0}`;
}

export async function findActivity(db: Executor, ctx: Ctx, id: number, personId: number | null, lock = false) {
  const result = await sql<ActivityRow>`
    SELECT ${select(personId)} FROM ${from(personId)}
    WHERE a.city_id = ${ctx.actor.cityId} AND a.id = ${id} ${lock ? sql`FOR UPDATE OF a` : sql``}`.execute(db);
  return result.rows[0];
}

export function canManage(ctx: Ctx, r: ActivityRow): boolean {
  return managesActivity(ctx.actor, {
    organiserId: r.organiser_id,
    organiserUnitId: r.organiser_unit_id,
    organiserUnitParentId: r.organiser_unit_parent_id,
    communityPath: r.community_path,
  });
}

function toListItem(r: ActivityRow): ActivityListItem {
  return {
    id: r.id,
    title: r.title,
    type: { code: r.type_code, name: r.type_name, fiveOne: r.five_one },
    community: r.community_id ? { id: r.community_id, name: r.community_name ?? '' } : null,
    organiserUnit: r.organiser_unit_id ? { id: r.organiser_unit_id, name: r.organiser_unit_name ?? '' } : null,
    organiserName: r.organiser_name,
    place: r.place,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    capacity: r.capacity,
    status: r.status,
    signups: r.signups,
    checkedIn: r.checked_in,
    mine: {
      signedUp: r.my_signed_up,
      attendance:
        r.my_status && r.my_check_in_at
          ? {
              status: r.my_status,
              checkInAt: r.my_check_in_at.toISOString(),
              checkOutAt: r.my_check_out_at?.toISOString() ?? null,
            }
          : null,
    },
  };
}

function toDetail(ctx: Ctx, r: ActivityRow): ActivityDetail {
  return {
    ...toListItem(r),
    description: r.description,
    theme: r.theme,
    campaign: r.campaign_id ? { id: r.campaign_id, name: r.campaign_name ?? '' } : null,
    lng: r.lng,
    lat: r.lat,
    radiusM: r.radius_m,
    canManage: canManage(ctx, r),
    createdAt: r.created_at.toISOString(),
  };
}

export async function getActivity(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<ActivityDetail> {
  assertCan(ctx.actor, 'volunteer.read');
  const person = await actorPerson(db, ctx);
  const row = await findActivity(db, ctx, id, person?.id ?? null);
  if (!row) throw notFound();
  return toDetail(ctx, row);
}

export async function listActivities(ctx: Ctx, query: ActivityListQuery) {
  assertCan(ctx.actor, 'volunteer.read');
  const { page, pageSize } = pageArgs(query);
  const person = await actorPerson(ctx.db, ctx);
  const me = person?.id ?? 0;
  const where: Expression<SqlBool>[] = [sql`a.city_id = ${ctx.actor.cityId}`];
  if (query.from) where.push(sql`a.ends_at >= ${query.from}::date - interval '8 hours'`);
  if (query.to) where.push(sql`a.starts_at < ${query.to}::date + interval '16 hours'`);
  if (query.communityId) where.push(sql`a.community_id = ${query.communityId}`);
  if (query.typeCode) where.push(sql`a.type_code = ${query.typeCode}`);
  if (query.q?.trim())
    where.push(sql`(a.title ILIKE ${'%' + query.q.trim() + '%'} OR a.place ILIKE ${'%' + query.q.trim() + '%'})`);
  if (query.mine) {
    where.push(sql`(EXISTS (SELECT 1 FROM activity_signups s WHERE s.activity_id = a.id AND s.person_id = ${me})
      OR EXISTS (SELECT 1 FROM activity_attendance x WHERE x.activity_id = a.id AND x.person_id = ${me}))`);
  }
  if (query.organised) where.push(activityManaged(ctx.actor, 'a'));
  // Members see what is on; cancelled activities only their organisers.
  where.push(sql`(a.status = 'published' OR ${activityManaged(ctx.actor, 'a')})`);
  const cond = sql.join(where, sql` AND `);
  const rows = await sql<ActivityRow>`
    SELECT ${select(me)} FROM ${from(me)} WHERE ${cond}
    ORDER BY a.starts_at DESC, a.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM volunteer_activities a WHERE ${cond}`.execute(
    ctx.db,
  );
  return { items: rows.rows.map(toListItem), total: total.rows[0].n, page, pageSize };
}

async function checkActivityFields(
  trx: Executor,
  ctx: Ctx,
  f: { typeCode?: string; communityId?: number | null; campaignId?: number | null; startsAt: string; endsAt: string },
) {
  if (Date.parse(f.endsAt) <= Date.parse(f.startsAt)) throw fieldInvalid('endsAt', 'VOLUNTEER_END_BEFORE_START');
  if (Date.parse(f.endsAt) - Date.parse(f.startsAt) > 24 * 3600_000) throw fieldInvalid('endsAt', 'VOLUNTEER_TOO_LONG');
  if (f.typeCode) {
    const type = await trx
      .selectFrom('activity_types')
      .select(['code', 'active'])
      .where('city_id', '=', ctx.actor.cityId)
      .where('code', '=', f.typeCode)
      .executeTakeFirst();
    if (!type || !type.active) throw fieldInvalid('typeCode', 'VOLUNTEER_TYPE_UNKNOWN');
  }
  if (f.communityId) {
    const c = await trx
      .selectFrom('regions')
      .select(['level'])
      .where('city_id', '=', ctx.actor.cityId)
      .where('id', '=', f.communityId)
      .executeTakeFirst();
    if (!c || c.level !== 'community') throw fieldInvalid('communityId', 'VOLUNTEER_COMMUNITY_UNKNOWN');
  }
  if (f.campaignId) {
    const c = await trx
      .selectFrom('campaigns')
      .select('id')
      .where('city_id', '=', ctx.actor.cityId)
      .where('id', '=', f.campaignId)
      .executeTakeFirst();
    if (!c) throw fieldInvalid('campaignId', 'INSPECTION_CAMPAIGN_UNKNOWN');
  }
}

export async function createActivity(ctx: Ctx, body: CreateActivityBody): Promise<ActivityDetail> {
  assertCan(ctx.actor, 'volunteer.organise');
  return ctx.db.transaction().execute(async (trx) => {
    await ensureActivityTypes(trx, ctx.actor.cityId);
    await checkActivityFields(trx, ctx, body);
    if (!ctx.actor.unitId && !body.communityId && !ctx.actor.regionPath)
      throw fieldInvalid('communityId', 'OUT_OF_SCOPE');
    const now = ctx.now();
    const row = await trx
      .insertInto('volunteer_activities')
      .values({
        city_id: ctx.actor.cityId,
        type_code: body.typeCode,
        title: body.title.trim(),
        description: body.description?.trim() || null,
        community_id: body.communityId ?? null,
        organiser_unit_id: ctx.actor.unitId,
        organiser_id: ctx.actor.userId,
        organiser_name: ctx.actor.displayName,
        campaign_id: body.campaignId ?? null,
        theme: body.theme?.trim() || null,
        place: body.place.trim(),
        lng: body.lng,
        lat: body.lat,
        radius_m: body.radiusM ?? 200,
        starts_at: new Date(body.startsAt),
        ends_at: new Date(body.endsAt),
        capacity: body.capacity ?? null,
        qr_key: newQrKey(),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.activity.create',
      entityType: 'volunteer_activity',
      entityId: row.id,
      after: { title: body.title, typeCode: body.typeCode, startsAt: body.startsAt, endsAt: body.endsAt },
    });
    return getActivity(ctx, row.id, trx);
  });
}

export async function requireManaged(trx: Executor, ctx: Ctx, id: number, lock = false) {
  const row = await findActivity(trx, ctx, id, null, lock);
  if (!row) throw notFound();
  if (!canManage(ctx, row)) throw new AppError('FORBIDDEN', { messageKey: 'VOLUNTEER_ORGANISER_ONLY' });
  return row;
}

export async function updateActivity(ctx: Ctx, id: number, body: UpdateActivityBody): Promise<ActivityDetail> {
  assertCan(ctx.actor, 'volunteer.organise');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireManaged(trx, ctx, id, true);
    if (row.status === 'cancelled') throw conflict('VOLUNTEER_ACTIVITY_CANCELLED');
    const startsAt = body.startsAt ?? row.starts_at.toISOString();
    const endsAt = body.endsAt ?? row.ends_at.toISOString();
    await checkActivityFields(trx, ctx, { ...body, startsAt, endsAt });
    const attended = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM activity_attendance WHERE activity_id = ${id}`.execute(trx);
    if (attended.rows[0].n > 0 && (body.startsAt || body.endsAt || body.lng || body.lat || body.radiusM)) {
      throw conflict('VOLUNTEER_ACTIVITY_HAS_ATTENDANCE');
    }
    await trx
      .updateTable('volunteer_activities')
      .set({
        ...(body.typeCode !== undefined && { type_code: body.typeCode }),
        ...(body.title !== undefined && { title: body.title.trim() }),
        ...(body.description !== undefined && { description: body.description?.trim() || null }),
        ...(body.communityId !== undefined && { community_id: body.communityId }),
        ...(body.campaignId !== undefined && { campaign_id: body.campaignId }),
        ...(body.theme !== undefined && { theme: body.theme?.trim() || null }),
        ...(body.place !== undefined && { place: body.place.trim() }),
        ...(body.lng !== undefined && { lng: body.lng }),
        ...(body.lat !== undefined && { lat: body.lat }),
        ...(body.radiusM !== undefined && { radius_m: body.radiusM }),
        ...(body.capacity !== undefined && { capacity: body.capacity }),
        starts_at: new Date(startsAt),
        ends_at: new Date(endsAt),
        updated_at: ctx.now(),
      })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.activity.update',
      entityType: 'volunteer_activity',
      entityId: id,
      before: { title: row.title, startsAt: row.starts_at, endsAt: row.ends_at },
      after: body,
    });
    return getActivity(ctx, id, trx);
  });
}

export async function cancelActivity(ctx: Ctx, id: number): Promise<ActivityDetail> {
  assertCan(ctx.actor, 'volunteer.organise');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireManaged(trx, ctx, id, true);
    if (row.status === 'cancelled') throw conflict('VOLUNTEER_ACTIVITY_CANCELLED');
    if (row.checked_in > 0) throw conflict('VOLUNTEER_ACTIVITY_HAS_ATTENDANCE');
    await trx
      .updateTable('volunteer_activities')
      .set({ status: 'cancelled', updated_at: ctx.now() })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.activity.cancel',
      entityType: 'volunteer_activity',
      entityId: id,
      before: { status: row.status },
      after: { status: 'cancelled' },
    });
    return getActivity(ctx, id, trx);
  });
}

/** A signed QR payload, valid for `validMinutes` or until two hours after the end. */
export async function activityQr(ctx: Ctx, id: number, query: QrQuery) {
  assertCan(ctx.actor, 'volunteer.organise');
  const row = await requireManaged(ctx.db, ctx, id);
  if (row.status === 'cancelled') throw conflict('VOLUNTEER_ACTIVITY_CANCELLED');
  const until = query.validMinutes
    ? ctx.now().getTime() + query.validMinutes * 60_000
    : row.ends_at.getTime() + QR_GRACE_MINUTES * 60_000;
  const expiresAt = Math.floor(until / 1000);
  return {
    token: signQr(row.qr_key, { activityId: row.id, expiresAt }),
    expiresAt: new Date(expiresAt * 1000).toISOString(),
  };
}

export async function signUp(ctx: Ctx, id: number): Promise<ActivityDetail> {
  assertCan(ctx.actor, 'volunteer.join');
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requireActorPerson(trx, ctx);
    const row = await findActivity(trx, ctx, id, person.id, true);
    if (!row) throw notFound();
    if (row.status === 'cancelled') throw conflict('VOLUNTEER_ACTIVITY_CANCELLED');
    if (row.ends_at.getTime() <= ctx.now().getTime()) throw conflict('VOLUNTEER_ACTIVITY_OVER');
    if (row.my_signed_up) return toDetail(ctx, row);
    if (row.capacity !== null && row.signups >= row.capacity) {
      throw conflict('VOLUNTEER_ACTIVITY_FULL', { capacity: row.capacity });
    }
    await trx
      .insertInto('activity_signups')
      .values({
        city_id: ctx.actor.cityId,
        activity_id: id,
        person_id: person.id,
        source: 'self',
        created_by: ctx.actor.userId,
        created_at: ctx.now(),
      })
      .onConflict((oc) => oc.columns(['activity_id', 'person_id']).doNothing())
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.activity.signup',
      entityType: 'volunteer_activity',
      entityId: id,
      after: { personId: person.id },
    });
    return getActivity(ctx, id, trx);
  });
}

export async function cancelSignUp(ctx: Ctx, id: number): Promise<ActivityDetail> {
  assertCan(ctx.actor, 'volunteer.join');
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requireActorPerson(trx, ctx);
    const row = await findActivity(trx, ctx, id, person.id, true);
    if (!row) throw notFound();
    if (row.my_status) throw conflict('VOLUNTEER_ALREADY_CHECKED_IN');
    await sql`DELETE FROM activity_signups WHERE activity_id = ${id} AND person_id = ${person.id}`.execute(trx);
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.activity.signup_cancel',
      entityType: 'volunteer_activity',
      entityId: id,
      after: { personId: person.id },
    });
    return getActivity(ctx, id, trx);
  });
}

export async function assign(ctx: Ctx, id: number, body: AssignBody) {
  assertCan(ctx.actor, 'volunteer.organise');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireManaged(trx, ctx, id, true);
    if (row.status === 'cancelled') throw conflict('VOLUNTEER_ACTIVITY_CANCELLED');
    const people = await sql<{ id: number }>`
      SELECT p.id FROM people p WHERE p.city_id = ${ctx.actor.cityId} AND p.id = ANY(${body.personIds}::bigint[])
        AND ${personVisible(ctx.actor, 'p')}`.execute(trx);
    if (people.rows.length !== body.personIds.length) throw fieldInvalid('personIds', 'VOLUNTEER_PERSON_UNKNOWN');
    if (row.capacity !== null && row.signups + body.personIds.length > row.capacity) {
      throw conflict('VOLUNTEER_ACTIVITY_FULL', { capacity: row.capacity });
    }
    const inserted = await sql<{ id: number }>`
      INSERT INTO activity_signups (city_id, activity_id, person_id, source, created_by, created_at)
      SELECT ${ctx.actor.cityId}, ${id}, p, 'assigned', ${ctx.actor.userId}, ${ctx.now()}
      FROM unnest(${body.personIds}::bigint[]) AS p
      ON CONFLICT (activity_id, person_id) DO NOTHING
      RETURNING id`.execute(trx);
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.activity.assign',
      entityType: 'volunteer_activity',
      entityId: id,
      after: { personIds: body.personIds, assigned: inserted.rows.length },
    });
    return { assigned: inserted.rows.length, already: body.personIds.length - inserted.rows.length };
  });
}

/** Who signed up for (or was assigned to) an activity, with how far their attendance got. */
export async function listSignups(ctx: Ctx, id: number): Promise<{ items: Signup[] }> {
  assertCan(ctx.actor, 'volunteer.organise');
  await requireManaged(ctx.db, ctx, id);
  const rows = await sql<{
    person_id: number;
    name: string;
    phone: string | null;
    unit_id: number | null;
    unit_name: string | null;
    party_org: string | null;
    source: 'self' | 'assigned';
    created_by: number | null;
    creator_name: string | null;
    created_at: Date;
    attendance: AttendanceStatus | null;
  }>`
    SELECT s.person_id, p.name, p.phone, p.unit_id, u.name AS unit_name, p.party_org, s.source, s.created_by,
      cu.display_name AS creator_name, s.created_at, x.status AS attendance
    FROM activity_signups s JOIN people p ON p.id = s.person_id
    LEFT JOIN units u ON u.id = p.unit_id
    LEFT JOIN users cu ON cu.id = s.created_by
    LEFT JOIN activity_attendance x ON x.activity_id = s.activity_id AND x.person_id = s.person_id
    WHERE s.activity_id = ${id} AND s.city_id = ${ctx.actor.cityId}
    ORDER BY s.created_at, s.id`.execute(ctx.db);
  return {
    items: rows.rows.map((r) => ({
      person: { id: r.person_id, name: r.name, phoneMasked: r.phone ? maskPhone(r.phone) : null },
      unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
      partyOrg: r.party_org,
      source: r.source,
      createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? '' } : null,
      createdAt: r.created_at.toISOString(),
      attendance: r.attendance,
    })),
  };
}

/** The organiser takes someone off the list, as long as they have not checked in. */
export async function removeSignup(ctx: Ctx, id: number, personId: number): Promise<{ items: Signup[] }> {
  assertCan(ctx.actor, 'volunteer.organise');
  await ctx.db.transaction().execute(async (trx) => {
    await requireManaged(trx, ctx, id, true);
    const attended = await sql<{ id: number }>`
      SELECT id FROM activity_attendance WHERE activity_id = ${id} AND person_id = ${personId}`.execute(trx);
    if (attended.rows[0]) throw conflict('VOLUNTEER_SIGNUP_ATTENDED');
    const removed = await sql<{ source: string }>`
      DELETE FROM activity_signups WHERE activity_id = ${id} AND person_id = ${personId} RETURNING source`.execute(trx);
    if (!removed.rows[0]) throw notFound();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.activity.signup_remove',
      entityType: 'volunteer_activity',
      entityId: id,
      before: { personId, source: removed.rows[0].source },
    });
  });
  return listSignups(ctx, id);
}
