import { CircleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button/button';
import { ErrorBoundary } from '@/components/ui/error-boundary/error-boundary';

/**
 * Keeps a failure of the scenario panel (including its chunk failing to load) inside the panel:
 * without it the router's error page would replace the whole console. Reload panel re-renders it;
 * a chunk that failed to load stays failed until the page is reloaded (React caches `lazy`).
 */
export function ScenarioPanelBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      renderFallback={(error, reset) => (
        <div
          role="alert"
          className="fixed bottom-4 left-4 z-40 flex max-w-sm items-start gap-3 rounded-lg border border-red-200 bg-white p-3 text-sm shadow-lg dark:border-red-900 dark:bg-gray-900"
        >
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" />
          <p className="min-w-0 flex-1 break-words">The scenario panel failed: {error.message}</p>
          <Button variant="outline" onClick={reset}>
            Reload panel
          </Button>
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
