// The visit a canvasser is recording on the phone, kept on the device on every change together
// with the submission's idempotency key and the time the first attempt went out, so a reload or a
// lost connection loses nothing and a retry sends the very same visit (the server answers the
// first result, marked replayed). Also the checks the form makes before sending and the body it
// sends. Pure: the Storage and the clock are passed in.
import { normalisePhone, OPINION_SCOPES, TEXT_LIMITS, type OpinionScope } from '@cc/common/canvass';
import { readDraftText, removeDraft, writeDraftJson, type DraftStorage } from '../../../shared/draft-storage';
import type { CreateVisitBody } from './canvass-types';

export interface OpinionEntry {
  text: string;
  scope: OpinionScope | null;
}

export interface VisitValues {
  assignmentId: number | null;
  buildingId: number | null;
  household: string;
  nameConsent: boolean;
  intervieweeName: string;
  phone: string;
  materials: string[];
  opinions: OpinionEntry[];
  photos: string[];
  note: string;
}

export interface VisitDraft {
  values: VisitValues;
  idempotencyKey: string;
  /** When the first submission went out: the visit's time, the same on every retry. */
  sentAt: string | null;
  updatedAt: string;
}

const STORAGE_PREFIX = 'cc.canvass.visit';
const MAX_PHOTOS = 6;
const MAX_MATERIALS = 20;

export function visitDraftKey(userId: number | string): string {
  return `${STORAGE_PREFIX}.${userId}`;
}

export function emptyOpinion(): OpinionEntry {
  return { text: '', scope: null };
}

export function emptyValues(keep: Partial<Pick<VisitValues, 'assignmentId' | 'buildingId'>> = {}): VisitValues {
  return {
    assignmentId: keep.assignmentId ?? null,
    buildingId: keep.buildingId ?? null,
    household: '',
    nameConsent: false,
    intervieweeName: '',
    phone: '',
    materials: [],
    opinions: [emptyOpinion()],
    photos: [],
    note: '',
  };
}

export function emptyVisitDraft(key: string, keep?: Partial<Pick<VisitValues, 'assignmentId' | 'buildingId'>>) {
  return { values: emptyValues(keep), idempotencyKey: key, sentAt: null, updatedAt: new Date(0).toISOString() };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const idOrNull = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const strings = (v: unknown, max: number) =>
  Array.isArray(v) ? [...new Set(v.filter((s): s is string => typeof s === 'string' && s !== ''))].slice(0, max) : [];

function parseOpinion(v: unknown): OpinionEntry | null {
  if (!isObject(v)) return null;
  const scope = (OPINION_SCOPES as readonly unknown[]).includes(v.scope) ? (v.scope as OpinionScope) : null;
  return { text: text(v.text, TEXT_LIMITS.opinion), scope };
}

/** Form values read defensively (older shape, foreign data). */
export function parseValues(v: unknown): VisitValues {
  if (!isObject(v)) return emptyValues();
  const opinions = Array.isArray(v.opinions)
    ? v.opinions
        .map(parseOpinion)
        .filter((o): o is OpinionEntry => o !== null)
        .slice(0, TEXT_LIMITS.opinionsPerVisit)
    : [];
  return {
    assignmentId: idOrNull(v.assignmentId),
    buildingId: idOrNull(v.buildingId),
    household: text(v.household, TEXT_LIMITS.household),
    nameConsent: v.nameConsent === true,
    intervieweeName: text(v.intervieweeName, TEXT_LIMITS.name),
    phone: text(v.phone, 20),
    materials: strings(v.materials, MAX_MATERIALS),
    opinions: opinions.length > 0 ? opinions : [emptyOpinion()],
    photos: strings(v.photos, MAX_PHOTOS),
    note: text(v.note, TEXT_LIMITS.note),
  };
}

export function parseVisitDraft(raw: string | null): VisitDraft | null {
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(data) || typeof data.idempotencyKey !== 'string' || data.idempotencyKey.length < 8) return null;
  return {
    values: parseValues(data.values),
    idempotencyKey: data.idempotencyKey.slice(0, 64),
    sentAt: typeof data.sentAt === 'string' ? data.sentAt : null,
    updatedAt: typeof data.updatedAt === 'string' ? data.updatedAt : new Date(0).toISOString(),
  };
}

