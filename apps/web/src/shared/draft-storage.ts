// Where phone and public pages keep drafts: the Storage methods a draft store needs (localStorage,
// sessionStorage or a test fake), the browser's storages when the browser allows them (some
// private modes throw on access), and reading / writing / removing one entry with failures
// swallowed: the form keeps working, only the safety net is gone.

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null when it cannot be used. */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** sessionStorage, or null when it cannot be used. */
export function browserSessionStorage(): DraftStorage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}

/** The stored text under `key`, or null (nothing stored, no storage, or storage refused). */
export function readDraftText(storage: DraftStorage | null, key: string): string | null {
  if (!storage) return null;
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` as JSON under `key`; a full or blocked storage leaves the draft in memory only. */
export function writeDraftJson(storage: DraftStorage | null, key: string, value: unknown): void {
  if (!storage) return;
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or blocked
  }
}

export function removeDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // ignore
  }
}
