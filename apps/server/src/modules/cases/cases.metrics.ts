// Case metrics, defined here and only here (docs/ARCHITECTURE.md repeats the formulas).
//
// For a period [from, to] (dates in China time, both inclusive) and a grouping (responsible unit,
// region, top-level category, or month):
//   received        受理数      cases registered (立案) in the period
//   due             应结案数    cases dispatched to a unit whose deadline (after approved extensions
//                               and suspensions) falls in the period, voided ones excluded
//   closed          已结案数    of the due cases, those closed (结案) by now
//   closedOnTime    按期结案数  of the due cases, those closed whose last handling was on or before
//                               the deadline
//   closeRate       结案率      closed / due
//   onTimeRate      按期结案率  closedOnTime / due
//   reworkRate      返工率      due cases sent back for rework at least once / due cases handled at
//                               least once
//   extensionRate   延期率      due cases with at least one approved extension / due
//   escalated       督办件      due cases escalated at least once
//   handling time   处置用时    hours from dispatch to the last handling, over the closed due cases:
//                               average and 90th percentile (continuous)
// Rates are null when their denominator is 0. Month grouping puts `received` in the month of
// registration and the due-based figures in the month of the deadline.

import { sql, type RawBuilder } from 'kysely';
import { assertCan } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { caseVisible } from './cases.policy.js';
import type { MetricsQuery, MetricsResult, MetricsRow } from './cases.schemas.js';

/** n / d rounded to 4 decimals, or null when d is 0. */
export function rate(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10_000) / 10_000;
}

interface Counts {
  received: number;
  due: number;
  closed: number;
  closedOnTime: number;
  handled: number;
  reworked: number;
  extended: number;
  escalated: number;
  avgHours: number | null;
  p90Hours: number | null;
}

const EMPTY: Counts = {
  received: 0,
  due: 0,
  closed: 0,
  closedOnTime: 0,
  handled: 0,
  reworked: 0,
  extended: 0,
  escalated: 0,
  avgHours: null,
  p90Hours: null,
};

export function toMetricsRow(key: string, label: string, c: Counts): MetricsRow {
  const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    key,
    label,
    received: c.received,
    due: c.due,
    closed: c.closed,
    closedOnTime: c.closedOnTime,
    closeRate: rate(c.closed, c.due),
    onTimeRate: rate(c.closedOnTime, c.due),
    reworkRate: rate(c.reworked, c.handled),
    extensionRate: rate(c.extended, c.due),
    escalated: c.escalated,
    avgHandlingHours: round1(c.avgHours),
    p90HandlingHours: round1(c.p90Hours),
  };
}

/** UTC bounds of local (UTC+8) dates: [from 00:00, the day after `to` 00:00). */
function bounds(from: string, to: string): [Date, Date] {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'querystring/to', message: 'to < from' }] },
    });
  }
  return [start, end];
}

/**
 * The grouping of a query: `group` is what rows are grouped by (a bigint where it can be — cheaper
 * to sort and hash than text), `key` the text key answered for each group.
 */
function grouping(
  groupBy: MetricsQuery['groupBy'],
  timeColumn: 'registered_at' | 'deadline_at',
  depth: number,
): { group: RawBuilder<unknown>; key: RawBuilder<string> } {
  switch (groupBy) {
    case 'unit':
      return { group: sql`c.unit_id`, key: sql<string>`coalesce(c.unit_id::text, '')` };
    case 'category':
      return { group: sql`coalesce(k.parent_id, k.id)`, key: sql<string>`coalesce(k.parent_id, k.id)::text` };
    case 'month': {
      const key = sql<string>`to_char(${sql.ref(`c.${timeColumn}`)} + interval '8 hours', 'YYYY-MM')`;
      return { group: key, key };
    }
    case 'region': {
      // A literal, not a parameter: the expression must read the same in SELECT and GROUP BY.
      const key = sql<string>`coalesce(split_part(r.path, '/', ${sql.lit(depth + 2)}), '')`;
      return { group: key, key };
    }
  }
}

