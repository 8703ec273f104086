import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Link, Outlet, type ErrorComponentProps } from '@tanstack/react-router';
import { Server } from 'lucide-react';
import { Suspense } from 'react';
import { Button } from '@/components/ui/button/button';
import { SessionMenu } from '@/features/auth';
import { ScenarioPanelBoundary } from '@/features/scenario-panel';
import { LazyScenarioPanel, mockMode } from '../mock-mode';

/** What every route's loader can use: the query client, to start a page's requests as its route matches. */
export type RouterContext = { queryClient: QueryClient };

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

const linkClasses =
  'rounded font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-300';

function RootLayout() {
  return (
    <div className="min-h-dvh bg-gray-50 text-gray-900 dark:bg-gray-950 dark:text-gray-100">
      <a
        href="#main"
        className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 dark:bg-gray-900"
      >
        Skip to content
      </a>
      {/* Early in the tab order, though shown bottom-left: QA reaches it in two key presses. */}
      {mockMode && (
        <ScenarioPanelBoundary>
          <Suspense fallback={null}>
            <LazyScenarioPanel />
          </Suspense>
        </ScenarioPanelBoundary>
      )}
      <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-2 px-4">
          <Server aria-hidden="true" className="size-5 text-blue-600 dark:text-blue-400" />
          <Link
            to="/admin/manageOrders"
            className="rounded text-base font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Provision Console
          </Link>
          <SessionMenu />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}

function NotFound() {
  return (
    <section className="space-y-3 py-12 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-gray-600 dark:text-gray-300">There is nothing at this address.</p>
      <Link to="/admin/manageOrders" className={linkClasses}>
        Go to Manage orders
      </Link>
    </section>
  );
}

/** A render error replaces the page, never blanks it. */
function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <section role="alert" className="space-y-3 py-12 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-gray-600 dark:text-gray-300">{error instanceof Error ? error.message : 'Unexpected error'}</p>
      <div className="flex justify-center">
        <Button variant="outline" onClick={reset}>
          Try again
        </Button>
      </div>
    </section>
  );
}
