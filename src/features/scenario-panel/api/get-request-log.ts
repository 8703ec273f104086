import { queryOptions, useQuery } from '@tanstack/react-query';
import { RequestLogResponseSchema, type RequestLogEntry } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { mockKeys, PANEL_POLL_MS } from './mock-keys';

/** Newest first: what the admin just did is what they look for. */
export async function getRequestLog(signal?: AbortSignal): Promise<RequestLogEntry[]> {
  return (await apiRequest('/__mock/requests', RequestLogResponseSchema, { signal })).requests.toReversed();
}

export function getRequestLogQueryOptions() {
  return queryOptions({
    queryKey: mockKeys.requests(),
    queryFn: ({ signal }) => getRequestLog(signal),
    refetchInterval: PANEL_POLL_MS,
  });
}

export function useRequestLog() {
  return useQuery(getRequestLogQueryOptions());
}
