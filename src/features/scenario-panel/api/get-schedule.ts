import { queryOptions, useQuery } from '@tanstack/react-query';
import { ScheduleResponseSchema, type ScheduleEvent } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { mockKeys, PANEL_POLL_MS } from './mock-keys';

/** What is due on the simulated clock, soonest first. */
export async function getSchedule(signal?: AbortSignal): Promise<ScheduleEvent[]> {
  return (await apiRequest('/__mock/schedule', ScheduleResponseSchema, { signal })).events;
}

export function getScheduleQueryOptions() {
  return queryOptions({
    queryKey: mockKeys.schedule(),
    queryFn: ({ signal }) => getSchedule(signal),
    // Like the journals: the clock may run, and the page's own requests start runs.
    refetchInterval: PANEL_POLL_MS,
  });
}

export function useSchedule() {
  return useQuery(getScheduleQueryOptions());
}
