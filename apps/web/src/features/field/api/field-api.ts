// Data hooks of the phone pages beyond the shared case hooks: "load more" lists (work list and
// my reports) and the report submission. Query keys live under the shared cases key, so every case
// mutation (transition, create) refreshes them too.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';
import { casesKey, type CaseDetail, type CaseInput, type CaseListItem } from '../../../shared/cases/cases-api';

export const FIELD_PAGE_SIZE = 20;

function nextPage(last: Page<CaseListItem>): number | undefined {
  return last.page * last.pageSize < last.total ? last.page + 1 : undefined;
}

function usePagedCases(path: string, params: QueryParams, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...casesKey, 'field', path, params],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<CaseListItem>>(path, { query: { ...params, page: pageParam, pageSize: FIELD_PAGE_SIZE }, signal }),
    initialPageParam: 1,
    getNextPageParam: nextPage,
    enabled,
  });
}

/** Cases in the caller's scope, page after page (the work list). */
export function useFieldCases(params: QueryParams, enabled = true) {
  return usePagedCases('/api/cases', params, enabled);
}

/** The caller's own reports, page after page. */
export function useReportedCases() {
  return usePagedCases('/api/cases/reported', {}, true);
}

/** How long a report submission may hang on a bad connection before the person is told to retry. */
export const SUBMIT_TIMEOUT_MS = 30_000;

export class SubmitTimeoutError extends Error {
  constructor() {
    super('timeout');
    this.name = 'SubmitTimeoutError';
  }
}

/**
 * Files a report with a time limit. The body carries the draft's idempotency key, so when a
 * timed-out request did reach the server, the retry gets the same case back (replayed: true).
 */
export function useSubmitReport() {
  const queryClient = useQueryClient();
  return useMutation({
    // Fail at once when offline instead of pausing: the person sees that the draft is kept and
    // decides when to send it again (the same key makes the retry safe).
    networkMode: 'always',
    mutationFn: async (input: CaseInput & { idempotencyKey: string }) => {
      const controller = new AbortController();
      const timer = window.setTimeout(() => controller.abort(), SUBMIT_TIMEOUT_MS);
      try {
        return await apiFetch<CaseDetail>('/api/cases', { method: 'POST', body: input, signal: controller.signal });
      } catch (error) {
        if (controller.signal.aborted) throw new SubmitTimeoutError();
        throw error;
      } finally {
        window.clearTimeout(timer);
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}
