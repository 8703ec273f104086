import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from '@/lib/zod';
import {
  MockSessionResponseSchema,
  type MockSessionRequestSchema,
  type MockStartSession,
} from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';
import { writeSessionToken } from '@/lib/session-token';
import { mockKeys } from './mock-keys';

/** Signs the console in as a seeded user (or out) without the sign-in page; the backend's data stays as it is. */
export async function switchSession(as: MockStartSession): Promise<void> {
  const body: z.input<typeof MockSessionRequestSchema> = { as };
  const { sessionToken } = await apiRequest('/__mock/session', MockSessionResponseSchema, { method: 'POST', body });
  writeSessionToken(sessionToken);
}

/**
 * What the previous user loaded is dropped, not merely refetched: an admin's answers (credentials)
 * must not stay on screen for a support agent while the new ones load. The panel's own queries
 * are the backend's, the same for everyone. Not awaited, as in `useControlMutation`; the route
 * guards follow the token on their own (to the sign-in page when signed out).
 */
export function useSwitchSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: switchSession,
    onSuccess: () => void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== mockKeys.all[0] }),
  });
}
