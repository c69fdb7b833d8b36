// Region tree API: detail, create, edit, delete. The tree itself comes from the shared
// useAllRegions() so every region picker and this page share one cache.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api';
import { regionsQueryKey, type Region } from '../../../shared/org-lookups';

export interface GeoJsonPolygon {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

export interface RegionDetail extends Region {
  polygon: GeoJsonPolygon | null;
  path: { id: number; name: string }[];
}

export interface RegionInput {
  parentId?: number;
  code?: string;
  name?: string;
  sort?: number;
  polygon?: GeoJsonPolygon | null;
}

export function useRegionDetail(id: number | null) {
  return useQuery({
    queryKey: [...regionsQueryKey, 'detail', id],
    queryFn: () => apiFetch<RegionDetail>(`/api/regions/${id}`),
    enabled: id !== null,
  });
}

export function useSaveRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: RegionInput }) =>
      id
        ? apiFetch<Region>(`/api/regions/${id}`, { method: 'PATCH', body: input })
        : apiFetch<Region>('/api/regions', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionsQueryKey }),
  });
}

export function useDeleteRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ ok: true }>(`/api/regions/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionsQueryKey }),
  });
}
