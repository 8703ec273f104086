import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { SessionResponseSchema, type User } from '@/contract/session-api';
import { apiRequest } from '@/lib/api-client';
import { readSessionToken, subscribeToSessionToken } from '@/lib/session-token';

export const sessionKeys = {
  all: ['session'] as const,
  /** Keyed by token: signing in as someone else is another session, never a stale user. */
  current: (token: string | null) => [...sessionKeys.all, token] as const,
};

export function getSession(signal?: AbortSignal) {
  return apiRequest('/api/session', SessionResponseSchema, { signal });
}

export function getSessionQueryOptions(token: string | null) {
  return queryOptions({
    queryKey: sessionKeys.current(token),
    queryFn: ({ signal }) => getSession(signal),
    enabled: token !== null,
    staleTime: Infinity,
    // Every row's button asks who is signed in: after a failure, each row scrolled into view would
    // ask the server again. The header's Try again, window focus or a new token ask instead.
    retryOnMount: false,
  });
}

/** The token this tab holds, re-rendering when it changes (sign in, sign out, a scenario switch). */
export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribeToSessionToken, readSessionToken);
}

/** Who holds this tab's token, as a query: the header also shows when asking failed. */
export function useSession() {
  return useQuery(getSessionQueryOptions(useSessionToken()));
}

/** The signed-in user; undefined while unknown or signed out. */
export function useCurrentUser(): User | undefined {
  return useSession().data?.user;
}

/** Only admins get action buttons; support agents read. The API refuses them anyway (403). */
export function useCanAct(): boolean {
  return useCurrentUser()?.role === 'admin';
}
