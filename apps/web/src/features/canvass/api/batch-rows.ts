// The paper forms a clerk types in on the batch page: one row per household (building, door,
// consent and name, phone, materials, opinions one per line, the day of the visit), turned into
// the visits of one batch request, and the server's refusal (`details.fields` paths such as
// `body/visits/3/phone` or `/visits/0/opinions/1/text`) put back onto the row and column it
// names. Pure.
import { normalisePhone, TEXT_LIMITS } from '@cc/common/canvass';
import type { FieldError } from '../../../app/api';
import type { CreateVisitBody } from './canvass-types';

export const BATCH_COLUMNS = [
  'buildingId',
  'household',
  'nameConsent',
  'intervieweeName',
  'phone',
  'materials',
  'opinions',
  'visitedOn',
] as const;
export type BatchColumn = (typeof BATCH_COLUMNS)[number];

export interface BatchRow {
  /** Stable across edits (React key), and the row's idempotency key. */
  key: string;
  buildingId: number | null;
  household: string;
  nameConsent: boolean;
  intervieweeName: string;
  phone: string;
  materials: string[];
  /** One opinion per line. */
  opinions: string;
  /** YYYY-MM-DD. */
  visitedOn: string;
}

export function emptyRow(key: string, visitedOn: string, materials: string[] = []): BatchRow {
  return {
    key,
    buildingId: null,
    household: '',
    nameConsent: false,
    intervieweeName: '',
    phone: '',
    materials,
    opinions: '',
    visitedOn,
  };
}

/** A row nothing was typed into (left out of the batch). */
export function isBlankRow(row: BatchRow): boolean {
  return (
    row.buildingId === null &&
    row.household.trim() === '' &&
    row.intervieweeName.trim() === '' &&
    row.phone.trim() === '' &&
    row.opinions.trim() === ''
  );
}

/** The opinions of a row: one per non-empty line. */
export function opinionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export type RowErrors = Partial<Record<BatchColumn, string>>;

