import { queryOptions, useQuery } from '@tanstack/react-query';
import { ScenarioListResponseSchema, type ScenarioSummary } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { mockKeys } from './mock-keys';

export async function getScenarios(signal?: AbortSignal): Promise<ScenarioSummary[]> {
  return (await apiRequest('/__mock/scenarios', ScenarioListResponseSchema, { signal })).scenarios;
}

export function getScenariosQueryOptions() {
  return queryOptions({
    queryKey: mockKeys.scenarios(),
    queryFn: ({ signal }) => getScenarios(signal),
    // The catalogue is part of the build: it cannot change while the page is open.
    staleTime: Infinity,
  });
}

export function useScenarios() {
  return useQuery(getScenariosQueryOptions());
}
