// People API: staff and members; paged list (masked phones), audited detail, create, edit, delete.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PersonKind } from '@cc/common/org';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';

export type Gender = 'male' | 'female';

export interface Person {
  id: number;
  name: string;
  kind: PersonKind;
  gender: Gender | null;
  phone: string | null;
  unitId: number | null;
  unitName: string | null;
  communityId: number | null;
  communityName: string | null;
  partyOrg: string | null;
  position: string | null;
  hasAccount: boolean;
  username: string | null;
}

export interface PersonInput {
  name: string;
  kind: PersonKind;
  gender?: Gender | null;
  phone?: string | null;
  unitId?: number | null;
  communityId?: number | null;
  partyOrg?: string | null;
  position?: string | null;
}

export const peopleKey = ['people'] as const;

export function usePeopleList(params: QueryParams) {
  return useQuery({
    queryKey: [...peopleKey, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<Person>>('/api/people', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number | null) {
  return useQuery({
    queryKey: [...peopleKey, 'detail', id],
    queryFn: () => apiFetch<Person>(`/api/people/${id}`),
    enabled: id !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useSavePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: PersonInput }) =>
      id === null
        ? apiFetch<Person>('/api/people', { method: 'POST', body: input })
        : apiFetch<Person>(`/api/people/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useDeletePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ ok: true }>(`/api/people/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}
