// TanStack Query hooks over door-to-door canvassing: drives, assignments, progress, the
// recorder's assignments, visits (single with a timeout for the phone, batch for clerks), opinions
// and their workflow (classify, accept suggestions, route, reply, deliver), groups, topics and the
// classifier. Every query lives under `canvassKey`, so any write refreshes the figures it changes.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';
import { useRefreshingMutation } from '../../../shared/use-refreshing-mutation';
import type {
  Assignment,
  BatchResult,
  ClassifierStatus,
  ClassifyBody,
  CreateAssignmentsBody,
  CreateDriveBody,
  CreateTopicBody,
  CreateVisitBody,
  DeliverBody,
  DriveDetail,
  DriveListItem,
  MyAssignment,
  Opinion,
  OpinionGroup,
  ProgressDimension,
  ProgressList,
  RegroupResult,
  ReplyBody,
  RouteBody,
  RouteResult,
  SuggestResponse,
  Topic,
  UpdateAssignmentBody,
  UpdateDriveBody,
  UpdateTopicBody,
  Visit,
  VisitReceipt,
} from './canvass-types';

export const canvassKey = ['canvass'] as const;

export function useCanvassMutation<TInput, TResult>(
  mutationFn: (input: TInput) => Promise<TResult>,
  { failOffline = false }: { failOffline?: boolean } = {},
) {
  return useRefreshingMutation(canvassKey, mutationFn, { failOffline });
}

// --- drives ----------------------------------------------------------------------------------

export const DRIVES_PATH = '/api/canvass-drives';

