import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { createQueryClient } from '@/app/query-client';
import { createAppRouter } from '@/app/router';

/** The whole console at `url`, with a fresh query client (no retries) and its own stores. */
export function renderApp(url: string) {
  const queryClient = createQueryClient({ retry: false });
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [url] }));
  const user = userEvent.setup();
  render(<App queryClient={queryClient} router={router} />);
  return { router, user };
}

/** One component under a router of its own, for parts that need one (links) without the whole console. */
export function renderUnderRouter(component: () => ReactNode): void {
  const router = createRouter({ routeTree: createRootRoute({ component }), history: createMemoryHistory() });
  render(<RouterProvider router={router} />);
}

/**
 * The table row of an order, found by its row header. `getByRole('row', { name })` finds it too,
 * but computes every row's name from all its cells: seconds per query on the default data in jsdom.
 */
export function queryOrderRow(orderId: string): HTMLElement | undefined {
  return screen.queryAllByRole('row').find((row) => within(row).queryByRole('rowheader', { name: orderId }) !== null);
}

export function findOrderRow(orderId: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = queryOrderRow(orderId);
    if (!row) throw new Error(`The table has no row for ${orderId}`);
    return row;
  });
}

/**
 * A toast by its title, scoped to the notifications region: Radix also renders a hidden
 * live-region copy of every toast's text elsewhere in the page.
 */
export async function findToast(title: string | RegExp): Promise<HTMLElement> {
  const notifications = await screen.findByRole('region', { name: /notifications/i });
  return within(notifications).findByRole('status', { name: title });
}