export interface RowCheckTexts {
  noConsent: string;
  phone: string;
  tooLong: (max: number) => string;
  tooMany: (max: number) => string;
  date: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the page itself can tell is wrong with a row before sending. */
export function checkRow(row: BatchRow, texts: RowCheckTexts): RowErrors {
  const errors: RowErrors = {};
  if (!row.nameConsent && row.intervieweeName.trim() !== '') errors.intervieweeName = texts.noConsent;
  else if (row.intervieweeName.trim().length > TEXT_LIMITS.name)
    errors.intervieweeName = texts.tooLong(TEXT_LIMITS.name);
  if (row.phone.trim() !== '' && normalisePhone(row.phone) === null) errors.phone = texts.phone;
  if (row.household.trim().length > TEXT_LIMITS.household) errors.household = texts.tooLong(TEXT_LIMITS.household);
  const lines = opinionLines(row.opinions);
  if (lines.length > TEXT_LIMITS.opinionsPerVisit) errors.opinions = texts.tooMany(TEXT_LIMITS.opinionsPerVisit);
  else if (lines.some((l) => l.length > TEXT_LIMITS.opinion)) errors.opinions = texts.tooLong(TEXT_LIMITS.opinion);
  if (!DATE.test(row.visitedOn)) errors.visitedOn = texts.date;
  return errors;
}

/**
 * The visit of a row. The paper form has no time: the day typed is sent as that day at noon in the
 * browser's zone, so the date stays the same whatever the server's zone — or as now, for a visit
 * today before noon (a visit cannot be in the future).
 */
export function visitOfRow(row: BatchRow, assignmentId: number, now: Date = new Date()): CreateVisitBody {
  const [y, m, d] = row.visitedOn.split('-').map(Number);
  const noon = new Date(y, m - 1, d, 12, 0, 0);
  const visitedAt = (noon.getTime() > now.getTime() ? now : noon).toISOString();
  const name = row.nameConsent ? row.intervieweeName.trim() : '';
  return {
    assignmentId,
    buildingId: row.buildingId,
    household: row.household.trim() || null,
    nameConsent: row.nameConsent,
    intervieweeName: name || null,
    phone: row.phone.trim() ? normalisePhone(row.phone) : null,
    visitedAt,
    materials: row.materials,
    opinions: opinionLines(row.opinions).map((text) => ({ text })),
    idempotencyKey: row.key,
  };
}

const FIELD_COLUMN: Record<string, BatchColumn> = {
  buildingId: 'buildingId',
  household: 'household',
  nameConsent: 'nameConsent',
  intervieweeName: 'intervieweeName',
  phone: 'phone',
  materials: 'materials',
  opinions: 'opinions',
  visitedAt: 'visitedOn',
};

/** Which visit (index in the request) and column a server field error names, if any. */
export function locateFieldError(path: string): { index: number; column: BatchColumn | null } | null {
  const m = /^\/?(?:body\/)?visits\/(\d+)(?:\/+([A-Za-z]+))?/.exec(path);
  if (!m) return null;
  return { index: Number(m[1]), column: m[2] ? (FIELD_COLUMN[m[2]] ?? null) : null };
}

/**
 * The server's field errors by row key, given the keys of the rows in the order they were sent.
 * Errors that name no known column land on the row as a whole (`row`), those naming no row in
 * `unplaced`.
 */
export function rowErrorsOf(
  fields: readonly FieldError[],
  sentKeys: readonly string[],
  fallback: string,
): { byRow: Map<string, RowErrors & { row?: string }>; unplaced: string[] } {
  const byRow = new Map<string, RowErrors & { row?: string }>();
  const unplaced: string[] = [];
  for (const f of fields) {
    const where = locateFieldError(f.path);
    const key = where ? sentKeys[where.index] : undefined;
    const text = f.message || fallback;
    if (!where || key === undefined) {
      unplaced.push(text);
      continue;
    }
    const errors = byRow.get(key) ?? {};
    const column = where.column ?? 'row';
    errors[column] = errors[column] ? `${errors[column]}；${text}` : text;
    byRow.set(key, errors);
  }
  return { byRow, unplaced };
}

export interface BatchDraft {
  assignmentId: number | null;
  rows: BatchRow[];
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

function parseRow(v: unknown): BatchRow | null {
  if (!isObject(v) || typeof v.key !== 'string' || v.key.length < 8 || v.key.length > 64) return null;
  return {
    key: v.key,
    buildingId:
      typeof v.buildingId === 'number' && Number.isInteger(v.buildingId) && v.buildingId > 0 ? v.buildingId : null,
    household: str(v.household, TEXT_LIMITS.household),
    nameConsent: v.nameConsent === true,
    intervieweeName: str(v.intervieweeName, TEXT_LIMITS.name),
    phone: str(v.phone, 20),
    materials: Array.isArray(v.materials)
      ? [...new Set(v.materials.filter((m): m is string => typeof m === 'string' && m !== ''))].slice(0, 20)
      : [],
    opinions: str(v.opinions, TEXT_LIMITS.opinion * TEXT_LIMITS.opinionsPerVisit + 20),
    visitedOn: typeof v.visitedOn === 'string' && DATE.test(v.visitedOn) ? v.visitedOn : '',
  };
}

/** The batch page's draft (assignment and rows) read defensively; null when unusable. */
export function parseBatchDraft(text: string | null): BatchDraft | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(raw) || !Array.isArray(raw.rows)) return null;
  const rows = raw.rows
    .map(parseRow)
    .filter((r): r is BatchRow => r !== null)
    .slice(0, TEXT_LIMITS.batch);
  const assignmentId =
    typeof raw.assignmentId === 'number' && Number.isInteger(raw.assignmentId) && raw.assignmentId > 0
      ? raw.assignmentId
      : null;
  return { assignmentId, rows };
}
