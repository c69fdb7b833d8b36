// Fixtures for inspection tests: a case city (grids, pairings, case categories) with the
// inspection defaults, a test site type with a small checklist whose scores are easy to compute by
// hand, sites at the two grid points, the people who plan, inspect and answer, and shortcuts.

import { expect } from 'vitest';
import type { Role } from '@cc/common/permissions';
import { seedInspectionDefaults } from '../src/modules/inspections/index.js';
import { caseTestConfig, createCaseCity, uploadPhoto, type CaseCity } from './case-fixtures.js';
import { as, createTestEnv, createUser, type Client, type TestEnv } from './harness.js';

export { uploadPhoto };

export interface InspectionCity extends CaseCity {
  /** The test checklist: a sign (photo required, 2 points), a hoarding share (1), a count (1). */
  items: { sign: number; share: number; count: number };
  /** Kiosks: two in community 0 (unitA), two in community 1 (unitB). */
  sites: { a1: number; a2: number; b1: number; b2: number };
}

export interface InspectionPeople {
  admin: Client;
  district: Client;
  inspector: Client;
  inspector2: Client;
  westInspector: Client;
  unitA: Client;
  ids: { admin: number; inspector: number; inspector2: number; westInspector: number; unitA: number };
}

export async function setUp(): Promise<{ env: TestEnv; city: InspectionCity; people: InspectionPeople }> {
  const env = await createTestEnv(caseTestConfig());
  const base = await createCaseCity(env.db, env.clock.now);
  await seedInspectionDefaults(env.db, base.cityId, env.clock.now);
  const make = async (roles: Role[], scope: { regionId?: number | null; unitId?: number | null }) => {
    const user = await createUser(env.db, base, roles, scope);
    return { id: user.id, client: await as(env.app, user) };
  };
  const admin = await make(['city_admin'], {});
  const district = await make(['region_staff'], { regionId: base.districts[0].id });
  const inspector = await make(['inspector'], {});
  const inspector2 = await make(['inspector'], {});
  const westInspector = await make(['inspector'], { regionId: base.districts[1].id });
  const unitA = await make(['unit_staff'], { regionId: null, unitId: base.unitA });

  const type = await admin.client.post('/api/site-types', { code: 'test_kiosk', name: '测试报刊亭' });
  expect(type.statusCode, type.body).toBe(201);
  const item = async (title: string, rule: unknown, points: number, photoRequired = false) => {
    const res = await admin.client.post('/api/checklist-items', {
      typeCode: 'test_kiosk',
      title,
      rule,
      points,
      photoRequired,
      caseCategoryCode: 'PSA.MISSING',
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  const items = {
    sign: await item('设置“讲文明树新风”公益广告', { kind: 'presence', expect: 'present' }, 2, true),
    share: await item(
      '公益广告占广告位比例',
      { kind: 'ratio', of: 'total', thresholds: { normal: { minPercent: 20 }, pre_inspection: { minPercent: 50 } } },
      1,
    ),
    count: await item('可见平面公益广告', { kind: 'count', thresholds: { normal: { min: 2 } } }, 1),
  };
  const site = async (name: string, point: { lng: number; lat: number }, communityId: number, unitId: number) => {
    const res = await admin.client.post('/api/sites', {
      typeCode: 'test_kiosk',
      name,
      address: `${name}旁`,
      lng: point.lng,
      lat: point.lat,
      regionId: communityId,
      unitId,
      contactName: '孙经理',
      contactPhone: '13812345678',
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  const near = (p: { lng: number; lat: number }, d: number) => ({ lng: p.lng + d, lat: p.lat });
  const sites = {
    a1: await site('东社区一号报刊亭', base.pointA, base.communities[0].id, base.unitA),
    a2: await site('东社区二号报刊亭', near(base.pointA, 0.002), base.communities[0].id, base.unitA),
    b1: await site('西社区一号报刊亭', base.pointB, base.communities[1].id, base.unitB),
    b2: await site('西社区二号报刊亭', near(base.pointB, 0.002), base.communities[1].id, base.unitB),
  };
  return {
    env,
    city: { ...base, items, sites },
    people: {
      admin: admin.client,
      district: district.client,
      inspector: inspector.client,
      inspector2: inspector2.client,
      westInspector: westInspector.client,
      unitA: unitA.client,
      ids: {
        admin: admin.id,
        inspector: inspector.id,
        inspector2: inspector2.id,
        westInspector: westInspector.id,
        unitA: unitA.id,
      },
    },
  };
}

export interface RoundJson {
  id: number;
  status: string;
  total: number;
  drawSeed: string;
  unassigned: number;
  inspectors: { userId: number; assigned: number; submitted: number }[];
}

/** A round of every test kiosk (or `perType` of them), assigned and opened. */
export async function openRound(
  people: InspectionPeople,
  options: {
    name?: string;
    startsOn?: string;
    perType?: number;
    seed?: string;
    inspectorIds?: number[];
    campaignId?: number;
  } = {},
): Promise<RoundJson> {
  const startsOn = options.startsOn ?? '2026-03-01';
  const created = await people.admin.post('/api/inspection-rounds', {
    name: options.name ?? '2026年3月模拟测评',
    startsOn,
    endsOn: new Date(Date.parse(startsOn) + 29 * 86_400_000).toISOString().slice(0, 10),
    criteria: { typeCodes: ['test_kiosk'], ...(options.perType ? { perType: options.perType } : {}) },
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.campaignId ? { campaignId: options.campaignId } : {}),
  });
  expect(created.statusCode, created.body).toBe(201);
  const round = created.json() as RoundJson;
  const assigned = await people.admin.post(`/api/inspection-rounds/${round.id}/assign`, {
    inspectorIds: options.inspectorIds ?? [people.ids.inspector],
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const opened = await people.admin.post(`/api/inspection-rounds/${round.id}/open`);
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json() as RoundJson;
}

/** The round's inspection of a site. */
export async function inspectionOf(people: InspectionPeople, roundId: number, siteId: number): Promise<number> {
  const res = await people.admin.get(`/api/inspection-rounds/${roundId}/inspections?pageSize=200`);
  expect(res.statusCode, res.body).toBe(200);
  const found = (res.json() as { items: { id: number; site: { id: number } }[] }).items.find(
    (i) => i.site.id === siteId,
  );
  if (!found) throw new Error(`site ${siteId} is not in round ${roundId}`);
  return found.id;
}

let keySeq = 0;
export const newKey = () => `k-${Date.now().toString(36)}-${(keySeq++).toString(36)}-test`;

/** Checklist values; the defaults pass every item. */
export function values(
  city: InspectionCity,
  photo: string,
  overrides: Partial<Record<'sign' | 'share' | 'count', unknown>> = {},
  photoAt?: { lng: number; lat: number },
) {
  return [
    {
      itemId: city.items.sign,
      value: overrides.sign ?? { present: true },
      photos: [{ fileId: photo, takenAt: '2026-03-02T02:30:00Z', ...(photoAt ?? {}) }],
    },
    { itemId: city.items.share, value: overrides.share ?? { percent: 60 } },
    { itemId: city.items.count, value: overrides.count ?? { count: 3 } },
  ];
}
