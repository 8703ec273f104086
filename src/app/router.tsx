import type { QueryClient } from '@tanstack/react-query';
import { createRouter, type RouterHistory } from '@tanstack/react-router';
import { indexRoute } from './routes/index';
import { manageOrdersRoute } from './routes/manage-orders';
import { orderDetailRoute } from './routes/order-detail';
import { rootRoute } from './routes/root';
import { signInRoute } from './routes/sign-in';
import { signedInRoute } from './routes/signed-in';

// Console pages go under `signedInRoute`, which sends a visitor without a session to sign in.
const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  signedInRoute.addChildren([manageOrdersRoute.addChildren([orderDetailRoute])]),
]);

/**
 * Search params stay plain text. The router's default JSON-parses them, which would turn
 * `?q=1002` into a number that the filter schema then rejects.
 */
function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    if (typeof value === 'string') params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Without a history the router uses the browser's; tests pass a memory history. */
export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({ routeTree, history, parseSearch, stringifySearch, context: { queryClient } });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
