// Units (责任单位) API: paged list, audited detail (unmasked phones), create, edit, delete.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitType } from '@cc/common/org';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';

export interface Unit {
  id: number;
  name: string;
  shortName: string | null;
  type: UnitType;
  parentId: number | null;
  parentName: string | null;
  regionId: number | null;
  regionName: string | null;
  headName: string | null;
  headPhone: string | null;
  liaisonName: string | null;
  liaisonPhone: string | null;
  peopleCount: number;
}

export interface UnitInput {
  name: string;
  shortName?: string | null;
  type: UnitType;
  parentId?: number | null;
  regionId?: number | null;
  headName?: string | null;
  headPhone?: string | null;
  liaisonName?: string | null;
  liaisonPhone?: string | null;
}

export const unitsKey = ['units'] as const;

export function useUnitList(params: QueryParams) {
  return useQuery({
    queryKey: [...unitsKey, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<Unit>>('/api/units', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: number | null) {
  return useQuery({
    queryKey: [...unitsKey, 'detail', id],
    queryFn: () => apiFetch<Unit>(`/api/units/${id}`),
    enabled: id !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: UnitInput }) =>
      id === null
        ? apiFetch<Unit>('/api/units', { method: 'POST', body: input })
        : apiFetch<Unit>(`/api/units/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ ok: true }>(`/api/units/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}
