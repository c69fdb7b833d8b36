// Fixtures for questionnaire tests: a fresh city with the office, a district's and the other
// district's staff, a unit and a canvasser; a questionnaire of every question type whose rates are
// easy to compute by hand; and a public answering helper (address, language, device).

import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Role } from '@cc/common/permissions';
import type { SurveyQuestion } from '@cc/common/surveys';
import { as, createCity, createTestEnv, createUser, type Client, type TestCity, type TestEnv } from './harness.js';

export interface SurveyPeople {
  admin: Client;
  district: Client;
  west: Client;
  unit: Client;
  canvasser: Client;
}

export async function setUpSurveys(): Promise<{ env: TestEnv; city: TestCity; people: SurveyPeople }> {
  const env = await createTestEnv();
  const city = await createCity(env.db);
  const make = async (roles: Role[], scope: { regionId?: number | null; unitId?: number | null }) =>
    as(env.app, await createUser(env.db, city, roles, scope));
  const people = {
    admin: await make(['city_admin'], {}),
    district: await make(['region_staff'], { regionId: city.districts[0].id }),
    west: await make(['region_staff'], { regionId: city.districts[1].id }),
    unit: await make(['unit_staff'], { regionId: null, unitId: city.unitA }),
    canvasser: await make(['canvasser'], { regionId: null, unitId: city.unitA }),
  };
  return { env, city, people };
}

const satisfactionScale = [
  { code: 's5', label: '很满意' },
  { code: 's4', label: '满意' },
  { code: 's3', label: '一般' },
  { code: 's2', label: '不满意' },
  { code: 'dk', label: '不了解' },
];

/** Awareness (q1), support (q2, multiple), satisfaction (q3 choice, q4 rating, q5 matrix), text (q6). */
export const QUESTIONS: SurveyQuestion[] = [
  {
    code: 'q1',
    type: 'single',
    title: '您是否知道本市正在创建全国文明城市？',
    required: true,
    options: [
      { code: 'yes', label: '知道' },
      { code: 'no', label: '不知道' },
    ],
    rate: { kind: 'awareness', positive: ['yes'] },
  },
  {
    code: 'q2',
    type: 'multiple',
    title: '您支持哪些创建措施？',
    required: false,
    maxChoices: 2,
    options: [
      { code: 'clean', label: '环境整治' },
      { code: 'traffic', label: '文明交通' },
      { code: 'none', label: '都不支持' },
    ],
    rate: { kind: 'support', positive: ['clean', 'traffic'] },
  },
  {
    code: 'q3',
    type: 'single',
    title: '您对创建工作的总体评价',
    required: true,
    options: satisfactionScale,
    rate: { kind: 'satisfaction', scores: { s5: 100, s4: 80, s3: 60, s2: 0 } },
  },
  {
    code: 'q4',
    type: 'rating',
    title: '请为市容环境打分',
    required: true,
    min: 1,
    max: 5,
    rate: { kind: 'satisfaction' },
  },
  {
    code: 'q5',
    type: 'matrix',
    title: '您对以下方面是否满意',
    required: false,
    rows: [
      { code: 'road', label: '道路' },
      { code: 'park', label: '公园' },
    ],
    options: satisfactionScale,
    rate: { kind: 'satisfaction', scores: { s5: 100, s4: 80, s3: 60, s2: 0 } },
  },
  { code: 'q6', type: 'text', title: '您的意见建议', required: false, maxLength: 50 },
];

export interface OpenSurvey {
  id: number;
  token: string;
  versions: { residents: number; students: number };
}

/** A questionnaire owned by `regionId` (default: the city) with residents' and students' versions, open. */
export async function createOpenSurvey(
  client: Client,
  options: { regionId?: number; perDeviceLimit?: number; perIpDailyLimit?: number; open?: boolean } = {},
): Promise<OpenSurvey> {
  const created = await client.post('/api/surveys', {
    title: '文明城市创建市民满意度调查',
    intro: '感谢参与',
    regionId: options.regionId,
    perDeviceLimit: options.perDeviceLimit ?? 1,
    perIpDailyLimit: options.perIpDailyLimit ?? 0,
  });
  expect(created.statusCode, created.body).toBe(201);
  const survey = created.json() as { id: number; token: string };
  const residents = await client.post(`/api/surveys/${survey.id}/versions`, {
    group: 'residents',
    questions: QUESTIONS,
  });
  expect(residents.statusCode, residents.body).toBe(201);
  // The students' version drops the matrix and the text question.
  const students = await client.post(`/api/surveys/${survey.id}/versions`, {
    group: 'students',
    title: '学生版',
    questions: QUESTIONS.slice(0, 4),
  });
  expect(students.statusCode, students.body).toBe(201);
  if (options.open !== false) {
    const opened = await client.post(`/api/surveys/${survey.id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
  }
  return {
    id: survey.id,
    token: survey.token,
    versions: { residents: (residents.json() as { id: number }).id, students: (students.json() as { id: number }).id },
  };
}

export const newDevice = () => randomBytes(12).toString('base64url');
export const newKey = () => randomBytes(12).toString('base64url');

export interface AnswerOptions {
  ip?: string;
  lang?: string;
  device?: string;
  key?: string;
}

export function answer(
  env: TestEnv,
  token: string,
  body: { versionId: number; regionId: number; answers: Record<string, unknown> },
  options: AnswerOptions = {},
) {
  return env.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${token}/responses`,
    remoteAddress: options.ip ?? `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
    headers: { 'accept-language': options.lang ?? 'zh-CN' },
    payload: {
      ...body,
      deviceId: options.device ?? newDevice(),
      idempotencyKey: options.key ?? newKey(),
    },
  });
}
