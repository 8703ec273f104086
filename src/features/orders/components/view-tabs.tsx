import { Link } from '@tanstack/react-router';
import type { OrdersView } from '@/contract/orders-api';

const countFormat = new Intl.NumberFormat();

const tabClasses =
  'inline-flex items-center gap-2 border-b-2 px-1 pb-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400';
const activeClasses = 'border-blue-600 text-blue-700 dark:border-blue-400 dark:text-blue-300';
const inactiveClasses =
  'border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900 dark:text-gray-300 dark:hover:text-gray-100';

/**
 * All orders | Needs attention (n): links, so each view has its own URL and the other filters stay
 * (from the order drawer too, which they close).
 * The count is the server's, whatever the filters, so it is always in view.
 */
export function ViewTabs({
  view,
  attentionCount,
}: {
  view: OrdersView | undefined;
  attentionCount: number | undefined;
}) {
  return (
    <nav aria-label="Order views" className="border-b border-gray-200 dark:border-gray-800">
      <ul className="flex gap-6">
        <li>
          <Link
            to="/admin/manageOrders"
            search={(current) => ({ ...current, view: undefined })}
            aria-current={view === undefined ? 'page' : undefined}
            className={`${tabClasses} ${view === undefined ? activeClasses : inactiveClasses}`}
          >
            All orders
          </Link>
        </li>
        <li>
          <Link
            to="/admin/manageOrders"
            search={(current) => ({ ...current, view: 'attention' as const })}
            aria-current={view === 'attention' ? 'page' : undefined}
            className={`${tabClasses} ${view === 'attention' ? activeClasses : inactiveClasses}`}
          >
            Needs attention{' '}
            {attentionCount === undefined ? null : (
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
                  attentionCount > 0
                    ? 'bg-red-600 text-white dark:bg-red-500 dark:text-gray-950'
                    : 'bg-gray-200 text-gray-700 dark:bg-gray-700 dark:text-gray-200'
                }`}
              >
                {countFormat.format(attentionCount)}
              </span>
            )}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
