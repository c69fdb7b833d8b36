// `npm run db:migrate`: applies pending migrations to the configured database and exits.

import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db.js';
import { migrateToLatest } from '../platform/migrate.js';

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await handle.close();
}
