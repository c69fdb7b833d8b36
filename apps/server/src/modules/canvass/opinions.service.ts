// Residents' opinions after a visit: the office classifies them (共性/个性 and topic, confirming or
// changing the classifier's suggestion), routes each to a unit — as a case for rectification
// (through the cases module) or for a direct answer — and the unit replies: solved, will be solved
// by a promised date, or cannot be solved now with the explanation the seed requires ("暂时不能解决
// 的也要给群众讲明白"). The reply is then marked as delivered to the resident (phone, visit or SMS;
// an SMS goes out through the gateway). Nothing stays unanswered silently: see answers.escalation.ts.

import { sql, type Expression, type SqlBool } from 'kysely';
import type { OpinionScope, OpinionStatus, ReplyKind, RouteKind } from '@cc/common/canvass';
import { assertCan, can, isRegionPathInScope } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, conflict, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { fileCase } from '../cases/index.js';
import { notifyUsers, queueSms } from '../notifications/index.js';
import { unitRowVisible } from '../organisation/index.js';
import { answersForUnit, canManageDrive, opinionVisible } from './canvass.policy.js';
import { overdueSql } from './canvass.repository.js';
import type {
  AcceptSuggestionsBody,
  ClassifyBody,
  DeliverBody,
  Opinion,
  OpinionListQuery,
  ReplyBody,
  RouteBody,
  RouteResult,
} from './canvass.schemas.js';
import { today } from './drives.service.js';

/** The shortest explanation accepted when an opinion cannot be solved now. */
export const MIN_EXPLANATION = 10;

interface OpinionRow {
  id: number;
  drive_id: number;
  drive_name: string;
  drive_region_path: string;
  answer_days: number;
  visit_id: number;
  unit_id: number;
  unit_name: string;
  unit_parent_id: number | null;
  community_id: number;
  community_name: string;
  community_path: string;
  text: string;
  scope: OpinionScope | null;
  topic_code: string | null;
  subtopic_code: string | null;
  classified_by: number | null;
  suggested_topic: string | null;
  suggested_subtopic: string | null;
  suggested_unit_id: number | null;
  suggested_unit_name: string | null;
  suggested_confidence: number | null;
  group_id: number | null;
  group_label: string | null;
  group_count: number | null;
  status: OpinionStatus;
  route_kind: RouteKind | null;
  routed_unit_id: number | null;
  routed_unit_name: string | null;
  routed_unit_parent_id: number | null;
  routed_at: Date | null;
  case_id: number | null;
  answer_due_on: string | null;
  reply_kind: ReplyKind | null;
  reply_text: string | null;
  reply_promised_on: string | null;
  replied_by_name: string | null;
  replied_at: Date | null;
  delivered_via: 'phone' | 'visit' | 'sms' | null;
  delivered_note: string | null;
  delivered_at: Date | null;
  escalation_count: number;
  overdue: boolean;
  visit_phone: string | null;
  created_at: Date;
}

function select(day: string) {
  return sql`o.id, o.drive_id, d.name AS drive_name, dr.path AS drive_region_path, d.answer_days, o.visit_id,
    o.unit_id, u.name AS unit_name, u.parent_id AS unit_parent_id, o.community_id, cm.name AS community_name, cm.path AS community_path, o.text,
    o.scope, o.topic_code, o.subtopic_code, o.classified_by, o.suggested_topic, o.suggested_subtopic,
    o.suggested_unit_id, su.name AS suggested_unit_name, o.suggested_confidence, o.group_id, g.label AS group_label,
    g.opinion_count AS group_count, o.status, o.route_kind, o.routed_unit_id, ru.name AS routed_unit_name,
    ru.parent_id AS routed_unit_parent_id, o.routed_at, o.case_id, o.answer_due_on, o.reply_kind, o.reply_text,
    o.reply_promised_on, o.replied_by_name, o.replied_at, o.delivered_via, o.delivered_note, o.delivered_at,
    o.escalation_count, ${overdueSql(day)} AS overdue, v.phone AS visit_phone, o.created_at`;
}
const FROM = sql`canvass_opinions o
  JOIN canvass_drives d ON d.id = o.drive_id JOIN regions dr ON dr.id = d.region_id
  JOIN canvass_visits v ON v.id = o.visit_id
  JOIN units u ON u.id = o.unit_id JOIN regions cm ON cm.id = o.community_id
  LEFT JOIN units su ON su.id = o.suggested_unit_id LEFT JOIN units ru ON ru.id = o.routed_unit_id
  LEFT JOIN opinion_groups g ON g.id = o.group_id`;

