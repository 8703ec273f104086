import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Order } from '@/contract/order';
import type { OrderListResponse } from '@/contract/orders-api';
import { ErrorBoundary } from '@/components/ui/error-boundary/error-boundary';
import { actionCellClasses, OrderRow, RowError, rowTexts } from './order-row';

/**
 * Fixed column widths (`table-layout: fixed`): the browser sizes columns from the header alone, so
 * rows entering while the admin scrolls neither move the columns nor make it lay out every row again.
 */
const dataColumns = [
  { name: 'Order', width: 'w-[8%]' },
  { name: 'Customer', width: 'w-[16%]' },
  { name: 'Product', width: 'w-[10%]' },
  { name: 'Status', width: 'w-[7%]' },
  { name: 'Provisioning', width: 'w-[16%]' },
  { name: 'IP address', width: 'w-[13%]' },
  { name: 'Last attempt', width: 'w-[7%]' },
  { name: 'Provisioning error', width: 'w-[12%]' },
  { name: 'Action', width: 'w-[11%]' },
] as const;

const SKELETON_ROWS = 5;
/**
 * Rows are not measured: the spacer rows use the same estimate as the range maths, so the page stays
 * consistent, and the overscan covers rows taller than the estimate (a long provider error).
 */
const ESTIMATED_ROW_PX = 64;
/** Rows rendered beyond the screen, so keyboard focus and short scrolls never meet a blank. */
const OVERSCAN_ROWS = 4;
/** Load the next page while this many loaded rows are still ahead of the screen. */
const LOAD_MORE_WITHIN_ROWS = 30;

const NO_ORDERS: Order[] = [];

/**
 * How long an older answer may stand in before the table dims: a search answers well within it, so
 * typing never flickers the table. Dimming at once would also put style and compositing work
 * between every keystroke and the new rows.
 */
const DIM_STALE_AFTER_MS = 300;

export type LoadedOrders = Pick<OrderListResponse, 'orders' | 'total' | 'serverTime'>;

/** Rows the admin ticked for a bulk action; only orders that `selectable` allows get a checkbox. */
export type RowSelection = {
  selected: ReadonlySet<string>;
  selectable: (order: Order) => boolean;
  onToggle: (orderId: string) => void;
  onToggleAll: (orderIds: readonly string[], select: boolean) => void;
};

type OrdersTableProps = {
  /** Absent while the first answer is loading: the table then shows skeleton rows. */
  list: LoadedOrders | undefined;
  /** True while an older answer stands in for the one being fetched (e.g. during typing). */
  stale: boolean;
  /** Keep it stable (module-level): rows re-render only when their order changes. */
  renderAction: (order: Order) => ReactNode;
  loadingMore: boolean;
  /** Called as the last loaded rows come near the screen; absent when there is nothing more to load. */
  onNearEnd: (() => void) | undefined;
  /** Adds a checkbox column (Needs attention, for admins). */
  selection?: RowSelection | undefined;
};

/**
 * The orders as one table however many there are: only the rows near the screen are in the DOM
 * (spacer rows stand in for the rest), and `aria-rowcount` tells assistive technology the real size.
 */
