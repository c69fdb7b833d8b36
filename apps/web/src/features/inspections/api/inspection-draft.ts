// The checklist an inspector is filling in on the phone, kept on the device on every change and
// on the server (PUT …/draft) when online, so a lost connection, a reload or a flat battery loses
// nothing. Per item: what was typed (rule-input.ts), a note, and the photos with the time and GPS
// position they were taken at. The draft carries the submission's idempotency key and whether a
// submit went out without an answer, so a retry is sent with the same key and the server answers
// the first result instead of scoring twice. Pure: the Storage and the clock are passed in.
import type { Phase } from '@cc/common/inspection-rules';
import { readDraftText, removeDraft, writeDraftJson, type DraftStorage } from '../../../shared/draft-storage';
import type { InspectionDetail, InspectionItem, PhotoBody, SubmitBody } from './inspection-types';
import { checkInput, emptyInput, hasInput, inputOfValue, parseRuleInput, type RuleInput } from './rule-input';

export interface PhotoStamp {
  fileId: string;
  /** ISO time the photo was taken (the camera file's time). */
  takenAt: string | null;
  lng: number | null;
  lat: number | null;
  /** Radius of the GPS fix in metres. */
  accuracy: number | null;
}

export interface ItemEntry {
  itemId: number;
  input: RuleInput;
  note: string;
  photos: PhotoStamp[];
}

export interface InspectionDraft {
  inspectionId: number;
  entries: ItemEntry[];
  idempotencyKey: string;
  /** A submit went out without an answer: settle it with the server before sending again. */
  submitPending: boolean;
  /** ISO time of the last change. */
  updatedAt: string;
}

const STORAGE_PREFIX = 'cc.inspection.draft';
const MAX_ITEMS = 60;
const MAX_PHOTOS = 6;
const NOTE_MAX = 1000;

/** One draft per user and inspection, so a shared phone never shows someone else's checklist. */
export function inspectionDraftKey(userId: number | string, inspectionId: number): string {
  return `${STORAGE_PREFIX}.${userId}.${inspectionId}`;
}

export function emptyEntry(itemId: number): ItemEntry {
  return { itemId, input: emptyInput(), note: '', photos: [] };
}

export function entryHasContent(e: ItemEntry): boolean {
  return hasInput(e.input) || e.note.trim() !== '' || e.photos.length > 0;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function parsePhoto(v: unknown): PhotoStamp | null {
  if (!isObject(v) || typeof v.fileId !== 'string' || v.fileId === '') return null;
  return {
    fileId: v.fileId,
    takenAt: typeof v.takenAt === 'string' ? v.takenAt : null,
    lng: numOrNull(v.lng),
    lat: numOrNull(v.lat),
    accuracy: numOrNull(v.accuracy),
  };
}

/** One item's entry read defensively; null when it names no item. */
export function parseEntry(v: unknown): ItemEntry | null {
  if (!isObject(v) || !Number.isInteger(v.itemId) || (v.itemId as number) <= 0) return null;
  const photos = Array.isArray(v.photos) ? v.photos.map(parsePhoto).filter((p): p is PhotoStamp => p !== null) : [];
  return {
    itemId: v.itemId as number,
    input: parseRuleInput(v.input),
    note: typeof v.note === 'string' ? v.note.slice(0, NOTE_MAX) : '',
    photos: [...new Map(photos.map((p) => [p.fileId, p])).values()].slice(0, MAX_PHOTOS),
  };
}

function parseEntries(list: unknown): ItemEntry[] {
  if (!Array.isArray(list)) return [];
  const entries = list.map(parseEntry).filter((e): e is ItemEntry => e !== null);
  // The last entry of an item wins (a list edited by an older version may repeat one).
  return [...new Map(entries.map((e) => [e.itemId, e])).values()].slice(0, MAX_ITEMS);
}

/** Reads a stored draft defensively (older shape, half-written value, foreign data): null when unusable. */
export function parseInspectionDraft(text: string | null, inspectionId: number): InspectionDraft | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(raw) || raw.inspectionId !== inspectionId) return null;
  if (typeof raw.idempotencyKey !== 'string' || raw.idempotencyKey.length < 8) return null;
  return {
    inspectionId,
    entries: parseEntries(raw.entries),
    idempotencyKey: raw.idempotencyKey,
    submitPending: raw.submitPending === true,
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : new Date(0).toISOString(),
  };
}

export interface InspectionDraftStore {
  load(): InspectionDraft | null;
  /** Stores the entries (and whether a submit is in doubt) under the draft's key; returns it. */
  save(entries: readonly ItemEntry[], key: string, submitPending?: boolean): InspectionDraft;
  clear(): void;
}

/** A draft store over `storage`; storage failures (private mode, quota) are swallowed. */
export function createInspectionDraftStore(
  storage: DraftStorage | null,
  userId: number | string,
  inspectionId: number,
  clock: () => Date = () => new Date(),
): InspectionDraftStore {
  const key = inspectionDraftKey(userId, inspectionId);
  return {
    load: () => parseInspectionDraft(readDraftText(storage, key), inspectionId),
    save(entries, idempotencyKey, submitPending = false) {
      const draft: InspectionDraft = {
        inspectionId,
        entries: entries.filter(entryHasContent).slice(0, MAX_ITEMS),
        idempotencyKey,
        submitPending,
        updatedAt: clock().toISOString(),
      };
      // A full or blocked storage leaves the draft in memory (and on the server).
      writeDraftJson(storage, key, draft);
      return draft;
    },
    clear: () => removeDraft(storage, key),
  };
}

