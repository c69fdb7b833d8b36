import { describe, expect, it } from 'vitest';
import type { DraftStorage } from '../../../shared/draft-storage';
import { createDraftStore, draftStorageKey, emptyDraft, hasDraftContent, parseDraft } from './report-draft';

class FakeStorage implements DraftStorage {
  readonly data = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

const FIXED = new Date('2026-05-01T08:00:00.000Z');

function keys(): () => string {
  let n = 0;
  return () => `key-0000000${++n}`;
}

describe('report draft store', () => {
  it('creates a fresh draft with a new key when nothing is stored, without storing it', () => {
    const storage = new FakeStorage();
    const store = createDraftStore(storage, 7, keys(), () => FIXED);
    const draft = store.loadOrCreate();
    expect(draft).toEqual(emptyDraft('key-00000001', FIXED));
    expect(storage.data.size).toBe(0);
    expect(store.load()).toBeNull();
  });

  it('saves every change and restores it with the same idempotency key', () => {
    const storage = new FakeStorage();
    const store = createDraftStore(storage, 7, keys(), () => FIXED);
    let draft = store.loadOrCreate();
    draft = store.save(draft, { categoryId: 12, description: '路灯不亮' });
    draft = store.save(draft, { location: { lat: 30.1, lng: 120.2, accuracy: 15 }, photos: ['a'.repeat(64)] });

    // a reload: a new store over the same storage
    const reloaded = createDraftStore(storage, 7, keys(), () => FIXED).loadOrCreate();
    expect(reloaded).toEqual(draft);
    expect(reloaded.idempotencyKey).toBe('key-00000001');
    expect(reloaded.description).toBe('路灯不亮');
    expect(reloaded.photos).toEqual(['a'.repeat(64)]);
  });

  it('keeps one draft per user', () => {
    const storage = new FakeStorage();
    const alice = createDraftStore(storage, 1, keys(), () => FIXED);
    alice.save(alice.loadOrCreate(), { description: 'alice' });
    const bob = createDraftStore(
      storage,
      2,
      () => 'bob-key-0001',
      () => FIXED,
    );
    expect(bob.load()).toBeNull();
    expect(bob.loadOrCreate().idempotencyKey).toBe('bob-key-0001');
    expect(storage.data.has(draftStorageKey(1))).toBe(true);
  });

  it('clears the draft after a successful submission so the next report gets a new key', () => {
    const storage = new FakeStorage();
    const store = createDraftStore(storage, 7, keys(), () => FIXED);
    store.save(store.loadOrCreate(), { description: 'x' });
    store.clear();
    expect(store.load()).toBeNull();
    expect(store.loadOrCreate().idempotencyKey).toBe('key-00000002');
  });

  it('survives storage that throws or is missing', () => {
    const storage = new FakeStorage();
    storage.failWrites = true;
    const store = createDraftStore(storage, 7, keys(), () => FIXED);
    const saved = store.save(store.loadOrCreate(), { description: 'still in memory' });
    expect(saved.description).toBe('still in memory');
    expect(store.load()).toBeNull();

    const none = createDraftStore(null, 7, keys(), () => FIXED);
    expect(none.load()).toBeNull();
    expect(none.save(none.loadOrCreate(), { address: 'a' }).address).toBe('a');
    expect(() => none.clear()).not.toThrow();
  });

  it('caps photos at nine', () => {
    const store = createDraftStore(new FakeStorage(), 7, keys(), () => FIXED);
    const photos = Array.from({ length: 12 }, (_, i) => `p${i}`);
    expect(store.save(store.loadOrCreate(), { photos }).photos).toHaveLength(9);
  });
});

describe('parseDraft', () => {
  it('rejects junk and drafts without a usable key', () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft('not json')).toBeNull();
    expect(parseDraft('42')).toBeNull();
    expect(parseDraft(JSON.stringify({ description: 'x' }))).toBeNull();
    expect(parseDraft(JSON.stringify({ idempotencyKey: 'short' }))).toBeNull();
  });

  it('repairs fields of the wrong type instead of failing', () => {
    const draft = parseDraft(
      JSON.stringify({
        idempotencyKey: 'key-12345678',
        categoryId: 'x',
        description: 5,
        location: { lat: 200, lng: 1 },
        photos: ['ok', 3, ''],
      }),
    );
    expect(draft).toMatchObject({
      categoryId: null,
      description: '',
      address: '',
      location: null,
      photos: ['ok'],
      idempotencyKey: 'key-12345678',
    });
  });

  it('keeps a location without accuracy', () => {
    const draft = parseDraft(JSON.stringify({ idempotencyKey: 'key-12345678', location: { lat: 1, lng: 2 } }));
    expect(draft?.location).toEqual({ lat: 1, lng: 2, accuracy: null });
  });
});

describe('hasDraftContent', () => {
  it('is false for an empty draft and true once anything is entered', () => {
    const empty = emptyDraft('key-12345678', FIXED);
    expect(hasDraftContent(empty)).toBe(false);
    expect(hasDraftContent({ ...empty, description: '   ' })).toBe(false);
    expect(hasDraftContent({ ...empty, categoryId: 3 })).toBe(true);
    expect(hasDraftContent({ ...empty, photos: ['a'] })).toBe(true);
    expect(hasDraftContent({ ...empty, location: { lat: 1, lng: 1, accuracy: null } })).toBe(true);
  });
});
