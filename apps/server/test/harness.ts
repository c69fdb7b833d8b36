// Test harness: a fresh database per test file (copied from the run's migrated template), the app
// built on it, factories that make a fresh city with regions, units and users, and an `as(user)`
// client that signs in and sends the CSRF header.

import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Role } from '@cc/common/permissions';
import { buildApp } from '../src/platform/app.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import { createPgliteDb, createPostgresDb, type Db, type DbHandle } from '../src/platform/db.js';
import type { App } from '../src/platform/http.js';
import type { LightMyRequestResponse } from 'fastify';

type Res = Promise<LightMyRequestResponse>;
import { hashPassword } from '../src/platform/auth/passwords.js';

export interface TestEnv {
  app: App;
  db: Db;
  config: Config;
  clock: { now: Date };
  close(): Promise<void>;
}

async function openTestDatabase(): Promise<DbHandle> {
  const spec = inject('testDb');
  if (spec.kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(spec.dumpFile)]);
    return createPgliteDb(null, blob);
  }
  const name = `${spec.template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: spec.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${spec.template}`);
  await admin.end();
  const url = new URL(spec.adminUrl);
  url.pathname = `/${name}`;
  const handle = createPostgresDb(url.toString(), 4);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: spec.adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function createTestEnv(overrides: Partial<Config> = {}): Promise<TestEnv> {
  const handle = await openTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides };
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const app = await buildApp({ db: handle.db, config, now: () => new Date(clock.now), logger: false });
  return {
    app,
    db: handle.db,
    config,
    clock,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

export const TEST_PASSWORD = 'Test-Passw0rd';
let passwordHash: Promise<string> | null = null;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}${randomBytes(2).toString('hex')}`;

export interface TestCity {
  cityId: number;
  root: { id: number; path: string };
  districts: { id: number; path: string; name: string }[];
  streets: { id: number; path: string; name: string }[];
  communities: { id: number; path: string; name: string }[];
  unitA: number;
  unitB: number;
}

let codeSeq = 100;
function code12(): string {
  codeSeq += 1;
  return (Date.now() % 1e6).toString().padStart(6, '0') + String(codeSeq % 1e6).padStart(6, '0');
}

/** A fresh city: root, 2 districts, one street and one community in each, and two units. */
export async function createCity(db: Db): Promise<TestCity> {
  const city = await db
    .insertInto('cities')
    .values({ name: `测试市${uniq()}`, code: code12() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cityId = city.id;
  const insertRegion = async (parent: { id: number; path: string } | null, level: string, name: string) => {
    const row = await db
      .insertInto('regions')
      .values({ city_id: cityId, parent_id: parent?.id ?? null, level, code: code12(), name, path: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await db.updateTable('regions').set({ path }).where('id', '=', row.id).execute();
    return { id: row.id, path, name };
  };
  const root = await insertRegion(null, 'city', '测试市');
  const districts = [await insertRegion(root, 'district', '东区'), await insertRegion(root, 'district', '西区')];
  const streets = [
    await insertRegion(districts[0], 'street', '东街道'),
    await insertRegion(districts[1], 'street', '西街道'),
  ];
  const communities = [
    await insertRegion(streets[0], 'community', '东社区'),
    await insertRegion(streets[1], 'community', '西社区'),
  ];
  const unit = async (name: string, regionId: number) =>
    (
      await db
        .insertInto('units')
        .values({ city_id: cityId, name, type: 'agency', region_id: regionId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const unitA = await unit('东区城管局', districts[0].id);
  const unitB = await unit('西区城管局', districts[1].id);
  return { cityId, root, districts, streets, communities, unitA, unitB };
}

export interface TestUser {
  id: number;
  username: string;
  cityId: number;
}

export async function createUser(
  db: Db,
  city: TestCity,
  roles: Role[],
  scope: { regionId?: number | null; unitId?: number | null; mustChangePassword?: boolean } = {},
): Promise<TestUser> {
  const username = `u_${uniq()}`;
  const row = await db
    .insertInto('users')
    .values({
      city_id: city.cityId,
      username,
      display_name: `用户${username.slice(-4)}`,
      password_hash: await hashed(),
      roles,
      region_id: scope.regionId === undefined ? city.root.id : scope.regionId,
      unit_id: scope.unitId ?? null,
      must_change_password: scope.mustChangePassword ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, username, cityId: city.cityId };
}

export interface Client {
  cookie: string;
  csrf: string;
  get(url: string, headers?: Record<string, string>): Res;
  post(url: string, body?: unknown, headers?: Record<string, string>): Res;
  patch(url: string, body?: unknown): Res;
  put(url: string, body?: unknown): Res;
  delete(url: string): Res;
  request(method: string, url: string, body?: unknown): Res;
}

/** Signs in as the user and returns a client carrying the session cookie and CSRF token. */
export async function as(app: App, user: TestUser, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (res.json() as { me: { csrfToken: string } }).me.csrfToken;
  const send = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Res =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { cookie, 'x-csrf-token': csrf, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    csrf,
    get: (url, headers) => send('GET', url, undefined, headers),
    post: (url, body, headers) => send('POST', url, body ?? {}, headers),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
    delete: (url) => send('DELETE', url),
    request: (method, url, body) => send(method, url, body),
  };
}
