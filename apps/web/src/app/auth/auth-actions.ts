// Login, logout and profile/locale updates against /api/auth.
import { useCallback } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiFetch, type Locale } from '../api';
import { useLocale } from '../i18n/locale-provider';
import { meQueryKey, storeMe, type Me } from './use-me';

export function useLogin() {
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  return useMutation({
    mutationFn: async (input: { username: string; password: string }) => {
      const { me } = await apiFetch<{ me: Me }>('/api/auth/login', {
        method: 'POST',
        body: input,
        skipAuthRedirect: true,
      });
      storeMe(queryClient, me);
      // The language picked on the login page wins over the account's stored one.
      if (me.locale !== locale) {
        try {
          const updated = await apiFetch<Me>('/api/auth/me', {
            method: 'PATCH',
            body: { locale },
            skipAuthRedirect: true,
          });
          return updated;
        } catch {
          return { ...me, locale };
        }
      }
      return me;
    },
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      storeMe(queryClient, me);
    },
  });
}

export type LogoutReason = 'idle' | 'expired' | undefined;

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (reason?: LogoutReason) => {
      try {
        await apiFetch('/api/auth/logout', { method: 'POST', skipAuthRedirect: true });
      } catch {
        // the session may already be gone on the server
      }
      queryClient.clear();
      storeMe(queryClient, null);
      navigate(reason ? `/login?reason=${reason}` : '/login', { replace: true });
    },
    [navigate, queryClient],
  );
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { locale?: Locale; displayName?: string }) =>
      apiFetch<Me>('/api/auth/me', { method: 'PATCH', body: input }),
    onSuccess: (me) => storeMe(queryClient, me),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      apiFetch<{ ok: true }>('/api/auth/password', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
