import { useRouter, useRouterState } from '@tanstack/react-router';
import type { MouseEvent } from 'react';

/**
 * The order id as a link to its detail drawer. The list's filters stay in the URL, and the page
 * keeps its scroll position: the list is still there behind the drawer.
 *
 * A plain anchor rather than the router's `<Link>`: a `<Link>` works out its location, active state
 * and preloading on every render, and it is the costliest part of a row, rendered for every row
 * that scrolls or searches into view. This one reads only the search string, and navigates through
 * the router on a plain click; any other click (new tab, new window) follows the href.
 */
export function OrderLink({ orderId }: { orderId: string }) {
  const router = useRouter();
  const searchStr = useRouterState({ select: (state) => state.location.searchStr });
  const href = router.history.createHref(`/admin/manageOrders/${encodeURIComponent(orderId)}${searchStr}`);
  const openDrawer = (event: MouseEvent<HTMLAnchorElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    void router.navigate({ to: '/admin/manageOrders/$orderId', params: { orderId }, search: true, resetScroll: false });
  };
  return (
    <a
      href={href}
      onClick={openDrawer}
      className="rounded text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-300 dark:focus-visible:outline-blue-400"
    >
      {orderId}
    </a>
  );
}
