import type { z } from '@/lib/zod';
import { MockClockRequestSchema, MockStateSchema, type MockState } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { useControlMutation } from './control-mutation';

export type ClockChange = z.input<typeof MockClockRequestSchema>;

export function setClock(change: ClockChange): Promise<MockState> {
  return apiRequest('/__mock/clock', MockStateSchema, { method: 'POST', body: change });
}

export function useSetClock() {
  return useControlMutation(setClock);
}
