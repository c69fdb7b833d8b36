// The resident's report draft, kept in sessionStorage per city: what was typed, the uploaded photo
// ids (with tiny thumbnails, so a reload still shows them) and the submission's idempotency key.
// The key lives with the draft until the server answers with a receipt, so submitting again after
// a network error returns the same case instead of creating a second one. The last receipt is
// kept too, so a reload after success shows it again. Pure: the Storage is passed in.
import type { DraftStorage } from '../../../shared/draft-storage';

export const MAX_PUBLIC_PHOTOS = 3;

export interface DraftPhoto {
  fileId: string;
  /** Small JPEG data URL made before upload; null when the browser could not make one. */
  thumb: string | null;
}

export interface DraftLocation {
  lat: number;
  lng: number;
  /** Radius of the fix in metres. */
  accuracy: number | null;
}

export interface PublicDraftContent {
  categoryId: number | null;
  description: string;
  photos: DraftPhoto[];
  location: DraftLocation | null;
  communityId: number | null;
  address: string;
  name: string;
  phone: string;
}

export interface PublicDraft extends PublicDraftContent {
  idempotencyKey: string;
  updatedAt: string;
}

export interface StoredReceipt {
  code: string;
  trackingToken: string;
  duplicateOfCode: string | null;
}

export function draftKey(cityCode: string): string {
  return `cc.public.reportDraft.${cityCode}`;
}

export function receiptKey(cityCode: string): string {
  return `cc.public.receipt.${cityCode}`;
}

export function emptyContent(): PublicDraftContent {
  return {
    categoryId: null,
    description: '',
    photos: [],
    location: null,
    communityId: null,
    address: '',
    name: '',
    phone: '',
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isId = (v: unknown): v is number => isNum(v) && Number.isInteger(v) && v > 0;
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

function parseLocation(v: unknown): DraftLocation | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (!isNum(o.lat) || !isNum(o.lng) || Math.abs(o.lat) > 90 || Math.abs(o.lng) > 180) return null;
  return { lat: o.lat, lng: o.lng, accuracy: isNum(o.accuracy) ? o.accuracy : null };
}

function parsePhotos(v: unknown): DraftPhoto[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
    .filter((p) => typeof p.fileId === 'string' && p.fileId !== '')
    .map((p) => ({
      fileId: p.fileId as string,
      thumb: typeof p.thumb === 'string' && p.thumb.startsWith('data:image/') ? p.thumb : null,
    }))
    .slice(0, MAX_PUBLIC_PHOTOS);
}

/** Reads a stored draft defensively; null when there is none usable (no key). */
export function parseDraft(text: string | null): PublicDraft | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.idempotencyKey !== 'string' || r.idempotencyKey.length < 8 || r.idempotencyKey.length > 64) return null;
  return {
    categoryId: isId(r.categoryId) ? r.categoryId : null,
    description: str(r.description, 2000),
    photos: parsePhotos(r.photos),
    location: parseLocation(r.location),
    communityId: isId(r.communityId) ? r.communityId : null,
    address: str(r.address, 200),
    name: str(r.name, 50),
    phone: str(r.phone, 20),
    idempotencyKey: r.idempotencyKey,
    updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : new Date(0).toISOString(),
  };
}

export function parseReceipt(text: string | null): StoredReceipt | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Record<string, unknown>;
    if (typeof r.code !== 'string' || typeof r.trackingToken !== 'string' || !r.trackingToken) return null;
    return {
      code: r.code,
      trackingToken: r.trackingToken,
      duplicateOfCode: typeof r.duplicateOfCode === 'string' ? r.duplicateOfCode : null,
    };
  } catch {
    return null;
  }
}

/** Whether anything worth keeping was entered (the key alone is not). */
export function hasContent(c: PublicDraftContent): boolean {
  return (
    c.categoryId !== null ||
    c.description.trim() !== '' ||
    c.photos.length > 0 ||
    c.location !== null ||
    c.communityId !== null ||
    c.address.trim() !== '' ||
    c.name.trim() !== '' ||
    c.phone.trim() !== ''
  );
}

export interface PublicDraftStore {
  load(): PublicDraft | null;
  /** The stored draft, or a fresh one with a new key (stored on the first change). */
  loadOrCreate(): PublicDraft;
  save(draft: PublicDraft, content: Partial<PublicDraftContent>): PublicDraft;
  clear(): void;
  loadReceipt(): StoredReceipt | null;
  /** Success: keeps the receipt and drops the draft (and its key) in one go. */
  finish(receipt: StoredReceipt): void;
  clearReceipt(): void;
}

/** Storage failures (private mode, quota) are swallowed: the form works on, only the safety net is gone. */
export function createPublicDraftStore(
  storage: DraftStorage | null,
  cityCode: string,
  newKey: () => string,
  clock: () => Date = () => new Date(),
): PublicDraftStore {
  const dKey = draftKey(cityCode);
  const rKey = receiptKey(cityCode);
  const read = (key: string): string | null => {
    try {
      return storage ? storage.getItem(key) : null;
    } catch {
      return null;
    }
  };
  const write = (key: string, value: string | null) => {
    if (!storage) return;
    try {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    } catch {
      // full or blocked storage: keep going in memory
    }
  };
  const load = () => parseDraft(read(dKey));
  return {
    load,
    loadOrCreate: () => load() ?? { ...emptyContent(), idempotencyKey: newKey(), updatedAt: clock().toISOString() },
    save(draft, content) {
      const next: PublicDraft = {
        ...draft,
        ...content,
        photos: (content.photos ?? draft.photos).slice(0, MAX_PUBLIC_PHOTOS),
        updatedAt: clock().toISOString(),
      };
      write(dKey, JSON.stringify(next));
      return next;
    },
    clear: () => write(dKey, null),
    loadReceipt: () => parseReceipt(read(rKey)),
    finish(receipt) {
      write(rKey, JSON.stringify(receipt));
      write(dKey, null);
    },
    clearReceipt: () => write(rKey, null),
  };
}
