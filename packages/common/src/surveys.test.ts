import { describe, expect, it } from 'vitest';
import {
  answerKeys,
  checkAnswers,
  checkQuestions,
  combineRates,
  distribution,
  rateTally,
  sheetKeys,
  surveyRates,
  tallyRate,
  type AnswerCount,
  type SurveyQuestion,
} from './surveys';

const yesNo = [
  { code: 'yes', label: '知道' },
  { code: 'no', label: '不知道' },
];
const satisfaction = [
  { code: 's5', label: '很满意' },
  { code: 's4', label: '满意' },
  { code: 's3', label: '一般' },
  { code: 's2', label: '不满意' },
  { code: 'dk', label: '不了解' },
];

const knows: SurveyQuestion = {
  code: 'q1',
  type: 'single',
  title: '您是否知道本市正在创建全国文明城市？',
  required: true,
  options: yesNo,
  rate: { kind: 'awareness', positive: ['yes'] },
};
const channels: SurveyQuestion = {
  code: 'q2',
  type: 'multiple',
  title: '您通过哪些渠道了解创文？',
  required: false,
  maxChoices: 2,
  options: [
    { code: 'tv', label: '电视' },
    { code: 'web', label: '网络' },
    { code: 'none', label: '没有了解' },
  ],
  rate: { kind: 'awareness', positive: ['tv', 'web'] },
};
const satisfied: SurveyQuestion = {
  code: 'q3',
  type: 'single',
  title: '您对创文工作的总体评价',
  required: true,
  options: satisfaction,
  rate: { kind: 'satisfaction', scores: { s5: 100, s4: 80, s3: 60, s2: 0 } },
};
const score: SurveyQuestion = {
  code: 'q4',
  type: 'rating',
  title: '请为市容环境打分',
  required: true,
  min: 1,
  max: 5,
  rate: { kind: 'satisfaction', weight: 2 },
};
const matrix: SurveyQuestion = {
  code: 'q5',
  type: 'matrix',
  title: '您对以下方面是否满意',
  required: false,
  rows: [
    { code: 'road', label: '道路' },
    { code: 'park', label: '公园' },
  ],
  options: satisfaction,
  rate: { kind: 'satisfaction', scores: { s5: 100, s4: 80, s3: 60, s2: 0 } },
};
const text: SurveyQuestion = { code: 'q6', type: 'text', title: '您的建议', required: false, maxLength: 10 };
const joined: SurveyQuestion = {
  code: 'q7',
  type: 'rating',
  title: '您参加过几次志愿活动（0–3 次及以上）',
  required: false,
  min: 0,
  max: 3,
  rate: { kind: 'participation', positiveMin: 1 },
};

const c = (question: string, answer: string, count: number): AnswerCount => ({ question, answer, count });

describe('share rates (知晓率, 支持率, 参与率)', () => {
  it('single choice: positive answers ÷ answers', () => {
    // 30 know, 10 do not: 30 / 40 = 75 %
    const tally = rateTally(knows, [c('q1', 'yes', 30), c('q1', 'no', 10), c('q9', 'yes', 99)]);
    expect(tally).toEqual({ kind: 'awareness', weight: 1, n: 40, sum: 30 });
    expect(tallyRate(tally!)).toBe(75);
  });

  it('multiple choice: a respondent counts once if any chosen option is positive', () => {
    // 5 chose tv+web, 3 tv, 2 none → positive 8 of 10 = 80 % (per-option counts would say 13)
    const counts = [c('q2', 'tv,web', 5), c('q2', 'tv', 3), c('q2', 'none', 2)];
    expect(tallyRate(rateTally(channels, counts)!)).toBe(80);
    const d = distribution(channels, counts);
    expect(d.answered).toBe(10);
    expect(d.options.map((o) => [o.code, o.count, o.percent])).toEqual([
      ['tv', 8, 80],
      ['web', 5, 50],
      ['none', 2, 20],
    ]);
  });

  it('rating: values at or above positiveMin are positive', () => {
    // 0 times: 6, 1: 2, 3: 2 → 4 of 10 = 40 %
    const counts = [c('q7', '0', 6), c('q7', '1', 2), c('q7', '3', 2)];
    expect(tallyRate(rateTally(joined, counts)!)).toBe(40);
  });
});

