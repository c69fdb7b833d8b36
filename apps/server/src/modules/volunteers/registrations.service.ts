// Community registration (单位下班，社区报到): a member registers with the residential community
// (work unit, party organisation, skills, available times, family members who join), the
// community's office confirms or rejects with a reason, and the office follows who has not
// registered yet and reminds them.

import { sql, type Expression, type SqlBool } from 'kysely';
import { maskPhone } from '@cc/common/canvass';
import { isValidIdNumber, maskIdNumber, type IdType, type RegistrationStatus } from '@cc/common/volunteers';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, conflict, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { notifyUsers } from '../notifications/index.js';
import { managesCommunity, personVisible, registrationVisible } from './volunteers.policy.js';
import type {
  DecideRegistrationBody,
  MyRegistration,
  RegisterBody,
  Registration,
  RegistrationListQuery,
  RemindBody,
  UnregisteredQuery,
} from './volunteers.schemas.js';

export interface PersonRow {
  id: number;
  name: string;
  phone: string | null;
  unit_id: number | null;
  party_org: string | null;
  community_id: number | null;
}

/** The member record the signed-in account is linked to. */
export async function actorPerson(db: Executor, ctx: Ctx): Promise<PersonRow | undefined> {
  const result = await sql<PersonRow>`
    SELECT p.id, p.name, p.phone, p.unit_id, p.party_org, p.community_id
    FROM users u JOIN people p ON p.id = u.person_id
    WHERE u.id = ${ctx.actor.userId} AND u.city_id = ${ctx.actor.cityId}`.execute(db);
  return result.rows[0];
}

export async function requireActorPerson(db: Executor, ctx: Ctx): Promise<PersonRow> {
  const person = await actorPerson(db, ctx);
  if (!person) throw conflict('VOLUNTEER_NOT_LINKED');
  return person;
}

interface RegistrationRow {
  id: number;
  person_id: number;
  person_name: string;
  person_phone: string | null;
  community_id: number;
  community_name: string;
  community_path: string;
  street_name: string | null;
  status: RegistrationStatus;
  work_unit_id: number | null;
  work_unit_name: string | null;
  party_org: string | null;
  skills: string[];
  available_times: string[];
  family_members: { name: string; relation: string }[];
  volunteer_no: string | null;
  id_type: IdType | null;
  id_number: string | null;
  note: string | null;
  registered_at: Date;
  decided_at: Date | null;
  reject_reason: string | null;
}

const SELECT = sql`r.id, r.person_id, p.name AS person_name, p.phone AS person_phone, r.community_id,
  c.name AS community_name, c.path AS community_path, s.name AS street_name, r.status, r.work_unit_id,
  u.name AS work_unit_name, r.party_org, r.skills, r.available_times, r.family_members, r.volunteer_no, r.id_type, r.id_number, r.note,
  r.registered_at, r.decided_at, r.reject_reason`;
const FROM = sql`community_registrations r JOIN people p ON p.id = r.person_id JOIN regions c ON c.id = r.community_id
  LEFT JOIN regions s ON s.id = c.parent_id LEFT JOIN units u ON u.id = r.work_unit_id`;

function toRegistration(ctx: Ctx, r: RegistrationRow): Registration {
  return {
    id: r.id,
    person: { id: r.person_id, name: r.person_name, phoneMasked: r.person_phone ? maskPhone(r.person_phone) : null },
    community: { id: r.community_id, name: r.community_name, street: r.street_name },
    status: r.status,
    workUnit: r.work_unit_id ? { id: r.work_unit_id, name: r.work_unit_name ?? '' } : null,
    partyOrg: r.party_org,
    skills: r.skills,
    availableTimes: r.available_times,
    familyMembers: r.family_members,
    volunteerNo: r.volunteer_no,
    idType: r.id_type,
    idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
    note: r.note,
    registeredAt: r.registered_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    rejectReason: r.reject_reason,
    canDecide: r.status === 'pending' && managesCommunity(ctx.actor, r.community_path),
  };
}

