// The opinion topics a city starts with: the four areas of the Zaoqiang seed's 征询内容 and their
// sub-topics (DEFAULT_TOPICS), written for a new city and for the demo city. Idempotent: topics the
// city already has (perhaps renamed or switched off) are left as they are.

import { sql } from 'kysely';
import { DEFAULT_TOPICS } from '@cc/common/canvass';
import type { Executor } from '../../platform/db.js';

/** Inserts the default topics the city lacks; answers how many were added. */
export async function seedOpinionTopics(db: Executor, cityId: number): Promise<number> {
  // One statement: the parents are checked at its end, so they may come in the same batch.
  const result = await sql`
    INSERT INTO opinion_topics (city_id, code, parent_code, name, sort)
    SELECT ${cityId}, c, p, n, s
    FROM unnest(${DEFAULT_TOPICS.map((t) => t.code)}::text[], ${DEFAULT_TOPICS.map((t) => t.parent)}::text[],
                ${DEFAULT_TOPICS.map((t) => t.name)}::text[], ${DEFAULT_TOPICS.map((_, i) => i)}::int[]) AS x(c, p, n, s)
    ON CONFLICT (city_id, code) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
