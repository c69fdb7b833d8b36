import { describe, expect, it } from 'vitest';
import type { DraftStorage } from '../../../shared/draft-storage';
import type { InstanceDetail, TaskReport } from './campaign-types';
import {
  createReportDraftStore,
  emptyReport,
  hasReportContent,
  initialReport,
  missingEvidence,
  parseReportDraft,
  reportDraftKey,
  submitArrived,
} from './report-draft';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const report = (over: Partial<TaskReport>): TaskReport => ({
  id: 1,
  status: 'draft',
  body: null,
  metricValue: null,
  photos: [],
  files: [],
  events: [],
  createdByName: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  submittedAt: null,
  reviewedByName: null,
  reviewedAt: null,
  reviewNote: null,
  ...over,
});

const detail = (over: Partial<InstanceDetail>) =>
  ({ status: 'not_started', draft: null, reports: [], ...over }) as InstanceDetail;

describe('report draft store', () => {
  it('keeps one draft per user and instance and survives a reload', () => {
    const storage = memoryStorage();
    const clock = () => new Date('2026-03-02T08:00:00Z');
    const store = createReportDraftStore(storage, 7, 42, clock);
    expect(store.load()).toBeNull();
    store.save({ ...emptyReport(), body: '已悬挂横幅 20 条', photos: ['a'.repeat(64)] });
    expect(storage.data.has(reportDraftKey(7, 42))).toBe(true);
    const again = createReportDraftStore(storage, 7, 42, clock).load();
    expect(again).toMatchObject({
      body: '已悬挂横幅 20 条',
      submitPending: false,
      updatedAt: '2026-03-02T08:00:00.000Z',
    });
    expect(createReportDraftStore(storage, 8, 42).load()).toBeNull();
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('remembers a submit in doubt', () => {
    const store = createReportDraftStore(memoryStorage(), 1, 5);
    store.save({ ...emptyReport(), body: 'x' }, true);
    expect(store.load()?.submitPending).toBe(true);
  });

  it('reads foreign or broken values defensively', () => {
    expect(parseReportDraft('{', 1)).toBeNull();
    expect(parseReportDraft('{"instanceId":2}', 1)).toBeNull();
    const parsed = parseReportDraft(
      JSON.stringify({
        instanceId: 1,
        body: 3,
        metricValue: -2,
        photos: ['p', 4, ''],
        files: [{ id: 'f' }, 'x'],
        eventIds: [1, -1, 'a'],
      }),
      1,
    );
    expect(parsed).toMatchObject({ body: '', metricValue: null, photos: ['p'], eventIds: [1], submitPending: false });
    expect(parsed?.files).toEqual([{ id: 'f', name: 'f', mime: 'application/octet-stream', size: 0 }]);
  });

  it('works without storage', () => {
    const store = createReportDraftStore(null, 1, 1);
    expect(store.save({ ...emptyReport(), body: 'x' }).body).toBe('x');
    expect(store.load()).toBeNull();
  });
});

describe('initial report', () => {
  it('prefers the newer of the device draft and the server draft', () => {
    const local = {
      ...emptyReport(),
      body: 'local',
      instanceId: 1,
      submitPending: false,
      updatedAt: '2026-03-02T00:00:00Z',
    };
    const older = detail({ draft: report({ body: 'server', updatedAt: '2026-03-01T00:00:00Z' }) });
    const newer = detail({ draft: report({ body: 'server', updatedAt: '2026-03-03T00:00:00Z' }) });
    expect(initialReport(local, older).body).toBe('local');
    expect(initialReport(local, newer).body).toBe('server');
    expect(initialReport(null, detail({})).body).toBe('');
  });

  it('starts a resubmission from the returned report', () => {
    const returned = detail({
      status: 'returned',
      reports: [
        report({
          status: 'returned',
          body: '第一次报送',
          photos: ['p1'],
          events: [{ id: 3, title: 'e', startsAt: '' }],
        }),
      ],
    });
    expect(initialReport(null, returned)).toMatchObject({ body: '第一次报送', photos: ['p1'], eventIds: [3] });
  });

  it('tells whether a submit in doubt arrived', () => {
    expect(submitArrived({ status: 'submitted' })).toBe(true);
    expect(submitArrived({ status: 'returned' })).toBe(false);
    expect(hasReportContent(emptyReport())).toBe(false);
  });
});

describe('missing evidence', () => {
  const rule = { photos: 2, files: 1, metricName: '悬挂横幅' };
  it('names everything a submission still lacks', () => {
    expect(missingEvidence(rule, { ...emptyReport(), body: ' x ' })).toEqual([
      { kind: 'text' },
      { kind: 'photos', required: 2, have: 0 },
      { kind: 'files', required: 1, have: 0 },
      { kind: 'metric', name: '悬挂横幅' },
    ]);
  });
  it('is empty when the report is complete', () => {
    const complete = {
      body: '已在主干道悬挂横幅',
      metricValue: 0,
      photos: ['a', 'b'],
      files: [{ id: 'f', name: 'f.pdf', mime: 'application/pdf', size: 1 }],
      eventIds: [],
    };
    expect(missingEvidence(rule, complete)).toEqual([]);
    expect(missingEvidence({ photos: 0, files: 0, metricName: null }, { ...emptyReport(), body: '完成' })).toEqual([]);
  });
});
