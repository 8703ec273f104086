import { createRoute, redirect } from '@tanstack/react-router';
import { parseSignInSearch, SIGN_IN_PATH } from '@/features/auth';
import { readSessionToken } from '@/lib/session-token';
import { rootRoute } from './root';

/** The page itself loads when first shown (`sign-in.lazy.tsx`): a signed-in admin never needs it. */
export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: SIGN_IN_PATH,
  // `redirect` is checked here, once: only a path on this console, whatever the link said.
  validateSearch: parseSignInSearch,
  // Signed in already, or just now (the token changed, so the guards run again): on to the page
  // the admin was going to, replacing the sign-in page in the history.
  beforeLoad: ({ search }) => {
    if (readSessionToken() !== null) throw redirect({ href: search.redirect, replace: true });
  },
}).lazy(async () => (await import('./sign-in.lazy')).signInLazyRoute);
