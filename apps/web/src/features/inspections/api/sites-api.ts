// TanStack Query hooks over sites (点位): the paged registry with its filters, the map points,
// one site with its inspection history, create and edit. Keys live under the feature's key.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';
import { inspectionsKey, useInspectionsMutation } from './inspections-api';
import type { Site, SiteBody, SiteDetail, SiteMapPoint } from './inspection-types';

export const SITES_PATH = '/api/sites';

export function useSiteList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...inspectionsKey, 'sites', params],
    queryFn: ({ signal }) => apiFetch<Page<Site>>(SITES_PATH, { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSiteMap(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...inspectionsKey, 'site-map', params],
    queryFn: ({ signal }) => apiFetch<{ points: SiteMapPoint[] }>(`${SITES_PATH}/map`, { query: params, signal }),
    select: (r) => r.points,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

export function useSite(id: number | null) {
  return useQuery({
    queryKey: [...inspectionsKey, 'site', id],
    queryFn: ({ signal }) => apiFetch<SiteDetail>(`${SITES_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSaveSite() {
  return useInspectionsMutation(({ id, body }: { id: number | null; body: Partial<SiteBody> }) =>
    id === null
      ? apiFetch<Site>(SITES_PATH, { method: 'POST', body })
      : apiFetch<Site>(`${SITES_PATH}/${id}`, { method: 'PATCH', body }),
  );
}
