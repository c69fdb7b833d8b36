// Admin-only case data beyond the shared hooks: the map, the metrics, rectification notices,
// publication to the public board, and a transition on any case of a list (inbox quick accept).
// Keys live under the shared cases key so every case mutation refreshes them too.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CASE_WORKING_STATUSES, type CaseAction, type CaseStatus } from '@cc/common/cases';
import { apiFetch, downloadFile, type Page, type QueryParams } from '../../../app/api';
import { casesKey, type CaseDetail, type CaseListItem, type TransitionInput } from '../../../shared/cases/cases-api';

export interface MapPoint {
  id: number;
  lng: number;
  lat: number;
  status: CaseStatus;
  categoryName: string;
  overdue: boolean;
}

export interface MapGrid {
  id: number;
  name: string;
  /** GeoJSON Polygon (or MultiPolygon) in lng/lat. */
  polygon: unknown;
}

export interface MapResult {
  items: MapPoint[];
  truncated: boolean;
  grids: MapGrid[];
}

export type MetricsGroupBy = 'unit' | 'region' | 'category' | 'month';

export interface MetricsRow {
  key: string;
  label: string;
  received: number;
  due: number;
  closed: number;
  closedOnTime: number;
  closeRate: number | null;
  onTimeRate: number | null;
  reworkRate: number | null;
  extensionRate: number | null;
  escalated: number;
  avgHandlingHours: number | null;
  p90HandlingHours: number | null;
}

export interface MetricsResult {
  rows: MetricsRow[];
  total: MetricsRow;
}

export interface Notice {
  id: number;
  number: string;
  unitId: number;
  unitName: string;
  caseIds: number[];
  deadlineAt: string;
  issuedAt: string;
  issuedByName: string | null;
}

export function useCaseMap(params: QueryParams) {
  return useQuery({
    queryKey: [...casesKey, 'map', params],
    queryFn: ({ signal }) => apiFetch<MapResult>('/api/cases/map', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCaseMetrics(params: QueryParams) {
  return useQuery({
    queryKey: [...casesKey, 'metrics', params],
    queryFn: ({ signal }) => apiFetch<MetricsResult>('/api/cases/metrics', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNoticeList(params: QueryParams) {
  return useQuery({
    queryKey: [...casesKey, 'notices', params],
    queryFn: ({ signal }) => apiFetch<Page<Notice>>('/api/case-notices', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The open cases (待签收 / 处置中 / 返工中) of one unit, nearest deadline first, for a notice. */
export function useUnitOpenCases(unitId: number | null, limit: number) {
  return useQuery({
    queryKey: [...casesKey, 'unit-open', unitId, limit],
    queryFn: ({ signal }) =>
      apiFetch<Page<CaseListItem>>('/api/cases', {
        query: { unitId, status: CASE_WORKING_STATUSES.join(','), page: 1, pageSize: limit },
        signal,
      }),
    enabled: unitId !== null,
  });
}

export function useCreateNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { caseIds: number[]; deadline?: string }) =>
      apiFetch<Notice>('/api/case-notices', { method: 'POST', body: input }),
    // The notice is written into each case's log.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

/** Downloads the notice's Word file (the server names it; the number is the fallback). */
export function downloadNotice(notice: Pick<Notice, 'id' | 'number'>): Promise<void> {
  return downloadFile(`/api/case-notices/${notice.id}/file`, undefined, `${notice.number}.docx`);
}

export function usePublishCase(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { isPublic: boolean; publicPhotos?: string[] }) =>
      apiFetch<CaseDetail>(`/api/cases/${id}/publish`, { method: 'POST', body: input }),
    onSuccess: (detail) => {
      queryClient.setQueryData([...casesKey, 'detail', id], detail);
      return queryClient.invalidateQueries({ queryKey: casesKey });
    },
  });
}

/**
 * The name of a unit by id, for pickers whose search results may not hold the chosen unit (the
 * shared UnitSelect lists 30 at a time and otherwise shows "#id").
 */
/** A transition on a case picked from a list (the detail page uses the shared per-case hook). */
export function useListTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, input }: { id: number; action: CaseAction; input: TransitionInput }) =>
      apiFetch<CaseDetail>(`/api/cases/${id}/transitions/${action}`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}
