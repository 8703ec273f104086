import { queryOptions, useQuery } from '@tanstack/react-query';
import { MockStateSchema, type MockState } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { mockKeys, PANEL_POLL_MS } from './mock-keys';

export function getMockState(signal?: AbortSignal): Promise<MockState> {
  return apiRequest('/__mock/state', MockStateSchema, { signal });
}

export function getMockStateQueryOptions() {
  return queryOptions({ queryKey: mockKeys.state(), queryFn: ({ signal }) => getMockState(signal) });
}

/** `poll` while the panel is open: the clock also moves on its own, and the page may reset it. */
export function useMockState({ poll }: { poll: boolean }) {
  return useQuery({ ...getMockStateQueryOptions(), refetchInterval: poll ? PANEL_POLL_MS : false });
}
