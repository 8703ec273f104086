import type { z } from '@/lib/zod';
import { MockAdvanceRequestSchema, MockStateSchema, type MockState } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { useControlMutation } from './control-mutation';

/** Answers once the backend has played everything that fell due, so a refetch shows the outcome. */
export function advanceClock(ms: number): Promise<MockState> {
  const body: z.input<typeof MockAdvanceRequestSchema> = { ms };
  return apiRequest('/__mock/clock/advance', MockStateSchema, { method: 'POST', body });
}

export function useAdvanceClock() {
  return useControlMutation(advanceClock);
}
