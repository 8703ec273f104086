import { CircleAlert } from 'lucide-react';
import { memo, type ReactNode } from 'react';
import type { Order } from '@/contract/order';
import type { OrderListResponse } from '@/contract/orders-api';
import { Badge } from '@/components/ui/badge/badge';
import { formatExactTime, formatRelativeTime } from '@/lib/time';
import { providerLabels, provisioningLabels, provisioningTones, runStepLabels, statusLabels, statusTones } from '../labels';

const columns = [
  'Order',
  'Customer',
  'Product',
  'Provider',
  'Status',
  'Provisioning',
  'IP address',
  'Last attempt',
  'Provisioning error',
  'Action',
] as const;

const SKELETON_ROWS = 5;

type OrdersTableProps = {
  /** Absent while the first answer is loading: the table then shows skeleton rows. */
  list: OrderListResponse | undefined;
  /** True while an older answer stands in for the one being fetched (e.g. during typing). */
  stale: boolean;
  /** Keep it stable (module-level): rows re-render only when their order changes. */
  renderAction: (order: Order) => ReactNode;
};

export function OrdersTable({ list, stale, renderAction }: OrdersTableProps) {
  const loading = list === undefined;
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <table
        aria-busy={loading || stale}
        className={`w-full min-w-[72rem] text-left text-sm transition-opacity ${stale ? 'opacity-60' : ''}`}
      >
        <caption className="sr-only">Orders</caption>
        <thead className="bg-gray-50 text-xs tracking-wide text-gray-600 uppercase dark:bg-gray-800/60 dark:text-gray-300">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200 dark:divide-gray-800">
          {loading
            ? Array.from({ length: SKELETON_ROWS }, (_, row) => <SkeletonRow key={row} />)
            : list.orders.map((order) => (
                <OrderRow
                  key={order._id}
                  order={order}
                  lastAttempt={order.lastProvisionAttempt ? formatRelativeTime(order.lastProvisionAttempt, list.serverTime) : null}
                  renderAction={renderAction}
                />
              ))}
        </tbody>
      </table>
    </div>
  );
}

type OrderRowProps = {
  /** Unchanged orders keep their identity across refetches (React Query's structural sharing). */
  order: Order;
  /** Precomputed, so a new `serverTime` re-renders only the rows whose label changed. */
  lastAttempt: string | null;
  renderAction: (order: Order) => ReactNode;
};

// Memoised: a list of thousands of orders is refetched every 2 s while any run is under way.
const OrderRow = memo(function OrderRow({ order, lastAttempt, renderAction }: OrderRowProps) {
  const provisioning = order.provisioningStatus ?? 'none';
  return (
    <tr className="align-top hover:bg-gray-50 dark:hover:bg-gray-800/40">
      <th scope="row" className="px-3 py-2 font-mono font-medium whitespace-nowrap">
        {order._id}
      </th>
      <td className="px-3 py-2">
        <div className="font-medium">{order.customer.name}</div>
        <div className="text-gray-500 dark:text-gray-400">{order.customer.email}</div>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{order.product}</td>
      <td className="px-3 py-2 whitespace-nowrap">{providerLabels[order.provider]}</td>
      <td className="px-3 py-2">
        <Badge tone={statusTones[order.status]}>{statusLabels[order.status]}</Badge>
      </td>
      <td className="px-3 py-2">
        <Badge tone={provisioningTones[provisioning]}>{provisioningLabels[provisioning]}</Badge>
        {order.activeRun ? (
          <div className="mt-1 text-xs text-gray-600 dark:text-gray-300">
            {runStepLabels[order.activeRun.step]} (attempt {order.activeRun.attempt} of {order.activeRun.maxAttempts})
          </div>
        ) : null}
      </td>
      <td className="px-3 py-2 font-mono whitespace-nowrap">{order.ipAddress ?? <Missing />}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        {order.lastProvisionAttempt ? (
          <time dateTime={order.lastProvisionAttempt} title={formatExactTime(order.lastProvisionAttempt)}>
            {lastAttempt}
          </time>
        ) : (
          <Missing />
        )}
      </td>
      <td className="max-w-64 px-3 py-2">
        {order.provisioningError ? (
          <span className="flex items-start gap-1 text-red-700 dark:text-red-300">
            <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
            {order.provisioningError}
          </span>
        ) : (
          <Missing />
        )}
      </td>
      <td className="px-3 py-2">{renderAction(order)}</td>
    </tr>
  );
});

function Missing() {
  return <span className="text-gray-400 dark:text-gray-500">—</span>;
}

function SkeletonRow() {
  return (
    <tr>
      {columns.map((column) => (
        <td key={column} aria-hidden="true" className="px-3 py-3">
          <div className="h-4 animate-pulse rounded bg-gray-200 dark:bg-gray-700" />
        </td>
      ))}
    </tr>
  );
}
