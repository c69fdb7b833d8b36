// The report a unit is writing for one task instance, kept on the device: text, metric value,
// uploaded photos and files, linked events — written on every change, so a reload or a dead
// connection loses nothing. When a submit was sent but no answer came back, the draft remembers
// it; before sending again the page asks the server whether the report already arrived (the
// instance is then submitted), so a retry never reports twice. Pure: the Storage is passed in.
import type { DraftStorage } from '../../../shared/draft-storage';
import type { FileRef, InstanceDetail, TaskReport } from './campaign-types';

export interface ReportContent {
  body: string;
  metricValue: number | null;
  /** Ids of photos already uploaded to /api/files. */
  photos: string[];
  files: FileRef[];
  eventIds: number[];
}

export interface ReportDraft extends ReportContent {
  instanceId: number;
  /** A submit went out without an answer: settle it with the server before sending again. */
  submitPending: boolean;
  /** ISO time of the last change. */
  updatedAt: string;
}

const STORAGE_PREFIX = 'cc.ledger.reportDraft';
const MAX_PHOTOS = 9;
const MAX_FILES = 9;
const MAX_EVENTS = 20;

/** One draft per user and instance, so a shared phone never shows someone else's report. */
export function reportDraftKey(userId: number | string, instanceId: number): string {
  return `${STORAGE_PREFIX}.${userId}.${instanceId}`;
}

export function emptyReport(): ReportContent {
  return { body: '', metricValue: null, photos: [], files: [], eventIds: [] };
}

export function hasReportContent(c: ReportContent): boolean {
  return (
    c.body.trim() !== '' || c.metricValue !== null || c.photos.length > 0 || c.files.length > 0 || c.eventIds.length > 0
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

function parseFileRef(v: unknown): FileRef | null {
  if (!isObject(v) || typeof v.id !== 'string' || v.id === '') return null;
  return {
    id: v.id,
    name: typeof v.name === 'string' ? v.name : v.id,
    mime: typeof v.mime === 'string' ? v.mime : 'application/octet-stream',
    size: typeof v.size === 'number' && Number.isFinite(v.size) ? v.size : 0,
  };
}

/** Reads a stored draft defensively (older shape, half-written value, foreign data): null when unusable. */
export function parseReportDraft(text: string | null, instanceId: number): ReportDraft | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(raw) || raw.instanceId !== instanceId) return null;
  const metric = raw.metricValue;
  return {
    instanceId,
    body: typeof raw.body === 'string' ? raw.body : '',
    metricValue: typeof metric === 'number' && Number.isFinite(metric) && metric >= 0 ? metric : null,
    photos: Array.isArray(raw.photos)
      ? raw.photos.filter((p): p is string => typeof p === 'string' && p !== '').slice(0, MAX_PHOTOS)
      : [],
    files: Array.isArray(raw.files)
      ? raw.files
          .map(parseFileRef)
          .filter((f): f is FileRef => f !== null)
          .slice(0, MAX_FILES)
      : [],
    eventIds: Array.isArray(raw.eventIds)
      ? raw.eventIds.filter((e): e is number => Number.isInteger(e) && (e as number) > 0).slice(0, MAX_EVENTS)
      : [],
    submitPending: raw.submitPending === true,
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : new Date(0).toISOString(),
  };
}

export interface ReportDraftStore {
  load(): ReportDraft | null;
  /** Stores new content (and whether a submit is in doubt); returns the stored draft. */
  save(content: ReportContent, submitPending?: boolean): ReportDraft;
  clear(): void;
}

/** A draft store over `storage`; storage failures (private mode, quota) are swallowed. */
export function createReportDraftStore(
  storage: DraftStorage | null,
  userId: number | string,
  instanceId: number,
  clock: () => Date = () => new Date(),
): ReportDraftStore {
  const key = reportDraftKey(userId, instanceId);
  return {
    load() {
      if (!storage) return null;
      try {
        return parseReportDraft(storage.getItem(key), instanceId);
      } catch {
        return null;
      }
    },
    save(content, submitPending = false) {
      const draft: ReportDraft = {
        instanceId,
        body: content.body,
        metricValue: content.metricValue,
        photos: content.photos.slice(0, MAX_PHOTOS),
        files: content.files.slice(0, MAX_FILES),
        eventIds: content.eventIds.slice(0, MAX_EVENTS),
        submitPending,
        updatedAt: clock().toISOString(),
      };
      if (storage) {
        try {
          storage.setItem(key, JSON.stringify(draft));
        } catch {
          // storage full or blocked: the draft lives on in memory only
        }
      }
      return draft;
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // ignore
      }
    },
  };
}

/** The content of a report kept on the server (a saved draft, or the report that was returned). */
export function contentOfReport(report: TaskReport): ReportContent {
  return {
    body: report.body ?? '',
    metricValue: report.metricValue,
    photos: report.photos,
    files: report.files,
    eventIds: report.events.map((e) => e.id),
  };
}

/**
 * What the form starts from: the device's draft when it is newer than the server's saved draft,
 * else the server's draft, else — after a return — the returned report to correct, else nothing.
 */
export function initialReport(local: ReportDraft | null, detail: InstanceDetail): ReportContent {
  const server = detail.draft;
  if (local && hasReportContent(local) && (!server || local.updatedAt >= server.updatedAt)) return local;
  if (server) return contentOfReport(server);
  const returned = detail.status === 'returned' ? detail.reports.find((r) => r.status === 'returned') : undefined;
  return returned ? contentOfReport(returned) : emptyReport();
}

/** A submit in doubt went through when the server already has the instance submitted or accepted. */
export function submitArrived(detail: Pick<InstanceDetail, 'status'>): boolean {
  return detail.status === 'submitted' || detail.status === 'accepted';
}

export interface EvidenceRule {
  photos: number;
  files: number;
  metricName: string | null;
}

/** The minimum report text the server takes for a submission. */
export const REPORT_TEXT_MIN = 2;

export type MissingEvidence =
  | { kind: 'text' }
  | { kind: 'photos'; required: number; have: number }
  | { kind: 'files'; required: number; have: number }
  | { kind: 'metric'; name: string };

/** What a submission still lacks against the task's evidence rule (the server checks the same). */
export function missingEvidence(rule: EvidenceRule, c: ReportContent): MissingEvidence[] {
  const missing: MissingEvidence[] = [];
  if (c.body.trim().length < REPORT_TEXT_MIN) missing.push({ kind: 'text' });
  if (c.photos.length < rule.photos) missing.push({ kind: 'photos', required: rule.photos, have: c.photos.length });
  if (c.files.length < rule.files) missing.push({ kind: 'files', required: rule.files, have: c.files.length });
  if (rule.metricName && c.metricValue === null) missing.push({ kind: 'metric', name: rule.metricName });
  return missing;
}

/** The report form's values (fields the person has not touched are undefined). */
export interface ReportValues {
  body?: string;
  metricValue?: number | null;
  photos?: string[];
  files?: FileRef[];
  eventIds?: number[];
}

export function reportContentOf(values: ReportValues): ReportContent {
  return {
    body: values.body ?? '',
    metricValue: values.metricValue ?? null,
    photos: values.photos ?? [],
    files: values.files ?? [],
    eventIds: values.eventIds ?? [],
  };
}

/** The body of save_draft / submit for a report. */
export function reportActionBody(content: ReportContent) {
  return {
    body: content.body.trim() || null,
    metricValue: content.metricValue,
    photos: content.photos,
    files: content.files.map((f) => f.id),
    eventIds: content.eventIds,
  };
}
