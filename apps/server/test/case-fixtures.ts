// Fixtures for case tests: a city with grid polygons, a pairing, a street office and the default
// categories; the people who work cases; uploads of real images; and shortcuts for intake and
// transitions.

import sharp from 'sharp';
import { expect } from 'vitest';
import type { Role } from '@cc/common/permissions';
import { clearGridCache, seedDefaultCategories } from '../src/modules/cases/index.js';
import type { Db } from '../src/platform/db.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import { multipartBody } from './fixtures.js';
import { as, createCity, createUser, type Client, type TestCity, type TestEnv } from './harness.js';

/** A square polygon around a point, ±half degrees. */
export function square(lng: number, lat: number, half: number) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng - half, lat - half],
        [lng + half, lat - half],
        [lng + half, lat + half],
        [lng - half, lat + half],
        [lng - half, lat - half],
      ],
    ],
  };
}

/** Case tests move the clock by hours and days: sessions must not time out meanwhile. */
export function caseTestConfig(): Partial<Config> {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  return { security: { ...base.security, idleTimeoutMinutes: 1440 * 365 } };
}

export interface CaseCity extends TestCity {
  /** Grid in communities[0] (paired with unitA), centre at `pointA`. */
  gridA: number;
  /** Grid in communities[1] (no pairing; the street office is unitOfficeB). */
  gridB: number;
  pointA: { lng: number; lat: number };
  pointB: { lng: number; lat: number };
  unitOfficeB: number;
  /** Category id by code (default tree). */
  category: (code: string) => number;
}

export async function createCaseCity(db: Db, now: Date): Promise<CaseCity> {
  const city = await createCity(db);
  await seedDefaultCategories(db, city.cityId, now);
  const pointA = { lng: 113.25, lat: 35.2 };
  const pointB = { lng: 113.27, lat: 35.2 };
  const grid = async (communityId: number, path: string, name: string, centre: { lng: number; lat: number }) => {
    const row = await db
      .insertInto('regions')
      .values({
        city_id: city.cityId,
        parent_id: communityId,
        level: 'grid',
        code: String(Math.floor(Math.random() * 1e12)).padStart(12, '0'),
        name,
        path: '',
        polygon: JSON.stringify(square(centre.lng, centre.lat, 0.005)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('regions')
      .set({ path: `${path}${row.id}/` })
      .where('id', '=', row.id)
      .execute();
    return row.id;
  };
  const gridA = await grid(city.communities[0].id, city.communities[0].path, '东社区第1网格', pointA);
  const gridB = await grid(city.communities[1].id, city.communities[1].path, '西社区第1网格', pointB);
  await db
    .insertInto('pairings')
    .values({
      city_id: city.cityId,
      unit_id: city.unitA,
      target_type: 'community',
      region_id: city.communities[0].id,
      target_name: city.communities[0].name,
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
    })
    .execute();
  const office = await db
    .insertInto('units')
    .values({
      city_id: city.cityId,
      name: '西街道办事处',
      type: 'district_office',
      region_id: city.streets[1].id,
      head_name: '王主任',
      head_phone: '13900000002',
      liaison_name: '李联络',
      liaison_phone: '13900000003',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('units')
    .set({ head_name: '张局长', head_phone: '13900000000', liaison_name: '赵联络', liaison_phone: '13900000001' })
    .where('id', '=', city.unitA)
    .execute();
  const categories = await db
    .selectFrom('case_categories')
    .select(['id', 'code'])
    .where('city_id', '=', city.cityId)
    .execute();
  const byCode = new Map(categories.map((c) => [c.code, c.id]));
  clearGridCache(city.cityId);
  return {
    ...city,
    gridA,
    gridB,
    pointA,
    pointB,
    unitOfficeB: office.id,
    category: (code) => {
      const id = byCode.get(code);
      if (!id) throw new Error(`no category ${code}`);
      return id;
    },
  };
}

export interface CasePeople {
  office: Client;
  district: Client;
  unitA: Client;
  unitB: Client;
  inspector: Client;
  resident: Client;
  ids: Record<'office' | 'district' | 'unitA' | 'unitB' | 'inspector' | 'resident', number>;
}

export async function casePeople(env: TestEnv, city: CaseCity): Promise<CasePeople> {
  const make = async (roles: Role[], scope: { regionId?: number | null; unitId?: number | null }) => {
    const user = await createUser(env.db, city, roles, scope);
    return { user, client: await as(env.app, user) };
  };
  const office = await make(['city_admin'], {});
  const district = await make(['region_staff'], { regionId: city.districts[0].id });
  const unitA = await make(['unit_staff'], { regionId: null, unitId: city.unitA });
  const unitB = await make(['unit_staff'], { regionId: null, unitId: city.unitB });
  const inspector = await make(['inspector'], {});
  const resident = await make(['resident'], { regionId: null });
  return {
    office: office.client,
    district: district.client,
    unitA: unitA.client,
    unitB: unitB.client,
    inspector: inspector.client,
    resident: resident.client,
    ids: {
      office: office.user.id,
      district: district.user.id,
      unitA: unitA.user.id,
      unitB: unitB.user.id,
      inspector: inspector.user.id,
      resident: resident.user.id,
    },
  };
}

let colour = 0;

/** A small distinct JPEG (each call a different colour, so a different content id). */
export async function jpeg(): Promise<Buffer> {
  colour = (colour + 37) % 256;
  return sharp({
    create: { width: 32, height: 24, channels: 3, background: { r: colour, g: 90, b: 200 - (colour % 200) } },
  })
    .jpeg()
    .toBuffer();
}

/** Uploads a fresh photo as the client and returns its file id. */
export async function uploadPhoto(env: TestEnv, client: Client): Promise<string> {
  const { payload: body, contentType } = multipartBody(await jpeg(), { fileName: 'photo.jpg', type: 'image/jpeg' });
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { id: string }).id;
}

export interface CaseJson {
  id: number;
  status: string;
  unitId: number | null;
  deadlineAt: string | null;
  allowedActions: string[];
  routing: { unitId: number | null; rule: string; reason: string };
  duplicateOfId: number | null;
  replayed?: boolean;
  [key: string]: unknown;
}

/** Reports a case as the client and expects 201. */
export async function report(client: Client, body: Record<string, unknown>): Promise<CaseJson> {
  const res = await client.post('/api/cases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseJson;
}

/** Runs a transition and expects 200. */
export async function step(
  client: Client,
  id: number,
  action: string,
  body: Record<string, unknown> = {},
): Promise<CaseJson> {
  const res = await client.post(`/api/cases/${id}/transitions/${action}`, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as CaseJson;
}
