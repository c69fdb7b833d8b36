// Fixtures for campaign tests: a city with more units (a school, a sub-unit), the people who plan
// and report, a campaign made through the API, bulk assignment, and shortcuts for report steps.

import { expect } from 'vitest';
import type { Role } from '@cc/common/permissions';
import type { Db } from '../src/platform/db.js';
import { caseTestConfig, uploadPhoto } from './case-fixtures.js';
import { multipartBody } from './fixtures.js';
import { as, createCity, createTestEnv, createUser, type Client, type TestCity, type TestEnv } from './harness.js';

export { caseTestConfig as campaignTestConfig, uploadPhoto };

export interface CampaignCity extends TestCity {
  /** A school in districts[0]. */
  school: number;
  /** A sub-unit of unitA. */
  unitA1: number;
}

export async function createCampaignCity(db: Db): Promise<CampaignCity> {
  const city = await createCity(db);
  const unit = async (name: string, type: string, regionId: number, parentId: number | null = null) =>
    (
      await db
        .insertInto('units')
        .values({
          city_id: city.cityId,
          name,
          type,
          region_id: regionId,
          parent_id: parentId,
          head_name: `${name}负责人`,
          head_phone: '13800000001',
          liaison_name: `${name}联络员`,
          liaison_phone: '13800000002',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await db
    .updateTable('units')
    .set({ head_name: '张局长', head_phone: '13900000001', liaison_name: '李联络员', liaison_phone: '13900000002' })
    .where('id', 'in', [city.unitA, city.unitB])
    .execute();
  const school = await unit('东区第一小学', 'school', city.districts[0].id);
  const unitA1 = await unit('东区城管局执法大队', 'agency', city.districts[0].id, city.unitA);
  return { ...city, school, unitA1 };
}

export interface CampaignPeople {
  admin: Client;
  district: Client;
  staffA: Client;
  staffB: Client;
  staffAId: number;
  staffBId: number;
  adminId: number;
}

export async function campaignPeople(env: TestEnv, city: CampaignCity): Promise<CampaignPeople> {
  const user = (roles: Role[], scope: { regionId?: number | null; unitId?: number | null }) =>
    createUser(env.db, city, roles, scope);
  const admin = await user(['city_admin'], {});
  const district = await user(['region_staff'], { regionId: city.districts[0].id });
  const staffA = await user(['unit_staff'], { regionId: null, unitId: city.unitA });
  const staffB = await user(['unit_staff'], { regionId: null, unitId: city.unitB });
  return {
    admin: await as(env.app, admin),
    district: await as(env.app, district),
    staffA: await as(env.app, staffA),
    staffB: await as(env.app, staffB),
    staffAId: staffA.id,
    staffBId: staffB.id,
    adminId: admin.id,
  };
}

export async function setUp(): Promise<{ env: TestEnv; city: CampaignCity; people: CampaignPeople }> {
  const env = await createTestEnv(caseTestConfig());
  const city = await createCampaignCity(env.db);
  const people = await campaignPeople(env, city);
  return { env, city, people };
}

export interface CampaignJson {
  id: number;
  name: string;
  phase: string;
  status: string;
  startsOn: string;
  endsOn: string;
  canManage: boolean;
  activities: { id: number; name: string }[];
  themes: { id: number; month: string }[];
  completion: { percent: number | null; total: number; accepted: number; overdue: number };
}

/** A campaign from 2026-03-01 to 2026-12-31 for every unit of the city (overrides merged in). */
export async function makeCampaign(client: Client, overrides: Record<string, unknown> = {}): Promise<CampaignJson> {
  const res = await client.post('/api/campaigns', {
    name: '四创联万家，共建幸福城',
    titles: ['civilized_city', 'sanitary_city'],
    startsOn: '2026-03-01',
    endsOn: '2026-12-31',
    scope: { allUnits: true },
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CampaignJson;
}

export async function makeActivity(client: Client, campaignId: number, name = '单位下班社区报到') {
  const res = await client.post(`/api/campaigns/${campaignId}/activities`, {
    name,
    startsOn: '2026-03-01',
    endsOn: '2026-12-31',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

/** Bulk-assigns a task; answers the batch and the task ids in unit order. */
export async function assign(
  client: Client,
  campaignId: number,
  unitIds: number[],
  overrides: Record<string, unknown> = {},
): Promise<{ batchId: number; taskIds: number[]; instances: number }> {
  const res = await client.post(`/api/campaigns/${campaignId}/tasks`, {
    content: '提交分包社区创建工作方案',
    standard: '方案含责任分工、时间节点，经单位主要负责人签字',
    recurrence: 'once',
    dueOn: '2026-03-31',
    unitIds,
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { batchId: number; taskIds: number[]; instances: number };
}

export interface InstanceJson {
  id: number;
  taskId: number;
  status: string;
  displayStatus: string;
  dueOn: string;
  label: string;
  allowedActions: string[];
  draft: { body: string | null; photos: string[] } | null;
  reports: { status: string; reviewNote: string | null; photos: string[]; body: string | null }[];
  log: { action: string; note: string | null }[];
}

/** The instances of a task, by due date. */
export async function instancesOf(
  client: Client,
  taskId: number,
): Promise<{ id: number; dueOn: string; status: string }[]> {
  const res = await client.get(`/api/campaign-tasks/${taskId}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { instances: { id: number; dueOn: string; status: string }[] }).instances;
}

export async function act(client: Client, instanceId: number, action: string, body: Record<string, unknown> = {}) {
  return client.post(`/api/task-instances/${instanceId}/actions/${action}`, body);
}

/** Runs an action that must succeed; answers the instance detail. */
export async function step(client: Client, instanceId: number, action: string, body: Record<string, unknown> = {}) {
  const res = await act(client, instanceId, action, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as InstanceJson;
}

/** A minimal PDF (sniffed as application/pdf), uploaded as the client. */
export async function uploadPdf(env: TestEnv, client: Client, text = 'report'): Promise<string> {
  const pdf = Buffer.from(`%PDF-1.4\n% ${text} ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
  const { payload, contentType } = multipartBody(pdf, { fileName: '方案.pdf', type: 'application/pdf' });
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': contentType },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { id: string }).id;
}
