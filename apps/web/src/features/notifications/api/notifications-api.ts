// In-app notifications of the signed-in user (list, unread count, mark read) and the SMS outbox.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';

export interface NotificationItem {
  id: number;
  /** e.g. 'case.dispatch', 'case.remind', 'case.escalate'. */
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface SmsMessage {
  id: number;
  /** Masked by the server (138****1234). */
  phone: string;
  recipient: string | null;
  body: string;
  driver: string;
  status: string;
  error: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
}

export const notificationsKey = ['notifications'] as const;

export const UNREAD_POLL_MS = 60_000;

const unreadKey = [...notificationsKey, 'unread-count'] as const;

export function useUnreadCount(enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: unreadKey,
    // A background poll: once there is a count, a failed refresh keeps it instead of toasting every
    // minute while the network is down (sign-in failures still redirect inside apiFetch).
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<{ unread: number }>('/api/notifications/unread-count', { signal });
      } catch (error) {
        const previous = queryClient.getQueryData<{ unread: number }>(unreadKey);
        if (previous) return previous;
        throw error;
      }
    },
    select: (data) => data.unread,
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });
}

export function useNotifications(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...notificationsKey, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<NotificationItem>>('/api/notifications', { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ ok: true }>(`/api/notifications/${id}/read`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ ok: true }>('/api/notifications/read-all', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useSmsMessages(params: QueryParams) {
  return useQuery({
    queryKey: ['sms-messages', params],
    queryFn: ({ signal }) => apiFetch<Page<SmsMessage>>('/api/sms-messages', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Where a notification leads in the app, if anywhere. */
export function notificationLink(item: Pick<NotificationItem, 'entityType' | 'entityId'>): string | null {
  if (item.entityType === 'case' && item.entityId && /^\d+$/.test(item.entityId)) return `/cases/${item.entityId}`;
  return null;
}
