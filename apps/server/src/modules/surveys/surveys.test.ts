// Questionnaires through the API, the office's side: the access matrix (survey.read /
// survey.manage, region subtree; unit staff and canvassers refused), the builder's checks naming
// the question, versions locked once answered (rates still configurable), quotas and opening /
// closing, every change audited.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import type { TestCity, TestEnv } from '../../../test/harness.js';
import {
  answer,
  createOpenSurvey,
  QUESTIONS,
  setUpSurveys,
  type OpenSurvey,
  type SurveyPeople,
} from '../../../test/survey-fixtures.js';

let env: TestEnv;
let city: TestCity;
let people: SurveyPeople;
/** Owned by district 0 (the district staff's), and by district 1. */
let east: OpenSurvey;
let west: OpenSurvey;

beforeAll(async () => {
  ({ env, city, people } = await setUpSurveys());
  east = await createOpenSurvey(people.district, { regionId: city.districts[0].id });
  west = await createOpenSurvey(people.west, { regionId: city.districts[1].id });
});
afterAll(async () => env?.close());

const good = () => ({ q1: 'yes', q3: 's4', q4: 4 });

describe('access', () => {
  it('follows the matrix: wrong role 403, other region 404, own region 2xx', async () => {
    const target = (t: 'own' | 'other') => (t === 'own' ? east : west);
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/surveys',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        scoped: false,
        send: (c) => c.get('/api/surveys'),
      },
      {
        name: 'GET /api/surveys/:id',
        allowed: 'region_staff',
        forbidden: 'canvasser',
        send: (c, t) => c.get(`/api/surveys/${target(t).id}`),
      },
      {
        name: 'GET /api/surveys/:id/results',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) => c.get(`/api/surveys/${target(t).id}/results`),
      },
      {
        name: 'GET /api/surveys/:id/crosstab',
        allowed: 'region_staff',
        forbidden: 'inspector',
        send: (c, t) => c.get(`/api/surveys/${target(t).id}/crosstab?question=q1&by=group`),
      },
      {
        name: 'PATCH /api/surveys/:id',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) => c.patch(`/api/surveys/${target(t).id}`, { intro: '更新' }),
      },
      {
        name: 'PUT /api/surveys/:id/quotas',
        allowed: 'region_staff',
        forbidden: 'canvasser',
        send: (c, t) => c.put(`/api/surveys/${target(t).id}/quotas`, { items: [] }),
      },
      {
        name: 'GET /api/surveys/:id/export/summary',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) => c.get(`/api/surveys/${target(t).id}/export/summary`),
      },
      {
        name: 'POST /api/surveys',
        allowed: 'region_staff',
        forbidden: 'canvasser',
        scoped: false,
        okStatus: 201,
        send: (c) => c.post('/api/surveys', { title: '测试问卷' }),
      },
    ]);
  });

  it('a region’s staff lists only questionnaires owned in its subtree; the office sees all', async () => {
    const ids = async (client = people.district) =>
      ((await client.get('/api/surveys?pageSize=100')).json() as { items: { id: number }[] }).items.map((i) => i.id);
    expect(await ids()).toContain(east.id);
    expect(await ids()).not.toContain(west.id);
    expect(await ids(people.admin)).toEqual(expect.arrayContaining([east.id, west.id]));
    expect((await people.unit.get('/api/surveys')).statusCode).toBe(403);
    expect((await people.canvasser.get(`/api/surveys/${east.id}`)).statusCode).toBe(403);
  });

  it('cannot create a questionnaire for a region outside its scope', async () => {
    const res = await people.district.post('/api/surveys', { title: '越权', regionId: city.districts[1].id });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].path).toBe('body/regionId');
  });

  it('does not let another district close or edit the version (404)', async () => {
    expect((await people.west.post(`/api/surveys/${east.id}/close`)).statusCode).toBe(404);
    const put = await people.west.put(`/api/surveys/${east.id}/versions/${east.versions.residents}`, {
      group: 'residents',
      questions: QUESTIONS,
    });
    expect(put.statusCode).toBe(404);
  });
});

