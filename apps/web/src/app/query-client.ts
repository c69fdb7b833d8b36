// The one TanStack Query client: no retries on 4xx, a toast for failed background queries
// (auth failures are handled by redirect instead).
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import { notifyError } from '../shared/feedback';

function isAuthFailure(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED' || error.code === 'PASSWORD_EXPIRED')
  );
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isAuthFailure(error) || query.queryKey[0] === 'auth') return;
      // Only toast when there is stale data on screen; first loads show the error in place.
      if (query.state.data !== undefined) notifyError(error.message);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
