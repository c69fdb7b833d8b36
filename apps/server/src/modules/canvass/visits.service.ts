// Visit records after the seed's 群众意见建议征询表: interviewee (the name only with consent), the
// community and building, the recorder (the signed-in user), time, materials handed out, one or
// more opinions and an optional photo. One visit from the phone (idempotent by the client's key,
// so a retry after a lost connection returns the first record) or a stack of paper forms typed
// in at once (all checked first; saved together or not at all). New opinions get the classifier's
// suggestion and join a group of near-identical opinions.

import { sql } from 'kysely';
import { maskPhone, normalisePhone } from '@cc/common/canvass';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import { localDate } from '../../platform/calendar.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, conflict, fieldInvalid, notFound, type ErrorDetails } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { assertImages } from '../cases/index.js';
import { recordsForUnit, visitVisible } from './canvass.policy.js';
import * as repo from './canvass.repository.js';
import type { BatchResult, CreateVisitBody, Visit, VisitListQuery, VisitReceipt } from './canvass.schemas.js';
import { suggestMany } from './classifier.service.js';
import { today } from './drives.service.js';
import { assignGroups } from './groups.service.js';

/** Five minutes of clock skew between a phone and the server. */
const FUTURE_SLACK_MS = 5 * 60_000;

interface PreparedVisit {
  body: CreateVisitBody;
  assignment: repo.AssignmentProgressRow;
  driveStartsOn: string;
  phone: string | null;
  name: string | null;
  household: string | null;
  visitedAt: Date;
  photos: string[];
  materials: string[];
  opinions: { text: string; scope: string | null; topic: string | null; subtopic: string | null }[];
}

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** Checks one visit against its assignment and drive; throws a 400/403/404/409 naming the field. */
async function prepareVisit(trx: Executor, ctx: Ctx, body: CreateVisitBody): Promise<PreparedVisit> {
  const { rows } = await repo.assignmentProgress(trx, ctx.actor, today(ctx), { ids: [body.assignmentId] });
  const assignment = rows[0];
  if (!assignment) throw fieldInvalid('assignmentId', 'CANVASS_ASSIGNMENT_UNKNOWN');
  if (!recordsForUnit(ctx.actor, { id: assignment.unit_id, parentId: assignment.unit_parent_id })) {
    throw new AppError('FORBIDDEN', { messageKey: 'CANVASS_UNIT_ONLY' });
  }
  const drive = await trx
    .selectFrom('canvass_drives')
    .select(['status', 'starts_on', 'ends_on', 'materials'])
    .where('id', '=', assignment.drive_id)
    .executeTakeFirstOrThrow();
  if (drive.status !== 'open')
    throw conflict('CANVASS_DRIVE_NOT_OPEN', { status: `@CANVASS_DRIVE_STATUS_${drive.status}` });
  if (body.buildingId) {
    const building = await trx
      .selectFrom('canvass_buildings')
      .select('id')
      .where('id', '=', body.buildingId)
      .where('assignment_id', '=', assignment.id)
      .executeTakeFirst();
    if (!building) throw fieldInvalid('buildingId', 'CANVASS_BUILDING_UNKNOWN');
  }
  const name = clean(body.intervieweeName);
  if (name && !body.nameConsent) throw fieldInvalid('intervieweeName', 'CANVASS_NAME_NO_CONSENT');
  let phone: string | null = null;
  if (clean(body.phone)) {
    phone = normalisePhone(body.phone!);
    if (!phone) throw fieldInvalid('phone', 'CANVASS_PHONE_INVALID');
  }
  const now = ctx.now();
  const visitedAt = body.visitedAt ? new Date(body.visitedAt) : now;
  if (visitedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) throw fieldInvalid('visitedAt', 'CANVASS_VISIT_IN_FUTURE');
  const visitedDay = localDate(visitedAt);
  if (visitedDay < drive.starts_on) throw fieldInvalid('visitedAt', 'CANVASS_VISIT_BEFORE_DRIVE');
  const materials = [...new Set((body.materials ?? []).map((m) => m.trim()).filter(Boolean))];
  const unknownMaterial = drive.materials.length > 0 ? materials.find((m) => !drive.materials.includes(m)) : undefined;
  if (unknownMaterial) throw fieldInvalid('materials', 'CANVASS_MATERIAL_UNKNOWN', { name: unknownMaterial });
  const topics = await trx
    .selectFrom('opinion_topics')
    .select(['code', 'parent_code'])
    .where('city_id', '=', ctx.actor.cityId)
    .where('active', '=', true)
    .execute();
  const topicByCode = new Map(topics.map((tp) => [tp.code, tp.parent_code]));
  const opinions = body.opinions.map((o, i) => {
    const text = o.text.trim();
    if (!text) throw fieldInvalid(`opinions/${i}/text`, 'CANVASS_OPINION_EMPTY');
    let topic: string | null = null;
    let subtopic: string | null = null;
    if (o.topicCode) {
      if (!topicByCode.has(o.topicCode)) throw fieldInvalid(`opinions/${i}/topicCode`, 'CANVASS_TOPIC_UNKNOWN');
      const parent = topicByCode.get(o.topicCode) ?? null;
      topic = parent ?? o.topicCode;
      subtopic = parent ? o.topicCode : null;
    }
    return { text, scope: o.scope ?? null, topic, subtopic };
  });
  const photos = await assertImages(trx, ctx.actor.cityId, body.photos ?? []);
  return {
    body,
    assignment,
    driveStartsOn: drive.starts_on,
    phone,
    name,
    household: clean(body.household),
    visitedAt,
    photos,
    materials,
    opinions,
  };
}

