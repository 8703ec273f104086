import { createRoute, Outlet, redirect } from '@tanstack/react-router';
import { SIGN_IN_PATH, useSessionToken } from '@/features/auth';
import { RunFollowers } from '@/features/provisioning';
import { readSessionToken } from '@/lib/session-token';
import { rootRoute } from './root';

/**
 * Every console page is a child of this pathless layout. Without a token the guard sends the
 * visitor to sign in (and back here afterwards) before the page mounts or sends a request. It runs
 * again whenever the token changes (`session-redirects.ts`), so signing out, or the scenario panel
 * switching to "signed out", leaves the page the same way.
 */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: ({ location }) => {
    if (readSessionToken() === null) {
      throw redirect({ to: SIGN_IN_PATH, search: { redirect: location.href }, replace: true });
    }
  },
  component: SignedInLayout,
});

function SignedInLayout() {
  // Between a 401 clearing the token and the router showing the sign-in page, render nothing: the
  // page's own error states must not flash, and nothing should poll without a session.
  if (useSessionToken() === null) return null;
  return (
    <>
      <Outlet />
      {/* Here, not in the root: a followed run is this admin's, polled only while signed in. */}
      <RunFollowers />
    </>
  );
}
