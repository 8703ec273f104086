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
  });
}

export function useScenarios() {
  return useQuery(getScenariosQueryOptions());
}
