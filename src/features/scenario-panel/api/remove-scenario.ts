import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ScenarioListResponseSchema, type ScenarioSummary } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { mockKeys } from './mock-keys';

/** Forgets a registered scenario; answers the scenarios that remain. */
export async function removeScenario(name: string): Promise<ScenarioSummary[]> {
  const path = `/__mock/scenarios/${encodeURIComponent(name)}`;
  return (await apiRequest(path, ScenarioListResponseSchema, { method: 'DELETE' })).scenarios;
}

/** Only the list changes: the running scenario, even a removed one, runs on, so nothing else is refetched. */
export function useRemoveScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeScenario,
    onSuccess: (scenarios) => queryClient.setQueryData(mockKeys.scenarios(), scenarios),
  });
}
