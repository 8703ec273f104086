import { createLazyRoute, getRouteApi } from '@tanstack/react-router';
import { Server } from 'lucide-react';
import { Suspense, useRef } from 'react';
import type { SignInRequest } from '@/contract/session-api';
import { SIGN_IN_PATH, SignInForm, useSignIn } from '@/features/auth';
import { LazyDemoAccounts, mockMode } from '../mock-mode';

const signInApi = getRouteApi(SIGN_IN_PATH);

export const signInLazyRoute = createLazyRoute(SIGN_IN_PATH)({ component: SignInPage });

function SignInPage() {
  const { reason } = signInApi.useSearch();
  const signIn = useSignIn();
  // `isPending` reaches the render a tick after the click: a double click must still send one request.
  const sending = useRef(false);
  const submit = (credentials: SignInRequest) => {
    if (sending.current) return;
    sending.current = true;
    signIn.mutate(credentials, {
      onError: () => {
        sending.current = false;
      },
    });
  };
  // After success too: the page is about to leave, a second click must not sign in again.
  const busy = signIn.isPending || signIn.isSuccess;

  return (
    <div className="mx-auto max-w-sm space-y-6 py-8 sm:py-12">
      <div className="space-y-1 text-center">
        <Server aria-hidden="true" className="mx-auto size-8 text-blue-600 dark:text-blue-400" />
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="text-sm text-gray-600 dark:text-gray-300">to the Provision Console</p>
      </div>
      <div className="rounded-xl border border-gray-200 bg-white p-6 shadow-sm dark:border-gray-800 dark:bg-gray-900">
        <SignInForm reason={reason} busy={busy} error={signIn.error} onSubmit={submit} />
      </div>
      {mockMode ? (
        <Suspense fallback={null}>
          <LazyDemoAccounts busy={busy} onSignIn={submit} />
        </Suspense>
      ) : null}
    </div>
  );
}
