// Leading groups (领导小组) and task forces (专班): list, detail with members, CRUD, membership.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupKind } from '@cc/common/org';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';

export interface Group {
  id: number;
  kind: GroupKind;
  name: string;
  duty: string | null;
  leadUnitId: number | null;
  leadUnitName: string | null;
  memberCount: number;
}

export interface GroupMember {
  id: number;
  personId: number;
  personName: string;
  unitName: string | null;
  role: string;
  sort: number;
}

export interface GroupDetail extends Group {
  members: GroupMember[];
}

export interface GroupInput {
  kind: GroupKind;
  name: string;
  duty?: string | null;
  leadUnitId?: number | null;
}

export const groupsKey = ['groups'] as const;

export function useGroupList(params: QueryParams) {
  return useQuery({
    queryKey: [...groupsKey, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<Group>>('/api/groups', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useGroup(id: number | null) {
  return useQuery({
    queryKey: [...groupsKey, 'detail', id],
    queryFn: () => apiFetch<GroupDetail>(`/api/groups/${id}`),
    enabled: id !== null,
  });
}

export function useSaveGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: GroupInput }) =>
      id === null
        ? apiFetch<Group>('/api/groups', { method: 'POST', body: input })
        : apiFetch<Group>(`/api/groups/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupsKey }),
  });
}

export function useDeleteGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ ok: true }>(`/api/groups/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupsKey }),
  });
}

export function useAddGroupMember(groupId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { personId: number; role: string }) =>
      apiFetch<unknown>(`/api/groups/${groupId}/members`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupsKey }),
  });
}

export function useRemoveGroupMember(groupId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: number) =>
      apiFetch<{ ok: true }>(`/api/groups/${groupId}/members/${memberId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupsKey }),
  });
}
