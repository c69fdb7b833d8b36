// Vitest global setup: builds one migrated template database per run. Each test file then starts
// from a copy of it — a PGlite data-dir dump by default, or `CREATE DATABASE … TEMPLATE` on the
// PostgreSQL server named by TEST_DATABASE_URL.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPgliteDb, createPostgresDb } from '../src/platform/db.js';
import { migrateToLatest } from '../src/platform/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; adminUrl: string; template: string };
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = `cc_tmpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const handle = createPostgresDb(withDatabase(adminUrl, template), 2);
    await migrateToLatest(handle.db);
    await handle.close();
    project.provide('testDb', { kind: 'postgres', adminUrl, template });
    return async () => {
      // Drop the template and every copy made from it in this run.
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
        [`${template}_%`, template],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = await createPgliteDb(null);
  await migrateToLatest(handle.db);
  const dumpFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-test-')), 'template.tar.gz');
  const dump = await dumpPglite(handle);
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('testDb', { kind: 'pglite', dumpFile });
  return () => fs.rmSync(path.dirname(dumpFile), { recursive: true, force: true });
}

async function dumpPglite(handle: Awaited<ReturnType<typeof createPgliteDb>>): Promise<Blob> {
  if (!handle.dump) throw new Error('PGlite handle cannot dump');
  return handle.dump();
}
