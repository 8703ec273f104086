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
  });
}

/** The token this tab holds, re-rendering when it changes (sign in, sign out, a scenario switch). */
export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribeToSessionToken, readSessionToken);
}

/** The signed-in user; undefined while unknown or signed out. */
export function useCurrentUser(): User | undefined {
  return useQuery(getSessionQueryOptions(useSessionToken())).data?.user;
}

/** Only admins get action buttons; support agents read. The API refuses them anyway (403). */
export function useCanAct(): boolean {
  return useCurrentUser()?.role === 'admin';
}
