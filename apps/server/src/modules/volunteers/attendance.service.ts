// Check-in and check-out by scanning the activity's QR code on the phone, always for the
// signed-in member: the code must be this activity's, genuine and unexpired; the phone's GPS must
// lie inside the geofence (outside: refused with the distance — the organiser may record the
// attendance by hand with a reason); the time inside the window; one check-in per member and
// activity (a second is refused, concurrent ones too: the unique row decides). Hours = check-out −
// check-in within the activity, confirmed (or cut, or rejected) by the organiser; every edit audited.

import { sql } from 'kysely';
import { checkInWindow, checkOutWindow, localDay, serviceMinutes, weekStartOf } from '@cc/common/volunteers';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, conflict, fieldInvalid, notFound } from '../../platform/errors.js';
import { distanceMetres } from '../../platform/geo.js';
import { formatLocalTime } from '../../platform/calendar.js';
import { findActivity, requireManaged, type ActivityRow } from './activities.service.js';
import { claimedActivity, verifyQr } from './qr.js';
import { requireActorPerson } from './registrations.service.js';
import { refreshWeek } from './tracker.js';
import { personVisible } from './volunteers.policy.js';
import type {
  Attendance,
  CheckInBody,
  CheckOutBody,
  DecideAttendanceBody,
  ManualAttendanceBody,
  MyHours,
} from './volunteers.schemas.js';

interface AttendanceRow {
  id: number;
  activity_id: number;
  activity_title: string;
  starts_at: Date;
  ends_at: Date;
  person_id: number;
  person_name: string;
  family: { name: string; relation: string }[];
  check_in_at: Date;
  check_in_distance_m: number | null;
  check_out_at: Date | null;
  check_out_distance_m: number | null;
  manual_reason: string | null;
  minutes: number | null;
  confirmed_minutes: number | null;
  status: 'open' | 'pending' | 'confirmed' | 'rejected';
  week_start: string;
}

const SELECT = sql`x.id, x.activity_id, a.title AS activity_title, a.starts_at, a.ends_at, x.person_id,
  p.name AS person_name, x.family, x.check_in_at, x.check_in_distance_m, x.check_out_at, x.check_out_distance_m,
  x.manual_reason, x.minutes, x.confirmed_minutes, x.status, x.week_start`;
const FROM = sql`activity_attendance x JOIN volunteer_activities a ON a.id = x.activity_id JOIN people p ON p.id = x.person_id`;

function toAttendance(r: AttendanceRow): Attendance {
  return {
    id: r.id,
    activity: {
      id: r.activity_id,
      title: r.activity_title,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
    },
    person: { id: r.person_id, name: r.person_name },
    family: r.family,
    checkInAt: r.check_in_at.toISOString(),
    checkInDistanceM: r.check_in_distance_m === null ? null : Math.round(r.check_in_distance_m),
    checkOutAt: r.check_out_at?.toISOString() ?? null,
    checkOutDistanceM: r.check_out_distance_m === null ? null : Math.round(r.check_out_distance_m),
    manualReason: r.manual_reason,
    minutes: r.minutes,
    confirmedMinutes: r.confirmed_minutes,
    status: r.status,
    weekStart: r.week_start,
  };
}

async function findAttendance(db: Executor, where: ReturnType<typeof sql>, lock = false) {
  const result = await sql<AttendanceRow>`
    SELECT ${SELECT} FROM ${FROM} WHERE ${where} ORDER BY x.check_in_at DESC, x.id DESC
    ${lock ? sql`FOR UPDATE OF x` : sql``}`.execute(db);
  return result.rows;
}

/** The activity a scanned code names, checked: genuine, this activity's, unexpired, not cancelled. */
async function activityOfToken(trx: Executor, ctx: Ctx, token: string, personId: number): Promise<ActivityRow> {
  const claimed = claimedActivity(token);
  const activity = claimed ? await findActivity(trx, ctx, claimed, personId) : undefined;
  if (!activity) throw fieldInvalid('token', 'VOLUNTEER_QR_INVALID');
  const checked = verifyQr(activity.qr_key, token, { activityId: activity.id, now: ctx.now() });
  if (!checked.ok) {
    throw fieldInvalid('token', checked.problem === 'expired' ? 'VOLUNTEER_QR_EXPIRED' : 'VOLUNTEER_QR_INVALID');
  }
  if (activity.status === 'cancelled') throw conflict('VOLUNTEER_ACTIVITY_CANCELLED');
  return activity;
}