/** Whether the canvasser typed anything beyond picking where they are. */
export function hasVisitContent(v: VisitValues): boolean {
  return (
    v.household.trim() !== '' ||
    v.nameConsent ||
    v.intervieweeName.trim() !== '' ||
    v.phone.trim() !== '' ||
    v.materials.length > 0 ||
    v.opinions.some((o) => o.text.trim() !== '') ||
    v.photos.length > 0 ||
    v.note.trim() !== ''
  );
}

export interface VisitDraftStore {
  load(): VisitDraft | null;
  save(draft: VisitDraft): VisitDraft;
  clear(): void;
}

export function createVisitDraftStore(
  storage: DraftStorage | null,
  userId: number | string,
  clock: () => Date = () => new Date(),
): VisitDraftStore {
  const key = visitDraftKey(userId);
  return {
    load: () => parseVisitDraft(readDraftText(storage, key)),
    save(draft) {
      const next = { ...draft, updatedAt: clock().toISOString() };
      writeDraftJson(storage, key, next);
      return next;
    },
    clear: () => removeDraft(storage, key),
  };
}

export type VisitProblem =
  | { field: 'assignmentId'; code: 'required' }
  | { field: 'intervieweeName'; code: 'noConsent' | 'tooLong' }
  | { field: 'phone'; code: 'invalid' }
  | { field: 'household'; code: 'tooLong' }
  | { field: 'opinions'; index: number; code: 'tooLong' }
  | { field: 'opinions'; code: 'tooMany' };

/** What keeps the visit from being sent. */
export function visitProblems(v: VisitValues): VisitProblem[] {
  const problems: VisitProblem[] = [];
  if (!v.assignmentId) problems.push({ field: 'assignmentId', code: 'required' });
  if (!v.nameConsent && v.intervieweeName.trim() !== '') problems.push({ field: 'intervieweeName', code: 'noConsent' });
  if (v.intervieweeName.trim().length > TEXT_LIMITS.name) problems.push({ field: 'intervieweeName', code: 'tooLong' });
  if (v.phone.trim() !== '' && normalisePhone(v.phone) === null) problems.push({ field: 'phone', code: 'invalid' });
  if (v.household.trim().length > TEXT_LIMITS.household) problems.push({ field: 'household', code: 'tooLong' });
  const filled = v.opinions.filter((o) => o.text.trim() !== '');
  if (filled.length > TEXT_LIMITS.opinionsPerVisit) problems.push({ field: 'opinions', code: 'tooMany' });
  v.opinions.forEach((o, index) => {
    if (o.text.trim().length > TEXT_LIMITS.opinion) problems.push({ field: 'opinions', index, code: 'tooLong' });
  });
  return problems;
}

/** The request body (call once visitProblems is empty). Empty opinion boxes are left out. */
export function visitBodyOf(v: VisitValues, idempotencyKey: string, visitedAt: string | null): CreateVisitBody {
  const phone = v.phone.trim() ? normalisePhone(v.phone) : null;
  const name = v.nameConsent ? v.intervieweeName.trim() : '';
  return {
    assignmentId: v.assignmentId as number,
    buildingId: v.buildingId,
    household: v.household.trim() || null,
    nameConsent: v.nameConsent,
    intervieweeName: name || null,
    phone,
    ...(visitedAt ? { visitedAt } : {}),
    materials: v.materials,
    opinions: v.opinions
      .map((o) => ({ text: o.text.trim(), scope: o.scope }))
      .filter((o) => o.text !== '')
      .map((o) => (o.scope ? { text: o.text, scope: o.scope } : { text: o.text })),
    photos: v.photos.slice(0, MAX_PHOTOS),
    note: v.note.trim() || null,
    idempotencyKey,
  };
}
