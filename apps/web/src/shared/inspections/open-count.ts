// How many inspections are still open on the user's list, for the phone's home tile (one call of
// GET /api/my-inspections). The key sits under the inspections feature's root key
// (['inspections', …]), so a submission refreshes it.
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../app/api';

export function useOpenInspectionCount(enabled = true) {
  return useQuery({
    queryKey: ['inspections', 'home-count'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: unknown[] }>('/api/my-inspections', { query: { status: 'open' }, signal }).then(
        (r) => r.items.length,
      ),
    staleTime: 30_000,
    enabled,
  });
}
