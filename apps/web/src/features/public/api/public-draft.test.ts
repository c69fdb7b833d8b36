import { describe, expect, it } from 'vitest';
import type { DraftStorage } from '../../../shared/draft-storage';
import {
  createPublicDraftStore,
  draftKey,
  emptyContent,
  hasContent,
  parseDraft,
  parseReceipt,
  receiptKey,
} from './public-draft';

function fakeStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const clock = () => new Date('2026-05-01T08:00:00Z');

describe('public report draft', () => {
  it('creates a draft with a fresh key that is stored only on a change', () => {
    const storage = fakeStorage();
    let n = 0;
    const store = createPublicDraftStore(storage, '419900000000', () => `key-000${++n}`, clock);
    const draft = store.loadOrCreate();
    expect(draft.idempotencyKey).toBe('key-0001');
    expect(storage.data.size).toBe(0);
    const saved = store.save(draft, { description: '垃圾堆放' });
    expect(saved.description).toBe('垃圾堆放');
    // a reload finds the same key: a retry cannot make a second case
    expect(store.loadOrCreate().idempotencyKey).toBe('key-0001');
    expect(n).toBe(1);
  });

  it('keeps at most three photos', () => {
    const store = createPublicDraftStore(fakeStorage(), 'c', () => 'key-abcdefgh', clock);
    const photos = ['a', 'b', 'c', 'd'].map((fileId) => ({ fileId, thumb: null }));
    expect(store.save(store.loadOrCreate(), { photos }).photos.map((p) => p.fileId)).toEqual(['a', 'b', 'c']);
  });

  it('drops the draft and keeps the receipt on success; a new draft gets a new key', () => {
    const storage = fakeStorage();
    let n = 0;
    const store = createPublicDraftStore(storage, 'c', () => `key-000${++n}`, clock);
    store.save(store.loadOrCreate(), { description: 'x' });
    store.finish({ code: '2026-0000001', trackingToken: 'tok', duplicateOfCode: null });
    expect(storage.data.has(draftKey('c'))).toBe(false);
    expect(store.loadReceipt()).toEqual({ code: '2026-0000001', trackingToken: 'tok', duplicateOfCode: null });
    expect(store.loadOrCreate().idempotencyKey).toBe('key-0002');
    store.clearReceipt();
    expect(storage.data.has(receiptKey('c'))).toBe(false);
  });

  it('keeps drafts of different cities apart', () => {
    const storage = fakeStorage();
    const a = createPublicDraftStore(storage, 'a', () => 'key-aaaaaaaa', clock);
    const b = createPublicDraftStore(storage, 'b', () => 'key-bbbbbbbb', clock);
    a.save(a.loadOrCreate(), { description: 'A' });
    expect(b.load()).toBeNull();
  });

  it('survives broken or hostile storage contents', () => {
    expect(parseDraft('{')).toBeNull();
    expect(parseDraft(JSON.stringify({ description: 'no key' }))).toBeNull();
    const parsed = parseDraft(
      JSON.stringify({
        idempotencyKey: 'key-12345678',
        categoryId: -1,
        communityId: 'x',
        description: 42,
        photos: [{ fileId: 'f1', thumb: 'javascript:alert(1)' }, { nope: true }, 'str'],
        location: { lat: 200, lng: 0 },
      }),
    );
    expect(parsed).toMatchObject({
      categoryId: null,
      communityId: null,
      description: '',
      photos: [{ fileId: 'f1', thumb: null }],
      location: null,
    });
    expect(parseReceipt('{"code":"1"}')).toBeNull();
  });

  it('works without storage', () => {
    const store = createPublicDraftStore(null, 'c', () => 'key-12345678', clock);
    const draft = store.save(store.loadOrCreate(), { name: '张三' });
    expect(draft.name).toBe('张三');
    expect(store.load()).toBeNull();
  });

  it('tells whether anything was entered', () => {
    expect(hasContent(emptyContent())).toBe(false);
    expect(hasContent({ ...emptyContent(), address: '人民路' })).toBe(true);
  });
});
