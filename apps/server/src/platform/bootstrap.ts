// Opens the database, migrates it, seeds the demo city when empty, and builds the app.

import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type DbHandle } from './db.js';
import { migrateToLatest } from './migrate.js';

export async function prepareDatabase(config: Config, log?: Pick<FastifyBaseLogger, 'info'>): Promise<DbHandle> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log?.info({ applied }, 'migrations applied');
  return handle;
}