function assertInside(activity: ActivityRow, point: { lng: number; lat: number }): number {
  const distance = distanceMetres({ lng: activity.lng, lat: activity.lat }, point);
  if (distance > activity.radius_m) {
    throw fieldInvalid('lng', 'VOLUNTEER_OUTSIDE_GEOFENCE', {
      distance: Math.round(distance),
      radius: activity.radius_m,
    });
  }
  return distance;
}

const cleanFamily = (list: { name: string; relation: string }[] | undefined) =>
  (list ?? []).map((f) => ({ name: f.name.trim(), relation: f.relation.trim() })).filter((f) => f.name);

export async function checkIn(ctx: Ctx, body: CheckInBody): Promise<Attendance> {
  assertCan(ctx.actor, 'volunteer.join');
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requireActorPerson(trx, ctx);
    const activity = await activityOfToken(trx, ctx, body.token, person.id);
    const now = ctx.now();
    const window = checkInWindow(now, { startsAt: activity.starts_at, endsAt: activity.ends_at });
    if (window) {
      throw conflict(window === 'too_early' ? 'VOLUNTEER_CHECKIN_TOO_EARLY' : 'VOLUNTEER_CHECKIN_CLOSED', {
        start: formatLocalTime(activity.starts_at),
        end: formatLocalTime(activity.ends_at),
      });
    }
    const distance = assertInside(activity, body);
    if (activity.my_status) throw conflict('VOLUNTEER_ALREADY_CHECKED_IN');
    if (activity.capacity !== null && !activity.my_signed_up && activity.checked_in >= activity.capacity) {
      throw conflict('VOLUNTEER_ACTIVITY_FULL', { capacity: activity.capacity });
    }
    const inserted = await sql<{ id: number }>`
      INSERT INTO activity_attendance (city_id, activity_id, person_id, week_start, family, check_in_at, check_in_lng,
        check_in_lat, check_in_distance_m, created_at, updated_at)
      VALUES (${ctx.actor.cityId}, ${activity.id}, ${person.id}, ${weekStartOf(localDay(activity.starts_at))}::date,
        ${JSON.stringify(cleanFamily(body.family))}::jsonb, ${now}, ${body.lng}, ${body.lat}, ${distance}, ${now}, ${now})
      ON CONFLICT (activity_id, person_id) DO NOTHING
      RETURNING id`.execute(trx);
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw conflict('VOLUNTEER_ALREADY_CHECKED_IN');
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.attendance.check_in',
      entityType: 'activity_attendance',
      entityId: id,
      after: { activityId: activity.id, personId: person.id, distance: Math.round(distance) },
    });
    return toAttendance((await findAttendance(trx, sql`x.id = ${id}`))[0]);
  });
}

export async function checkOut(ctx: Ctx, body: CheckOutBody): Promise<Attendance> {
  assertCan(ctx.actor, 'volunteer.join');
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requireActorPerson(trx, ctx);
    const activity = await activityOfToken(trx, ctx, body.token, person.id);
    const [row] = await findAttendance(trx, sql`x.activity_id = ${activity.id} AND x.person_id = ${person.id}`, true);
    if (!row) throw conflict('VOLUNTEER_NOT_CHECKED_IN');
    if (row.status !== 'open') throw conflict('VOLUNTEER_ALREADY_CHECKED_OUT');
    const now = ctx.now();
    if (checkOutWindow(now, { endsAt: activity.ends_at })) {
      throw conflict('VOLUNTEER_CHECKOUT_CLOSED', { end: formatLocalTime(activity.ends_at) });
    }
    const distance = assertInside(activity, body);
    const minutes = serviceMinutes(row.check_in_at, now, { startsAt: activity.starts_at, endsAt: activity.ends_at });
    await trx
      .updateTable('activity_attendance')
      .set({
        check_out_at: now,
        check_out_lng: body.lng,
        check_out_lat: body.lat,
        check_out_distance_m: distance,
        minutes,
        status: 'pending',
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await refreshWeek(trx, ctx.actor.cityId, person.id, row.week_start);
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.attendance.check_out',
      entityType: 'activity_attendance',
      entityId: row.id,
      after: { minutes, distance: Math.round(distance) },
    });
    return toAttendance((await findAttendance(trx, sql`x.id = ${row.id}`))[0]);
  });
}