type Action = Opinion['actions'][number];

/** The office manages an opinion of a drive it owns, or one raised in a community of its region. */
function managesOpinion(ctx: Ctx, r: OpinionRow): boolean {
  return (
    canManageDrive(ctx.actor, r.drive_region_path) ||
    (can(ctx.actor, 'canvass.manage') && isRegionPathInScope(ctx.actor, r.community_path))
  );
}

function actionsOf(ctx: Ctx, r: OpinionRow): Action[] {
  const actions: Action[] = [];
  const manages = managesOpinion(ctx, r);
  if (manages) actions.push('classify');
  if (manages && (r.status === 'new' || r.status === 'routed')) actions.push('route');
  const answers =
    r.routed_unit_id !== null && answersForUnit(ctx.actor, { id: r.routed_unit_id, parentId: r.routed_unit_parent_id });
  if (answers && (r.status === 'routed' || r.reply_kind === 'scheduled')) actions.push('reply');
  if (answers && r.status === 'answered') actions.push('deliver');
  return actions;
}

function toOpinion(ctx: Ctx, r: OpinionRow): Opinion {
  return {
    id: r.id,
    drive: { id: r.drive_id, name: r.drive_name },
    visitId: r.visit_id,
    unit: { id: r.unit_id, name: r.unit_name },
    community: { id: r.community_id, name: r.community_name },
    text: r.text,
    scope: r.scope,
    topicCode: r.topic_code,
    subtopicCode: r.subtopic_code,
    classified: r.classified_by !== null,
    suggestion: r.suggested_topic
      ? {
          topicCode: r.suggested_topic,
          subtopicCode: r.suggested_subtopic,
          unit: r.suggested_unit_id ? { id: r.suggested_unit_id, name: r.suggested_unit_name ?? '' } : null,
          confidence: r.suggested_confidence ?? 0,
        }
      : null,
    group: r.group_id ? { id: r.group_id, label: r.group_label ?? '', count: r.group_count ?? 1 } : null,
    status: r.status,
    routeKind: r.route_kind,
    routedUnit: r.routed_unit_id ? { id: r.routed_unit_id, name: r.routed_unit_name ?? '' } : null,
    routedAt: r.routed_at?.toISOString() ?? null,
    caseId: r.case_id,
    answerDueOn: r.answer_due_on,
    overdue: r.overdue,
    escalationCount: r.escalation_count,
    reply:
      r.reply_kind && r.replied_at
        ? {
            kind: r.reply_kind,
            text: r.reply_text ?? '',
            promisedOn: r.reply_promised_on,
            byName: r.replied_by_name,
            at: r.replied_at.toISOString(),
          }
        : null,
    delivery:
      r.delivered_via && r.delivered_at
        ? { via: r.delivered_via, note: r.delivered_note, at: r.delivered_at.toISOString() }
        : null,
    createdAt: r.created_at.toISOString(),
    actions: actionsOf(ctx, r),
  };
}

async function findOpinions(db: Executor, ctx: Ctx, ids: number[], lock = false): Promise<OpinionRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<OpinionRow>`
    SELECT ${select(today(ctx))} FROM ${FROM}
    WHERE o.city_id = ${ctx.actor.cityId} AND o.id = ANY(${ids}::bigint[]) AND ${opinionVisible(ctx.actor, 'o')}
    ORDER BY o.id ${lock ? sql`FOR UPDATE OF o` : sql``}`.execute(db);
  return result.rows;
}

