import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { AppProvider } from './provider';
import type { AppRouter } from './router';
import { useSessionRedirects } from './session-redirects';

/** The whole console; main.tsx and the tests each pass their own client and router. */
export function App({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  useSessionRedirects(queryClient, router);
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