export async function listAttendance(ctx: Ctx, activityId: number) {
  assertCan(ctx.actor, 'volunteer.organise');
  await requireManaged(ctx.db, ctx, activityId);
  return { items: (await findAttendance(ctx.db, sql`x.activity_id = ${activityId}`)).map(toAttendance) };
}

/** The organiser records an attendance by hand (no GPS, outside the fence), with the reason. */
export async function manualAttendance(ctx: Ctx, activityId: number, body: ManualAttendanceBody): Promise<Attendance> {
  assertCan(ctx.actor, 'volunteer.organise');
  return ctx.db.transaction().execute(async (trx) => {
    const activity = await requireManaged(trx, ctx, activityId, true);
    // Anyone who signed up or is registered with the activity's community, or a person in scope.
    const person = await sql<{ id: number }>`
      SELECT p.id FROM people p WHERE p.city_id = ${ctx.actor.cityId} AND p.id = ${body.personId}
        AND (${personVisible(ctx.actor, 'p')}
          OR EXISTS (SELECT 1 FROM activity_signups s WHERE s.activity_id = ${activityId} AND s.person_id = p.id)
          OR EXISTS (SELECT 1 FROM community_registrations r WHERE r.person_id = p.id AND r.status = 'confirmed'
            AND r.community_id = ${activity.community_id ?? 0}))`.execute(trx);
    if (!person.rows[0]) throw fieldInvalid('personId', 'VOLUNTEER_PERSON_UNKNOWN');
    const checkInAt = new Date(body.checkInAt);
    const checkOutAt = body.checkOutAt ? new Date(body.checkOutAt) : null;
    const span = { startsAt: activity.starts_at, endsAt: activity.ends_at };
    if (checkInWindow(checkInAt, span)) throw fieldInvalid('checkInAt', 'VOLUNTEER_TIME_OUTSIDE');
    if (checkOutAt && checkOutAt < checkInAt) throw fieldInvalid('checkOutAt', 'VOLUNTEER_OUT_BEFORE_IN');
    if (checkOutAt && checkOutWindow(checkOutAt, span)) throw fieldInvalid('checkOutAt', 'VOLUNTEER_TIME_OUTSIDE');
    if (checkInAt > ctx.now() || (checkOutAt && checkOutAt > ctx.now())) {
      throw fieldInvalid('checkInAt', 'VOLUNTEER_TIME_IN_FUTURE');
    }
    const [existing] = await findAttendance(
      trx,
      sql`x.activity_id = ${activityId} AND x.person_id = ${body.personId}`,
      true,
    );
    if (existing && existing.status !== 'open') throw conflict('VOLUNTEER_ALREADY_CHECKED_OUT');
    const minutes = checkOutAt ? serviceMinutes(checkInAt, checkOutAt, span) : null;
    const now = ctx.now();
    const week = weekStartOf(localDay(activity.starts_at));
    const reason = body.reason.trim();
    const saved = await sql<{ id: number }>`
      INSERT INTO activity_attendance (city_id, activity_id, person_id, week_start, family, check_in_at, check_out_at,
        manual_reason, manual_by, minutes, status, created_at, updated_at)
      VALUES (${ctx.actor.cityId}, ${activityId}, ${body.personId}, ${week}::date,
        ${JSON.stringify(cleanFamily(body.family))}::jsonb, ${checkInAt}, ${checkOutAt}, ${reason}, ${ctx.actor.userId},
        ${minutes}, ${checkOutAt ? 'pending' : 'open'}, ${now}, ${now})
      ON CONFLICT (activity_id, person_id) DO UPDATE SET check_out_at = EXCLUDED.check_out_at,
        manual_reason = EXCLUDED.manual_reason, manual_by = EXCLUDED.manual_by, minutes = EXCLUDED.minutes,
        status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
      RETURNING id`.execute(trx);
    const id = saved.rows[0].id;
    await refreshWeek(trx, ctx.actor.cityId, body.personId, week);
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.attendance.manual',
      entityType: 'activity_attendance',
      entityId: id,
      before: existing ? { checkInAt: existing.check_in_at, status: existing.status } : null,
      after: { personId: body.personId, checkInAt, checkOutAt, minutes, reason },
    });
    return toAttendance((await findAttendance(trx, sql`x.id = ${id}`))[0]);
  });
}

