import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionEndReason, SIGN_IN_PATH } from '@/features/auth';
import { readSessionToken, subscribeToSessionToken, writeSessionToken } from '@/lib/session-token';
import type { AppRouter } from './router';

/**
 * Keeps the page in step with the session, once for the whole console rather than in each view:
 * - a 401 that ends the session (expired or unknown token), from any query or mutation, forgets the
 *   token and sends the admin to sign in, saying why and remembering the page and its filters;
 * - any change of token (sign in, sign out, the scenario panel) runs the route guards again, which
 *   move the page to the sign-in page or away from it.
 * Here and not in `createQueryClient`: the redirect needs the router, which the query client predates.
 */
export function useSessionRedirects(queryClient: QueryClient, router: AppRouter): void {
  useEffect(() => {
    const endSession = (error: unknown) => {
      const reason = sessionEndReason(error);
      // Once: the page's other requests fail the same way a moment later.
      if (reason === null || readSessionToken() === null) return;
      const redirect = router.latestLocation.href;
      // Cleared first, so the signed-in layout hides the page before any view renders the error.
      writeSessionToken(null);
      void router.navigate({ to: SIGN_IN_PATH, search: { redirect, reason }, replace: true });
    };
    const unsubscribers = [
      subscribeToSessionToken(() => void router.invalidate()),
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'error') endSession(event.action.error);
      }),
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'error') endSession(event.action.error);
      }),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [queryClient, router]);
}
