// Grouping of near-identical opinions: when many households raise the same problem it shows as
// one item with a count. A new opinion joins the most similar group of its drive (compared with
// the group's first text, see grouping.ts) or starts one; the office can regroup a whole drive.
// Each process keeps an index of a drive's groups and adds newer groups incrementally.

import { sql } from 'kysely';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { tokenVector } from '../../platform/text.js';
import { canManageDrive, opinionVisible } from './canvass.policy.js';
import { requireDrive } from './drives.service.js';
import { createGroupIndex, groupTexts, type GroupIndex } from './grouping.js';
import type { GroupListQuery } from './canvass.schemas.js';

interface DriveIndex {
  maxId: number;
  index: GroupIndex;
}

const indexes = new WeakMap<object, Map<number, DriveIndex>>();

async function driveIndex(db: Executor, driveId: number, fresh = false): Promise<DriveIndex> {
  let perDb = indexes.get(db);
  if (!perDb) indexes.set(db, (perDb = new Map()));
  let entry = fresh ? undefined : perDb.get(driveId);
  if (!entry) perDb.set(driveId, (entry = { maxId: 0, index: createGroupIndex() }));
  const newer = await sql<{ id: number; label: string }>`
    SELECT id, label FROM opinion_groups WHERE drive_id = ${driveId} AND id > ${entry.maxId} ORDER BY id`.execute(db);
  for (const g of newer.rows) {
    entry.index.add(g.id, tokenVector(g.label));
    entry.maxId = g.id;
  }
  return entry;
}

/**
 * Group ids for new opinions of a drive, creating groups in `trx` where none is similar enough.
 * `root` is the database handle the per-process index is kept for (not the transaction).
 */
export async function assignGroups(
  root: Executor,
  trx: Executor,
  cityId: number,
  driveId: number,
  texts: readonly string[],
  now: Date,
): Promise<number[]> {
  let entry = await driveIndex(root, driveId);
  const vectors = texts.map((t) => tokenVector(t));
  let matches = vectors.map((v) => entry.index.match(v));
  // A regroup elsewhere may have removed groups this process still knows: rebuild once.
  const matched = [...new Set(matches.flatMap((m) => (m ? [m.key] : [])))];
  if (matched.length > 0) {
    const alive = await sql<{ id: number }>`
      SELECT id FROM opinion_groups WHERE id = ANY(${matched}::bigint[]) FOR SHARE`.execute(trx);
    if (alive.rows.length !== matched.length) {
      entry = await driveIndex(root, driveId, true);
      matches = vectors.map((v) => entry.index.match(v));
    }
  }
  const local = createGroupIndex();
  const ids: number[] = [];
  const added = new Map<number, number>();
  for (let i = 0; i < texts.length; i++) {
    const known = matches[i];
    const mine = local.match(vectors[i]);
    const best = known && (!mine || known.similarity >= mine.similarity) ? known : mine;
    let id = best?.key;
    if (id === undefined) {
      const row = await trx
        .insertInto('opinion_groups')
        .values({ city_id: cityId, drive_id: driveId, label: texts[i], created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      local.add(id, vectors[i]);
    }
    ids.push(id);
    added.set(id, (added.get(id) ?? 0) + 1);
  }
  await sql`
    UPDATE opinion_groups g SET opinion_count = g.opinion_count + x.n, updated_at = ${now}
    FROM unnest(${[...added.keys()]}::bigint[], ${[...added.values()]}::int[]) AS x(id, n)
    WHERE g.id = x.id`.execute(trx);
  return ids;
}

/** Regroups every opinion of a drive from scratch (e.g. after the threshold changed). */
export async function regroupDrive(ctx: Ctx, driveId: number) {
  assertCan(ctx.actor, 'canvass.manage');
  const started = performance.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const drive = await requireDrive(trx, ctx, driveId, true);
    if (!canManageDrive(ctx.actor, drive.region_path)) throw new AppError('FORBIDDEN');
    const opinions = await sql<{ id: number; text: string }>`
      SELECT id, text FROM canvass_opinions WHERE drive_id = ${driveId} ORDER BY id FOR UPDATE`.execute(trx);
    const numbers = groupTexts(opinions.rows.map((o) => o.text));
    await sql`UPDATE canvass_opinions SET group_id = NULL WHERE drive_id = ${driveId}`.execute(trx);
    await sql`DELETE FROM opinion_groups WHERE drive_id = ${driveId}`.execute(trx);
    const firsts: number[] = [];
    const counts: number[] = [];
    numbers.forEach((g, i) => {
      if (firsts[g] === undefined) firsts[g] = i;
      counts[g] = (counts[g] ?? 0) + 1;
    });
    const now = ctx.now();
    const groups = await sql<{ id: number }>`
      INSERT INTO opinion_groups (city_id, drive_id, label, opinion_count, created_at, updated_at)
      SELECT ${ctx.actor.cityId}, ${driveId}, x.label, x.n, ${now}, ${now}
      FROM unnest(${firsts.map((i) => opinions.rows[i].text)}::text[], ${counts}::int[]) WITH ORDINALITY AS x(label, n, ord)
      ORDER BY x.ord
      RETURNING id`.execute(trx);
    const groupIds = groups.rows.map((g) => g.id);
    await sql`
      UPDATE canvass_opinions o SET group_id = x.g
      FROM unnest(${opinions.rows.map((o) => o.id)}::bigint[], ${numbers.map((n) => groupIds[n])}::bigint[]) AS x(id, g)
      WHERE o.id = x.id`.execute(trx);
    await auditFromCtx(trx, ctx, {
      action: 'canvass.opinions.regroup',
      entityType: 'canvass_drive',
      entityId: driveId,
      after: { opinions: opinions.rows.length, groups: groupIds.length },
    });
    return { opinions: opinions.rows.length, groups: groupIds.length };
  });
  indexes.get(ctx.db)?.delete(driveId);
  return { ...result, ms: Math.round(performance.now() - started) };
}

