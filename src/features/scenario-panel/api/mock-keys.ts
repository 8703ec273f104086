/** Keys of the mock backend's control API. Every mutation invalidates all queries, so no finer keys are needed. */
export const mockKeys = {
  all: ['mock'] as const,
  state: () => [...mockKeys.all, 'state'] as const,
  scenarios: () => [...mockKeys.all, 'scenarios'] as const,
  schedule: () => [...mockKeys.all, 'schedule'] as const,
  requests: () => [...mockKeys.all, 'requests'] as const,
  upstreamCalls: () => [...mockKeys.all, 'upstream-calls'] as const,
};

/** How often the open panel re-reads the clock, the schedule and the journals. */
export const PANEL_POLL_MS = 2_000;
