// The community dashboard (社区看板): one week at a glance for the office — registrations and who
// has not registered, the week's activities, the week's 五个一 and the compliance trend of the
// last 8 weeks — over the registrations in scope, as compliance() counts them. A few set-based
// statements, so it stays fast with hundreds of thousands of members.

import { sql, type Expression, type SqlBool } from 'kysely';
import { countItems, FIVE_ONE, itemsOf, localDay, weekStartOf, type FiveOneItem } from '@cc/common/volunteers';
import { assertCan } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { isCityRootActor } from '../organisation/index.js';
import { countUnregistered } from './registrations.service.js';
import { registrationVisible } from './volunteers.policy.js';
import type { Dashboard, DashboardQuery } from './volunteers.schemas.js';

const TREND_WEEKS = 8;
const ACTIVITY_ROWS = 20;
const DAY_MS = 86_400_000;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

/**
 * The regions whose registrations the actor sees (registrationVisible, the rule compliance() uses)
 * as ids, or null for all of the city. Resolved up front: the planner estimates the policy's path
 * LIKE at one region and would then join the tracker rows of a district's 100,000 members by
 * nested loops (seconds); given the ids it sizes the members right and hashes. A community asked
 * for must be one of them, or it is not found — like a row out of scope.
 */
async function regionsInScope(ctx: Ctx, communityId: number | undefined): Promise<number[] | null> {
  if (!communityId && isCityRootActor(ctx.actor)) return null;
  const only = communityId ? sql`AND id = ${communityId} AND level = 'community'` : sql``;
  const found = await sql<{ id: number }>`
    SELECT c.community_id AS id FROM (
      SELECT id AS community_id FROM regions WHERE city_id = ${ctx.actor.cityId} ${only}
    ) c WHERE ${registrationVisible(ctx.actor, 'c')}`.execute(ctx.db);
  if (communityId && found.rows.length === 0) throw notFound();
  return found.rows.map((r) => r.id);
}

const inRegions = (ids: number[] | null, column: string): Expression<SqlBool> =>
  ids ? sql<SqlBool>`${sql.ref(column)} = ANY(${ids}::bigint[])` : sql<SqlBool>`true`;

interface WeekTally {
  itemsDone: number;
  /** Members with all five. */
  full: number;
  /** Members with at least one item. */
  active: number;
  byItem: Record<FiveOneItem, number>;
}

const emptyWeek = (): WeekTally => ({
  itemsDone: 0,
  full: 0,
  active: 0,
  byItem: Object.fromEntries(FIVE_ONE.map((item) => [item, 0])) as Record<FiveOneItem, number>,
});

/** Adds `n` members whose week has the bits `items` (the tracker's bit rule, from common). */
function addPattern(week: WeekTally | undefined, items: number, n: number) {
  if (!week) return;
  const done = countItems(items);
  week.itemsDone += n * done;
  if (done === FIVE_ONE.length) week.full += n;
  if (done > 0) week.active += n;
  for (const item of itemsOf(items)) week.byItem[item] += n;
}

