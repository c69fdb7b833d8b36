import { describe, expect, it } from 'vitest';
import type { RuleSpec } from '@cc/common/inspection-rules';
import type { DraftStorage } from '../../../shared/draft-storage';
import type { InspectionItem } from './inspection-types';
import {
  createInspectionDraftStore,
  draftValues,
  emptyEntry,
  entriesOfResults,
  filledCount,
  initialEntries,
  inspectionDraftKey,
  parseInspectionDraft,
  parseServerDraft,
  problemsOf,
  submitArrived,
  submitBodyOf,
  type ItemEntry,
} from './inspection-draft';
import { emptyInput } from './rule-input';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function item(id: number, rule: RuleSpec, photoRequired = false): InspectionItem {
  return {
    id,
    typeCode: 'bus_stop',
    standardId: null,
    standardCode: null,
    standardName: null,
    title: `item ${id}`,
    guidance: null,
    rule,
    ruleText: '',
    points: 5,
    photoRequired,
    caseCategoryCode: null,
    sort: id,
    active: true,
    result: null,
  };
}

const items = [
  item(1, { kind: 'presence', expect: 'present' }, true),
  item(2, { kind: 'count', thresholds: { normal: { min: 2 }, pre_inspection: { min: 4 } } }),
  item(3, { kind: 'ratio', of: 'area', thresholds: { normal: { minPercent: 30 } } }),
];

const entry = (itemId: number, input: Partial<ItemEntry['input']>, extra: Partial<ItemEntry> = {}): ItemEntry => ({
  ...emptyEntry(itemId),
  input: { ...emptyInput(), ...input },
  ...extra,
});

const photo = { fileId: 'a'.repeat(64), takenAt: '2026-12-03T02:00:00.000Z', lng: 113.24, lat: 35.21, accuracy: 12 };

