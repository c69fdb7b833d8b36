// Runs the migrations in src/migrations. Used at start-up and by `npm run db:migrate`.

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the schema type applies */
import { Migrator, type Kysely } from 'kysely';
import { migrations } from '../migrations/index.js';

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
