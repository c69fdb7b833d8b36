// Opinion topics: the seed's four areas are fixed at the top; the city adds, renames and retires
// sub-topics under them. A city gets the default sub-topics with its first drive.

import { sql } from 'kysely';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, conflict, fieldInvalid, notFound } from '../../platform/errors.js';
import type { CreateTopicBody, UpdateTopicBody } from './canvass.schemas.js';
import { seedOpinionTopics } from './topics.defaults.js';

export async function ensureTopics(db: Executor, cityId: number) {
  const any = await db.selectFrom('opinion_topics').select('code').where('city_id', '=', cityId).executeTakeFirst();
  if (!any) await seedOpinionTopics(db, cityId);
}

function toTopic(r: { code: string; parent_code: string | null; name: string; sort: number; active: boolean }) {
  return { code: r.code, parentCode: r.parent_code, name: r.name, sort: r.sort, active: r.active };
}

export async function listTopics(ctx: Ctx) {
  if (!can(ctx.actor, 'canvass.read')) throw new AppError('FORBIDDEN');
  const rows = await ctx.db
    .selectFrom('opinion_topics')
    .selectAll()
    .where('city_id', '=', ctx.actor.cityId)
    .orderBy(sql`coalesce(parent_code, code)`)
    .orderBy(sql`parent_code IS NOT NULL`)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  return { items: rows.map(toTopic) };
}

export async function createTopic(ctx: Ctx, body: CreateTopicBody) {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const cityId = ctx.actor.cityId;
    await ensureTopics(trx, cityId);
    const parent = await trx
      .selectFrom('opinion_topics')
      .selectAll()
      .where('city_id', '=', cityId)
      .where('code', '=', body.parentCode)
      .executeTakeFirst();
    if (!parent || parent.parent_code !== null) throw fieldInvalid('parentCode', 'CANVASS_TOPIC_UNKNOWN');
    const code = `${parent.code}.${body.code}`;
    const taken = await trx
      .selectFrom('opinion_topics')
      .select('code')
      .where('city_id', '=', cityId)
      .where('code', '=', code)
      .executeTakeFirst();
    if (taken) throw fieldInvalid('code', 'INDEX_CODE_TAKEN');
    const max = await sql<{ n: number }>`
      SELECT coalesce(max(sort), 0)::int AS n FROM opinion_topics WHERE city_id = ${cityId} AND parent_code = ${parent.code}`.execute(
      trx,
    );
    const row = await trx
      .insertInto('opinion_topics')
      .values({ city_id: cityId, code, parent_code: parent.code, name: body.name.trim(), sort: max.rows[0].n + 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.topic.create',
      entityType: 'opinion_topic',
      entityId: code,
      after: { name: row.name },
    });
    return toTopic(row);
  });
}

export async function updateTopic(ctx: Ctx, code: string, body: UpdateTopicBody) {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('opinion_topics')
      .selectAll()
      .where('city_id', '=', ctx.actor.cityId)
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.parent_code === null && body.active === false) throw conflict('CANVASS_TOP_TOPIC_FIXED');
    const updated = await trx
      .updateTable('opinion_topics')
      .set({
        ...(body.name !== undefined && { name: body.name.trim() }),
        ...(body.active !== undefined && { active: body.active }),
        ...(body.sort !== undefined && { sort: body.sort }),
      })
      .where('city_id', '=', ctx.actor.cityId)
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditFromCtx(trx, ctx, {
      action: 'canvass.topic.update',
      entityType: 'opinion_topic',
      entityId: code,
      before: { name: row.name, active: row.active, sort: row.sort },
      after: body,
    });
    return toTopic(updated);
  });
}