describe('the device draft', () => {
  it('keeps one draft per user and inspection, with the key and the pending flag', () => {
    const storage = memoryStorage();
    const clock = () => new Date('2026-12-03T02:00:00Z');
    const store = createInspectionDraftStore(storage, 7, 42, clock);
    expect(store.load()).toBeNull();
    const saved = store.save([entry(1, { present: true }, { photos: [photo] }), emptyEntry(2)], 'key-12345678', true);
    expect(saved.entries.map((e) => e.itemId)).toEqual([1]);
    expect([...storage.data.keys()]).toEqual([inspectionDraftKey(7, 42)]);
    expect(store.load()).toEqual(saved);
    expect(createInspectionDraftStore(storage, 8, 42).load()).toBeNull();
    expect(createInspectionDraftStore(storage, 7, 43).load()).toBeNull();
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('survives a storage that throws', () => {
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    const store = createInspectionDraftStore(broken, 1, 1);
    expect(store.load()).toBeNull();
    expect(store.save([entry(2, { count: 3 })], 'key-12345678').entries).toHaveLength(1);
    expect(() => store.clear()).not.toThrow();
  });

  it('reads stored text defensively', () => {
    expect(parseInspectionDraft(null, 1)).toBeNull();
    expect(parseInspectionDraft('{', 1)).toBeNull();
    expect(parseInspectionDraft(JSON.stringify({ inspectionId: 2, idempotencyKey: 'key-12345678' }), 1)).toBeNull();
    expect(parseInspectionDraft(JSON.stringify({ inspectionId: 1 }), 1)).toBeNull();
    const draft = parseInspectionDraft(
      JSON.stringify({
        inspectionId: 1,
        idempotencyKey: 'key-12345678',
        entries: [
          { itemId: 2, input: { count: 3 }, photos: [photo, photo, { fileId: '' }] },
          { itemId: 'x' },
          { itemId: 2, input: { count: 4 } },
        ],
      }),
      1,
    );
    expect(draft?.entries).toHaveLength(1);
    expect(draft?.entries[0].input.count).toBe(4);
    expect(draft?.submitPending).toBe(false);
  });
});

describe('the server draft', () => {
  it('reads what the phone saved, stamped or bare', () => {
    const values = draftValues([entry(2, { count: 1 }), emptyEntry(3)]);
    expect(values.map((v) => v.itemId)).toEqual([2]);
    expect(parseServerDraft({ values, savedAt: '2026-12-03T01:00:00Z' })).toEqual({
      entries: values,
      savedAt: '2026-12-03T01:00:00Z',
    });
    expect(parseServerDraft(values)?.savedAt).toBeNull();
    expect(parseServerDraft(null)).toBeNull();
  });

  it('starts from the newer of the device and the server', () => {
    const local = {
      inspectionId: 1,
      entries: [entry(2, { count: 5 })],
      idempotencyKey: 'key-12345678',
      submitPending: false,
      updatedAt: '2026-12-03T02:00:00.000Z',
    };
    const older = { values: [entry(2, { count: 1 })], savedAt: '2026-12-03T01:00:00.000Z' };
    const newer = { values: [entry(3, { percent: 50 })], savedAt: '2026-12-03T03:00:00.000Z' };
    const a = initialEntries(local, { items, draft: older });
    expect(a.from).toBe('device');
    expect(a.entries.map((e) => e.itemId)).toEqual([1, 2, 3]);
    expect(a.entries[1].input.count).toBe(5);
    const b = initialEntries(local, { items, draft: newer });
    expect(b.from).toBe('server');
    expect(b.entries[2].input.percent).toBe(50);
    expect(initialEntries(null, { items, draft: null }).from).toBe('none');
    // entries of items no longer on the checklist are dropped
    expect(initialEntries({ ...local, entries: [entry(99, { count: 1 })] }, { items, draft: null }).entries).toEqual(
      items.map((i) => emptyEntry(i.id)),
    );
  });
});

describe('submitting', () => {
  it('names what is missing: a value, a usable value, a required photo', () => {
    const entries = [entry(1, { present: true }), entry(2, { count: -1 })];
    expect(problemsOf(items, entries, 'normal')).toEqual([
      { itemId: 1, problem: 'photo' },
      { itemId: 2, problem: 'invalid' },
      { itemId: 3, problem: 'value' },
    ]);
    const fixed = [entry(1, { present: true }, { photos: [photo] }), entry(2, { count: 1 }), entry(3, { na: true })];
    expect(problemsOf(items, fixed, 'normal')).toEqual([]);
    // n/a needs no photo
    expect(problemsOf(items, [entry(1, { na: true }), ...fixed.slice(1)], 'normal')).toEqual([]);
    expect(filledCount(items, entries, 'normal')).toBe(1);
  });

  it('builds the body with values, notes, photo stamps, the key and the position', () => {
    const entries = [
      entry(1, { present: false }, { photos: [photo], note: '  站亭无公益广告 ' }),
      entry(2, { count: 3 }),
      entry(3, { ratioMode: 'parts', part: 1, whole: 4 }),
    ];
    const body = submitBodyOf(items, entries, 'normal', 'key-12345678', { lng: 113.2, lat: 35.2 });
    expect(body).toEqual({
      idempotencyKey: 'key-12345678',
      lng: 113.2,
      lat: 35.2,
      values: [
        { itemId: 1, value: { present: false }, note: '站亭无公益广告', photos: [photo] },
        { itemId: 2, value: { count: 3 }, note: null, photos: [] },
        { itemId: 3, value: { part: 1, whole: 4 }, note: null, photos: [] },
      ],
    });
    expect(submitBodyOf(items, entries, 'normal', 'key-12345678', null).lng).toBeNull();
  });

  it('recognises a submit that arrived and shows submitted results as entries', () => {
    expect(submitArrived({ status: 'submitted' })).toBe(true);
    expect(submitArrived({ status: 'draft' })).toBe(false);
    const done = items.map((i) => ({
      ...i,
      result: {
        outcome: 'pass' as const,
        value: { count: 3 },
        points: 5,
        earned: 5,
        text: '',
        note: 'ok',
        caseId: null,
      },
    }));
    const entries = entriesOfResults(done);
    expect(entries[1].input.count).toBe(3);
    expect(entries[1].note).toBe('ok');
  });
});