export interface ServerDraft {
  entries: ItemEntry[];
  /** When the server stored it, if it says. */
  savedAt: string | null;
}

/**
 * The draft the server keeps, as the phone saved it (`{ values: entries }`, possibly stamped with
 * `savedAt`), or the bare list; null when there is none.
 */
export function parseServerDraft(draft: unknown): ServerDraft | null {
  if (Array.isArray(draft)) return { entries: parseEntries(draft), savedAt: null };
  if (!isObject(draft)) return null;
  const savedAt =
    typeof draft.savedAt === 'string' ? draft.savedAt : typeof draft.updatedAt === 'string' ? draft.updatedAt : null;
  return { entries: parseEntries(draft.values), savedAt };
}

/** What the server's draft is sent: the entries with content, as plain objects. */
export function draftValues(entries: readonly ItemEntry[]): ItemEntry[] {
  return entries.filter(entryHasContent).slice(0, MAX_ITEMS);
}

/** The entries of a submitted inspection, from its results (for showing what was entered). */
export function entriesOfResults(items: readonly InspectionItem[]): ItemEntry[] {
  return items.map((item) => ({
    ...emptyEntry(item.id),
    input: item.result ? inputOfValue(item.rule, item.result.value) : emptyInput(),
    note: item.result?.note ?? '',
  }));
}

/**
 * What the form starts from, one entry per checklist item in order: the device's draft when it is
 * at least as new as the server's, else the server's, else empty. Entries of items no longer on
 * the checklist are dropped.
 */
export function initialEntries(
  local: InspectionDraft | null,
  detail: Pick<InspectionDetail, 'items' | 'draft'>,
): { entries: ItemEntry[]; from: 'device' | 'server' | 'none' } {
  const server = parseServerDraft(detail.draft);
  const localHas = !!local && local.entries.some(entryHasContent);
  const serverHas = !!server && server.entries.some(entryHasContent);
  let chosen: ItemEntry[] = [];
  let from: 'device' | 'server' | 'none' = 'none';
  if (localHas && (!serverHas || !server?.savedAt || local!.updatedAt >= server.savedAt)) {
    chosen = local!.entries;
    from = 'device';
  } else if (serverHas) {
    chosen = server!.entries;
    from = 'server';
  }
  const byItem = new Map(chosen.map((e) => [e.itemId, e]));
  return { entries: detail.items.map((item) => byItem.get(item.id) ?? emptyEntry(item.id)), from };
}

export type Problem = 'value' | 'invalid' | 'photo';

export interface ItemProblem {
  itemId: number;
  problem: Problem;
}

/** What keeps the checklist from being submitted: items without a value, with a value the engine refuses, or without a required photo. */
export function problemsOf(
  items: readonly InspectionItem[],
  entries: readonly ItemEntry[],
  phase: Phase,
): ItemProblem[] {
  const byItem = new Map(entries.map((e) => [e.itemId, e]));
  const problems: ItemProblem[] = [];
  for (const item of items) {
    const entry = byItem.get(item.id) ?? emptyEntry(item.id);
    const check = checkInput(item.rule, entry.input, phase);
    if (check.state === 'empty') problems.push({ itemId: item.id, problem: 'value' });
    else if (check.state === 'invalid') problems.push({ itemId: item.id, problem: 'invalid' });
    else if (item.photoRequired && !entry.input.na && entry.photos.length === 0) {
      problems.push({ itemId: item.id, problem: 'photo' });
    }
  }
  return problems;
}

/** How many items have a usable value. */
export function filledCount(items: readonly InspectionItem[], entries: readonly ItemEntry[], phase: Phase): number {
  const byItem = new Map(entries.map((e) => [e.itemId, e]));
  return items.filter((item) => {
    const entry = byItem.get(item.id);
    return !!entry && checkInput(item.rule, entry.input, phase).state === 'scored';
  }).length;
}

const photoBody = (p: PhotoStamp): PhotoBody => ({
  fileId: p.fileId,
  takenAt: p.takenAt,
  lng: p.lng,
  lat: p.lat,
  accuracy: p.accuracy,
});

/** The submission (call only once problemsOf is empty); the position is where the phone is now. */
export function submitBodyOf(
  items: readonly InspectionItem[],
  entries: readonly ItemEntry[],
  phase: Phase,
  idempotencyKey: string,
  position: { lng: number; lat: number } | null,
): SubmitBody {
  const byItem = new Map(entries.map((e) => [e.itemId, e]));
  const values = items.flatMap((item) => {
    const entry = byItem.get(item.id) ?? emptyEntry(item.id);
    const check = checkInput(item.rule, entry.input, phase);
    if (check.state !== 'scored') return [];
    const note = entry.note.trim();
    return [
      {
        itemId: item.id,
        value: check.value,
        note: note ? note.slice(0, NOTE_MAX) : null,
        photos: entry.photos.slice(0, MAX_PHOTOS).map(photoBody),
      },
    ];
  });
  return { idempotencyKey, lng: position?.lng ?? null, lat: position?.lat ?? null, values };
}

/** A submit in doubt went through when the server already has the inspection submitted. */
export function submitArrived(detail: Pick<InspectionDetail, 'status'>): boolean {
  return detail.status === 'submitted';
}