async function requireOpinion(db: Executor, ctx: Ctx, id: number, lock = false): Promise<OpinionRow> {
  const [row] = await findOpinions(db, ctx, [id], lock);
  if (!row) throw notFound();
  return row;
}

export async function getOpinion(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<Opinion> {
  if (!can(ctx.actor, 'canvass.read')) throw new AppError('FORBIDDEN');
  return toOpinion(ctx, await requireOpinion(db, ctx, id));
}

export async function listOpinions(ctx: Ctx, query: OpinionListQuery) {
  if (!can(ctx.actor, 'canvass.read')) throw new AppError('FORBIDDEN');
  const { page, pageSize } = pageArgs(query);
  const day = today(ctx);
  const where: Expression<SqlBool>[] = [sql`o.city_id = ${ctx.actor.cityId}`, opinionVisible(ctx.actor, 'o')];
  if (query.driveId) where.push(sql`o.drive_id = ${query.driveId}`);
  if (query.status) where.push(sql`o.status = ${query.status}`);
  if (query.topicCode) {
    where.push(
      query.topicCode.includes('.')
        ? sql`o.subtopic_code = ${query.topicCode}`
        : sql`coalesce(o.topic_code, o.suggested_topic) = ${query.topicCode}`,
    );
  }
  if (query.scope) where.push(sql`o.scope = ${query.scope}`);
  if (query.unclassified !== undefined) {
    where.push(query.unclassified ? sql`o.classified_by IS NULL` : sql`o.classified_by IS NOT NULL`);
  }
  if (query.communityId) where.push(sql`o.community_id = ${query.communityId}`);
  if (query.unitId) where.push(sql`o.unit_id = ${query.unitId}`);
  if (query.routedUnitId) where.push(sql`o.routed_unit_id = ${query.routedUnitId}`);
  if (query.groupId) where.push(sql`o.group_id = ${query.groupId}`);
  if (query.overdue !== undefined) where.push(query.overdue ? overdueSql(day) : sql`NOT ${overdueSql(day)}`);
  if (query.inbox) {
    // A unit's inbox: what was routed to it; for office staff without a unit, everything in scope
    // still waiting for a reply or its delivery.
    if (ctx.actor.unitId) {
      where.push(
        sql`o.routed_unit_id IN (SELECT iu.id FROM units iu WHERE iu.id = ${ctx.actor.unitId} OR iu.parent_id = ${ctx.actor.unitId})`,
      );
    }
    where.push(sql`(o.status IN ('routed','answered') OR ${overdueSql(day)})`);
  }
  if (query.q?.trim()) where.push(sql`o.text ILIKE ${'%' + query.q.trim() + '%'}`);
  const cond = sql.join(where, sql` AND `);
  // The inbox reads by urgency; the workbench newest first.
  const order = query.inbox ? sql`o.answer_due_on NULLS LAST, o.id` : sql`o.id DESC`;
  const rows = await sql<OpinionRow>`
    SELECT ${select(day)} FROM ${FROM} WHERE ${cond}
    ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM canvass_opinions o WHERE ${cond}`.execute(
    ctx.db,
  );
  return { items: rows.rows.map((r) => toOpinion(ctx, r)), total: count.rows[0].n, page, pageSize };
}

// ---------------------------------------------------------------------------------------------
// Classify
// ---------------------------------------------------------------------------------------------

async function topicParents(db: Executor, cityId: number) {
  const rows = await db
    .selectFrom('opinion_topics')
    .select(['code', 'parent_code', 'active'])
    .where('city_id', '=', cityId)
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function classifyOpinion(ctx: Ctx, id: number, body: ClassifyBody): Promise<Opinion> {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireOpinion(trx, ctx, id, true);
    if (!managesOpinion(ctx, row)) throw new AppError('FORBIDDEN');
    const topics = await topicParents(trx, ctx.actor.cityId);
    const top = topics.get(body.topicCode);
    if (!top || top.parent_code !== null || !top.active) throw fieldInvalid('topicCode', 'CANVASS_TOPIC_UNKNOWN');
    if (body.subtopicCode) {
      const sub = topics.get(body.subtopicCode);
      if (!sub || sub.parent_code !== body.topicCode || !sub.active) {
        throw fieldInvalid('subtopicCode', 'CANVASS_SUBTOPIC_MISMATCH');
      }
    }
    const now = ctx.now();
    await trx
      .updateTable('canvass_opinions')
      .set({
        scope: body.scope,
        topic_code: body.topicCode,
        subtopic_code: body.subtopicCode ?? null,
        classified_by: ctx.actor.userId,
        classified_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.opinion.classify',
      entityType: 'canvass_opinion',
      entityId: id,
      before: { scope: row.scope, topic: row.topic_code, subtopic: row.subtopic_code },
      after: { scope: body.scope, topic: body.topicCode, subtopic: body.subtopicCode ?? null },
    });
    return getOpinion(ctx, id, trx);
  });
}

