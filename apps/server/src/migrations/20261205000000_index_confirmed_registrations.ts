// Frozen once applied. The confirmed registrations of a city in community and person order: the
// idle list of a week (members with nothing done) walks this index and anti-joins the week's
// tracker row by its primary key, so a page costs a few index probes instead of sorting every
// registered member of the city.

import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE INDEX community_registrations_confirmed ON community_registrations (city_id, community_id, person_id)
      WHERE status = 'confirmed';
    `,
  );
}