describe('the builder', () => {
  it('refuses bad questions with a 400 naming the question, in the caller’s language', async () => {
    const created = await people.district.post('/api/surveys', { title: '校验' });
    const id = (created.json() as { id: number }).id;
    const bad = [QUESTIONS[0], { ...QUESTIONS[1], options: [{ code: 'a', label: '唯一' }] }];
    const zh = await people.district.post(`/api/surveys/${id}/versions`, { group: 'residents', questions: bad });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().message).toBe('第 2 题至少需要两个选项');
    expect(zh.json().details.fields[0].path).toBe('body/questions/1/options');
    const en = await env.app.inject({
      method: 'POST',
      url: `/api/surveys/${id}/versions`,
      headers: { cookie: people.district.cookie, 'x-csrf-token': people.district.csrf, 'accept-language': 'en-US' },
      payload: {
        group: 'residents',
        questions: [{ ...QUESTIONS[0], rate: { kind: 'awareness', positive: ['maybe'] } }],
      },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toBe('Question 1: the rate refers to an option “maybe” that does not exist');
    // an empty questionnaire cannot be opened
    const open = await people.district.post(`/api/surveys/${id}/open`);
    expect(open.statusCode).toBe(409);
    // a group has one version
    const first = await people.district.post(`/api/surveys/${id}/versions`, {
      group: 'teachers',
      questions: QUESTIONS,
    });
    expect(first.statusCode).toBe(201);
    const twice = await people.district.post(`/api/surveys/${id}/versions`, {
      group: 'teachers',
      questions: QUESTIONS,
    });
    expect(twice.statusCode).toBe(400);
  });

  it('locks a version’s questions once answered, but its rate configuration stays editable', async () => {
    const survey = await createOpenSurvey(people.district, { regionId: city.districts[0].id });
    const res = await answer(env, survey.token, {
      versionId: survey.versions.residents,
      regionId: city.communities[0].id,
      answers: good(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const url = `/api/surveys/${survey.id}/versions/${survey.versions.residents}`;
    const changed = QUESTIONS.map((q) => (q.code === 'q1' ? { ...q, title: '改过的题目' } : q));
    const locked = await people.district.put(url, { group: 'residents', questions: changed });
    expect(locked.statusCode).toBe(409);
    const rates = QUESTIONS.map((q) => (q.code === 'q1' ? { ...q, rate: { kind: 'awareness', positive: ['no'] } } : q));
    const ok = await people.district.put(url, { group: 'residents', questions: rates });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ isLocked: true, responses: 1 });
    expect((await people.district.delete(url)).statusCode).toBe(409);
    const students = `/api/surveys/${survey.id}/versions/${survey.versions.students}`;
    expect((await people.district.delete(students)).statusCode).toBe(200);
  });

  it('opens and closes, audited; the window must make sense', async () => {
    const survey = await createOpenSurvey(people.district, { regionId: city.districts[0].id, open: false });
    expect((await people.district.post(`/api/surveys/${survey.id}/close`)).statusCode).toBe(200);
    expect((await people.district.post(`/api/surveys/${survey.id}/close`)).statusCode).toBe(409);
    const reopened = await people.district.post(`/api/surveys/${survey.id}/open`);
    expect(reopened.json().status).toBe('open');
    const window = await people.district.patch(`/api/surveys/${survey.id}`, {
      opensAt: '2026-03-10T00:00:00Z',
      closesAt: '2026-03-01T00:00:00Z',
    });
    expect(window.statusCode).toBe(400);
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('action')
      .where('entity_type', '=', 'survey')
      .where('entity_id', '=', String(survey.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'survey.create',
      'survey.version.create',
      'survey.version.create',
      'survey.close',
      'survey.open',
    ]);
  });

  it('sets quotas inside the questionnaire’s region, counting answers already received', async () => {
    const survey = await createOpenSurvey(people.admin);
    for (let i = 0; i < 2; i++) {
      const res = await answer(env, survey.token, {
        versionId: survey.versions.students,
        regionId: city.communities[0].id,
        answers: good(),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const set = await people.admin.put(`/api/surveys/${survey.id}/quotas`, {
      items: [
        { regionId: city.districts[0].id, quota: 5 },
        { regionId: city.streets[1].id, quota: 3 },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(
      (set.json() as { quotas: { regionId: number; quota: number; counted: number }[] }).quotas.map((q) => [
        q.regionId,
        q.quota,
        q.counted,
      ]),
    ).toEqual([
      [city.districts[0].id, 5, 2],
      [city.streets[1].id, 3, 0],
    ]);
    const outside = await people.district.put(`/api/surveys/${east.id}/quotas`, {
      items: [{ regionId: city.districts[1].id, quota: 5 }],
    });
    expect(outside.statusCode).toBe(400);
  });
});