/** Confirms the suggestion of each opinion; those without one (or outside scope) are skipped. */
export async function acceptSuggestions(ctx: Ctx, body: AcceptSuggestionsBody) {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await findOpinions(trx, ctx, body.ids, true);
    const ok = rows.filter((r) => r.suggested_topic && managesOpinion(ctx, r));
    const now = ctx.now();
    if (ok.length > 0) {
      // Scope: kept when set; otherwise common when the opinion's group has other members.
      await sql`
        UPDATE canvass_opinions o SET topic_code = o.suggested_topic, subtopic_code = o.suggested_subtopic,
          scope = coalesce(o.scope, CASE WHEN g.opinion_count > 1 THEN 'common' ELSE 'individual' END),
          classified_by = ${ctx.actor.userId}, classified_at = ${now}, updated_at = ${now}
        FROM canvass_opinions x LEFT JOIN opinion_groups g ON g.id = x.group_id
        WHERE x.id = o.id AND o.id = ANY(${ok.map((r) => r.id)}::bigint[])`.execute(trx);
      await auditFromCtx(trx, ctx, {
        action: 'canvass.opinion.accept_suggestions',
        entityType: 'canvass_opinion',
        entityId: ok[0].id,
        after: { ids: ok.map((r) => r.id) },
      });
    }
    return { classified: ok.length, skipped: body.ids.length - ok.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Route
// ---------------------------------------------------------------------------------------------

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function unitStaff(db: Executor, cityId: number, unitId: number) {
  const rows = await sql<{ id: number }>`
    SELECT id FROM users WHERE city_id = ${cityId} AND unit_id = ${unitId} AND status = 'active'
      AND roles && ARRAY['unit_staff']::text[]`.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function routeOpinion(ctx: Ctx, id: number, body: RouteBody): Promise<RouteResult> {
  assertCan(ctx.actor, 'canvass.manage');
  const day = today(ctx);
  if (body.answerDueOn && body.answerDueOn < day) throw fieldInvalid('answerDueOn', 'CANVASS_DUE_IN_PAST');
  if (body.kind === 'case' && !body.caseCategoryId)
    throw fieldInvalid('caseCategoryId', 'CANVASS_CASE_CATEGORY_REQUIRED');
  const first = await requireOpinion(ctx.db, ctx, id);
  if (!managesOpinion(ctx, first)) throw new AppError('FORBIDDEN');
  const unit = await sql<{ id: number; name: string }>`
    SELECT u.id, u.name FROM units u WHERE u.city_id = ${ctx.actor.cityId} AND u.id = ${body.unitId}
      AND ${unitRowVisible(ctx.actor, 'u')}`.execute(ctx.db);
  if (!unit.rows[0]) throw fieldInvalid('unitId', 'CAMPAIGN_UNIT_UNKNOWN');
  if (first.status !== 'new' && first.status !== 'routed') {
    throw conflict('CANVASS_OPINION_BAD_STATUS', { status: `@CANVASS_OPINION_STATUS_${first.status}` });
  }
  // The opinions routed together: this one, and with wholeGroup the group's other unrouted ones.
  let ids = [id];
  if (body.wholeGroup && first.group_id) {
    const members = await sql<{ id: number }>`
      SELECT o.id FROM canvass_opinions o
      WHERE o.group_id = ${first.group_id} AND o.status = 'new' AND o.id <> ${id} AND ${opinionVisible(ctx.actor, 'o')}`.execute(
      ctx.db,
    );
    ids = [id, ...members.rows.map((m) => m.id)];
  }
  // The case first: fileCase is idempotent by key, so a retry after a failure below reuses it.
  let caseId: number | null = null;
  if (body.kind === 'case') {
    const description =
      ids.length > 1 ? t('zh-CN', 'CANVASS_CASE_TEXT_GROUP', { text: first.text, count: ids.length }) : first.text;
    try {
      const filed = await fileCase(ctx, {
        categoryId: body.caseCategoryId!,
        description,
        communityId: first.community_id,
        source: 'canvass',
        sourceRef: `canvass-opinion:${id}`,
        responsibleUnitId: body.unitId,
        idempotencyKey: `canvass-opinion-${id}-${body.caseCategoryId}-${body.unitId}`,
      });
      caseId = filed.id;
    } catch (error) {
      if (error instanceof AppError && error.details?.fields?.[0]?.path === 'body/categoryId') {
        throw fieldInvalid('caseCategoryId', error.messageKey);
      }
      throw error;
    }
  }
  const answerDueOn = body.answerDueOn ?? addDays(day, first.answer_days);
  const routed = await ctx.db.transaction().execute(async (trx) => {
    const rows = await findOpinions(trx, ctx, ids, true);
    const movable = rows.filter((r) => r.status === 'new' || (r.id === id && r.status === 'routed'));
    if (!movable.some((r) => r.id === id)) {
      throw conflict('CANVASS_OPINION_BAD_STATUS', { status: `@CANVASS_OPINION_STATUS_${rows[0]?.status ?? 'new'}` });
    }
    const now = ctx.now();
    await trx
      .updateTable('canvass_opinions')
      .set({
        status: 'routed',
        route_kind: body.kind,
        routed_unit_id: body.unitId,
        routed_by: ctx.actor.userId,
        routed_at: now,
        case_id: caseId,
        answer_due_on: answerDueOn,
        reminded_on: null,
        escalated_on: null,
        updated_at: now,
      })
      .where(
        'id',
        'in',
        movable.map((r) => r.id),
      )
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.opinion.route',
      entityType: 'canvass_opinion',
      entityId: id,
      before: { status: first.status, unitId: first.routed_unit_id },
      after: { unitId: body.unitId, kind: body.kind, caseId, answerDueOn, opinions: movable.map((r) => r.id) },
    });
    const params = { count: movable.length, text: first.text.slice(0, 40), due: answerDueOn };
    await notifyUsers(trx, {
      cityId: ctx.actor.cityId,
      userIds: await unitStaff(trx, ctx.actor.cityId, body.unitId),
      kind: 'canvass.route',
      entity: { type: 'canvass_opinion', id },
      at: now,
      message: (locale) => ({
        title: t(locale, 'NOTIFY_CANVASS_ROUTE_TITLE', params),
        body: t(locale, 'NOTIFY_CANVASS_ROUTE_BODY', params),
      }),
    });
    return movable.length;
  });
  return { routed, caseIds: caseId ? [caseId] : [], opinion: await getOpinion(ctx, id) };
}

// ---------------------------------------------------------------------------------------------
// Reply and delivery
// ---------------------------------------------------------------------------------------------

export async function replyOpinion(ctx: Ctx, id: number, body: ReplyBody): Promise<Opinion> {
  assertCan(ctx.actor, 'canvass.answer');
  const text = body.text.trim();
  if (!text) throw fieldInvalid('text', 'CANVASS_REPLY_EMPTY');
  if (body.kind === 'cannot' && [...text].length < MIN_EXPLANATION) {
    throw fieldInvalid('text', 'CANVASS_REPLY_EXPLAIN', { min: MIN_EXPLANATION });
  }
  const day = today(ctx);
  if (body.kind === 'scheduled') {
    if (!body.promisedOn) throw fieldInvalid('promisedOn', 'CANVASS_PROMISE_REQUIRED');
    if (body.promisedOn < day) throw fieldInvalid('promisedOn', 'CANVASS_DUE_IN_PAST');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireOpinion(trx, ctx, id, true);
    if (
      row.routed_unit_id === null ||
      !answersForUnit(ctx.actor, { id: row.routed_unit_id, parentId: row.routed_unit_parent_id })
    ) {
      throw new AppError('FORBIDDEN', { messageKey: 'CANVASS_ROUTED_UNIT_ONLY' });
    }
    if (!(row.status === 'routed' || row.reply_kind === 'scheduled')) {
      throw conflict('CANVASS_OPINION_BAD_STATUS', { status: `@CANVASS_OPINION_STATUS_${row.status}` });
    }
    const now = ctx.now();
    await trx
      .updateTable('canvass_opinions')
      .set({
        status: 'answered',
        reply_kind: body.kind,
        reply_text: text,
        reply_promised_on: body.kind === 'scheduled' ? body.promisedOn! : null,
        replied_by: ctx.actor.userId,
        replied_by_name: ctx.actor.displayName,
        replied_at: now,
        delivered_via: null,
        delivered_note: null,
        delivered_by: null,
        delivered_at: null,
        escalated_on: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.opinion.reply',
      entityType: 'canvass_opinion',
      entityId: id,
      before: { status: row.status, kind: row.reply_kind },
      after: { status: 'answered', kind: body.kind, promisedOn: body.promisedOn ?? null },
    });
    return getOpinion(ctx, id, trx);
  });
}