describe('satisfaction (满意度)', () => {
  it('choice: mean of option scores, unscored options left out', () => {
    // 10×100 + 20×80 + 10×60 + 10×0 = 3200 over 50 scored answers = 64; 15 "不了解" not counted
    const counts = [c('q3', 's5', 10), c('q3', 's4', 20), c('q3', 's3', 10), c('q3', 's2', 10), c('q3', 'dk', 15)];
    const tally = rateTally(satisfied, counts)!;
    expect(tally.n).toBe(50);
    expect(tallyRate(tally)).toBe(64);
  });

  it('rating: linear from min (0) to max (100) unless scores are given', () => {
    // values 5,4,3,1 once each: 100 + 75 + 50 + 0 = 225 / 4 = 56.25
    const counts = [c('q4', '5', 1), c('q4', '4', 1), c('q4', '3', 1), c('q4', '1', 1)];
    expect(tallyRate(rateTally(score, counts)!)).toBe(56.25);
    const scored = { ...score, rate: { kind: 'satisfaction' as const, scores: { '5': 100, '4': 100 } } };
    // 4 and 5 given 100; 3 → 50, 1 → 0 by the line: (100 + 100 + 50 + 0) / 4 = 62.5
    expect(tallyRate(rateTally(scored, counts)!)).toBe(62.5);
    expect(distribution(score, counts).mean).toBe(3.25);
  });

  it('matrix: every answered row is one answer', () => {
    // road: s5 ×2, s2 ×1; park: s4 ×1, dk ×1 → (200 + 0 + 80) / 4 = 70
    const counts = [c('q5', 'road=s5', 2), c('q5', 'road=s2', 1), c('q5', 'park=s4', 1), c('q5', 'park=dk', 1)];
    expect(tallyRate(rateTally(matrix, counts)!)).toBe(70);
    const d = distribution(matrix, counts);
    expect(d.rows.map((r) => r.answered)).toEqual([3, 2]);
    expect(d.rows[0].options.find((o) => o.code === 's5')?.percent).toBeCloseTo(66.667, 2);
  });
});

describe('the questionnaire rates', () => {
  it('weighted mean of question rates per kind; unanswered questions left out', () => {
    const rates = combineRates([
      { kind: 'satisfaction', weight: 1, n: 50, sum: 3200 }, // 64
      { kind: 'satisfaction', weight: 2, n: 4, sum: 225 }, // 56.25
      { kind: 'awareness', weight: 1, n: 40, sum: 30 }, // 75
      { kind: 'awareness', weight: 1, n: 10, sum: 8 }, // 80
      { kind: 'support', weight: 1, n: 0, sum: 0 },
    ]);
    const by = Object.fromEntries(rates.map((r) => [r.kind, r]));
    // (64 + 2 × 56.25) / 3 = 58.8333…
    expect(by.satisfaction.value).toBeCloseTo(58.8333, 3);
    expect(by.awareness.value).toBe(77.5);
    expect(by.support).toEqual({ kind: 'support', value: null, questions: 1, answers: 0 });
    expect(by.participation).toEqual({ kind: 'participation', value: null, questions: 0, answers: 0 });
  });

  it('pools one question code across respondent groups, each with its own configuration', () => {
    // residents: 30 of 40 know; students' version counts "no" as not knowing too: 5 of 20
    // pooled: 35 / 60 = 58.33 %
    const students = { ...knows, options: [...yesNo, { code: 'maybe', label: '听说过' }] };
    const { rates, questions } = surveyRates([
      { questions: [knows], counts: [c('q1', 'yes', 30), c('q1', 'no', 10)] },
      { questions: [students], counts: [c('q1', 'yes', 5), c('q1', 'no', 10), c('q1', 'maybe', 5)] },
    ]);
    expect(questions.get('q1')).toMatchObject({ n: 60, sum: 35 });
    expect(rates.find((r) => r.kind === 'awareness')?.value).toBeCloseTo(58.333, 2);
  });
});