export function OrdersTable({ list, stale, renderAction, loadingMore, onNearEnd, selection }: OrdersTableProps) {
  const orders = list?.orders ?? NO_ORDERS;
  const columnCount = dataColumns.length + (selection ? 1 : 0);
  // Ages are measured on the server's clock as of its last answer, never the browser's: the list
  // refreshes itself when a stuck window ends and every 2 s while a run is under way.
  const now = list ? Date.parse(list.serverTime) : 0;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const loaded = list !== undefined;
  const dimmed = useTrueFor(stale, DIM_STALE_AFTER_MS);
  // Where the rows start on the page: the window scrolls, not the table.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body && loaded) setScrollMargin(body.getBoundingClientRect().top + window.scrollY);
  }, [loaded]);

  // Stable between page loads: a new key function makes the virtualiser rebuild every row's entry.
  const getItemKey = useCallback((index: number) => orders[index]?._id ?? index, [orders]);
  const virtualizer = useWindowVirtualizer({
    count: orders.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    getItemKey,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRenderedIndex = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && lastRenderedIndex >= orders.length - LOAD_MORE_WITHIN_ROWS) onNearEnd();
  }, [onNearEnd, lastRenderedIndex, orders.length]);

  const firstRow = rows[0];
  const lastRow = rows.at(-1);
  const spaceAbove = firstRow ? firstRow.start - scrollMargin : 0;
  const spaceBelow = lastRow ? virtualizer.getTotalSize() - (lastRow.end - scrollMargin) : 0;

  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <table
        aria-busy={list === undefined || stale || loadingMore}
        aria-rowcount={list ? list.total + 1 : -1}
        className={`w-full min-w-[76rem] table-fixed text-left text-sm wrap-break-word transition-opacity ${dimmed ? 'opacity-60' : ''}`}
      >
        <caption className="sr-only">Orders</caption>
        <thead className="bg-gray-50 text-xs tracking-wide text-gray-600 uppercase dark:bg-gray-800 dark:text-gray-300">
          <tr aria-rowindex={1}>
            {selection ? (
              <th scope="col" className="w-10 px-3 py-2">
                <SelectAll orders={orders} selection={selection} />
              </th>
            ) : null}
            {dataColumns.map(({ name, width }) => (
              <th
                key={name}
                scope="col"
                className={`px-3 py-2 font-semibold ${width} ${name === 'Action' ? `${actionCellClasses} bg-gray-50 dark:bg-gray-800` : ''}`}
              >
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef} className="divide-y divide-gray-200 bg-white dark:divide-gray-800 dark:bg-gray-900">
          {list === undefined ? (
            Array.from({ length: SKELETON_ROWS }, (_, row) => <SkeletonRow key={row} columnCount={columnCount} />)
          ) : (
            <>
              {spaceAbove > 0 ? <SpacerRow height={spaceAbove} columnCount={columnCount} /> : null}
              {rows.map((row) => {
                const order = orders[row.index];
                return order ? (
                  <ErrorBoundary
                    key={order._id}
                    renderFallback={(error, reset) => (
                      <RowError
                        orderId={order._id}
                        index={row.index}
                        columnCount={columnCount}
                        message={error.message}
                        onRetry={reset}
                      />
                    )}
                  >
                    <OrderRow
                      order={order}
                      index={row.index}
                      texts={rowTexts(order, now)}
                      renderAction={renderAction}
                      selected={selection ? selection.selected.has(order._id) : undefined}
                      onToggle={selection && selection.selectable(order) ? selection.onToggle : undefined}
                    />
                  </ErrorBoundary>
                ) : null;
              })}
              {spaceBelow > 0 ? <SpacerRow height={spaceBelow} columnCount={columnCount} /> : null}
              {loadingMore ? <LoadingMoreRow columnCount={columnCount} /> : null}
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Whether `value` has been true for `ms` on end; false again as soon as it is false. */
function useTrueFor(value: boolean, ms: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    setElapsed(false);
  }
  useEffect(() => {
    if (!value) return;
    const timer = setTimeout(() => setElapsed(true), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return value && elapsed;
}

/** Ticks every loaded order that may be selected, or clears them all. */
function SelectAll({ orders, selection }: { orders: readonly Order[]; selection: RowSelection }) {
  const selectable = orders.filter(selection.selectable).map((order) => order._id);
  const selectedCount = selectable.filter((id) => selection.selected.has(id)).length;
  const all = selectable.length > 0 && selectedCount === selectable.length;
  return (
    <input
      type="checkbox"
      aria-label="Select every order that can be retried"
      checked={all}
      ref={(input) => {
        if (input) input.indeterminate = selectedCount > 0 && !all;
      }}
      disabled={selectable.length === 0}
      onChange={() => selection.onToggleAll(selectable, !all)}
      className="size-4 accent-blue-600"
    />
  );
}

function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td aria-hidden="true" colSpan={columnCount} className="p-0" />
    </tr>
  );
}

function LoadingMoreRow({ columnCount }: { columnCount: number }) {
  return (
    <tr>
      <td colSpan={columnCount} className="px-3 py-3 text-center text-gray-600 dark:text-gray-300">
        Loading more orders…
      </td>
    </tr>
  );
}

function SkeletonRow({ columnCount }: { columnCount: number }) {
  return (
    <tr>
      {Array.from({ length: columnCount }, (_, column) => (
        <td key={column} aria-hidden="true" className="px-3 py-3">
          <div className="h-4 animate-pulse rounded bg-gray-200 dark:bg-gray-700" />
        </td>
      ))}
    </tr>
  );
}
