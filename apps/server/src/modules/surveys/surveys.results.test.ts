// Results against hand-computed numbers: six answer sheets from two respondent groups in two
// districts; the distributions, the four rates (formulas in packages/common/src/surveys.ts), the
// cross-tabs by district, street and group, one question by region and group, filters, a rate
// reconfigured after answering, both Excel exports, and the counts equal to a recount of the raw
// answers.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetKeys, type AnswerValue, type SurveyQuestion } from '@cc/common/surveys';
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
let survey: OpenSurvey;

interface Rates {
  awareness: number | null;
  support: number | null;
  satisfaction: number | null;
  participation: number | null;
}
interface Results {
  responses: number;
  rates: { kind: keyof Rates; value: number | null; questions: number; answers: number }[];
  questions: {
    code: string;
    answered: number;
    mean: number | null;
    groups: string[];
    options: { code: string; count: number; percent: number }[];
    rows: { code: string; answered: number }[];
    rate: { kind: string; value: number | null; n: number } | null;
  }[];
  byDistrict: { key: string; name: string; responses: number; rates: Rates }[];
  byStreet: { key: string; name: string; responses: number; rates: Rates }[];
  byGroup: { key: string; name: string; responses: number; rates: Rates }[];
}

beforeAll(async () => {
  ({ env, city, people } = await setUpSurveys());
  survey = await createOpenSurvey(people.admin, { perDeviceLimit: 0 });
  const east = city.communities[0].id;
  const west = city.communities[1].id;
  const r = survey.versions.residents;
  const s = survey.versions.students;
  const sheets: [number, number, Record<string, unknown>][] = [
    [r, east, { q1: 'yes', q2: ['clean', 'traffic'], q3: 's5', q4: 5, q5: { road: 's5', park: 's4' }, q6: '好' }], // R1
    [r, east, { q1: 'yes', q2: ['none'], q3: 's4', q4: 4, q5: { road: 's2' } }], // R2
    [r, east, { q1: 'no', q3: 'dk', q4: 1 }], // R3
    [r, west, { q1: 'yes', q2: ['traffic'], q3: 's3', q4: 3, q5: { park: 'dk' } }], // R4
    [s, east, { q1: 'no', q2: ['clean'], q3: 's2', q4: 2 }], // S1
    [s, east, { q1: 'yes', q3: 's5', q4: 5 }], // S2
  ];
  for (const [versionId, regionId, answers] of sheets) {
    const res = await answer(env, survey.token, { versionId, regionId, answers });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => env?.close());

async function results(query = ''): Promise<Results> {
  const res = await people.admin.get(`/api/surveys/${survey.id}/results${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Results;
}
const rate = (r: Results, kind: keyof Rates) => r.rates.find((x) => x.kind === kind)!.value;

describe('results', () => {
  it('the rates over everything', async () => {
    const r = await results();
    expect(r.responses).toBe(6);
    // 知晓率: R1, R2, R4, S2 know — 4 / 6
    expect(rate(r, 'awareness')).toBeCloseTo(66.6667, 3);
    // 支持率: answered R1, R2, R4, S1; positive R1, R4, S1 — 3 / 4
    expect(rate(r, 'support')).toBe(75);
    // 满意度: q3 (100 + 80 + 60 + 0 + 100) / 5 = 68 (R3 "不了解" left out);
    // q4 (100 + 75 + 0 + 50 + 25 + 100) / 6 = 58.333; q5 (100 + 80 + 0) / 3 = 60; mean 62.111
    expect(rate(r, 'satisfaction')).toBeCloseTo(62.1111, 3);
    expect(rate(r, 'participation')).toBeNull();
    expect(r.rates.find((x) => x.kind === 'satisfaction')).toMatchObject({ questions: 3, answers: 14 });
  });

  it('per-question distributions, pooled over both groups where both ask', async () => {
    const r = await results();
    const q = (code: string) => r.questions.find((x) => x.code === code)!;
    expect(q('q1').groups).toEqual(['residents', 'students']);
    expect(q('q5').groups).toEqual(['residents']);
    expect(q('q2').answered).toBe(4);
    expect(q('q2').options.map((o) => [o.code, o.count, o.percent])).toEqual([
      ['clean', 2, 50],
      ['traffic', 2, 50],
      ['none', 1, 25],
    ]);
    expect(q('q4').mean).toBeCloseTo(20 / 6, 6);
    expect(q('q4').options.map((o) => o.count)).toEqual([1, 1, 1, 1, 2]);
    expect(q('q5').rows.map((row) => [row.code, row.answered])).toEqual([
      ['road', 2],
      ['park', 2],
    ]);
    expect(q('q3').rate).toEqual({ kind: 'satisfaction', value: 68, weight: 1, n: 5 });
    expect(q('q6')).toMatchObject({ answered: 1, rate: null });
  });

  it('cross-tabs by district, street and group', async () => {
    const r = await results();
    const district = (name: string) => r.byDistrict.find((x) => x.name === name)!;
    // 东区: R1 R2 R3 S1 S2 — awareness 3/5; support 2/3; satisfaction (70 + 60 + 60) / 3
    expect(district('东区').responses).toBe(5);
    expect(district('东区').rates.awareness).toBe(60);
    expect(district('东区').rates.support).toBeCloseTo(66.6667, 3);
    expect(district('东区').rates.satisfaction).toBeCloseTo(63.3333, 3);
    // 西区: R4 only — satisfaction (60 + 50) / 2, no matrix answer scored
    expect(district('西区').rates).toEqual({ awareness: 100, support: 100, satisfaction: 55, participation: null });
    expect(r.byStreet.map((s) => [s.name, s.responses])).toEqual([
      ['东街道', 5],
      ['西街道', 1],
    ]);
    const group = (key: string) => r.byGroup.find((x) => x.key === key)!;
    // residents: awareness 3/4; support 2/3; satisfaction (80 + 56.25 + 60) / 3
    expect(group('residents')).toMatchObject({ name: '居民', responses: 4 });
    expect(group('residents').rates.awareness).toBe(75);
    expect(group('residents').rates.satisfaction).toBeCloseTo(65.4167, 3);
    // students: awareness 1/2; support 1/1; satisfaction (50 + 62.5) / 2
    expect(group('students').rates).toEqual({ awareness: 50, support: 100, satisfaction: 56.25, participation: null });
  });

  it('filters by region and by version', async () => {
    const east = await results(`?regionId=${city.districts[0].id}`);
    expect(east.responses).toBe(5);
    expect(rate(east, 'awareness')).toBe(60);
    expect(east.byDistrict.map((d) => d.name)).toEqual(['东区']);
    const students = await results(`?versionId=${survey.versions.students}`);
    expect(students.responses).toBe(2);
    expect(rate(students, 'awareness')).toBe(50);
    expect(students.questions.map((q) => q.code)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect((await people.admin.get(`/api/surveys/${survey.id}/results?versionId=999999`)).statusCode).toBe(404);
  });

  it('one question by district and by group', async () => {
    const byDistrict = await people.admin.get(`/api/surveys/${survey.id}/crosstab?question=q1&by=district`);
    expect(byDistrict.statusCode, byDistrict.body).toBe(200);
    expect(byDistrict.json()).toMatchObject({
      columns: [
        { code: 'yes', label: '知道' },
        { code: 'no', label: '不知道' },
      ],
      rows: [
        { name: '东区', answered: 5, counts: [3, 2], percents: [60, 40], rate: 60 },
        { name: '西区', answered: 1, counts: [1, 0], percents: [100, 0], rate: 100 },
      ],
    });
    const byGroup = await people.admin.get(`/api/surveys/${survey.id}/crosstab?question=q3&by=group`);
    expect(
      byGroup.json().rows.map((r: { key: string; counts: number[]; rate: number }) => [r.key, r.counts, r.rate]),
    ).toEqual([
      ['residents', [1, 1, 1, 0, 1], 80],
      ['students', [1, 0, 0, 1, 0], 50],
    ]);
    const community = await people.admin.get(`/api/surveys/${survey.id}/crosstab?question=q4&by=community`);
    expect(community.json().rows.map((r: { name: string; answered: number }) => [r.name, r.answered])).toEqual([
      ['东社区', 5],
      ['西社区', 1],
    ]);
    expect((await people.admin.get(`/api/surveys/${survey.id}/crosstab?question=q99&by=group`)).statusCode).toBe(404);
  });

  it('the counts equal a recount of the raw answers', async () => {
    const versions = await env.db
      .selectFrom('survey_versions')
      .select(['id', 'questions'])
      .where('survey_id', '=', survey.id)
      .execute();
    const questionsOf = new Map(versions.map((v) => [v.id, v.questions as SurveyQuestion[]]));
    const responses = await env.db
      .selectFrom('survey_responses')
      .select(['version_id', 'region_id', 'answers'])
      .where('survey_id', '=', survey.id)
      .execute();
    const expected = new Map<string, number>();
    for (const r of responses) {
      for (const k of sheetKeys(questionsOf.get(r.version_id)!, r.answers as Record<string, AnswerValue>)) {
        const key = `${r.version_id}|${r.region_id}|${k.question}|${k.answer}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
    }
    const counts = await env.db
      .selectFrom('survey_answer_counts')
      .select(['version_id', 'region_id', 'question_code', 'answer_key', 'count'])
      .where('survey_id', '=', survey.id)
      .execute();
    const actual = new Map(
      counts.map((c) => [`${c.version_id}|${c.region_id}|${c.question_code}|${c.answer_key}`, c.count]),
    );
    expect(actual).toEqual(expected);
  });
});