async function insertVisit(trx: Executor, ctx: Ctx, p: PreparedVisit, source: 'mobile' | 'batch') {
  const now = ctx.now();
  const inserted = await sql<{ id: number }>`
    INSERT INTO canvass_visits (city_id, drive_id, assignment_id, unit_id, community_id, building_id, household,
      interviewee_name, name_consent, phone, recorder_id, recorder_name, visited_at, materials, photos, note, source,
      idempotency_key, created_at)
    VALUES (${ctx.actor.cityId}, ${p.assignment.drive_id}, ${p.assignment.id}, ${p.assignment.unit_id},
      ${p.assignment.community_id}, ${p.body.buildingId ?? null}, ${p.household}, ${p.name}, ${p.body.nameConsent},
      ${p.phone}, ${ctx.actor.userId}, ${ctx.actor.displayName}, ${p.visitedAt}, ${p.materials}::text[],
      ${p.photos}::text[], ${clean(p.body.note)}, ${source}, ${p.body.idempotencyKey}, ${now})
    ON CONFLICT (city_id, recorder_id, idempotency_key) DO NOTHING
    RETURNING id`.execute(trx);
  const id = inserted.rows[0]?.id;
  if (id === undefined) return null;
  if (p.opinions.length > 0) {
    const texts = p.opinions.map((o) => o.text);
    const suggestions = await suggestMany(ctx.db, ctx.actor.cityId, texts);
    const groups = await assignGroups(ctx.db, trx, ctx.actor.cityId, p.assignment.drive_id, texts, now);
    await sql`
      INSERT INTO canvass_opinions (city_id, drive_id, visit_id, seq, unit_id, community_id, text, scope, topic_code,
        subtopic_code, suggested_topic, suggested_subtopic, suggested_unit_id, suggested_confidence, group_id,
        created_at, updated_at)
      SELECT ${ctx.actor.cityId}, ${p.assignment.drive_id}, ${id}, x.seq, ${p.assignment.unit_id},
        ${p.assignment.community_id}, x.text, x.scope, x.topic, x.subtopic, x.s_topic, x.s_subtopic,
        (SELECT u.id FROM units u WHERE u.id = x.s_unit AND u.city_id = ${ctx.actor.cityId}), x.s_conf, x.grp,
        ${now}, ${now}
      FROM unnest(${texts.map((_, i) => i + 1)}::int[], ${texts}::text[], ${p.opinions.map((o) => o.scope)}::text[],
        ${p.opinions.map((o) => o.topic)}::text[], ${p.opinions.map((o) => o.subtopic)}::text[],
        ${suggestions.map((s) => s?.topic ?? null)}::text[], ${suggestions.map((s) => s?.subtopic ?? null)}::text[],
        ${suggestions.map((s) => s?.unitId ?? null)}::bigint[], ${suggestions.map((s) => s?.confidence ?? null)}::real[],
        ${groups}::bigint[]) AS x(seq, text, scope, topic, subtopic, s_topic, s_subtopic, s_unit, s_conf, grp)`.execute(
      trx,
    );
  }
  await auditFromCtx(trx, ctx, {
    action: 'canvass.visit.create',
    entityType: 'canvass_visit',
    entityId: id,
    after: {
      assignmentId: p.assignment.id,
      source,
      opinions: p.opinions.length,
      nameGiven: p.name !== null,
      phoneGiven: p.phone !== null,
    },
  });
  return id;
}

