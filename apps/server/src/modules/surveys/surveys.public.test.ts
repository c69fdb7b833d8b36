// Answering without an account: the page's data, a good sheet counted, a retried one answered
// with the first receipt, every bad answer a 400 naming the question (zh-CN and en-US), free text
// kept as plain text, a closed or not-yet-open questionnaire and a full quota refused with a
// message in the respondent's language, the per-device and per-address daily limits — and no
// refusal leaving anything behind (responses, counts, quota and limit counters unchanged).

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCity, TestEnv } from '../../../test/harness.js';
import {
  answer,
  createOpenSurvey,
  newDevice,
  newKey,
  setUpSurveys,
  type OpenSurvey,
  type SurveyPeople,
} from '../../../test/survey-fixtures.js';

let env: TestEnv;
let city: TestCity;
let people: SurveyPeople;

beforeAll(async () => {
  ({ env, city, people } = await setUpSurveys());
});
afterAll(async () => env?.close());

const good = () => ({ q1: 'yes', q3: 's4', q4: 4 });

/** Everything a submission writes, to prove a refusal wrote nothing. */
async function footprint(surveyId: number) {
  const { rows } = await sql<{ responses: number; counts: number; quota: number; limits: number }>`
    SELECT (SELECT count(*)::int FROM survey_responses WHERE survey_id = ${surveyId}) AS responses,
      (SELECT coalesce(sum(count), 0)::int FROM survey_answer_counts WHERE survey_id = ${surveyId}) AS counts,
      (SELECT coalesce(sum(counted), 0)::int FROM survey_quotas WHERE survey_id = ${surveyId}) AS quota,
      (SELECT coalesce(sum(count), 0)::int FROM survey_limit_counters WHERE survey_id = ${surveyId}) AS limits`.execute(
    env.db,
  );
  return rows[0];
}

