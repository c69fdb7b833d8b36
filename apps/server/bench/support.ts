// What the benchmarks share: printing a figure, percentiles of repeated runs, a throwaway
// PostgreSQL database on the server named by PG_ADMIN_URL (default
// postgres://postgres@127.0.0.1:5432/postgres) — a skip line when none is reachable, the database
// dropped afterwards unless BENCH_KEEP_DB is set (for EXPLAIN) — and bulk loading into it.

import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { sql } from 'kysely';
import type { Db } from '../src/platform/db.js';

export const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function line(label: string, figure: string) {
  console.log(`${label.padEnd(44)} ${figure}`);
}

export function ms(value: number) {
  return `${value.toFixed(1).padStart(9)} ms`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `fn` `runs` times (warm it up first); answers the sorted durations (ms). */
export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** 'p50 … ms  p95 … ms  (note)' of sorted durations. */
export function p50p95(times: number[], note: string): string {
  const f = (p: number) => percentile(times, p).toFixed(1).padStart(7);
  return `p50 ${f(50)} ms  p95 ${f(95)} ms  (${note})`;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates a fresh database, prints `title` with the server version, runs `fn` with its URL and
 * drops it. Prints a skip line instead when the server cannot be reached.
 */
export async function withThrowawayDatabase(title: string, fn: (url: string) => Promise<void>): Promise<void> {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`${title}: skipped (${ADMIN_URL} not reachable: ${(error as Error).message})`);
    return;
  }
  const name = `cc_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const version = (await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v;
    console.log(`\n${title} ${version} (database ${name})`);
    await fn(withDatabase(ADMIN_URL, name));
  } finally {
    if (process.env.BENCH_KEEP_DB) console.log(`  (kept database ${name})`);
    else {
      // Closed pools finish disconnecting asynchronously; a forced drop before they are gone would
      // hit them with "terminating connection" errors. Wait (briefly) until nobody is connected.
      for (let i = 0; i < 50; i++) {
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`,
          [name],
        );
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  }
}

/**
 * A bulk load into a throwaway database, done the fast way: one transaction in which the secondary
 * indexes of `tables` are dropped and rebuilt from their own definitions afterwards, and the
 * per-row foreign-key triggers are skipped when allowed (superuser) — so `load` must use only ids
 * it has just read. Then ANALYZE (with VACUUM when asked: the state autovacuum would leave).
 */
export async function bulkLoad<T>(
  url: string,
  tables: string[],
  options: { vacuum: boolean },
  load: (client: Client) => Promise<T>,
): Promise<T> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query('BEGIN');
    const { rows } = await client.query<{ superuser: boolean }>(
      `SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
    );
    if (rows[0]?.superuser) await client.query(`SET LOCAL session_replication_role = replica`);
    const indexes = (
      await client.query<{ name: string; definition: string }>(
        `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
         WHERE schemaname = current_schema() AND tablename = ANY($1)
           AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
        [tables],
      )
    ).rows;
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
    const result = await load(client);
    for (const index of indexes) await client.query(index.definition);
    await client.query('COMMIT');
    await client.query(`${options.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${tables.join(', ')}`);
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * A bench city's region tree, set-based: root → 5 districts → 20 streets → 100 communities, with
 * 12-digit codes extending the parent's (城市 4 + 区 2 + 街道 3 + 社区 3 digits) and materialised paths.
 */
export async function seedBenchRegions(
  db: Db,
  name: string,
  code: string,
): Promise<{ cityId: number; rootId: number }> {
  const city = await db.insertInto('cities').values({ name, code }).returning('id').executeTakeFirstOrThrow();
  const cityId = city.id;
  const root = await sql<{ id: number }>`
    INSERT INTO regions (city_id, parent_id, level, code, name, path)
    VALUES (${cityId}, NULL, 'city', ${code}, ${name}, '') RETURNING id`.execute(db);
  const rootId = root.rows[0].id;
  await sql`UPDATE regions SET path = '/' || id || '/' WHERE id = ${rootId}`.execute(db);
  for (const [level, parent, count, prefix, digits] of [
    ['district', 'city', 5, 4, 2],
    ['street', 'district', 4, 6, 3],
    ['community', 'street', 5, 9, 3],
  ] as const) {
    await sql`
      INSERT INTO regions (city_id, parent_id, level, code, name, path, sort)
      SELECT ${cityId}, p.id, ${level}, rpad(substr(p.code, 1, ${prefix}) || lpad(k::text, ${digits}, '0'), 12, '0'),
             CASE ${level} WHEN 'district' THEN '压测' || k || '区' WHEN 'street' THEN p.name || k || '街道'
                  ELSE p.name || k || '社区' END, '', k
      FROM regions p, generate_series(1, ${count}::int) AS k
      WHERE p.city_id = ${cityId} AND p.level = ${parent}`.execute(db);
    await sql`
      UPDATE regions r SET path = p.path || r.id || '/'
      FROM regions p WHERE p.id = r.parent_id AND r.city_id = ${cityId} AND r.path = ''`.execute(db);
  }
  return { cityId, rootId };
}
