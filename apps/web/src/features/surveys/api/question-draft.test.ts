import { describe, expect, it } from 'vitest';
import { checkQuestions } from '@cc/common/surveys';
import {
  changeType,
  defaultRate,
  deviceId,
  newQuestion,
  nextCode,
  pruneRate,
  publicSurveyUrl,
  rateKindsFor,
  rateText,
} from './question-draft';

const labels = { option: (n: number) => `选项${n}`, row: (n: number) => `行${n}` };

describe('the builder helpers', () => {
  it('makes a new question of each type that passes the server’s checks once titled', () => {
    const taken: string[] = [];
    for (const type of ['single', 'multiple', 'rating', 'text', 'matrix'] as const) {
      const q = newQuestion(type, taken, labels);
      taken.push(q.code);
      expect(checkQuestions([{ ...q, title: '题目' }])).toEqual([]);
    }
    expect(taken).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(nextCode('o', ['o1', 'o3'])).toBe('o2');
  });

  it('keeps title and choices when the type changes, and drops a rate that no longer fits', () => {
    const q = {
      ...newQuestion('single', [], labels),
      title: '是否知道',
      rate: { kind: 'satisfaction' as const, scores: { o1: 100, o2: 0 } },
    };
    const multiple = changeType(q, 'multiple', newQuestion('multiple', [], labels));
    expect(multiple).toMatchObject({ code: 'q1', title: '是否知道', type: 'multiple', options: q.options });
    expect(pruneRate({ ...q, type: 'multiple' })).toBeNull();
    expect(pruneRate({ ...q, options: [q.options![0]] })).toEqual({ kind: 'satisfaction', scores: { o1: 100 } });
    expect(rateKindsFor('text')).toEqual([]);
  });

  it('proposes rate settings the server accepts', () => {
    const single = { ...newQuestion('single', [], labels), title: 't' };
    const five = { ...single, options: ['a', 'b', 'c', 'd', 'e'].map((c, i) => ({ code: `o${i + 1}`, label: c })) };
    expect(defaultRate(five, 'satisfaction')).toEqual({
      kind: 'satisfaction',
      scores: { o1: 100, o2: 75, o3: 50, o4: 25, o5: 0 },
    });
    const rating = { ...newQuestion('rating', [], labels), title: 't' };
    expect(defaultRate(rating, 'awareness')).toEqual({ kind: 'awareness', positiveMin: 3 });
    for (const q of [five, rating])
      for (const kind of rateKindsFor(q.type))
        expect(checkQuestions([{ ...q, rate: defaultRate(q, kind) }])).toEqual([]);
  });
});

describe('the answering page helpers', () => {
  it('builds the public link, fixing group and community when asked', () => {
    expect(publicSurveyUrl('https://x.cn', 'abc')).toBe('https://x.cn/public/survey/abc');
    expect(publicSurveyUrl('https://x.cn', 'abc', { v: 3, r: 9 })).toBe('https://x.cn/public/survey/abc?v=3&r=9');
  });

  it('keeps one device id', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    const first = deviceId(storage);
    expect(first).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(deviceId(storage)).toBe(first);
    expect(deviceId(null)).not.toBe(first);
  });

  it('shows rates', () => {
    expect(rateText('awareness', 66.6667)).toBe('66.7%');
    expect(rateText('satisfaction', 62.111)).toBe('62.1');
    expect(rateText('support', null)).toBe('—');
  });
});