interface GroupRow {
  id: number;
  label: string;
  count: number;
  community_count: number;
  topic_code: string | null;
  new: number;
  routed: number;
  answered: number;
  delivered: number;
}

/** Groups of a drive with at least `minCount` visible members, largest first. */
export async function listGroups(ctx: Ctx, query: GroupListQuery) {
  if (!can(ctx.actor, 'canvass.read')) throw new AppError('FORBIDDEN');
  await requireDrive(ctx.db, ctx, query.driveId);
  const { page, pageSize } = pageArgs(query);
  const min = query.minCount ?? 2;
  const q = query.q?.trim();
  const base = sql`
    FROM canvass_opinions o JOIN opinion_groups g ON g.id = o.group_id
    WHERE o.drive_id = ${query.driveId} AND ${opinionVisible(ctx.actor, 'o')}
      ${q ? sql`AND g.label ILIKE ${'%' + q + '%'}` : sql``}
    GROUP BY g.id, g.label HAVING count(*) >= ${min}`;
  const rows = await sql<GroupRow>`
    SELECT g.id, g.label, count(*)::int AS count, count(DISTINCT o.community_id)::int AS community_count,
      mode() WITHIN GROUP (ORDER BY coalesce(o.topic_code, o.suggested_topic)) AS topic_code,
      count(*) FILTER (WHERE o.status = 'new')::int AS new,
      count(*) FILTER (WHERE o.status = 'routed')::int AS routed,
      count(*) FILTER (WHERE o.status = 'answered')::int AS answered,
      count(*) FILTER (WHERE o.status = 'delivered')::int AS delivered
    ${base}
    ORDER BY count(*) DESC, g.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT g.id ${base}) t`.execute(ctx.db);
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      label: r.label,
      count: r.count,
      communityCount: r.community_count,
      topicCode: r.topic_code,
      statusCounts: { new: r.new, routed: r.routed, answered: r.answered, delivered: r.delivered },
    })),
    total: total.rows[0].n,
    page,
    pageSize,
  };
}