async function findRegistrations(db: Executor, where: Expression<SqlBool>, lock = false) {
  const result = await sql<RegistrationRow>`
    SELECT ${SELECT} FROM ${FROM} WHERE ${where} ORDER BY r.id DESC ${lock ? sql`FOR UPDATE OF r` : sql``}`.execute(db);
  return result.rows;
}

export async function register(ctx: Ctx, body: RegisterBody): Promise<Registration> {
  assertCan(ctx.actor, 'volunteer.join');
  const idNumber = body.idNumber?.trim().toUpperCase() || null;
  if (idNumber && !body.idType) throw fieldInvalid('idType', 'VOLUNTEER_ID_TYPE_REQUIRED');
  if (body.idType && !idNumber) throw fieldInvalid('idNumber', 'VOLUNTEER_ID_NUMBER_REQUIRED');
  if (body.idType && idNumber && !isValidIdNumber(body.idType, idNumber)) {
    throw fieldInvalid('idNumber', 'VOLUNTEER_ID_NUMBER_INVALID');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requireActorPerson(trx, ctx);
    const community = await trx
      .selectFrom('regions')
      .select(['id', 'level'])
      .where('city_id', '=', ctx.actor.cityId)
      .where('id', '=', body.communityId)
      .executeTakeFirst();
    if (!community || community.level !== 'community') throw fieldInvalid('communityId', 'VOLUNTEER_COMMUNITY_UNKNOWN');
    await sql`SELECT 1 FROM people WHERE id = ${person.id} FOR UPDATE`.execute(trx);
    const live = await findRegistrations(trx, sql`r.person_id = ${person.id} AND r.status IN ('pending','confirmed')`);
    if (live.length > 0) {
      throw conflict('VOLUNTEER_ALREADY_REGISTERED', {
        community: live[0].community_name,
        status: `@VOLUNTEER_REGISTRATION_${live[0].status}`,
      });
    }
    const now = ctx.now();
    const clean = (list: string[] | undefined) => [...new Set((list ?? []).map((s) => s.trim()).filter(Boolean))];
    const row = await trx
      .insertInto('community_registrations')
      .values({
        city_id: ctx.actor.cityId,
        person_id: person.id,
        community_id: community.id,
        work_unit_id: person.unit_id,
        party_org: body.partyOrg?.trim() || person.party_org,
        skills: clean(body.skills),
        available_times: clean(body.availableTimes),
        family_members: JSON.stringify(
          (body.familyMembers ?? []).map((f) => ({ name: f.name.trim(), relation: f.relation.trim() })),
        ),
        id_type: body.idType ?? null,
        id_number: idNumber,
        note: body.note?.trim() || null,
        registered_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.registration.create',
      entityType: 'community_registration',
      entityId: row.id,
      after: { personId: person.id, communityId: community.id, idNumber },
    });
    return toRegistration(ctx, (await findRegistrations(trx, sql`r.id = ${row.id}`))[0]);
  });
}

export async function myRegistration(ctx: Ctx): Promise<MyRegistration> {
  assertCan(ctx.actor, 'volunteer.join');
  const person = await actorPerson(ctx.db, ctx);
  if (!person) return { personLinked: false, current: null, history: [] };
  const rows = (await findRegistrations(ctx.db, sql`r.person_id = ${person.id}`)).map((r) => toRegistration(ctx, r));
  const current = rows.find((r) => r.status === 'pending' || r.status === 'confirmed') ?? null;
  return { personLinked: true, current, history: rows.filter((r) => r !== current) };
}

export async function withdraw(ctx: Ctx, id: number): Promise<Registration> {
  assertCan(ctx.actor, 'volunteer.join');
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requireActorPerson(trx, ctx);
    const [row] = await findRegistrations(trx, sql`r.id = ${id} AND r.person_id = ${person.id}`, true);
    if (!row) throw notFound();
    if (row.status !== 'pending' && row.status !== 'confirmed') {
      throw conflict('VOLUNTEER_REGISTRATION_BAD_STATUS', { status: `@VOLUNTEER_REGISTRATION_${row.status}` });
    }
    await trx
      .updateTable('community_registrations')
      .set({ status: 'withdrawn', updated_at: ctx.now() })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.registration.withdraw',
      entityType: 'community_registration',
      entityId: id,
      before: { status: row.status },
      after: { status: 'withdrawn' },
    });
    return toRegistration(ctx, (await findRegistrations(trx, sql`r.id = ${id}`))[0]);
  });
}

