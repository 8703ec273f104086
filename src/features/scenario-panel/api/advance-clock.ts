import type { z } from '@/lib/zod';
import { MockAdvanceRequestSchema, MockStateSchema, type MockState } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { useControlMutation } from './control-mutation';

function advance(body: z.input<typeof MockAdvanceRequestSchema>): Promise<MockState> {
  return apiRequest('/__mock/clock/advance', MockStateSchema, { method: 'POST', body });
}

/** Answers once the backend has played everything that fell due, so a refetch shows the outcome. */
export function advanceClock(ms: number): Promise<MockState> {
  return advance({ ms });
}

/** Exactly to the soonest event of the schedule, which fires; refused (409 NOTHING_SCHEDULED) when nothing is due. */
export function advanceToNextEvent(): Promise<MockState> {
  return advance({ to: 'nextEvent' });
}

export function useAdvanceClock() {
  return useControlMutation(advanceClock);
}

export function useAdvanceToNextEvent() {
  return useControlMutation(advanceToNextEvent);
}
