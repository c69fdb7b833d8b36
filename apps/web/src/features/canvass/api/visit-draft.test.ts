import { describe, expect, it } from 'vitest';
import {
  createVisitDraftStore,
  emptyValues,
  emptyVisitDraft,
  hasVisitContent,
  parseVisitDraft,
  visitBodyOf,
  visitProblems,
  type VisitValues,
} from './visit-draft';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const filled = (patch: Partial<VisitValues> = {}): VisitValues => ({
  ...emptyValues({ assignmentId: 4 }),
  opinions: [
    { text: '  楼道灯坏了  ', scope: 'common' },
    { text: '', scope: null },
  ],
  ...patch,
});

describe('visit draft', () => {
  it('keeps the form and its idempotency key across a reload', () => {
    const storage = memoryStorage();
    const store = createVisitDraftStore(storage, 7, () => new Date('2026-05-01T08:00:00Z'));
    store.save({ ...emptyVisitDraft('key-12345678'), values: filled({ phone: '13800138000' }) });
    const again = createVisitDraftStore(storage, 7).load();
    expect(again?.idempotencyKey).toBe('key-12345678');
    expect(again?.values.phone).toBe('13800138000');
    expect(again?.updatedAt).toBe('2026-05-01T08:00:00.000Z');
    expect(createVisitDraftStore(storage, 8).load()).toBeNull();
  });

  it('reads foreign or broken data defensively', () => {
    expect(parseVisitDraft('{')).toBeNull();
    expect(parseVisitDraft(JSON.stringify({ idempotencyKey: 'short' }))).toBeNull();
    const d = parseVisitDraft(
      JSON.stringify({
        idempotencyKey: 'abcdefgh12',
        values: { assignmentId: -1, opinions: [{ text: 5 }, { text: 'x', scope: 'weird' }], materials: ['a', 'a', 3] },
      }),
    );
    expect(d?.values.assignmentId).toBeNull();
    expect(d?.values.opinions).toEqual([
      { text: '', scope: null },
      { text: 'x', scope: null },
    ]);
    expect(d?.values.materials).toEqual(['a']);
  });

  it('refuses a name without consent, a bad phone and a missing assignment', () => {
    expect(visitProblems(filled())).toEqual([]);
    const problems = visitProblems(filled({ assignmentId: null, intervieweeName: '张三', phone: '12345' }));
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'assignmentId:required',
      'intervieweeName:noConsent',
      'phone:invalid',
    ]);
    expect(visitProblems(filled({ nameConsent: true, intervieweeName: '张三' }))).toEqual([]);
  });

  it('sends trimmed opinions, the normalised phone and no name without consent', () => {
    const body = visitBodyOf(
      filled({ phone: '+86 138 0013 8000', intervieweeName: '', materials: ['明白纸'] }),
      'key-12345678',
      '2026-05-01T08:00:00.000Z',
    );
    expect(body).toMatchObject({
      assignmentId: 4,
      phone: '13800138000',
      intervieweeName: null,
      nameConsent: false,
      materials: ['明白纸'],
      opinions: [{ text: '楼道灯坏了', scope: 'common' }],
      visitedAt: '2026-05-01T08:00:00.000Z',
      idempotencyKey: 'key-12345678',
    });
  });

  it('tells a typed form from a fresh one', () => {
    expect(hasVisitContent(emptyValues({ assignmentId: 3 }))).toBe(false);
    expect(hasVisitContent(filled())).toBe(true);
  });
});