export async function caseMetrics(ctx: Ctx, query: MetricsQuery): Promise<MetricsResult> {
  assertCan(ctx.actor, 'case.read');
  const cityId = ctx.actor.cityId;
  const [start, end] = bounds(query.from, query.to);
  // Region grouping: children of the filter region, else of the city root (districts).
  const base = query.regionId
    ? await ctx.db
        .selectFrom('regions')
        .select('path')
        .where('id', '=', query.regionId)
        .where('city_id', '=', cityId)
        .executeTakeFirst()
    : await ctx.db
        .selectFrom('regions')
        .select('path')
        .where('city_id', '=', cityId)
        .where('parent_id', 'is', null)
        .executeTakeFirst();
  const basePath = base?.path ?? '/';
  const depth = basePath.split('/').filter(Boolean).length;

  const where = sql.join(
    [
      sql`c.city_id = ${cityId}`,
      caseVisible(ctx.actor, 'c'),
      ...(query.unitId ? [sql`c.unit_id = ${query.unitId}`] : []),
      ...(query.categoryId ? [sql`(c.category_id = ${query.categoryId} OR k.parent_id = ${query.categoryId})`] : []),
      ...(query.regionId ? [sql`r.path LIKE ${basePath + '%'}`] : []),
    ],
    sql` AND `,
  );
  // Every case has exactly one category, so the LEFT JOIN is the inner join — and lets the planner
  // drop the join when neither the grouping nor the filters read the category (as it does regions).
  const from = sql`cases c LEFT JOIN case_categories k ON k.id = c.category_id LEFT JOIN regions r ON r.id = c.region_id`;
  const byRegistration = grouping(query.groupBy, 'registered_at', depth);
  const byDeadline = grouping(query.groupBy, 'deadline_at', depth);

  // The two scans are independent: run them side by side.
  const [received, due] = await Promise.all([
    sql<{ key: string; n: number }>`
      SELECT ${byRegistration.key} AS key, count(*)::int AS n
      FROM ${from}
      WHERE ${where} AND c.registered_at >= ${start} AND c.registered_at < ${end}
        AND c.status <> 'merged'
      GROUP BY ${byRegistration.group}`.execute(ctx.db),
    // The groups and the total row in one pass; the total is computed over all cases, not summed
    // from the groups (percentiles do not add up). `total` marks the row of the empty grouping set,
    // which exists even when no case is due.
    sql<Omit<Counts, 'received'> & { key: string; total: number }>`
      SELECT ${byDeadline.key} AS key, grouping(${byDeadline.group})::int AS total,
        count(*)::int AS due,
        count(*) FILTER (WHERE c.status = 'closed')::int AS closed,
        count(*) FILTER (WHERE c.status = 'closed' AND c.closed_on_time)::int AS "closedOnTime",
        count(*) FILTER (WHERE c.handled_at IS NOT NULL OR c.rework_count > 0)::int AS handled,
        count(*) FILTER (WHERE c.rework_count > 0)::int AS reworked,
        count(*) FILTER (WHERE c.extension_count > 0)::int AS extended,
        count(*) FILTER (WHERE c.escalation_count > 0)::int AS escalated,
        avg(h.hours) FILTER (WHERE c.status = 'closed')::float8 AS "avgHours",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY h.hours) FILTER (WHERE c.status = 'closed')::float8 AS "p90Hours"
      -- The handling hours once per row (numeric arithmetic is the costly part), shared by both aggregates.
      FROM ${from} CROSS JOIN LATERAL (SELECT date_part('epoch', c.handled_at - c.dispatched_at) / 3600 AS hours) h
      WHERE ${where} AND c.deadline_at >= ${start} AND c.deadline_at < ${end}
        AND c.unit_id IS NOT NULL AND c.status NOT IN ('voided', 'merged')
      GROUP BY GROUPING SETS ((${byDeadline.group}), ())`.execute(ctx.db),
  ]);
  const groups = due.rows.filter((r) => r.total === 0);
  const totalDue = due.rows.filter((r) => r.total === 1);

  const counts = new Map<string, Counts>();
  const entry = (key: string) => {
    if (!counts.has(key)) counts.set(key, { ...EMPTY });
    return counts.get(key)!;
  };
  for (const r of received.rows) entry(r.key).received = Number(r.n);
  for (const { key, total: _, ...figures } of groups) Object.assign(entry(key), figures);

  const labels = await labelsOf(ctx, query.groupBy, [...counts.keys()]);
  const rows = [...counts.entries()]
    .map(([key, c]) => toMetricsRow(key, labels.get(key) ?? key, c))
    .sort((a, b) =>
      query.groupBy === 'month'
        ? a.key.localeCompare(b.key)
        : // Ties in a stable order (the database answers groups in no particular order).
          b.due - a.due || b.received - a.received || a.key.localeCompare(b.key, 'en', { numeric: true }),
    );
  const totalReceived = received.rows.reduce((sum, r) => sum + Number(r.n), 0);
  const { key: _key, total: _total, ...totalFigures } = totalDue[0];
  const total = toMetricsRow('total', '', { ...EMPTY, ...totalFigures, received: totalReceived });
  return { rows, total };
}

async function labelsOf(ctx: Ctx, groupBy: MetricsQuery['groupBy'], keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^\d+$/.test(k)).map(Number);
  const labels = new Map<string, string>();
  if (groupBy === 'month' || ids.length === 0) return labels;
  const table = groupBy === 'unit' ? 'units' : groupBy === 'region' ? 'regions' : 'case_categories';
  const rows = await ctx.db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('city_id', '=', ctx.actor.cityId)
    .where('id', 'in', ids)
    .execute();
  for (const r of rows) labels.set(String(r.id), r.name);
  return labels;
}
