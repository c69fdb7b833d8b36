// User accounts API (system admin): list, create, edit, enable/disable, reset password; unlock
// is the security admin's.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@cc/common/permissions';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';

export type UserStatus = 'active' | 'disabled';

export interface User {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  regionId: number | null;
  regionName: string | null;
  unitId: number | null;
  unitName: string | null;
  personId: number | null;
  status: UserStatus;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  roles: Role[];
  regionId?: number | null;
  unitId?: number | null;
  personId?: number | null;
  password: string;
}

export interface UserUpdateInput {
  displayName?: string;
  roles?: Role[];
  regionId?: number | null;
  unitId?: number | null;
  status?: UserStatus;
}

export const usersKey = ['users'] as const;

export function useUserList(params: QueryParams) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<User>>('/api/users', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => apiFetch<User>('/api/users', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: UserUpdateInput }) =>
      apiFetch<User>(`/api/users/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      apiFetch<{ ok: true }>(`/api/users/${id}/reset-password`, { method: 'POST', body: { password } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ ok: true }>(`/api/users/${id}/unlock`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
