import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SignInResponseSchema, type SignInRequest, type SignInResponse } from '@/contract/session-api';
import { apiRequest } from '@/lib/api-client';
import { writeSessionToken } from '@/lib/session-token';
import { sessionKeys } from './get-session';

export function signIn(credentials: SignInRequest): Promise<SignInResponse> {
  return apiRequest('/api/session', SignInResponseSchema, { method: 'POST', body: credentials });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: ({ token, user }) => {
      // Nothing the previous user loaded may show to this one. Queries only: the mutation cache
      // holds this very sign-in, which the form is watching.
      queryClient.removeQueries();
      // The header knows who signed in without asking the server again.
      queryClient.setQueryData(sessionKeys.current(token), { user });
      writeSessionToken(token);
    },
  });
}
