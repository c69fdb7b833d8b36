// The quick-report draft kept on the phone: everything typed or captured so far, plus the
// idempotency key of the submission. It is written on every change so a reload, a dead battery or
// a lost connection loses nothing, and the key is kept until the server has the case, so a retry
// after a timeout returns the same case instead of creating a second one.
// Pure: the Storage is passed in (localStorage in the app, a fake in tests).
import type { DraftStorage } from '../../../shared/draft-storage';

export interface DraftLocation {
  lat: number;
  lng: number;
  /** Radius of the fix in metres, as the browser reports it. */
  accuracy: number | null;
}

export interface ReportDraft {
  categoryId: number | null;
  description: string;
  address: string;
  location: DraftLocation | null;
  /** Ids of photos already uploaded to /api/files. */
  photos: string[];
  idempotencyKey: string;
  /** ISO time of the last change. */
  updatedAt: string;
}

/** The part of a draft the person edits (the key and the time are the store's business). */
export type DraftContent = Pick<ReportDraft, 'categoryId' | 'description' | 'address' | 'location' | 'photos'>;

const STORAGE_PREFIX = 'cc.field.reportDraft';
const MAX_PHOTOS = 9;

/** One draft per signed-in user, so a shared phone never shows someone else's report. */
export function draftStorageKey(userId: number | string): string {
  return `${STORAGE_PREFIX}.${userId}`;
}

export function emptyDraft(idempotencyKey: string, now: Date = new Date()): ReportDraft {
  return {
    categoryId: null,
    description: '',
    address: '',
    location: null,
    photos: [],
    idempotencyKey,
    updatedAt: now.toISOString(),
  };
}

/** Whether the person has entered anything worth keeping (the key alone is not). */
export function hasDraftContent(draft: DraftContent): boolean {
  return (
    draft.categoryId !== null ||
    draft.description.trim() !== '' ||
    draft.address.trim() !== '' ||
    draft.location !== null ||
    draft.photos.length > 0
  );
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function parseLocation(value: unknown): DraftLocation | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (!isFiniteNumber(v.lat) || !isFiniteNumber(v.lng)) return null;
  if (Math.abs(v.lat) > 90 || Math.abs(v.lng) > 180) return null;
  return { lat: v.lat, lng: v.lng, accuracy: isFiniteNumber(v.accuracy) ? v.accuracy : null };
}

/**
 * Reads a stored draft defensively: storage may hold an older shape, a half-written value or
 * anything another script put there. Returns null when there is no usable draft (no key).
 */
export function parseDraft(text: string | null): ReportDraft | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.idempotencyKey !== 'string' || r.idempotencyKey.length < 8) return null;
  const categoryId =
    isFiniteNumber(r.categoryId) && Number.isInteger(r.categoryId) && r.categoryId > 0 ? r.categoryId : null;
  const photos = Array.isArray(r.photos)
    ? r.photos.filter((p): p is string => typeof p === 'string' && p !== '').slice(0, MAX_PHOTOS)
    : [];
  return {
    categoryId,
    description: typeof r.description === 'string' ? r.description : '',
    address: typeof r.address === 'string' ? r.address : '',
    location: parseLocation(r.location),
    photos,
    idempotencyKey: r.idempotencyKey,
    updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : new Date(0).toISOString(),
  };
}

export interface DraftStore {
  /** The stored draft, or null when there is none (or storage is unusable). */
  load(): ReportDraft | null;
  /** The stored draft, or a fresh empty one with a new key (which is not stored until a change). */
  loadOrCreate(): ReportDraft;
  /** Stores new content, keeping the draft's key; returns the stored draft. */
  save(draft: ReportDraft, content: Partial<DraftContent>): ReportDraft;
  clear(): void;
}

/**
 * A draft store over `storage`. Storage failures (private mode, quota) are swallowed: the form
 * keeps working, only the safety net is gone.
 */
export function createDraftStore(
  storage: DraftStorage | null,
  userId: number | string,
  newKey: () => string,
  clock: () => Date = () => new Date(),
): DraftStore {
  const key = draftStorageKey(userId);
  const load = (): ReportDraft | null => {
    if (!storage) return null;
    try {
      return parseDraft(storage.getItem(key));
    } catch {
      return null;
    }
  };
  return {
    load,
    loadOrCreate: () => load() ?? emptyDraft(newKey(), clock()),
    save(draft, content) {
      const next: ReportDraft = {
        ...draft,
        ...content,
        photos: (content.photos ?? draft.photos).slice(0, MAX_PHOTOS),
        updatedAt: clock().toISOString(),
      };
      if (storage) {
        try {
          storage.setItem(key, JSON.stringify(next));
        } catch {
          // storage full or blocked: the draft lives on in memory only
        }
      }
      return next;
    },
    clear() {
      if (!storage) return;
      try {
        storage.removeItem(key);
      } catch {
        // ignore
      }
    },
  };
}