describe('the answering page', () => {
  it('gives the versions, questions and the regions down to communities; a draft is not found', async () => {
    const survey = await createOpenSurvey(people.admin);
    const res = await env.app.inject({ url: `/api/public/surveys/${survey.token}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ title: '文明城市创建市民满意度调查', isOpen: true, closedMessage: null });
    expect(body.versions.map((v: { group: string }) => v.group)).toEqual(['residents', 'students']);
    expect(body.regions.filter((r: { level: string }) => r.level === 'community')).toHaveLength(2);
    expect(body).not.toHaveProperty('token');
    expect(JSON.stringify(body)).not.toContain('salt');
    const draft = await createOpenSurvey(people.admin, { open: false });
    expect((await env.app.inject({ url: `/api/public/surveys/${draft.token}` })).statusCode).toBe(404);
    expect((await env.app.inject({ url: `/api/public/surveys/${'x'.repeat(24)}` })).statusCode).toBe(404);
  });
});

describe('submitting', () => {
  let survey: OpenSurvey;
  beforeAll(async () => {
    survey = await createOpenSurvey(people.admin, { perDeviceLimit: 0 });
  });
  const sheet = (answers: Record<string, unknown>) => ({
    versionId: survey.versions.residents,
    regionId: city.communities[0].id,
    answers,
  });

  it('counts a good sheet once; a retry with the same key answers the first receipt', async () => {
    const before = await footprint(survey.id);
    const key = newKey();
    const first = await answer(env, survey.token, sheet({ ...good(), q2: ['clean'], q5: { road: 's5' } }), { key });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ isRepeat: false, receipt: expect.stringMatching(/^W\d{7}$/) });
    const again = await answer(env, survey.token, sheet(good()), { key });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ receipt: first.json().receipt, isRepeat: true });
    const after = await footprint(survey.id);
    expect(after.responses - before.responses).toBe(1);
    // responses + q1 + q2 + q3 + q4 + one matrix row
    expect(after.counts - before.counts).toBe(6);
    const stored = await env.db
      .selectFrom('survey_responses')
      .select(['ip_hash', 'device_hash'])
      .where('survey_id', '=', survey.id)
      .executeTakeFirstOrThrow();
    expect(stored.ip_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored.ip_hash).not.toContain('198.51.100');
  });

  it.each([
    [{ q1: 'maybe', q3: 's4', q4: 4 }, 'q1', '第 1 题「您是否知道本市正在创建全国文明城市？」没有选项「maybe」'],
    [{ q1: 'yes', q4: 4 }, 'q3', '第 3 题「您对创建工作的总体评价」为必答题'],
    [{ ...good(), q2: ['clean', 'traffic', 'none'] }, 'q2', '第 2 题「您支持哪些创建措施？」最多选择 2 项'],
    [{ ...good(), q4: 7 }, 'q4', '第 4 题「请为市容环境打分」的评分应为 1–5 的整数'],
    [{ ...good(), q6: '很'.repeat(51) }, 'q6', '第 6 题「您的意见建议」最多 50 个字'],
    [{ ...good(), q9: 'x' }, 'q9', '问卷中没有题目「q9」'],
  ])('refuses %j naming %s', async (answers, question, message) => {
    const before = await footprint(survey.id);
    const res = await answer(env, survey.token, sheet(answers));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
    expect(res.json().details.fields[0].path).toBe(`body/answers/${question}`);
    expect(await footprint(survey.id)).toEqual(before);
  });

  it('names the question in English too', async () => {
    const res = await answer(env, survey.token, sheet({ q1: 'yes', q4: 4 }), { lang: 'en-US' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Question 3 “您对创建工作的总体评价” must be answered');
  });

  it('refuses a version of another questionnaire and a region outside it or not a community', async () => {
    const other = await createOpenSurvey(people.district, { regionId: city.districts[0].id });
    const wrongVersion = await answer(env, survey.token, { ...sheet(good()), versionId: other.versions.residents });
    expect(wrongVersion.statusCode).toBe(400);
    const street = await answer(env, survey.token, { ...sheet(good()), regionId: city.streets[0].id });
    expect(street.statusCode).toBe(400);
    const outside = await answer(env, other.token, {
      versionId: other.versions.residents,
      regionId: city.communities[1].id,
      answers: good(),
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toBe('请选择您所在的社区');
  });

  it('keeps free text as plain text', async () => {
    const text = '<script>alert(1)</script> 路灯坏了\u0000';
    const res = await answer(env, survey.token, sheet({ ...good(), q6: text }));
    expect(res.statusCode, res.body).toBe(201);
    const list = await people.admin.get(`/api/surveys/${survey.id}/texts?question=q6`);
    expect(list.json().items[0].text).toBe('<script>alert(1)</script> 路灯坏了');
  });
});

describe('closed, not yet open, over quota', () => {
  it('a closed questionnaire answers 409 in the respondent’s language', async () => {
    const survey = await createOpenSurvey(people.admin);
    await people.admin.post(`/api/surveys/${survey.id}/close`);
    const body = { versionId: survey.versions.residents, regionId: city.communities[0].id, answers: good() };
    const zh = await answer(env, survey.token, body);
    expect(zh.statusCode).toBe(409);
    expect(zh.json().message).toBe('问卷已结束，感谢您的关注');
    const en = await answer(env, survey.token, body, { lang: 'en-US' });
    expect(en.json().message).toBe('The questionnaire is closed. Thank you for your interest');
    const page = await env.app.inject({ url: `/api/public/surveys/${survey.token}` });
    expect(page.json()).toMatchObject({ isOpen: false, closedMessage: '问卷已结束，感谢您的关注' });
    expect(await footprint(survey.id)).toMatchObject({ responses: 0, counts: 0, limits: 0 });
  });

  it('honours the window: before opensAt and after closesAt', async () => {
    const survey = await createOpenSurvey(people.admin);
    const body = { versionId: survey.versions.residents, regionId: city.communities[0].id, answers: good() };
    await people.admin.patch(`/api/surveys/${survey.id}`, { opensAt: '2026-03-05T00:00:00Z' });
    const early = await answer(env, survey.token, body, { lang: 'en-US' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('The questionnaire has not started yet; please come back later');
    await people.admin.patch(`/api/surveys/${survey.id}`, { opensAt: null, closesAt: '2026-03-02T01:00:00Z' });
    expect((await answer(env, survey.token, body)).statusCode).toBe(409);
    await people.admin.patch(`/api/surveys/${survey.id}`, { closesAt: '2026-03-03T00:00:00Z' });
    expect((await answer(env, survey.token, body)).statusCode).toBe(201);
  });

  it('counts against every quota on the region’s path and refuses once one is full', async () => {
    const survey = await createOpenSurvey(people.admin, { perDeviceLimit: 2 });
    await people.admin.put(`/api/surveys/${survey.id}/quotas`, {
      items: [
        { regionId: city.districts[0].id, quota: 3 },
        { regionId: city.communities[0].id, quota: 2 },
      ],
    });
    const east = (device = newDevice(), lang = 'zh-CN') =>
      answer(
        env,
        survey.token,
        { versionId: survey.versions.students, regionId: city.communities[0].id, answers: good() },
        { device, lang },
      );
    expect((await east()).statusCode).toBe(201);
    const device = newDevice();
    expect((await east(device)).statusCode).toBe(201);
    const before = await footprint(survey.id);
    const full = await east(device);
    expect(full.statusCode).toBe(409);
    expect(full.json().message).toBe('东社区的样本已收满，感谢您的参与');
    expect((await east(newDevice(), 'en-US')).json().message).toBe(
      'We have all the answers we need from 东社区. Thank you for taking part',
    );
    // nothing half-saved: not the district's quota, not the device's count
    expect(await footprint(survey.id)).toEqual(before);
    const quotas = await people.admin.get(`/api/surveys/${survey.id}`);
    expect(quotas.json().quotas.map((q: { counted: number }) => q.counted)).toEqual([2, 2]);
    // the same device may still answer from an unlimited region (its second of two)
    const westAnswer = await answer(
      env,
      survey.token,
      { versionId: survey.versions.students, regionId: city.communities[1].id, answers: good() },
      { device },
    );
    expect(westAnswer.statusCode, westAnswer.body).toBe(201);
  });
});

describe('limits', () => {
  it('one answer per device by default: 429 with a message, counted nowhere', async () => {
    const survey = await createOpenSurvey(people.admin);
    const body = { versionId: survey.versions.residents, regionId: city.communities[0].id, answers: good() };
    const device = newDevice();
    expect((await answer(env, survey.token, body, { device })).statusCode).toBe(201);
    const before = await footprint(survey.id);
    const second = await answer(env, survey.token, body, { device });
    expect(second.statusCode).toBe(429);
    expect(second.json().message).toBe('本设备已提交过答卷（每台设备限 1 份），感谢参与');
    expect(await footprint(survey.id)).toEqual(before);
  });

  it('a daily limit per address, whatever the device; the next day starts afresh', async () => {
    const survey = await createOpenSurvey(people.admin, { perIpDailyLimit: 2 });
    const body = { versionId: survey.versions.residents, regionId: city.communities[0].id, answers: good() };
    const ip = '203.0.113.50';
    expect((await answer(env, survey.token, body, { ip })).statusCode).toBe(201);
    expect((await answer(env, survey.token, body, { ip })).statusCode).toBe(201);
    const third = await answer(env, survey.token, body, { ip, lang: 'en-US' });
    expect(third.statusCode).toBe(429);
    expect(third.json().message).toBe('Your network has reached today’s limit of answers; please try again tomorrow');
    expect((await answer(env, survey.token, body, { ip: '203.0.113.51' })).statusCode).toBe(201);
    const saved = env.clock.now;
    env.clock.now = new Date(saved.getTime() + 24 * 3600_000);
    try {
      expect((await answer(env, survey.token, body, { ip })).statusCode).toBe(201);
    } finally {
      env.clock.now = saved;
    }
  });
});
