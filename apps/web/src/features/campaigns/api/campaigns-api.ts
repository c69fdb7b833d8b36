// TanStack Query hooks over campaigns: list, detail, create / edit, the phase switch, activities,
// monthly themes, the overview, the calendar, the units in scope and the leading groups to pick
// from. Every campaign query (ledger and events included) lives under `campaignsKey`, so any write
// refreshes all of them: a report changes the overview, a new task the calendar.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';
import { useRefreshingMutation } from '../../../shared/use-refreshing-mutation';
import type {
  Activity,
  ActivityBody,
  CampaignCalendar,
  CampaignDetail,
  CampaignListItem,
  CampaignOverview,
  CreateCampaignBody,
  OverviewQuery,
  PhaseBody,
  ScopeUnit,
  Theme,
  ThemeBody,
  UpdateCampaignBody,
} from './campaign-types';

export const campaignsKey = ['campaigns'] as const;

/**
 * A mutation whose success refreshes every campaign query. `failOffline` makes it fail at once
 * without a connection instead of pausing (the phone keeps the draft and offers a retry).
 */
export function useCampaignMutation<TInput, TResult>(
  mutationFn: (input: TInput) => Promise<TResult>,
  { failOffline = false }: { failOffline?: boolean } = {},
) {
  return useRefreshingMutation(campaignsKey, mutationFn, { failOffline });
}

export function useCampaignList(params: QueryParams) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<CampaignListItem>>('/api/campaigns', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: number | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'detail', id],
    queryFn: ({ signal }) => apiFetch<CampaignDetail>(`/api/campaigns/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSaveCampaign() {
  return useCampaignMutation(({ id, body }: { id: number | null; body: CreateCampaignBody | UpdateCampaignBody }) =>
    id === null
      ? apiFetch<CampaignDetail>('/api/campaigns', { method: 'POST', body })
      : apiFetch<CampaignDetail>(`/api/campaigns/${id}`, { method: 'PATCH', body }),
  );
}

export function useSwitchPhase(id: number) {
  return useCampaignMutation((body: PhaseBody) =>
    apiFetch<CampaignDetail>(`/api/campaigns/${id}/phase`, { method: 'POST', body }),
  );
}

export function useCampaignOverview(id: number, query: OverviewQuery) {
  return useQuery({
    queryKey: [...campaignsKey, 'overview', id, query],
    queryFn: ({ signal }) =>
      apiFetch<CampaignOverview>(`/api/campaigns/${id}/overview`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignCalendar(id: number, from: string, to: string) {
  return useQuery({
    queryKey: [...campaignsKey, 'calendar', id, from, to],
    queryFn: ({ signal }) =>
      apiFetch<CampaignCalendar>(`/api/campaigns/${id}/calendar`, { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every unit of the campaign's scope the user sees (the server caps it at 10,000). */
export function useScopeUnits(id: number, enabled = true) {
  return useQuery({
    queryKey: [...campaignsKey, 'scope-units', id],
    queryFn: ({ signal }) =>
      apiFetch<{ items: ScopeUnit[] }>(`/api/campaigns/${id}/scope-units`, { signal }).then((r) => r.items),
    staleTime: 60_000,
    enabled,
  });
}

export function useSaveActivity(campaignId: number) {
  return useCampaignMutation(({ id, body }: { id: number | null; body: ActivityBody }) =>
    id === null
      ? apiFetch<Activity>(`/api/campaigns/${campaignId}/activities`, { method: 'POST', body })
      : apiFetch<Activity>(`/api/campaign-activities/${id}`, { method: 'PATCH', body }),
  );
}

export function useDeleteActivity() {
  return useCampaignMutation((id: number) => apiFetch<void>(`/api/campaign-activities/${id}`, { method: 'DELETE' }));
}

export function useSaveTheme(campaignId: number) {
  return useCampaignMutation(({ id, body }: { id: number | null; body: ThemeBody }) =>
    id === null
      ? apiFetch<Theme>(`/api/campaigns/${campaignId}/themes`, { method: 'POST', body })
      : apiFetch<Theme>(`/api/campaign-themes/${id}`, { method: 'PATCH', body }),
  );
}

export function useDeleteTheme() {
  return useCampaignMutation((id: number) => apiFetch<void>(`/api/campaign-themes/${id}`, { method: 'DELETE' }));
}

export interface GroupOption {
  id: number;
  name: string;
  kind: 'leading_group' | 'task_force';
}

/** Leading groups and task forces to name as the campaign's 领导小组 (GET /api/groups). */
export function useGroupOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['groups', 'options', q],
    queryFn: ({ signal }) =>
      apiFetch<Page<GroupOption>>('/api/groups', { query: { q, page: 1, pageSize: 50 }, signal }).then((p) => p.items),
    staleTime: 60_000,
    enabled,
  });
}
