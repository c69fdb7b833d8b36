// A mutation whose success refreshes every query under a feature's root key (each feature keeps
// all its queries under one key, so any write refreshes the lists, details and figures it may
// change). `failOffline` makes it fail at once without a connection instead of pausing until one
// comes back (the phone keeps its draft and offers a retry).
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

export function useRefreshingMutation<TInput, TResult>(
  rootKey: QueryKey,
  mutationFn: (input: TInput) => Promise<TResult>,
  { failOffline = false }: { failOffline?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    networkMode: failOffline ? 'always' : 'online',
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rootKey }),
  });
}
