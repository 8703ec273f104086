import type { z } from '@/lib/zod';
import { MockResetRequestSchema, MockResetResponseSchema, type MockState } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { writeSessionToken } from '@/lib/session-token';
import { useControlMutation } from './control-mutation';

/**
 * Starts `scenario` from its seed; without one, restarts the current scenario. The restarted
 * backend has new sessions, so the console takes the one it started (or is signed out).
 */
export async function resetScenario(scenario?: string): Promise<MockState> {
  const body: z.input<typeof MockResetRequestSchema> = scenario === undefined ? {} : { scenario };
  const { sessionToken, ...state } = await apiRequest('/__mock/reset', MockResetResponseSchema, {
    method: 'POST',
    body,
  });
  writeSessionToken(sessionToken);
  return state;
}

export function useResetScenario() {
  return useControlMutation(resetScenario);
}
