import { lazy } from 'react';
import type { DemoAccountsProps } from '@/features/auth';
import { writeSessionToken } from '@/lib/session-token';

/** True in a build made with the mock backend (`--mode mock`), false in production. */
export const mockMode = import.meta.env.VITE_API_MOCKING === 'enabled';

// The console's one way into mocks/ and into the mock-only parts of its features. Everything is
// loaded here, behind `mockMode` read in this same module: Rolldown prunes a dynamic import's chunk
// only when its guard folds to false in the importing module. Behind a flag imported from elsewhere
// the import is dropped but its chunk is still emitted, and a production build then ships the whole
// mock backend.

export async function startMockBackendIfEnabled(): Promise<void> {
  if (!mockMode) return;
  const { startMockBackend } = await import('@mocks/browser');
  const { initialSession } = await startMockBackend();
  // A scenario starts signed in (or out) as it says, without the sign-in page.
  if (initialSession) writeSessionToken(initialSession.token);
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
