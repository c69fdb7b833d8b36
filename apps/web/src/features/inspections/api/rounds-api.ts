// TanStack Query hooks over inspection rounds (测评轮次) and inspections: the round list, one
// round with its draw and progress, its inspections, rollups, the inspectors to assign, creating,
// assigning, opening and closing; one inspection, the inspector's own list (by distance), the
// draft saved on the server, the submission and a re-inspection of a case. Keys live under the
// feature's key, so a submission refreshes the round's progress and rollups.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RollupDimension } from '@cc/common/inspections';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';
import { inspectionsKey, useInspectionsMutation } from './inspections-api';
import type {
  AssignBody,
  CreateRoundBody,
  InspectionDetail,
  InspectionListItem,
  Ref,
  Rollup,
  RoundDetail,
  RoundListItem,
  SubmitBody,
} from './inspection-types';

export const ROUNDS_PATH = '/api/inspection-rounds';

export function useRoundList(params: QueryParams) {
  return useQuery({
    queryKey: [...inspectionsKey, 'rounds', params],
    queryFn: ({ signal }) => apiFetch<Page<RoundListItem>>(ROUNDS_PATH, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: number | null) {
  return useQuery({
    queryKey: [...inspectionsKey, 'round', id],
    queryFn: ({ signal }) => apiFetch<RoundDetail>(`${ROUNDS_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useRoundInspections(roundId: number, params: QueryParams) {
  return useQuery({
    queryKey: [...inspectionsKey, 'round-inspections', roundId, params],
    queryFn: ({ signal }) =>
      apiFetch<Page<InspectionListItem>>(`${ROUNDS_PATH}/${roundId}/inspections`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRollup(roundId: number, by: RollupDimension) {
  return useQuery({
    queryKey: [...inspectionsKey, 'rollup', roundId, by],
    queryFn: ({ signal }) => apiFetch<Rollup>(`${ROUNDS_PATH}/${roundId}/rollups`, { query: { by }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Users who may inspect, for the planner. */
export function useInspectors(enabled = true) {
  return useQuery({
    queryKey: [...inspectionsKey, 'inspectors'],
    queryFn: ({ signal }) => apiFetch<{ items: Ref[] }>('/api/inspection-inspectors', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCreateRound() {
  return useInspectionsMutation((body: CreateRoundBody) =>
    apiFetch<RoundDetail>(ROUNDS_PATH, { method: 'POST', body }),
  );
}

export function useAssignInspectors(roundId: number) {
  return useInspectionsMutation((body: AssignBody) =>
    apiFetch<RoundDetail>(`${ROUNDS_PATH}/${roundId}/assign`, { method: 'POST', body }),
  );
}

export function useRoundStep(roundId: number) {
  return useInspectionsMutation((step: 'open' | 'close') =>
    apiFetch<RoundDetail>(`${ROUNDS_PATH}/${roundId}/${step}`, { method: 'POST', body: {} }),
  );
}

export interface CampaignOption {
  id: number;
  name: string;
  phase: 'normal' | 'pre_inspection';
  status: 'active' | 'closed';
}

/** Campaigns a round may belong to (its phase decides the thresholds), searched by name. */
export function useCampaignOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['campaigns', 'options', q],
    queryFn: ({ signal }) =>
      apiFetch<Page<CampaignOption>>('/api/campaigns', { query: { q, page: 1, pageSize: 30 }, signal }).then(
        (p) => p.items,
      ),
    staleTime: 60_000,
    enabled,
  });
}

// --- inspections -----------------------------------------------------------------------------

export function inspectionQueryKey(id: number | null) {
  return [...inspectionsKey, 'inspection', id] as const;
}

export function useInspection(id: number | null) {
  return useQuery({
    queryKey: inspectionQueryKey(id),
    queryFn: ({ signal }) => apiFetch<InspectionDetail>(`/api/inspections/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** The inspection as the server has it now, bypassing the cache (to settle an uncertain submit). */
export function fetchInspection(id: number): Promise<InspectionDetail> {
  return apiFetch<InspectionDetail>(`/api/inspections/${id}`);
}

export interface Position {
  lng: number;
  lat: number;
}

/** The inspector's list, nearest first when the phone's position is known. */
export function useMyInspections(status: 'open' | 'submitted', position: Position | null, enabled = true) {
  return useQuery({
    queryKey: [...inspectionsKey, 'mine', status, position?.lng ?? null, position?.lat ?? null],
    queryFn: ({ signal }) =>
      apiFetch<{ items: InspectionListItem[] }>('/api/my-inspections', {
        query: { status, lng: position?.lng, lat: position?.lat },
        signal,
      }),
    select: (r) => r.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Keeps the form on the server too (so another phone, or this one after a wipe, has it). */
export function saveInspectionDraft(id: number, values: object[]): Promise<{ savedAt: string }> {
  return apiFetch<{ savedAt: string }>(`/api/inspections/${id}/draft`, { method: 'PUT', body: { values } });
}

/** How long a submission may hang on a bad connection before the inspector is told to retry. */
export const SUBMIT_TIMEOUT_MS = 30_000;

export class SubmitTimeoutError extends Error {
  constructor() {
    super('timeout');
    this.name = 'SubmitTimeoutError';
  }
}

export async function submitInspection(id: number, body: SubmitBody): Promise<InspectionDetail> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), SUBMIT_TIMEOUT_MS);
  try {
    return await apiFetch<InspectionDetail>(`/api/inspections/${id}/submit`, {
      method: 'POST',
      body,
      signal: controller.signal,
    });
  } catch (error) {
    if (controller.signal.aborted) throw new SubmitTimeoutError();
    throw error;
  } finally {
    window.clearTimeout(timer);
  }
}

export function useSubmitInspection(id: number) {
  return useInspectionsMutation((body: SubmitBody) => submitInspection(id, body), { failOffline: true });
}