export function useDriveList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...canvassKey, 'drives', params],
    queryFn: ({ signal }) => apiFetch<Page<DriveListItem>>(DRIVES_PATH, { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Drives for pickers (the newest first, as the server lists them). */
export function useDriveOptions(enabled = true) {
  return useQuery({
    queryKey: [...canvassKey, 'drive-options'],
    queryFn: ({ signal }) =>
      apiFetch<Page<DriveListItem>>(DRIVES_PATH, { query: { page: 1, pageSize: 100 }, signal }).then((p) => p.items),
    staleTime: 60_000,
    enabled,
  });
}

export function useDrive(id: number | null) {
  return useQuery({
    queryKey: [...canvassKey, 'drive', id],
    queryFn: ({ signal }) => apiFetch<DriveDetail>(`${DRIVES_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSaveDrive() {
  return useCanvassMutation(({ id, body }: { id: number | null; body: CreateDriveBody | UpdateDriveBody }) =>
    id === null
      ? apiFetch<DriveDetail>(DRIVES_PATH, { method: 'POST', body })
      : apiFetch<DriveDetail>(`${DRIVES_PATH}/${id}`, { method: 'PATCH', body }),
  );
}

export function useDriveStatus(id: number) {
  return useCanvassMutation((status: DriveDetail['status']) =>
    apiFetch<DriveDetail>(`${DRIVES_PATH}/${id}/status`, { method: 'POST', body: { status } }),
  );
}

// --- assignments -----------------------------------------------------------------------------

export function useAssignments(driveId: number, params: QueryParams) {
  return useQuery({
    queryKey: [...canvassKey, 'assignments', driveId, params],
    queryFn: ({ signal }) =>
      apiFetch<Page<Assignment>>(`${DRIVES_PATH}/${driveId}/assignments`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateAssignments(driveId: number) {
  return useCanvassMutation((body: CreateAssignmentsBody) =>
    apiFetch<{ created: number }>(`${DRIVES_PATH}/${driveId}/assignments`, { method: 'POST', body }),
  );
}

export function useUpdateAssignment() {
  return useCanvassMutation(({ id, body }: { id: number; body: UpdateAssignmentBody }) =>
    apiFetch<Assignment>(`/api/canvass-assignments/${id}`, { method: 'PATCH', body }),
  );
}

export function useDeleteAssignment() {
  return useCanvassMutation((id: number) =>
    apiFetch<{ ok: boolean }>(`/api/canvass-assignments/${id}`, { method: 'DELETE' }),
  );
}

export function useKickoff() {
  return useCanvassMutation(({ id, on }: { id: number; on: string }) =>
    apiFetch<Assignment>(`/api/canvass-assignments/${id}/kickoff`, { method: 'POST', body: { on } }),
  );
}

// --- progress --------------------------------------------------------------------------------

export function useProgress(
  driveId: number,
  by: ProgressDimension,
  filter: { unitId?: number; communityId?: number } = {},
) {
  return useQuery({
    queryKey: [...canvassKey, 'progress', driveId, by, filter.unitId ?? null, filter.communityId ?? null],
    queryFn: ({ signal }) =>
      apiFetch<ProgressList>(`${DRIVES_PATH}/${driveId}/progress`, { query: { by, ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

// --- the recorder's assignments --------------------------------------------------------------

export function useMyAssignments() {
  return useQuery({
    queryKey: [...canvassKey, 'my-assignments'],
    queryFn: ({ signal }) => apiFetch<{ items: MyAssignment[] }>('/api/canvass/my-assignments', { signal }),
    select: (r) => r.items,
    staleTime: 30_000,
  });
}

// --- visits ----------------------------------------------------------------------------------

export const VISITS_PATH = '/api/canvass-visits';

/** How long a visit may hang on a bad connection before the canvasser is told to retry. */
export const SUBMIT_TIMEOUT_MS = 30_000;

export class SubmitTimeoutError extends Error {
  constructor() {
    super('timeout');
    this.name = 'SubmitTimeoutError';
  }
}

/** Sends a visit; a retry with the same idempotency key answers the first result (replayed). */
export async function submitVisit(body: CreateVisitBody, timeoutMs = SUBMIT_TIMEOUT_MS): Promise<VisitReceipt> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await apiFetch<VisitReceipt>(VISITS_PATH, { method: 'POST', body, signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) throw new SubmitTimeoutError();
    throw error;
  } finally {
    window.clearTimeout(timer);
  }
}

export function useSubmitVisit() {
  return useCanvassMutation((body: CreateVisitBody) => submitVisit(body), { failOffline: true });
}

export function useSubmitBatch() {
  return useCanvassMutation((visits: CreateVisitBody[]) =>
    apiFetch<BatchResult>(`${VISITS_PATH}/batch`, { method: 'POST', body: { visits } }),
  );
}

export function useVisitList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...canvassKey, 'visits', params],
    queryFn: ({ signal }) => apiFetch<Page<Visit>>(VISITS_PATH, { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useVisit(id: number | null) {
  return useQuery({
    queryKey: [...canvassKey, 'visit', id],
    queryFn: ({ signal }) => apiFetch<Visit>(`${VISITS_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** The unmasked number (the server audits every call). */
export function fetchVisitPhone(id: number): Promise<{ phone: string | null }> {
  return apiFetch<{ phone: string | null }>(`${VISITS_PATH}/${id}/phone`);
}

// --- opinions --------------------------------------------------------------------------------

export const OPINIONS_PATH = '/api/canvass-opinions';

export function useOpinionList(params: QueryParams) {
  return useQuery({
    queryKey: [...canvassKey, 'opinions', params],
    queryFn: ({ signal }) => apiFetch<Page<Opinion>>(OPINIONS_PATH, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOpinion(id: number | null) {
  return useQuery({
    queryKey: [...canvassKey, 'opinion', id],
    queryFn: ({ signal }) => apiFetch<Opinion>(`${OPINIONS_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useClassifyOpinion() {
  return useCanvassMutation(({ id, body }: { id: number; body: ClassifyBody }) =>
    apiFetch<Opinion>(`${OPINIONS_PATH}/${id}/classify`, { method: 'POST', body }),
  );
}

export function useAcceptSuggestions() {
  return useCanvassMutation((ids: number[]) =>
    apiFetch<{ classified: number; skipped: number }>(`${OPINIONS_PATH}/accept-suggestions`, {
      method: 'POST',
      body: { ids },
    }),
  );
}

export function useRouteOpinion() {
  return useCanvassMutation(({ id, body }: { id: number; body: RouteBody }) =>
    apiFetch<RouteResult>(`${OPINIONS_PATH}/${id}/route`, { method: 'POST', body }),
  );
}

export function useReplyOpinion() {
  return useCanvassMutation(({ id, body }: { id: number; body: ReplyBody }) =>
    apiFetch<Opinion>(`${OPINIONS_PATH}/${id}/reply`, { method: 'POST', body }),
  );
}

export function useDeliverOpinion() {
  return useCanvassMutation(({ id, body }: { id: number; body: DeliverBody }) =>
    apiFetch<Opinion>(`${OPINIONS_PATH}/${id}/deliver`, { method: 'POST', body }),
  );
}

// --- groups ----------------------------------------------------------------------------------

export function useGroupList(params: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: [...canvassKey, 'groups', params],
    queryFn: ({ signal }) => apiFetch<Page<OpinionGroup>>('/api/canvass-groups', { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegroup() {
  return useCanvassMutation((driveId: number) =>
    apiFetch<RegroupResult>(`${DRIVES_PATH}/${driveId}/regroup`, { method: 'POST', body: {} }),
  );
}

// --- topics and the classifier ---------------------------------------------------------------

export function useTopics() {
  return useQuery({
    queryKey: [...canvassKey, 'topics'],
    queryFn: ({ signal }) => apiFetch<{ items: Topic[] }>('/api/opinion-topics', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useSaveTopic() {
  return useCanvassMutation(({ code, body }: { code: string | null; body: CreateTopicBody | UpdateTopicBody }) =>
    code === null
      ? apiFetch<Topic>('/api/opinion-topics', { method: 'POST', body })
      : apiFetch<Topic>(`/api/opinion-topics/${encodeURIComponent(code)}`, { method: 'PATCH', body }),
  );
}

export function useClassifierStatus() {
  return useQuery({
    queryKey: [...canvassKey, 'classifier'],
    queryFn: ({ signal }) => apiFetch<ClassifierStatus>('/api/canvass-classifier', { signal }),
  });
}

export function useTrainClassifier() {
  return useCanvassMutation(() =>
    apiFetch<ClassifierStatus>('/api/canvass-classifier/train', { method: 'POST', body: {} }),
  );
}

export function suggestTopic(text: string): Promise<SuggestResponse> {
  return apiFetch<SuggestResponse>('/api/canvass-classifier/suggest', { method: 'POST', body: { text } });
}

// --- look-ups --------------------------------------------------------------------------------

export interface CampaignOption {
  id: number;
  name: string;
  status: string;
}

/** Campaigns a drive may belong to, searched by name. */
export function useCampaignOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['campaigns', 'options', 'canvass', q],
    queryFn: ({ signal }) =>
      apiFetch<Page<CampaignOption>>('/api/campaigns', { query: { q, page: 1, pageSize: 30 }, signal }).then(
        (p) => p.items,
      ),
    staleTime: 60_000,
    enabled,
  });
}
