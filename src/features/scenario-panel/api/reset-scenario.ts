import type { z } from 'zod';
import { MockResetRequestSchema, MockStateSchema, type MockState } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { useControlMutation } from './control-mutation';

/** Starts `scenario` from its seed; without one, restarts the current scenario. */
export function resetScenario(scenario?: string): Promise<MockState> {
  const body: z.input<typeof MockResetRequestSchema> = scenario === undefined ? {} : { scenario };
  return apiRequest('/__mock/reset', MockStateSchema, { method: 'POST', body });
}

export function useResetScenario() {
  return useControlMutation(resetScenario);
}
