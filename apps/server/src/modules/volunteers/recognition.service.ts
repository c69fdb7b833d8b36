// Recognition: rankings of members, party organisations and units by confirmed hours, attended
// activities or 五个一 items over a period; commendation lists (表彰名单) drawn from a ranking,
// trimmed and published by the office; and the printable hours record of a member.

import { sql, type Expression, type SqlBool } from 'kysely';
import { maskIdNumber } from '@cc/common/volunteers';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, conflict, fieldInvalid, notFound } from '../../platform/errors.js';
import { openFile, storeFile } from '../../platform/files.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import fsp from 'node:fs/promises';
import { buildCertificate } from './certificate.js';
import { actorPerson } from './registrations.service.js';
import { POPCOUNT } from './tracker.js';
import { personVisible, registrationVisible } from './volunteers.policy.js';
import type {
  Certificate,
  CertificateBody,
  Commendation,
  CommendationListQuery,
  CreateCommendationBody,
  RankingList,
  RankingQuery,
} from './volunteers.schemas.js';

type Subject = RankingQuery['subject'];
type Basis = RankingQuery['basis'];

function checkPeriod(from: string, to: string) {
  if (to < from) throw fieldInvalid('to', 'VOLUNTEER_END_BEFORE_START');
}

/** Ranking rows over the registered (confirmed) members in scope. */
async function rank(
  db: Executor,
  ctx: Ctx,
  q: { subject: Subject; basis: Basis; from: string; to: string; limit: number; communityId?: number },
) {
  const where: Expression<SqlBool>[] = [
    sql`r.city_id = ${ctx.actor.cityId}`,
    sql`r.status = 'confirmed'`,
    registrationVisible(ctx.actor, 'r'),
  ];
  if (q.communityId) where.push(sql`r.community_id = ${q.communityId}`);
  const value = {
    hours: sql`coalesce((SELECT sum(x.confirmed_minutes) FROM activity_attendance x
      WHERE x.person_id = r.person_id AND x.status = 'confirmed'
        AND x.check_in_at >= ${q.from}::date - interval '8 hours' AND x.check_in_at < ${q.to}::date + interval '16 hours'), 0) / 60.0`,
    activities: sql`(SELECT count(*) FROM activity_attendance x
      WHERE x.person_id = r.person_id AND x.status IN ('pending','confirmed')
        AND x.check_in_at >= ${q.from}::date - interval '8 hours' AND x.check_in_at < ${q.to}::date + interval '16 hours')`,
    five_one: sql`coalesce((SELECT sum(${POPCOUNT('f.items')}) FROM five_one_weeks f
      WHERE f.person_id = r.person_id AND f.week_start BETWEEN ${q.from}::date AND ${q.to}::date), 0)`,
  }[q.basis];
  const key = { member: sql`r.person_id::text`, party_org: sql`r.party_org`, unit: sql`r.work_unit_id::text` }[
    q.subject
  ];
  const name = { member: sql`min(p.name)`, party_org: sql`r.party_org`, unit: sql`min(u.name)` }[q.subject];
  const rows = await sql<{ key: string; name: string; value: number; members: number }>`
    WITH m AS (
      SELECT r.person_id, r.party_org, r.work_unit_id, ${value}::float8 AS v
      FROM community_registrations r WHERE ${sql.join(where, sql` AND `)}
    )
    SELECT ${key} AS key, ${name} AS name, sum(r.v)::float8 AS value, count(*)::int AS members
    FROM m r JOIN people p ON p.id = r.person_id LEFT JOIN units u ON u.id = r.work_unit_id
    WHERE ${key} IS NOT NULL
    GROUP BY ${key}
    HAVING sum(r.v) > 0
    ORDER BY value DESC, key
    LIMIT ${q.limit}`.execute(db);
  let prev: number | null = null;
  let place = 0;
  return rows.rows.map((r, i) => {
    // Equal values share a place (1, 2, 2, 4).
    if (prev === null || r.value !== prev) place = i + 1;
    prev = r.value;
    const value = q.basis === 'hours' ? Math.round(r.value * 10) / 10 : r.value;
    return { rank: place, key: r.key, name: r.name ?? '', value, members: r.members };
  });
}

