import { queryOptions, useQuery } from '@tanstack/react-query';
import { UpstreamCallsResponseSchema, type UpstreamCall } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { mockKeys, PANEL_POLL_MS } from './mock-keys';

/** Newest first, like the request journal. */
export async function getUpstreamCalls(signal?: AbortSignal): Promise<UpstreamCall[]> {
  return (await apiRequest('/__mock/upstream-calls', UpstreamCallsResponseSchema, { signal })).calls.toReversed();
}

export function getUpstreamCallsQueryOptions() {
  return queryOptions({
    queryKey: mockKeys.upstreamCalls(),
    queryFn: ({ signal }) => getUpstreamCalls(signal),
    refetchInterval: PANEL_POLL_MS,
  });
}

export function useUpstreamCalls() {
  return useQuery(getUpstreamCallsQueryOptions());
}
