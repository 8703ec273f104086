import { Link } from '@tanstack/react-router';

/**
 * The order id as a link to its detail drawer. The list's filters stay in the URL, and the page
 * keeps its scroll position: the list is still there behind the drawer.
 */
export function OrderLink({ orderId }: { orderId: string }) {
  return (
    <Link
      to="/admin/manageOrders/$orderId"
      params={{ orderId }}
      search
      resetScroll={false}
      className="rounded text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-300 dark:focus-visible:outline-blue-400"
    >
      {orderId}
    </Link>
  );
}