export async function rankings(ctx: Ctx, query: RankingQuery): Promise<RankingList> {
  assertCan(ctx.actor, 'volunteer.manage');
  checkPeriod(query.from, query.to);
  return { items: await rank(ctx.db, ctx, { ...query, limit: query.limit ?? 50 }) };
}

// ---------------------------------------------------------------------------------------------
// Commendation lists
// ---------------------------------------------------------------------------------------------

async function loadCommendation(db: Executor, ctx: Ctx, id: number, lock = false): Promise<Commendation> {
  const list = await sql<{
    id: number;
    title: string;
    subject: Subject;
    basis: Basis;
    period_from: string;
    period_to: string;
    status: 'draft' | 'published';
    published_at: Date | null;
    created_at: Date;
  }>`SELECT id, title, subject, basis, period_from, period_to, status, published_at, created_at
     FROM commendation_lists WHERE city_id = ${ctx.actor.cityId} AND id = ${id}
       AND (status = 'published' OR ${can(ctx.actor, 'volunteer.manage')})
     ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  const row = list.rows[0];
  if (!row) throw notFound();
  const entries = await db
    .selectFrom('commendation_entries')
    .select(['id', 'rank', 'subject_key', 'subject_name', 'value'])
    .where('list_id', '=', id)
    .orderBy('rank')
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    title: row.title,
    subject: row.subject,
    basis: row.basis,
    from: row.period_from,
    to: row.period_to,
    status: row.status,
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    entries: entries.map((e) => ({
      id: e.id,
      rank: e.rank,
      key: e.subject_key,
      name: e.subject_name,
      value: Number(e.value),
    })),
    canManage: can(ctx.actor, 'volunteer.manage') && row.status === 'draft',
  };
}

export async function createCommendation(ctx: Ctx, body: CreateCommendationBody): Promise<Commendation> {
  assertCan(ctx.actor, 'volunteer.manage');
  checkPeriod(body.from, body.to);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await rank(trx, ctx, { ...body, limit: body.top });
    if (rows.length === 0) throw conflict('VOLUNTEER_COMMENDATION_EMPTY');
    const list = await trx
      .insertInto('commendation_lists')
      .values({
        city_id: ctx.actor.cityId,
        title: body.title.trim(),
        subject: body.subject,
        basis: body.basis,
        period_from: body.from,
        period_to: body.to,
        created_by: ctx.actor.userId,
        created_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
      INSERT INTO commendation_entries (city_id, list_id, rank, subject_key, subject_name, value)
      SELECT ${ctx.actor.cityId}, ${list.id}, x.rank, x.key, x.name, x.value
      FROM unnest(${rows.map((r) => r.rank)}::int[], ${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.name)}::text[],
        ${rows.map((r) => r.value)}::numeric[]) AS x(rank, key, name, value)`.execute(trx);
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.commendation.create',
      entityType: 'commendation_list',
      entityId: list.id,
      after: { ...body, entries: rows.length },
    });
    return loadCommendation(trx, ctx, list.id);
  });
}

export async function listCommendations(ctx: Ctx, query: CommendationListQuery) {
  assertCan(ctx.actor, 'volunteer.read');
  const { page, pageSize } = pageArgs(query);
  const manage = can(ctx.actor, 'volunteer.manage');
  const where = sql`city_id = ${ctx.actor.cityId} AND (status = 'published' OR ${manage})
    ${query.status ? sql`AND status = ${query.status}` : sql``}`;
  const ids = await sql<{ id: number }>`
    SELECT id FROM commendation_lists WHERE ${where} ORDER BY created_at DESC, id DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM commendation_lists WHERE ${where}`.execute(
    ctx.db,
  );
  const items = [];
  for (const { id } of ids.rows) items.push(await loadCommendation(ctx.db, ctx, id));
  return { items, total: total.rows[0].n, page, pageSize };
}

