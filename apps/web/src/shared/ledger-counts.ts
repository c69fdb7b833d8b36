// How many of the user's ledger instances are still to report, and how many of those are
// overdue — for the phone's home tile. Two one-row queries of GET /api/task-instances (the server
// answers a unit only its own). The key sits under the campaigns feature's root key
// (['campaigns', …]), so every ledger write refreshes it.
import { useQuery } from '@tanstack/react-query';
import { apiFetch, type Page } from '../app/api';

export interface OpenTaskCounts {
  open: number;
  overdue: number;
}

async function count(query: Record<string, string | number | boolean>, signal: AbortSignal): Promise<number> {
  const page = await apiFetch<Page<unknown>>('/api/task-instances', {
    query: { ...query, page: 1, pageSize: 1 },
    signal,
  });
  return page.total;
}

export function useOpenTaskCounts(enabled = true) {
  return useQuery({
    queryKey: ['campaigns', 'home-counts'],
    queryFn: async ({ signal }): Promise<OpenTaskCounts> => {
      const [open, overdue] = await Promise.all([count({ open: true }, signal), count({ status: 'overdue' }, signal)]);
      return { open, overdue };
    },
    staleTime: 30_000,
    enabled,
  });
}
