// TanStack Query hooks over the events of a campaign (活动记录: meetings such as the 四方座谈会,
// concentrated publicity days with their places and units, clean-up days): list, detail, save.
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';
import { formatDateTime } from '../../../shared/format';
import { campaignsKey, useCampaignMutation } from './campaigns-api';
import type { EventBody, EventDetail, EventListItem } from './campaign-types';

export function useEventList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...campaignsKey, 'events', params],
    queryFn: ({ signal }) => apiFetch<Page<EventListItem>>('/api/campaign-events', { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEvent(id: number | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'event', id],
    queryFn: ({ signal }) => apiFetch<EventDetail>(`/api/campaign-events/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSaveEvent(campaignId: number) {
  return useCampaignMutation(({ id, body }: { id: number | null; body: EventBody }) =>
    id === null
      ? apiFetch<EventDetail>(`/api/campaigns/${campaignId}/events`, { method: 'POST', body })
      : apiFetch<EventDetail>(`/api/campaign-events/${id}`, { method: 'PATCH', body }),
  );
}

/** The campaign's events a report may cite, newest first, as select options. */
export function useEventOptions(campaignId: number) {
  const events = useEventList({ campaignId, page: 1, pageSize: 100 });
  return useMemo(
    () =>
      (events.data?.items ?? []).map((e) => ({
        value: e.id,
        label: `${e.title}（${formatDateTime(e.startsAt)}）`,
      })),
    [events.data],
  );
}
