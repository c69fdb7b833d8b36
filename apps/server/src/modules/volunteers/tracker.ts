// The weekly 五个一 tracker row of a member: recomputed from its sources whenever one changes —
// attendance of activities whose type counts for an item (checked out and not rejected) and
// self-reports the community confirmed — and stamped with the member's registered community,
// unit and party organisation for the rollups.

import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';

/** The week's bits from the sources (SQL, the same rule everywhere). */
export async function refreshWeek(db: Executor, cityId: number, personId: number, weekStart: string): Promise<number> {
  const result = await sql<{ bits: number }>`
    SELECT coalesce(bit_or(b), 0)::int AS bits FROM (
      SELECT CASE t.five_one WHEN 'sanitation' THEN 1 WHEN 'volunteer' THEN 2 WHEN 'convention' THEN 4
        WHEN 'sorting' THEN 8 WHEN 'dissuasion' THEN 16 END AS b
      FROM activity_attendance x
      JOIN volunteer_activities a ON a.id = x.activity_id
      JOIN activity_types t ON t.city_id = a.city_id AND t.code = a.type_code
      WHERE x.person_id = ${personId} AND x.week_start = ${weekStart}::date
        AND x.status IN ('pending','confirmed') AND t.five_one IS NOT NULL
      UNION ALL
      SELECT CASE r.item WHEN 'sanitation' THEN 1 WHEN 'volunteer' THEN 2 WHEN 'convention' THEN 4
        WHEN 'sorting' THEN 8 WHEN 'dissuasion' THEN 16 END
      FROM five_one_reports r
      WHERE r.person_id = ${personId} AND r.week_start = ${weekStart}::date AND r.status = 'confirmed'
    ) s`.execute(db);
  const bits = result.rows[0]?.bits ?? 0;
  await sql`
    INSERT INTO five_one_weeks (city_id, person_id, week_start, items, community_id, unit_id, party_org)
    SELECT ${cityId}, p.id, ${weekStart}::date, ${bits}, r.community_id, coalesce(r.work_unit_id, p.unit_id),
      coalesce(r.party_org, p.party_org)
    FROM people p
    LEFT JOIN community_registrations r ON r.person_id = p.id AND r.status = 'confirmed'
    WHERE p.id = ${personId}
    ON CONFLICT (person_id, week_start) DO UPDATE SET items = EXCLUDED.items, community_id = EXCLUDED.community_id,
      unit_id = EXCLUDED.unit_id, party_org = EXCLUDED.party_org`.execute(db);
  return bits;
}

/** SQL: the number of items in a tracker's bits column. */
export const POPCOUNT = (column: string) =>
  sql<number>`((${sql.ref(column)} & 1) + ((${sql.ref(column)} >> 1) & 1) + ((${sql.ref(column)} >> 2) & 1)
    + ((${sql.ref(column)} >> 3) & 1) + ((${sql.ref(column)} >> 4) & 1))`;
