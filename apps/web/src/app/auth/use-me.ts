// The signed-in user (GET /api/auth/me) as TanStack Query state, plus permission checks.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Permission, Role } from '@cc/common/permissions';
import { ApiError, apiFetch, setCsrfToken, type Locale } from '../api';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  cityId: number;
  cityName: string;
  regionId: number | null;
  regionName: string | null;
  unitId: number | null;
  unitName: string | null;
  locale: Locale;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  csrfToken: string;
  idleTimeoutMinutes: number;
}

export const meQueryKey = ['auth', 'me'] as const;

let lastMe: Me | null = null;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiFetch<Me>('/api/auth/me', { skipAuthRedirect: true });
    setCsrfToken(me.csrfToken);
    lastMe = me;
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Stores a Me object from login / PATCH /api/auth/me so every consumer and the CSRF header agree. */
export function storeMe(queryClient: QueryClient, me: Me | null): void {
  setCsrfToken(me?.csrfToken ?? null);
  if (me) lastMe = me;
  queryClient.setQueryData(meQueryKey, me);
}

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
}

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useMe(): Me {
  const { data } = useMeQuery();
  // Falls back to the last signed-in user while a logout unmounts the tree, so nothing renders
  // with `null` in between.
  const me = data ?? lastMe;
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}

export function hasPermission(me: Pick<Me, 'permissions'> | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => hasPermission(me, permission);
}