async function findByKey(db: Executor, ctx: Ctx, key: string) {
  return db
    .selectFrom('canvass_visits')
    .select('id')
    .where('city_id', '=', ctx.actor.cityId)
    .where('recorder_id', '=', ctx.actor.userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function createVisit(ctx: Ctx, body: CreateVisitBody): Promise<VisitReceipt> {
  assertCan(ctx.actor, 'canvass.record');
  const earlier = await findByKey(ctx.db, ctx, body.idempotencyKey);
  if (earlier) return { ...(await getVisit(ctx, earlier.id)), replayed: true };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const prepared = await prepareVisit(trx, ctx, body);
    return insertVisit(trx, ctx, prepared, 'mobile');
  });
  if (id === null) {
    // A concurrent retry with the same key won the insert.
    const winner = await findByKey(ctx.db, ctx, body.idempotencyKey);
    return { ...(await getVisit(ctx, winner!.id)), replayed: true };
  }
  return { ...(await getVisit(ctx, id)), replayed: false };
}

/** Paper forms: every visit is checked, errors of all rows come back together; else one transaction. */
export async function createVisitBatch(ctx: Ctx, visits: CreateVisitBody[]): Promise<BatchResult> {
  assertCan(ctx.actor, 'canvass.record');
  const keys = visits.map((v) => v.idempotencyKey);
  const dupKey = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (dupKey !== -1) throw fieldInvalid(`visits/${dupKey}/idempotencyKey`, 'CANVASS_BATCH_DUPLICATE_KEY');
  return ctx.db.transaction().execute(async (trx) => {
    const fields: NonNullable<ErrorDetails['fields']> = [];
    const prepared: (PreparedVisit | null)[] = [];
    for (const [i, body] of visits.entries()) {
      if (await findByKey(trx, ctx, body.idempotencyKey)) {
        prepared.push(null);
        continue;
      }
      try {
        prepared.push(await prepareVisit(trx, ctx, body));
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const message = error.localize(ctx.locale);
        const inner = error.details?.fields?.[0]?.path.replace(/^body\//, '') ?? '';
        fields.push({ path: `body/visits/${i}${inner ? '/' + inner : ''}`, message });
        prepared.push(null);
      }
    }
    if (fields.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        messageKey: 'CANVASS_BATCH_REJECTED',
        params: { count: new Set(fields.map((f) => f.path.split('/')[2])).size },
        details: { fields },
      });
    }
    const ids: number[] = [];
    let replayed = 0;
    for (const p of prepared) {
      if (!p) {
        replayed++;
        continue;
      }
      const id = await insertVisit(trx, ctx, p, 'batch');
      if (id === null) replayed++;
      else ids.push(id);
    }
    return { created: ids.length, replayed, ids };
  });
}

interface VisitRow {
  id: number;
  drive_id: number;
  drive_name: string;
  assignment_id: number;
  unit_id: number;
  unit_name: string;
  community_id: number;
  community_name: string;
  building_id: number | null;
  building_name: string | null;
  household: string | null;
  interviewee_name: string | null;
  name_consent: boolean;
  phone: string | null;
  recorder_name: string;
  visited_at: Date;
  materials: string[];
  photos: string[];
  note: string | null;
  source: 'mobile' | 'batch';
  created_at: Date;
}

const VISIT_SELECT = sql`v.id, v.drive_id, d.name AS drive_name, v.assignment_id, v.unit_id, u.name AS unit_name,
  v.community_id, cm.name AS community_name, v.building_id, b.name AS building_name, v.household, v.interviewee_name,
  v.name_consent, v.phone, v.recorder_name, v.visited_at, v.materials, v.photos, v.note, v.source, v.created_at`;
const VISIT_FROM = sql`canvass_visits v JOIN canvass_drives d ON d.id = v.drive_id JOIN units u ON u.id = v.unit_id
  JOIN regions cm ON cm.id = v.community_id LEFT JOIN canvass_buildings b ON b.id = v.building_id`;

