// Pairings (分包 / 包联) API: a unit responsible for a community, site or road segment for a period.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PairingTarget } from '@cc/common/org';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';

export interface Pairing {
  id: number;
  unitId: number;
  unitName: string;
  targetType: PairingTarget;
  regionId: number | null;
  regionName: string | null;
  targetName: string;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
}

export interface PairingInput {
  unitId: number;
  targetType: PairingTarget;
  regionId?: number | null;
  targetName?: string | null;
  startsOn: string;
  endsOn?: string | null;
  note?: string | null;
}

export const pairingsKey = ['pairings'] as const;

export function usePairingList(params: QueryParams) {
  return useQuery({
    queryKey: [...pairingsKey, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<Pairing>>('/api/pairings', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSavePairing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: PairingInput }) =>
      id === null
        ? apiFetch<Pairing>('/api/pairings', { method: 'POST', body: input })
        : apiFetch<Pairing>(`/api/pairings/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pairingsKey }),
  });
}

export function useDeletePairing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ ok: true }>(`/api/pairings/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pairingsKey }),
  });
}
