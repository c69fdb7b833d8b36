// Where phone and public pages keep drafts: the Storage methods a draft store needs (localStorage,
// sessionStorage or a test fake), and the browser's storages when the browser allows them (some
// private modes throw on access). Draft stores swallow storage failures: the form keeps working,
// only the safety net is gone.

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
