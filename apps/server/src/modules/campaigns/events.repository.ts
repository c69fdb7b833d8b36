// SQL of campaign events (meetings, publicity days, clean-up days): the scoped list, one event
// with its places, writes, and the reports that cite an event as evidence.

import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { campaignVisible, ledgerRowVisible } from './campaigns.policy.js';

export interface EventRow {
  id: number;
  city_id: number;
  campaign_id: number;
  campaign_region_path: string;
  kind: string;
  title: string;
  starts_at: Date;
  ends_at: Date | null;
  place: string | null;
  organiser_unit_id: number | null;
  organiser_name: string | null;
  organiser_parent_id: number | null;
  participants: string | null;
  attendance: number | null;
  outcome: string | null;
  photos: string[];
  files: string[];
  created_at: Date;
}

const eventSelect = sql`e.id, e.city_id, e.campaign_id, cr.path AS campaign_region_path, e.kind, e.title, e.starts_at,
  e.ends_at, e.place, e.organiser_unit_id, ou.name AS organiser_name, ou.parent_id AS organiser_parent_id,
  e.participants, e.attendance, e.outcome, e.photos, e.files, e.created_at`;

const eventFrom = sql`campaign_events e
  JOIN campaigns c ON c.id = e.campaign_id
  JOIN regions cr ON cr.id = c.region_id
  LEFT JOIN units ou ON ou.id = e.organiser_unit_id`;

export interface EventFilter {
  campaignId?: number;
  kind?: string;
  from?: string;
  to?: string;
  q?: string;
}

function eventWhere(actor: Actor, filter: EventFilter): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [sql`e.city_id = ${actor.cityId}`, campaignVisible(actor, 'c')];
  if (filter.campaignId) where.push(sql`e.campaign_id = ${filter.campaignId}`);
  if (filter.kind) where.push(sql`e.kind = ${filter.kind}`);
  // Local calendar days (UTC+8) of the start time.
  if (filter.from) where.push(sql`e.starts_at >= (${filter.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (filter.to) where.push(sql`e.starts_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (filter.q?.trim()) where.push(sql`(e.title || coalesce(e.place, '')) ILIKE ${'%' + filter.q.trim() + '%'}`);
  return sql.join(where, sql` AND `);
}

export async function listEvents(
  db: Executor,
  actor: Actor,
  filter: EventFilter,
  page: { limit: number; offset: number },
) {
  const where = eventWhere(actor, filter);
  const rows = await sql<EventRow>`
    SELECT ${eventSelect} FROM ${eventFrom} WHERE ${where}
    ORDER BY e.starts_at DESC, e.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${eventFrom} WHERE ${where}`.execute(db);
  return { rows: rows.rows, total: count.rows[0].n };
}

export async function findEvent(db: Executor, actor: Actor, id: number, lock = false) {
  const result = await sql<EventRow>`
    SELECT ${eventSelect} FROM ${eventFrom}
    WHERE e.city_id = ${actor.cityId} AND e.id = ${id} AND ${campaignVisible(actor, 'c')}
    ${lock ? sql`FOR UPDATE OF e` : sql``}`.execute(db);
  return result.rows[0];
}

/** Events of a campaign by id (for linking reports), whatever the actor's filters. */
export function findCampaignEvents(db: Executor, campaignId: number, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('campaign_events')
    .select(['id', 'title', 'starts_at'])
    .where('campaign_id', '=', campaignId)
    .where('id', 'in', ids)
    .execute();
}

export function listPlaces(db: Executor, eventId: number) {
  return db
    .selectFrom('campaign_event_places')
    .select(['place', 'unit_ids'])
    .where('event_id', '=', eventId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export interface EventValues {
  kind?: string;
  title?: string;
  starts_at?: Date;
  ends_at?: Date | null;
  place?: string | null;
  organiser_unit_id?: number | null;
  participants?: string | null;
  attendance?: number | null;
  outcome?: string | null;
  photos?: string[];
  files?: string[];
}

export async function insertEvent(
  db: Executor,
  cityId: number,
  campaignId: number,
  values: EventValues & { kind: string; title: string; starts_at: Date },
  by: number,
  now: Date,
) {
  const row = await db
    .insertInto('campaign_events')
    .values({ city_id: cityId, campaign_id: campaignId, ...values, created_by: by, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEvent(db: Executor, id: number, values: EventValues, now: Date) {
  await db
    .updateTable('campaign_events')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function replacePlaces(
  db: Executor,
  cityId: number,
  eventId: number,
  places: { place: string; unitIds: number[] }[],
) {
  await db.deleteFrom('campaign_event_places').where('event_id', '=', eventId).execute();
  if (places.length === 0) return;
  await sql`
    INSERT INTO campaign_event_places (city_id, event_id, place, unit_ids, sort)
    SELECT ${cityId}, ${eventId}, p, coalesce(string_to_array(nullif(u, ''), ',')::bigint[], '{}'), o::int
    FROM unnest(${places.map((p) => p.place)}::text[], ${places.map((p) => p.unitIds.join(','))}::text[])
      WITH ORDINALITY AS x(p, u, o)`.execute(db);
}

/** Reports the actor may see that cite the event as evidence. */
export async function reportsCiting(db: Executor, actor: Actor, eventId: number) {
  const result = await sql<{ instance_id: number; task_id: number; content: string; unit_name: string; label: string }>`
    SELECT DISTINCT i.id AS instance_id, i.task_id, t.content, u.name AS unit_name, i.label
    FROM task_reports r
    JOIN task_instances i ON i.id = r.instance_id
    JOIN campaign_tasks t ON t.id = i.task_id
    JOIN campaigns c ON c.id = i.campaign_id
    JOIN units u ON u.id = i.unit_id
    WHERE r.city_id = ${actor.cityId} AND ${eventId}::bigint = ANY(r.event_ids) AND r.status <> 'draft'
      AND ${ledgerRowVisible(actor, 'i.unit_id', 'c.region_id')}
    ORDER BY i.id
    LIMIT 200`.execute(db);
  return result.rows;
}