async function toVisits(db: Executor, rows: VisitRow[]): Promise<Visit[]> {
  const ids = rows.map((r) => r.id);
  const opinions =
    ids.length === 0
      ? []
      : await db
          .selectFrom('canvass_opinions')
          .select(['id', 'visit_id', 'seq', 'text', 'scope', 'topic_code', 'subtopic_code', 'status'])
          .where('visit_id', 'in', ids)
          .orderBy('visit_id')
          .orderBy('seq')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    drive: { id: r.drive_id, name: r.drive_name },
    assignmentId: r.assignment_id,
    unit: { id: r.unit_id, name: r.unit_name },
    community: { id: r.community_id, name: r.community_name },
    building: r.building_id ? { id: r.building_id, name: r.building_name ?? '' } : null,
    household: r.household,
    intervieweeName: r.interviewee_name,
    nameConsent: r.name_consent,
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    recorderName: r.recorder_name,
    visitedAt: r.visited_at.toISOString(),
    materials: r.materials,
    photos: r.photos,
    note: r.note,
    source: r.source,
    opinions: opinions
      .filter((o) => o.visit_id === r.id)
      .map((o) => ({
        id: o.id,
        seq: o.seq,
        text: o.text,
        scope: o.scope as 'common' | 'individual' | null,
        topicCode: o.topic_code,
        subtopicCode: o.subtopic_code,
        status: o.status as Visit['opinions'][number]['status'],
      })),
    createdAt: r.created_at.toISOString(),
  }));
}

async function findVisit(db: Executor, ctx: Ctx, id: number): Promise<VisitRow | undefined> {
  const result = await sql<VisitRow>`
    SELECT ${VISIT_SELECT} FROM ${VISIT_FROM}
    WHERE v.city_id = ${ctx.actor.cityId} AND v.id = ${id} AND ${visitVisible(ctx.actor, 'v')}`.execute(db);
  return result.rows[0];
}

export async function getVisit(ctx: Ctx, id: number): Promise<Visit> {
  if (!can(ctx.actor, 'canvass.read')) throw new AppError('FORBIDDEN');
  const row = await findVisit(ctx.db, ctx, id);
  if (!row) throw notFound();
  return (await toVisits(ctx.db, [row]))[0];
}

export async function listVisits(ctx: Ctx, query: VisitListQuery) {
  if (!can(ctx.actor, 'canvass.read')) throw new AppError('FORBIDDEN');
  const { page, pageSize } = pageArgs(query);
  const where = [sql`v.city_id = ${ctx.actor.cityId}`, visitVisible(ctx.actor, 'v')];
  if (query.driveId) where.push(sql`v.drive_id = ${query.driveId}`);
  if (query.unitId) where.push(sql`v.unit_id = ${query.unitId}`);
  if (query.communityId) where.push(sql`v.community_id = ${query.communityId}`);
  if (query.assignmentId) where.push(sql`v.assignment_id = ${query.assignmentId}`);
  if (query.mine) where.push(sql`v.recorder_id = ${ctx.actor.userId}`);
  if (query.from) where.push(sql`v.visited_at >= ${query.from}::date - interval '8 hours'`);
  if (query.to) where.push(sql`v.visited_at < ${query.to}::date + interval '16 hours'`);
  if (query.q?.trim()) {
    const like = '%' + query.q.trim() + '%';
    where.push(sql`(v.interviewee_name ILIKE ${like} OR v.household ILIKE ${like} OR v.recorder_name ILIKE ${like}
      OR EXISTS (SELECT 1 FROM canvass_opinions q WHERE q.visit_id = v.id AND q.text ILIKE ${like}))`);
  }
  const cond = sql.join(where, sql` AND `);
  const rows = await sql<VisitRow>`
    SELECT ${VISIT_SELECT} FROM ${VISIT_FROM} WHERE ${cond}
    ORDER BY v.visited_at DESC, v.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM canvass_visits v WHERE ${cond}`.execute(ctx.db);
  return { items: await toVisits(ctx.db, rows.rows), total: count.rows[0].n, page, pageSize };
}

/** The unmasked phone of a visit; every view is audited. */
export async function revealPhone(ctx: Ctx, id: number) {
  assertCan(ctx.actor, 'canvass.phone');
  const row = await findVisit(ctx.db, ctx, id);
  if (!row) throw notFound();
  await auditFromCtx(ctx.db, ctx, {
    action: 'canvass.visit.phone.view',
    entityType: 'canvass_visit',
    entityId: id,
    after: { reason: t(ctx.locale, 'CANVASS_PHONE_VIEWED') },
  });
  return { phone: row.phone };
}
