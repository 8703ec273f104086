import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MockState } from '@/contract/mock-control';
import { mockKeys } from './mock-keys';

/**
 * A change to the mock backend (scenario, clock). It can alter every order, run and journal, so
 * every query is refetched. Not awaited: a followed run's poll retries with a growing backoff,
 * and waiting for it could keep the panel busy for minutes. The answer is the new state, shown at once.
 */
export function useControlMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<MockState>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (state) => {
      queryClient.setQueryData(mockKeys.state(), state);
      void queryClient.invalidateQueries();
    },
  });
}
