// TanStack Query hooks over the configuration of field inspections: the evaluation index
// (测评体系), site types (点位类型) and checklists (测评清单). Every query of the feature (sites,
// rounds, inspections, material review) lives under `inspectionsKey`, so any write refreshes all
// of them: a new checklist item changes the site types' counts, a submission the round's figures.
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api';
import { useRefreshingMutation } from '../../../shared/use-refreshing-mutation';
import type {
  ChecklistItem,
  ChecklistItemBody,
  CreateIndexNodeBody,
  CreateSiteTypeBody,
  IndexList,
  IndexNode,
  SiteType,
  UpdateIndexNodeBody,
  UpdateSiteTypeBody,
} from './inspection-types';

export const inspectionsKey = ['inspections'] as const;

/**
 * A mutation whose success refreshes every query of the feature. `failOffline` makes it fail at
 * once without a connection instead of pausing (the phone keeps its draft and offers a retry).
 */
export function useInspectionsMutation<TInput, TResult>(
  mutationFn: (input: TInput) => Promise<TResult>,
  { failOffline = false }: { failOffline?: boolean } = {},
) {
  return useRefreshingMutation(inspectionsKey, mutationFn, { failOffline });
}

// --- evaluation index ------------------------------------------------------------------------

export const INDEX_PATH = '/api/evaluation-index';

export function useEvaluationIndex(enabled = true) {
  return useQuery({
    queryKey: [...inspectionsKey, 'index'],
    queryFn: ({ signal }) => apiFetch<IndexList>(INDEX_PATH, { signal }),
    staleTime: 60_000,
    enabled,
  });
}

export function useSaveIndexNode() {
  return useInspectionsMutation(
    ({ id, body }: { id: number | null; body: CreateIndexNodeBody | UpdateIndexNodeBody }) =>
      id === null
        ? apiFetch<IndexNode>(INDEX_PATH, { method: 'POST', body })
        : apiFetch<IndexNode>(`${INDEX_PATH}/${id}`, { method: 'PATCH', body }),
  );
}

export function useAddSampleIndex() {
  return useInspectionsMutation(() => apiFetch<unknown>(`${INDEX_PATH}/defaults`, { method: 'POST', body: {} }));
}

// --- site types ------------------------------------------------------------------------------

export function useSiteTypes(enabled = true) {
  return useQuery({
    queryKey: [...inspectionsKey, 'site-types'],
    queryFn: ({ signal }) => apiFetch<{ items: SiteType[] }>('/api/site-types', { signal }).then((r) => r.items),
    staleTime: 60_000,
    enabled,
  });
}

export function useSaveSiteType() {
  return useInspectionsMutation(
    ({ code, body }: { code: string | null; body: CreateSiteTypeBody | UpdateSiteTypeBody }) =>
      code === null
        ? apiFetch<SiteType>('/api/site-types', { method: 'POST', body })
        : apiFetch<SiteType>(`/api/site-types/${encodeURIComponent(code)}`, { method: 'PATCH', body }),
  );
}

// --- checklists ------------------------------------------------------------------------------

export function useChecklist(typeCode: string | null) {
  return useQuery({
    queryKey: [...inspectionsKey, 'checklist', typeCode],
    queryFn: ({ signal }) =>
      apiFetch<{ items: ChecklistItem[] }>('/api/checklist-items', { query: { typeCode }, signal }).then(
        (r) => r.items,
      ),
    enabled: typeCode !== null,
  });
}

export function useSaveChecklistItem() {
  return useInspectionsMutation(({ id, body }: { id: number | null; body: Partial<ChecklistItemBody> }) =>
    id === null
      ? apiFetch<ChecklistItem>('/api/checklist-items', { method: 'POST', body })
      : apiFetch<ChecklistItem>(`/api/checklist-items/${id}`, { method: 'PATCH', body }),
  );
}
