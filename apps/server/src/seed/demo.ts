// Demo city seed — written below.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db.js';
export async function seedDemoIfEmpty(
  _db: Db,
  _config: Config,
  _log: FastifyBaseLogger,
): Promise<{ accounts: { username: string; password: string; role: string }[] } | null> {
  return null;
}