describe('checkAnswers', () => {
  const questions = [knows, channels, score, text, matrix];

  it('accepts a good sheet and cleans it', () => {
    const result = checkAnswers(questions, {
      q1: 'yes',
      q2: ['web', 'tv', 'web'],
      q4: 4,
      q6: '  <b>好</b>\u0007 ',
      q5: { road: 's4' },
    });
    expect(result).toEqual({
      ok: true,
      answers: { q1: 'yes', q2: ['tv', 'web'], q4: 4, q6: '<b>好</b>', q5: { road: 's4' } },
    });
  });

  it.each([
    [{ q1: 'maybe', q4: 3 }, 'q1', 'SURVEY_ANSWER_UNKNOWN_OPTION'],
    [{ q4: 3 }, 'q1', 'SURVEY_ANSWER_REQUIRED'],
    [{ q1: 'yes', q4: 3, q2: ['tv', 'web', 'none'] }, 'q2', 'SURVEY_ANSWER_TOO_MANY'],
    [{ q1: 'yes', q4: 6 }, 'q4', 'SURVEY_ANSWER_OUT_OF_RANGE'],
    [{ q1: 'yes', q4: 2.5 }, 'q4', 'SURVEY_ANSWER_OUT_OF_RANGE'],
    [{ q1: 'yes', q4: '3' }, 'q4', 'SURVEY_ANSWER_WRONG_TYPE'],
    [{ q1: 'yes', q4: 3, q6: '一二三四五六七八九十十一' }, 'q6', 'SURVEY_ANSWER_TOO_LONG'],
    [{ q1: 'yes', q4: 3, q5: { lake: 's5' } }, 'q5', 'SURVEY_ANSWER_UNKNOWN_OPTION'],
    [{ q1: 'yes', q4: 3, q99: 'x' }, 'q99', 'SURVEY_ANSWER_UNKNOWN_QUESTION'],
  ])('%j → %s %s', (sheet, question, key) => {
    const result = checkAnswers(questions, sheet as never);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.question).toBe(question);
      expect(result.issue.key).toBe(key);
    }
  });

  it('a required matrix needs every row', () => {
    const result = checkAnswers([{ ...matrix, required: true }], { q5: { road: 's5' } });
    expect(result.ok === false && result.issue.key).toBe('SURVEY_ANSWER_ROW_REQUIRED');
  });
});

describe('checkQuestions', () => {
  it('accepts the examples', () => {
    expect(checkQuestions([knows, channels, satisfied, score, matrix, text, joined])).toEqual([]);
  });

  it('names what is wrong', () => {
    const issues = checkQuestions([
      { ...knows, options: [yesNo[0]] },
      { ...knows, rate: { kind: 'support', positive: ['maybe'] } },
      { ...channels, code: 'q2', rate: { kind: 'satisfaction', scores: { tv: 100 } } },
      { ...score, code: 'q4', min: 5, max: 5 },
      { ...text, code: 'q6', rate: { kind: 'awareness', positive: [] } },
      { ...joined, code: 'q7', rate: { kind: 'participation', positiveMin: 9 } },
    ]);
    expect(issues.map((i) => `${i.path} ${i.key}`)).toEqual([
      'questions/0/options SURVEY_TWO_OPTIONS',
      'questions/1/code SURVEY_DUPLICATE_CODE',
      'questions/1/rate/positive SURVEY_RATE_UNKNOWN_OPTION',
      'questions/2/rate SURVEY_RATE_SATISFACTION_MULTIPLE',
      'questions/3/max SURVEY_RATING_SCALE',
      'questions/4/rate SURVEY_RATE_TEXT',
      'questions/5/rate/positiveMin SURVEY_RATE_POSITIVE_MIN',
    ]);
  });
});

describe('count keys', () => {
  it('one key per question (per row for a matrix) plus the responses key', () => {
    expect(answerKeys(channels, ['tv', 'web'])).toEqual(['tv,web']);
    expect(answerKeys(matrix, { road: 's5', park: 'dk' })).toEqual(['road=s5', 'park=dk']);
    expect(sheetKeys([knows, text, score], { q1: 'yes', q6: '好' })).toEqual([
      { question: '', answer: '' },
      { question: 'q1', answer: 'yes' },
      { question: 'q6', answer: '' },
    ]);
  });
});