export async function deliverOpinion(ctx: Ctx, id: number, body: DeliverBody): Promise<Opinion> {
  assertCan(ctx.actor, 'canvass.answer');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireOpinion(trx, ctx, id, true);
    if (
      row.routed_unit_id === null ||
      !answersForUnit(ctx.actor, { id: row.routed_unit_id, parentId: row.routed_unit_parent_id })
    ) {
      throw new AppError('FORBIDDEN', { messageKey: 'CANVASS_ROUTED_UNIT_ONLY' });
    }
    if (row.status !== 'answered') {
      throw conflict('CANVASS_OPINION_BAD_STATUS', { status: `@CANVASS_OPINION_STATUS_${row.status}` });
    }
    if (body.via === 'sms' && !row.visit_phone) throw fieldInvalid('via', 'CANVASS_NO_PHONE');
    const now = ctx.now();
    let sms = 0;
    if (body.via === 'sms') {
      const message = t('zh-CN', 'SMS_CANVASS_REPLY', {
        unit: row.routed_unit_name ?? '',
        reply: (row.reply_text ?? '').slice(0, 200),
      });
      sms = await queueSms(trx, {
        cityId: ctx.actor.cityId,
        messages: [{ phone: row.visit_phone!, recipient: t('zh-CN', 'SMS_RECIPIENT_RESIDENT'), body: message }],
        entity: { type: 'canvass_opinion', id },
        at: now,
      });
    }
    await trx
      .updateTable('canvass_opinions')
      .set({
        status: 'delivered',
        delivered_via: body.via,
        delivered_note: body.note?.trim() || null,
        delivered_by: ctx.actor.userId,
        delivered_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.opinion.deliver',
      entityType: 'canvass_opinion',
      entityId: id,
      before: { status: row.status },
      after: { status: 'delivered', via: body.via, sms },
    });
    return getOpinion(ctx, id, trx);
  });
}
