import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SignOutResponseSchema } from '@/contract/session-api';
import { apiRequest } from '@/lib/api-client';
import { writeSessionToken } from '@/lib/session-token';

export function signOut() {
  return apiRequest('/api/session', SignOutResponseSchema, { method: 'DELETE' });
}

/**
 * Ends the session on the server, then in this tab whatever the server answered: an admin who
 * clicked Sign out must not stay signed in because the network failed. The route guard then
 * shows the sign-in page.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      writeSessionToken(null);
      queryClient.removeQueries();
    },
  });
}
