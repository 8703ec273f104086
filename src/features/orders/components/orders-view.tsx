import { CircleAlert, CircleCheck, Inbox, SearchX } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { Order } from '@/contract/order';
import type { OrderFilters } from '@/contract/orders-api';
import { Button } from '@/components/ui/button/button';
import { useOrders } from '../api/get-orders';
import { hasFilters, noFilters } from '../filters';
import { OrderFiltersBar } from './order-filters-bar';
import { OrdersTable, type RowSelection } from './orders-table';
import { ViewTabs } from './view-tabs';

const countFormat = new Intl.NumberFormat();

type OrdersViewProps = {
  filters: OrderFilters;
  onFiltersChange: (patch: Partial<OrderFilters>) => void;
  /** The action cell: supplied by whoever composes the page, so this feature needs no other feature. */
  renderAction: (order: Order) => ReactNode;
  /** Bulk actions on ticked rows of Needs attention; absent for users who may not act. */
  bulk?: BulkActions | undefined;
};

export type BulkActions = {
  selectable: (order: Order) => boolean;
  /** The bar above the table while rows are ticked; `clear` unticks them all. */
  render: (selected: readonly Order[], clear: () => void) => ReactNode;
};

export function OrdersView({ filters, onFiltersChange, renderAction, bulk }: OrdersViewProps) {
  const { data, error, isFetching, isPlaceholderData, refetch, hasNextPage, isFetchingNextPage, fetchNextPage } =
    useOrders(filters);
  const retry = () => void refetch();
  const firstPage = data?.pages[0];
  const list =
    data && firstPage
      ? { orders: data.pages.flatMap((page) => page.orders), total: firstPage.total, serverTime: firstPage.serverTime }
      : undefined;
  const attention = filters.view === 'attention';
  const selection = useRowSelection(attention ? bulk : undefined, list?.orders);

  let content: ReactNode;
  if (!data && error) {
    content = <LoadError message={error.message} retrying={isFetching} onRetry={retry} />;
  } else if (list?.total === 0) {
    content = hasFilters(filters) ? (
      <EmptyState icon={<SearchX aria-hidden="true" className="size-8" />} title="No orders match these filters">
        <Button variant="outline" onClick={() => onFiltersChange(noFilters)}>
          Clear filters
        </Button>
      </EmptyState>
    ) : attention ? (
      <EmptyState icon={<CircleCheck aria-hidden="true" className="size-8" />} title="Nothing needs attention">
        <p>Every paid order is provisioned, provisioning, or marked resolved.</p>
      </EmptyState>
    ) : (
      <EmptyState icon={<Inbox aria-hidden="true" className="size-8" />} title="No orders yet">
        <p>Orders appear here once customers buy a server.</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        {error ? <RefreshError message={error.message} retrying={isFetching} onRetry={retry} /> : null}
        {selection && bulk && selection.selectedOrders.length > 0
          ? bulk.render(selection.selectedOrders, selection.clear)
          : null}
        <OrdersTable
          selection={selection?.table}
          list={list}
          stale={isPlaceholderData}
          renderAction={renderAction}
          loadingMore={isFetchingNextPage}
          onNearEnd={hasNextPage && !isFetchingNextPage ? () => void fetchNextPage() : undefined}
        />
      </>
    );
  }

  return (
    <div className="space-y-4">
      <ViewTabs view={filters.view} attentionCount={firstPage?.attentionCount} />
      <OrderFiltersBar filters={filters} onFiltersChange={onFiltersChange} />
      <p aria-live="polite" className="text-sm text-gray-600 dark:text-gray-300">
        {list ? `${countFormat.format(list.total)} ${list.total === 1 ? 'order' : 'orders'}` : null}
      </p>
      {content}
    </div>
  );
}

/**
 * The ticked rows of Needs attention. Only loaded orders that may still be selected count, so a row
 * that left the view (provisioned meanwhile) drops out of the bulk action by itself.
 */
function useRowSelection(bulk: BulkActions | undefined, orders: readonly Order[] | undefined) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  if (!bulk) return undefined;
  const selectedOrders = (orders ?? []).filter((order) => selected.has(order._id) && bulk.selectable(order));
  const table: RowSelection = {
    selected,
    selectable: bulk.selectable,
    onToggle: (orderId) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(orderId)) next.add(orderId);
        return next;
      }),
    onToggleAll: (orderIds, select) => setSelected(select ? new Set(orderIds) : new Set()),
  };
  return { table, selectedOrders, clear: () => setSelected(new Set()) };
}

type ErrorProps = { message: string; retrying: boolean; onRetry: () => void };

function LoadError({ message, retrying, onRetry }: ErrorProps) {
  return (
    <div
      role="alert"
      className="flex flex-col items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-6 py-10 text-center dark:border-red-900 dark:bg-red-950/40"
    >
      <CircleAlert aria-hidden="true" className="size-8 text-red-600 dark:text-red-400" />
      <h2 className="font-semibold">Could not load orders</h2>
      <p className="text-sm text-gray-700 dark:text-gray-300">{message}</p>
      <TryAgainButton retrying={retrying} onRetry={onRetry} />
    </div>
  );
}

/** A later refresh failed: the orders already shown stay, marked as possibly out of date. */
function RefreshError({ message, retrying, onRetry }: ErrorProps) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <CircleAlert aria-hidden="true" className="size-4 text-amber-700 dark:text-amber-300" />
      <span className="flex-1">Could not refresh the orders, so they may be out of date: {message}</span>
      <TryAgainButton retrying={retrying} onRetry={onRetry} />
    </div>
  );
}

function TryAgainButton({ retrying, onRetry }: { retrying: boolean; onRetry: () => void }) {
  return (
    <Button variant="outline" aria-disabled={retrying} onClick={retrying ? undefined : onRetry}>
      Try again
    </Button>
  );
}

function EmptyState({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-gray-300 px-6 py-12 text-center text-gray-600 dark:border-gray-700 dark:text-gray-300">
      {icon}
      <h2 className="font-semibold text-gray-900 dark:text-gray-100">{title}</h2>
      {children}
    </div>
  );
}