describe('exports', () => {
  async function workbook(url: string) {
    const res = await people.admin.get(url);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  }

  it('the summary: rates with formulas, distributions, cross-tabs', async () => {
    const wb = await workbook(`/api/surveys/${survey.id}/export/summary`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体指标', '各题分布', '按区县', '按街道', '按调查对象']);
    const rates = wb.getWorksheet('总体指标')!;
    expect(rates.getRow(2).values).toEqual([undefined, '答卷数', 6]);
    expect(rates.getRow(3).getCell(1).value).toBe('知晓率');
    expect(rates.getRow(3).getCell(2).value).toBe(66.67);
    expect(String(rates.getRow(3).getCell(5).value)).toContain('÷');
    const groups = wb.getWorksheet('按调查对象')!;
    expect(groups.getRow(3).values).toEqual([undefined, '学生', 2, 50, 100, 56.25]);
  });

  it('the raw answers: one row per sheet, labels not codes', async () => {
    const wb = await workbook(`/api/surveys/${survey.id}/export/answers`);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(7);
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 6)).toEqual(['答卷编号', '提交时间', '调查对象', '区县', '街道', '社区']);
    const first = sheet.getRow(2);
    const cell = (title: string) => first.getCell(header.findIndex((h) => h.includes(title)) + 1).value;
    expect(cell('调查对象')).toBe('居民');
    expect(cell('社区')).toBe('东社区');
    expect(cell('您支持哪些创建措施')).toBe('环境整治、文明交通');
    expect(cell('道路')).toBe('很满意');
    expect(cell('请为市容环境打分')).toBe(5);
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('action')
      .where('action', 'like', 'survey.export%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['survey.export.answers', 'survey.export.summary']);
  });

  it('is for those who manage the questionnaire', async () => {
    const res = await people.district.get(`/api/surveys/${survey.id}/export/answers`);
    expect(res.statusCode).toBe(404);
  });
});

describe('reconfiguring a rate after answering', () => {
  it('applies at once to the results, without recounting', async () => {
    const questions = QUESTIONS.map((q) =>
      q.code === 'q1'
        ? { ...q, rate: { kind: 'awareness' as const, positive: ['no'] } }
        : q.code === 'q4'
          ? { ...q, rate: { kind: 'satisfaction' as const, weight: 2 } }
          : q,
    );
    const put = await people.admin.put(`/api/surveys/${survey.id}/versions/${survey.versions.residents}`, {
      group: 'residents',
      questions,
    });
    expect(put.statusCode, put.body).toBe(200);
    const r = await results();
    // residents count "no" (R3), students still "yes" (S2): 2 / 6
    expect(rate(r, 'awareness')).toBeCloseTo(33.3333, 3);
    // q4 weighs 2 (the first version's weight): (68 + 2 × 58.333 + 60) / 4
    expect(rate(r, 'satisfaction')).toBeCloseTo(61.1667, 3);
  });
});