export async function listRegistrations(ctx: Ctx, query: RegistrationListQuery) {
  assertCan(ctx.actor, 'volunteer.manage');
  const { page, pageSize } = pageArgs(query);
  const where: Expression<SqlBool>[] = [sql`r.city_id = ${ctx.actor.cityId}`, registrationVisible(ctx.actor, 'r')];
  if (query.communityId) where.push(sql`r.community_id = ${query.communityId}`);
  if (query.status) where.push(sql`r.status = ${query.status}`);
  if (query.partyOrg?.trim()) where.push(sql`r.party_org = ${query.partyOrg.trim()}`);
  if (query.unitId) where.push(sql`r.work_unit_id = ${query.unitId}`);
  if (query.q?.trim()) where.push(sql`p.name ILIKE ${'%' + query.q.trim() + '%'}`);
  const cond = sql.join(where, sql` AND `);
  const rows = await sql<RegistrationRow>`
    SELECT ${SELECT} FROM ${FROM} WHERE ${cond}
    ORDER BY (r.status = 'pending') DESC, r.registered_at DESC, r.id DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${FROM} WHERE ${cond}`.execute(ctx.db);
  return { items: rows.rows.map((r) => toRegistration(ctx, r)), total: total.rows[0].n, page, pageSize };
}

export async function decideRegistration(ctx: Ctx, id: number, body: DecideRegistrationBody): Promise<Registration> {
  assertCan(ctx.actor, 'volunteer.manage');
  const reason = body.reason?.trim() || null;
  if (body.decision === 'reject' && !reason) throw fieldInvalid('reason', 'VOLUNTEER_REASON_REQUIRED');
  return ctx.db.transaction().execute(async (trx) => {
    const [row] = await findRegistrations(
      trx,
      sql`r.id = ${id} AND r.city_id = ${ctx.actor.cityId} AND ${registrationVisible(ctx.actor, 'r')}`,
      true,
    );
    if (!row) throw notFound();
    if (!managesCommunity(ctx.actor, row.community_path)) throw new AppError('FORBIDDEN');
    if (row.status !== 'pending') {
      throw conflict('VOLUNTEER_REGISTRATION_BAD_STATUS', { status: `@VOLUNTEER_REGISTRATION_${row.status}` });
    }
    const now = ctx.now();
    const status = body.decision === 'confirm' ? 'confirmed' : 'rejected';
    await trx
      .updateTable('community_registrations')
      .set({
        status,
        decided_by: ctx.actor.userId,
        decided_at: now,
        reject_reason: status === 'rejected' ? reason : null,
        // The platform's volunteer number, given once at confirmation.
        ...(status === 'confirmed' && { volunteer_no: `ZY${String(id).padStart(8, '0')}` }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: `volunteer.registration.${body.decision}`,
      entityType: 'community_registration',
      entityId: id,
      before: { status: row.status },
      after: { status, reason },
    });
    const account = await trx
      .selectFrom('users')
      .select('id')
      .where('person_id', '=', row.person_id)
      .where('status', '=', 'active')
      .execute();
    const params = { community: row.community_name, reason: reason ?? '' };
    await notifyUsers(trx, {
      cityId: ctx.actor.cityId,
      userIds: account.map((a) => a.id),
      kind: `volunteer.registration.${status}`,
      entity: { type: 'community_registration', id },
      at: now,
      message: (locale) => ({
        title: t(locale, `NOTIFY_VOLUNTEER_${status.toUpperCase()}_TITLE`, params),
        body: t(locale, `NOTIFY_VOLUNTEER_${status.toUpperCase()}_BODY`, params),
      }),
    });
    return toRegistration(ctx, (await findRegistrations(trx, sql`r.id = ${id}`))[0]);
  });
}

function unregisteredWhere(ctx: Ctx, q: { unitId?: number; partyOrg?: string; communityId?: number; q?: string }) {
  const where: Expression<SqlBool>[] = [
    sql`p.city_id = ${ctx.actor.cityId}`,
    personVisible(ctx.actor, 'p'),
    sql`NOT EXISTS (SELECT 1 FROM community_registrations x WHERE x.person_id = p.id AND x.status IN ('pending','confirmed'))`,
  ];
  if (q.unitId) where.push(sql`p.unit_id = ${q.unitId}`);
  if (q.partyOrg?.trim()) where.push(sql`p.party_org = ${q.partyOrg.trim()}`);
  if (q.communityId) where.push(sql`p.community_id = ${q.communityId}`);
  if (q.q?.trim()) where.push(sql`p.name ILIKE ${'%' + q.q.trim() + '%'}`);
  return sql.join(where, sql` AND `);
}

/** How many members match the filter with no live registration: the list's total, the dashboard's figure. */
export async function countUnregistered(ctx: Ctx, q: Parameters<typeof unregisteredWhere>[1]): Promise<number> {
  const cond = unregisteredWhere(ctx, q);
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM people p WHERE ${cond}`.execute(ctx.db);
  return result.rows[0].n;
}

/** Members (party members and cadres on record) with no live registration. */
export async function listUnregistered(ctx: Ctx, query: UnregisteredQuery) {
  assertCan(ctx.actor, 'volunteer.manage');
  const { page, pageSize } = pageArgs(query);
  const cond = unregisteredWhere(ctx, query);
  const rows = await sql<{
    id: number;
    name: string;
    unit_id: number | null;
    unit_name: string | null;
    party_org: string | null;
    community_id: number | null;
    community_name: string | null;
    has_account: boolean;
  }>`
    SELECT p.id, p.name, p.unit_id, u.name AS unit_name, p.party_org, p.community_id, c.name AS community_name,
      EXISTS (SELECT 1 FROM users a WHERE a.person_id = p.id) AS has_account
    FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN regions c ON c.id = p.community_id
    WHERE ${cond}
    ORDER BY u.name NULLS LAST, p.name, p.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db);
  const total = await countUnregistered(ctx, query);
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      name: r.name,
      unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
      partyOrg: r.party_org,
      community: r.community_id ? { id: r.community_id, name: r.community_name ?? '' } : null,
      hasAccount: r.has_account,
    })),
    total,
    page,
    pageSize,
  };
}

