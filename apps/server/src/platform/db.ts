// Database access: one Kysely instance over either the embedded PGlite (demo and small sites; it
// does not fsync) or a real PostgreSQL server (production). Both drivers parse column types the
// same way so rows look identical: int8 and numeric → number, date → 'YYYY-MM-DD' string,
// timestamptz → Date, json/jsonb → parsed value.

import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { KyselyPGlite } from 'kysely-pglite';
import pg from 'pg';
import type { Database } from './db-schema.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repositories take either the pool or an open transaction. */
export type Executor = Db | Trx;

const OID = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  json: 114,
  jsonb: 3802,
  int8Array: 1016,
} as const;

const parseNumber = (value: string) => Number(value);
const parseDate = (value: string) => value; // keep calendar dates as text: no time-zone shift
const parseTimestamp = (value: string) => new Date(value.includes('+') || value.endsWith('Z') ? value : `${value}Z`);
const parseJson = (value: string) => JSON.parse(value) as unknown;

function parseInt8Array(value: string): number[] {
  if (value === '{}') return [];
  return value
    .slice(1, -1)
    .split(',')
    .map((v) => Number(v));
}

export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  [OID.int8]: parseNumber,
  [OID.numeric]: parseNumber,
  [OID.date]: parseDate,
  [OID.timestamp]: parseTimestamp,
  [OID.json]: parseJson,
  [OID.jsonb]: parseJson,
  [OID.int8Array]: parseInt8Array,
};

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: a gzipped tarball of the data directory (used to clone test databases). */
  dump?: () => Promise<Blob>;
}

export function createPostgresDb(url: string, max = 10): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: '-c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        const parser = TYPE_PARSERS[oid];
        if (parser && format !== 'binary') return parser;
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection can be cut by the server (restart, administrator, failover). The pool
  // drops that client and opens a new one on demand; without a listener the 'error' event would
  // take the whole process down.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export async function createPgliteDb(dataDir: string | null, loadDataDir?: Blob): Promise<DbHandle> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({
    dataDir: dataDir ?? undefined,
    loadDataDir,
    parsers: TYPE_PARSERS,
  });
  await client.waitReady;
  await client.exec("SET TIME ZONE 'UTC'");
  const { dialect } = new KyselyPGlite(client);
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    kind: 'pglite',
    dump: () => client.dumpDataDir('gzip'),
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

export async function openDatabase(options: { databaseUrl: string | null; dataDir: string }): Promise<DbHandle> {
  if (options.databaseUrl) return createPostgresDb(options.databaseUrl);
  return createPgliteDb(path.join(options.dataDir, 'pgdata'));
}