export const getCommendation = (ctx: Ctx, id: number) => {
  assertCan(ctx.actor, 'volunteer.read');
  return loadCommendation(ctx.db, ctx, id);
};

export async function removeEntry(ctx: Ctx, id: number, entryId: number): Promise<Commendation> {
  assertCan(ctx.actor, 'volunteer.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const list = await loadCommendation(trx, ctx, id, true);
    if (list.status !== 'draft') throw conflict('VOLUNTEER_COMMENDATION_PUBLISHED');
    const entry = list.entries.find((e) => e.id === entryId);
    if (!entry) throw notFound();
    await sql`DELETE FROM commendation_entries WHERE id = ${entryId}`.execute(trx);
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.commendation.remove_entry',
      entityType: 'commendation_list',
      entityId: id,
      before: entry,
    });
    return loadCommendation(trx, ctx, id);
  });
}

export async function publishCommendation(ctx: Ctx, id: number): Promise<Commendation> {
  assertCan(ctx.actor, 'volunteer.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const list = await loadCommendation(trx, ctx, id, true);
    if (list.status !== 'draft') throw conflict('VOLUNTEER_COMMENDATION_PUBLISHED');
    if (list.entries.length === 0) throw conflict('VOLUNTEER_COMMENDATION_EMPTY');
    await trx
      .updateTable('commendation_lists')
      .set({ status: 'published', published_by: ctx.actor.userId, published_at: ctx.now() })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.commendation.publish',
      entityType: 'commendation_list',
      entityId: id,
      after: { entries: list.entries.length },
    });
    return loadCommendation(trx, ctx, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Hours certificates
// ---------------------------------------------------------------------------------------------

async function nextNumber(db: Executor, cityId: number, year: number): Promise<number> {
  const row = await sql<{ last_number: number }>`
    INSERT INTO doc_counters (city_id, kind, year, last_number) VALUES (${cityId}, 'volunteer_hours', ${year}, 1)
    ON CONFLICT (city_id, kind, year) DO UPDATE SET last_number = doc_counters.last_number + 1
    RETURNING last_number`.execute(db);
  return row.rows[0].last_number;
}

/** Issues the hours record of a member (oneself, or a member in the staff's scope) for a period. */
export async function issueCertificate(ctx: Ctx, body: CertificateBody): Promise<Certificate> {
  checkPeriod(body.from, body.to);
  return ctx.db.transaction().execute(async (trx) => {
    let personId: number;
    if (body.personId) {
      assertCan(ctx.actor, 'volunteer.manage');
      const visible = await sql<{ id: number }>`
        SELECT p.id FROM people p WHERE p.city_id = ${ctx.actor.cityId} AND p.id = ${body.personId}
          AND (${personVisible(ctx.actor, 'p')} OR EXISTS (SELECT 1 FROM community_registrations r
            WHERE r.person_id = p.id AND r.status = 'confirmed' AND ${registrationVisible(ctx.actor, 'r')}))`.execute(
        trx,
      );
      if (!visible.rows[0]) throw notFound();
      personId = body.personId;
    } else {
      assertCan(ctx.actor, 'volunteer.join');
      const me = await actorPerson(trx, ctx);
      if (!me) throw conflict('VOLUNTEER_NOT_LINKED');
      personId = me.id;
    }
    const person = await sql<{
      name: string;
      id_type: string | null;
      id_number: string | null;
      volunteer_no: string | null;
    }>`SELECT p.name, r.id_type, r.id_number, r.volunteer_no FROM people p
       LEFT JOIN community_registrations r ON r.person_id = p.id AND r.status = 'confirmed'
       WHERE p.id = ${personId}`.execute(trx);
    const services = await sql<{ day: string; title: string; organiser: string; minutes: number }>`
      SELECT to_char(x.check_in_at + interval '8 hours', 'YYYY-MM-DD') AS day, a.title,
        coalesce(u.name, a.organiser_name) AS organiser, x.confirmed_minutes AS minutes
      FROM activity_attendance x JOIN volunteer_activities a ON a.id = x.activity_id
      LEFT JOIN units u ON u.id = a.organiser_unit_id
      WHERE x.person_id = ${personId} AND x.status = 'confirmed' AND x.confirmed_minutes > 0
        AND x.check_in_at >= ${body.from}::date - interval '8 hours' AND x.check_in_at < ${body.to}::date + interval '16 hours'
      ORDER BY x.check_in_at`.execute(trx);
    if (services.rows.length === 0) throw conflict('VOLUNTEER_CERT_NOTHING', { from: body.from, to: body.to });
    const p = person.rows[0];
    const minutes = services.rows.reduce((s, r) => s + r.minutes, 0);
    const now = ctx.now();
    const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
    const number = `志愿记录〔${year}〕${await nextNumber(trx, ctx.actor.cityId, year)}号`;
    const city = await trx
      .selectFrom('cities')
      .select('name')
      .where('id', '=', ctx.actor.cityId)
      .executeTakeFirstOrThrow();
    const issuedOn = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const buffer = await buildCertificate({
      title: t('zh-CN', 'VOLUNTEER_CERT_TITLE'),
      number,
      name: p.name,
      idType: p.id_type ? t('zh-CN', `VOLUNTEER_ID_${p.id_type}`) : null,
      idNumberMasked: p.id_number ? maskIdNumber(p.id_number) : null,
      volunteerNo: p.volunteer_no,
      period: { from: body.from, to: body.to },
      minutes,
      services: services.rows.map((r) => ({ date: r.day, title: r.title, organiser: r.organiser, minutes: r.minutes })),
      issuer: `${city.name}创建文明城市工作平台`,
      handler: ctx.actor.displayName,
      issuedOn,
      label: t('zh-CN', 'VOLUNTEER_CERT_LABEL'),
    });
    const file = await storeFile(trx, ctx.config, {
      cityId: ctx.actor.cityId,
      userId: ctx.actor.userId,
      name: `${number}.docx`,
      buffer,
      now,
    });
    const row = await trx
      .insertInto('hours_certificates')
      .values({
        city_id: ctx.actor.cityId,
        person_id: personId,
        number,
        period_from: body.from,
        period_to: body.to,
        minutes,
        activities: services.rows.length,
        issued_by: ctx.actor.userId,
        issued_by_name: ctx.actor.displayName,
        issued_at: now,
        file_id: file.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditFromCtx(trx, ctx, {
      action: 'volunteer.certificate.issue',
      entityType: 'hours_certificate',
      entityId: row.id,
      after: { personId, number, minutes, activities: services.rows.length },
    });
    return {
      id: row.id,
      number,
      person: { id: personId, name: p.name },
      from: body.from,
      to: body.to,
      minutes,
      activities: services.rows.length,
      issuedByName: ctx.actor.displayName,
      issuedAt: now.toISOString(),
    };
  });
}

/** The certificate's document, for the member it is about or staff in scope. */
export async function certificateFile(ctx: Ctx, id: number) {
  const row = await ctx.db
    .selectFrom('hours_certificates')
    .select(['id', 'person_id', 'number', 'file_id'])
    .where('city_id', '=', ctx.actor.cityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  const me = await actorPerson(ctx.db, ctx);
  if (me?.id !== row.person_id) {
    if (!can(ctx.actor, 'volunteer.manage')) throw notFound();
    const visible = await sql<{ id: number }>`
      SELECT r.id FROM community_registrations r WHERE r.person_id = ${row.person_id} AND ${registrationVisible(ctx.actor, 'r')}
      UNION ALL SELECT p.id FROM people p WHERE p.id = ${row.person_id} AND ${personVisible(ctx.actor, 'p')}`.execute(
      ctx.db,
    );
    if (visible.rows.length === 0) throw notFound();
  }
  const file = await openFile(ctx.db, ctx.config, ctx.actor.cityId, row.file_id);
  if (!file) throw new AppError('NOT_FOUND');
  return { fileName: `${row.number}.docx`, buffer: await fsp.readFile(file.path) };
}