/** An in-app reminder to every unregistered member (with an account) matching the filter. */
export async function remindUnregistered(ctx: Ctx, body: RemindBody) {
  assertCan(ctx.actor, 'volunteer.manage');
  if (!can(ctx.actor, 'volunteer.manage')) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (trx) => {
    const cond = unregisteredWhere(ctx, body);
    const members = await sql<{ id: number; user_id: number | null }>`
      SELECT p.id, (SELECT a.id FROM users a WHERE a.person_id = p.id AND a.status = 'active') AS user_id
      FROM people p WHERE ${cond}`.execute(trx);
    const userIds = members.rows.flatMap((m) => (m.user_id ? [m.user_id] : []));
    const now = ctx.now();
    await notifyUsers(trx, {
      cityId: ctx.actor.cityId,
      userIds,
      kind: 'volunteer.register.remind',
      entity: { type: 'person', id: null },
      at: now,
      message: (locale) => ({
        title: t(locale, 'NOTIFY_VOLUNTEER_REMIND_TITLE'),
        body: t(locale, 'NOTIFY_VOLUNTEER_REMIND_BODY'),
      }),
    });
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.registration.remind',
      entityType: 'person',
      entityId: null,
      after: { ...body, members: members.rows.length, notified: userIds.length },
    });
    return { members: members.rows.length, notified: userIds.length };
  });
}

/** The city's communities, for members choosing where they live (members cannot read regions). */
export async function listCommunities(ctx: Ctx) {
  assertCan(ctx.actor, 'volunteer.read');
  const rows = await sql<{ id: number; name: string; code: string; street: string | null }>`
    SELECT c.id, c.name, c.code, s.name AS street FROM regions c LEFT JOIN regions s ON s.id = c.parent_id
    WHERE c.city_id = ${ctx.actor.cityId} AND c.level = 'community' ORDER BY c.code, c.id`.execute(ctx.db);
  return { items: rows.rows.map((r) => ({ ...r, code: r.code.trim() })) };
}
