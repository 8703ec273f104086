import type { QueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import type { DemoAccountsProps } from '@/features/auth';
import { readSessionToken, writeSessionToken } from '@/lib/session-token';

/** True in a build made with the mock backend (`--mode mock` or `--mode server`), false in production. */
export const mockMode = import.meta.env.VITE_API_MOCKING === 'enabled';

/**
 * Where that backend runs: in this page's worker (`mock`), or as the standalone server the dev or
 * preview server proxies to (`server`), in which case the page holds no mock at all and talks to it
 * over HTTP, as it would to a real backend.
 */
const backendInPage = import.meta.env.VITE_MOCK_BACKEND !== 'server';

// The console's one way into mocks/ and into the mock-only parts of its features. Everything is
// loaded here, behind `mockMode` read in this same module: Rolldown prunes a dynamic import's chunk
// only when its guard folds to false in the importing module. Behind a flag imported from elsewhere
// the import is dropped but its chunk is still emitted, and a production build then ships the whole
// mock backend.

export async function startMockBackendIfEnabled(queryClient: QueryClient): Promise<void> {
  if (!mockMode) return;
  const { takeStartOptions, applyStartOptions } = await import('@mocks/start-options');
  const url = new URL(window.location.href);
  const startOptions = takeStartOptions(url);
  if (backendInPage) {
    const { startMockBackend } = await import('@mocks/browser');
    const { token } = await startMockBackend({
      token: readSessionToken(),
      // Another tab (or this one) reset the backend or switched its user: follow it, signed in as it says.
      onSessionsReplaced: (replaced, reason) => {
        writeSessionToken(replaced);
        void (reason === 'reset' ? queryClient.invalidateQueries() : queryClient.resetQueries());
      },
    });
    writeSessionToken(token);
  }
  // `?scenario=`, `?as=`, `&clock=`, `&speed=`: asked of the backend through its control API.
  const started = await applyStartOptions(startOptions);
  if (started) writeSessionToken(started.token);
  // Only now: a reload before the start took effect asks for it again.
  window.history.replaceState(window.history.state, '', url);
  // For tools that drive the page (Playwright, QA scripts): a request made before this is not mocked.
  document.documentElement.dataset.mock = 'ready';
}

// Marked pure so a production build, where nothing renders it, drops it.
export const LazyScenarioPanel = /* @__PURE__ */ lazy(async () => {
  if (!mockMode) throw new Error('The scenario panel exists only in mock mode');
  const { ScenarioPanel } = await import('@/features/scenario-panel/scenario-panel.lazy');
  return { default: ScenarioPanel };
});

// The seeded users and their demo passwords: never in a production build.
export const LazyDemoAccounts = /* @__PURE__ */ lazy(async () => {
  if (!mockMode) throw new Error('The demo accounts exist only in mock mode');
  const [{ DemoAccounts }, { userWithRole }] = await Promise.all([
    import('@/features/auth/demo-accounts.lazy'),
    import('@mocks/data/users'),
  ]);
  // The mock's own seeded users, so the list cannot drift from what the mock accepts.
  const accounts = [userWithRole('admin'), userWithRole('support')];
  return {
    default: (props: Omit<DemoAccountsProps, 'accounts'>) => <DemoAccounts accounts={accounts} {...props} />,
  };
});