export async function dashboard(ctx: Ctx, query: DashboardQuery): Promise<Dashboard> {
  assertCan(ctx.actor, 'volunteer.manage');
  const weekStart = weekStartOf(query.day ?? localDay(ctx.now()));
  const weekEnd = addDays(weekStart, 6);
  // The week as instants: Monday 00:00 to the next Monday 00:00 in Beijing time.
  const from = new Date(`${weekStart}T00:00:00+08:00`);
  const to = new Date(from.getTime() + 7 * DAY_MS);
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => addDays(weekStart, -7 * (TREND_WEEKS - 1 - i)));
  const { communityId } = query;
  const regions = await regionsInScope(ctx, communityId);
  const inScope = sql`r.city_id = ${ctx.actor.cityId} AND ${inRegions(regions, 'r.community_id')}`;
  const activityScope = sql`a.city_id = ${ctx.actor.cityId} AND ${inRegions(regions, 'a.community_id')}
    AND a.starts_at >= ${from} AND a.starts_at < ${to}`;

  const [registrations, unregistered, activities, tracker] = await Promise.all([
    // The registered members are also the 五个一's members (confirmed, in scope).
    sql<{ confirmed: number; pending: number; new_this_week: number }>`
      SELECT count(*) FILTER (WHERE r.status = 'confirmed')::int AS confirmed,
        count(*) FILTER (WHERE r.status = 'pending')::int AS pending,
        -- Rows confirmed without a decision (imports) count from their registration.
        count(*) FILTER (WHERE r.status = 'confirmed' AND coalesce(r.decided_at, r.registered_at) >= ${from}
          AND coalesce(r.decided_at, r.registered_at) < ${to})::int AS new_this_week
      FROM community_registrations r
      WHERE ${inScope} AND r.status IN ('pending','confirmed')`.execute(ctx.db),
    countUnregistered(ctx, { communityId }),
    sql<{
      id: number;
      title: string;
      type_code: string;
      type_name: string;
      five_one: FiveOneItem | null;
      community_id: number | null;
      community_name: string | null;
      place: string;
      starts_at: Date;
      ends_at: Date;
      status: 'published' | 'cancelled';
      capacity: number | null;
      signups: number;
      checked_in: number;
      total: number;
      cancelled: number;
    }>`
      SELECT a.id, a.title, a.type_code, t.name AS type_name, t.five_one, a.community_id, c.name AS community_name,
        a.place, a.starts_at, a.ends_at, a.status, a.capacity,
        (SELECT count(*)::int FROM activity_signups s WHERE s.activity_id = a.id) AS signups,
        (SELECT count(*)::int FROM activity_attendance x WHERE x.activity_id = a.id) AS checked_in,
        count(*) OVER ()::int AS total, (count(*) FILTER (WHERE a.status = 'cancelled') OVER ())::int AS cancelled
      FROM volunteer_activities a
      JOIN activity_types t ON t.city_id = a.city_id AND t.code = a.type_code
      LEFT JOIN regions c ON c.id = a.community_id
      WHERE ${activityScope}
      ORDER BY a.starts_at, a.id LIMIT ${ACTIVITY_ROWS}`.execute(ctx.db),
    // All 8 weeks in one pass over the (city, week) index, members in scope by a hashed semi-join.
    // Counted per week and bit pattern (at most 8 × 32 rows), folded below: far cheaper than
    // evaluating every per-item aggregate on each of a million rows.
    sql<{ week_start: string; items: number; n: number }>`
      SELECT f.week_start::text AS week_start, f.items, count(*)::int AS n
      FROM five_one_weeks f
      WHERE f.city_id = ${ctx.actor.cityId} AND f.week_start = ANY(${weeks}::date[]) AND EXISTS (
        SELECT 1 FROM community_registrations r
        WHERE r.person_id = f.person_id AND ${inScope} AND r.status = 'confirmed')
      GROUP BY f.week_start, f.items`.execute(ctx.db),
  ]);

  const reg = registrations.rows[0];
  const members = reg.confirmed;
  const rate = (done: number) => (members > 0 ? done / (5 * members) : null);
  const byWeek = new Map(weeks.map((w) => [w, emptyWeek()]));
  for (const row of tracker.rows) addPattern(byWeek.get(row.week_start), row.items, row.n);
  const current = byWeek.get(weekStart) ?? emptyWeek();
  const first = activities.rows[0];
  return {
    weekStart,
    weekEnd,
    registrations: { confirmed: reg.confirmed, pending: reg.pending, newThisWeek: reg.new_this_week },
    unregistered,
    activities: {
      count: first?.total ?? 0,
      cancelled: first?.cancelled ?? 0,
      items: activities.rows.map((a) => ({
        id: a.id,
        title: a.title,
        type: { code: a.type_code, name: a.type_name, fiveOne: a.five_one },
        community: a.community_id ? { id: a.community_id, name: a.community_name ?? '' } : null,
        place: a.place,
        startsAt: a.starts_at.toISOString(),
        endsAt: a.ends_at.toISOString(),
        status: a.status,
        capacity: a.capacity,
        signups: a.signups,
        checkedIn: a.checked_in,
      })),
    },
    fiveOne: {
      members,
      itemsDone: current.itemsDone,
      rate: rate(current.itemsDone),
      fullMembers: current.full,
      idleMembers: members - current.active,
      items: FIVE_ONE.map((item) => ({ item, members: current.byItem[item] })),
    },
    trend: weeks.map((w) => {
      const done = byWeek.get(w)?.itemsDone ?? 0;
      return { weekStart: w, itemsDone: done, rate: rate(done) };
    }),
  };
}