/** The organiser confirms the hours (possibly fewer than computed) or rejects the attendance. */
export async function decideAttendance(ctx: Ctx, id: number, body: DecideAttendanceBody): Promise<Attendance> {
  assertCan(ctx.actor, 'volunteer.organise');
  return ctx.db.transaction().execute(async (trx) => {
    const [row] = await findAttendance(trx, sql`x.id = ${id} AND x.city_id = ${ctx.actor.cityId}`, true);
    if (!row) throw notFound();
    await requireManaged(trx, ctx, row.activity_id);
    if (row.status === 'open') throw conflict('VOLUNTEER_NOT_CHECKED_OUT');
    const reason = body.reason?.trim() || null;
    if (body.decision === 'reject' && !reason) throw fieldInvalid('reason', 'VOLUNTEER_REASON_REQUIRED');
    const computed = row.minutes ?? 0;
    if (body.minutes !== undefined && body.minutes > computed) {
      throw fieldInvalid('minutes', 'VOLUNTEER_MINUTES_OVER', { max: computed });
    }
    const status = body.decision === 'confirm' ? 'confirmed' : 'rejected';
    const confirmed = status === 'confirmed' ? (body.minutes ?? computed) : null;
    await trx
      .updateTable('activity_attendance')
      .set({
        status,
        confirmed_minutes: confirmed,
        decided_by: ctx.actor.userId,
        decided_at: ctx.now(),
        updated_at: ctx.now(),
      })
      .where('id', '=', id)
      .execute();
    await refreshWeek(trx, ctx.actor.cityId, row.person_id, row.week_start);
    await auditFromCtx(trx, ctx, {
      action: `volunteer.attendance.${body.decision}`,
      entityType: 'activity_attendance',
      entityId: id,
      before: { status: row.status, confirmedMinutes: row.confirmed_minutes },
      after: { status, confirmedMinutes: confirmed, reason },
    });
    return toAttendance((await findAttendance(trx, sql`x.id = ${id}`))[0]);
  });
}

export async function myHours(ctx: Ctx): Promise<MyHours> {
  assertCan(ctx.actor, 'volunteer.join');
  const person = await requireActorPerson(ctx.db, ctx);
  const rows = await findAttendance(ctx.db, sql`x.person_id = ${person.id}`);
  if (rows.length > 500) rows.length = 500;
  const all = await sql<{ confirmed: number; pending: number; activities: number }>`
    SELECT coalesce(sum(confirmed_minutes) FILTER (WHERE status = 'confirmed'), 0)::int AS confirmed,
      coalesce(sum(minutes) FILTER (WHERE status = 'pending'), 0)::int AS pending,
      count(*) FILTER (WHERE status IN ('pending','confirmed'))::int AS activities
    FROM activity_attendance WHERE person_id = ${person.id}`.execute(ctx.db);
  const sums = all.rows[0];
  if (!sums) throw new AppError('INTERNAL');
  return {
    confirmedMinutes: sums.confirmed,
    pendingMinutes: sums.pending,
    activities: sums.activities,
    items: rows.map(toAttendance),
  };
}
