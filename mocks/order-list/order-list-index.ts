import type { Order } from '@/contract/order';
import type { OrdersQuery } from '@/contract/orders-api';
import { attentionReason, canNeedAttention, longestWaitingFirst } from '@/domain/attention';
import type { OrderTable } from '../simulator/order-table';
import type { OrderObserver } from '../simulator/simulator';
import type { StoredOrder } from '../simulator/simulator-state';
import type { BudgetClock } from './budget-clock';
import { FilterColumns, type FilterValues } from './filter-columns';
import { firstAtOrAfter, SearchIndex, type Positions } from './search-index';

/** What the index reads from the simulator: its orders, its time, and the API's view of an order. */
export type ListSource = {
  readonly orders: OrderTable;
  readonly now: number;
  toApiOrder(order: StoredOrder): Order;
  runningOrderIds(): ReadonlySet<string>;
};

export type OrderPage = { orders: Order[]; total: number; nextCursor: string | null; attentionCount: number };

/**
 * `GET /api/orders` over the simulator's orders: one page, newest first (Needs attention: longest
 * wait first), with the count of all matches. It is told when an order changes and keeps its
 * indexes in step, so a request reads only what it needs: the attention view reads the paid orders,
 * a search reads its hits (`SearchIndex`), a filter reads bytes (`FilterColumns`), and the
 * unfiltered list is cut straight from the table.
 *
 * It also holds the list's stale copies (the `already-active` scenario): old versions of orders that
 * the list serves until a request writes to the order.
 */
export class OrderListIndex implements OrderObserver {
  private readonly searchIndex: SearchIndex;
  private readonly filterColumns: FilterColumns;
  /** Orders that can need attention (paid or confirmed): the few the attention rule reads. */
  private readonly paidOrderIds: Set<string>;
  private readonly stale: Map<string, StoredOrder>;

  constructor(
    private readonly source: ListSource,
    staleCopies: readonly StoredOrder[],
    private readonly budgetClock: BudgetClock,
  ) {
    const orders = source.orders;
    this.stale = new Map(staleCopies.map((copy) => [copy._id, copy]));
    this.searchIndex = new SearchIndex(orders.size, (position) => searchTextOf(orders.at(position)), budgetClock);
    this.filterColumns = new FilterColumns(orders.size, budgetClock);
    this.paidOrderIds = new Set(orders.all().flatMap((order) => (canNeedAttention(order) ? [order._id] : [])));
  }

  /** The stale copies still served, for the backend's save. */
  staleCopies(): StoredOrder[] {
    return structuredClone([...this.stale.values()]);
  }

  orderChanged(order: StoredOrder): void {
    this.refreshFilterValues(order);
    this.searchIndex.invalidate(this.source.orders.positionOf(order._id) ?? -1);
    if (canNeedAttention(order)) this.paidOrderIds.add(order._id);
    else this.paidOrderIds.delete(order._id);
  }

  /** A write reaches the primary data, so whatever stale copy the list served is dropped. */
  orderRequested(order: StoredOrder): void {
    if (this.stale.delete(order._id)) this.refreshFilterValues(order);
  }

  /** Null when the cursor names no order. */
  list({ limit, cursor, view, q, ...filters }: OrdersQuery): OrderPage | null {
    const orders = this.source.orders;
    const cursorOrder = cursor === undefined ? undefined : orders.withId(cursor);
    if (cursor !== undefined && !cursorOrder) return null;
    const query = q?.toLowerCase();
    const filtered = Object.values(filters).some((value) => value !== undefined);
    const matchesFiltersAt = filtered ? this.filterMatcher(filters) : () => true;

    const attention = this.ordersNeedingAttention();
    if (view === 'attention') {
      const matches = attention
        .filter(
          (order) =>
            matchesFiltersAt(orders.positionOf(order._id) ?? -1) && (!query || searchTextOf(order).includes(query)),
        )
        .toSorted(longestWaitingFirst);
      // The page starts after where the cursor's order sorts, even if it has left the matches since.
      const after = cursorOrder ? matches.findIndex((candidate) => longestWaitingFirst(cursorOrder, candidate) < 0) : 0;
      const start = after === -1 ? matches.length : after;
      const end = limit === undefined ? matches.length : start + limit;
      return this.pageOf(matches.slice(start, end), matches.length, end < matches.length, attention.length);
    }

    // The full list keeps the table's order (newest first): the page is the matches after the cursor's position.
    const firstPosition = cursorOrder ? (orders.positionOf(cursorOrder._id) ?? 0) + 1 : 0;
    // A search reads its hits; otherwise every order is a candidate.
    const candidates = query ? this.searchHits(query) : null;
    if (!filtered) {
      // The candidates are exactly the matches: count them and cut the page, without reading the rest.
      const total = candidates ? candidates.length : orders.size;
      const start = candidates ? firstAtOrAfter(candidates, firstPosition) : firstPosition;
      const end = limit === undefined ? total : Math.min(total, start + limit);
      const page = Array.from({ length: Math.max(0, end - start) }, (_, index) =>
        candidates ? (candidates[start + index] ?? -1) : start + index,
      ).flatMap((position) => this.listedAt(position));
      return this.pageOf(page, total, end < total, attention.length);
    }
    let total = 0;
    let before = 0;
    const page: StoredOrder[] = [];
    const candidateCount = candidates ? candidates.length : orders.size;
    for (let index = 0; index < candidateCount; index += 1) {
      const position = candidates ? (candidates[index] ?? -1) : index;
      if (!matchesFiltersAt(position)) continue;
      total += 1;
      if (position < firstPosition) before += 1;
      else if (limit === undefined || page.length < limit) page.push(...this.listedAt(position));
    }
    return this.pageOf(page, total, before + page.length < total, attention.length);
  }

  /**
   * Reads the filter values, then builds the search index, for about `budgetMs` of the budget
   * clock; true once both are ready. For idle slices ahead of the admin's first filter change and
   * search. The filter values come first: they take a few slices at 100,000 orders, the search many.
   */
  prepare(budgetMs: number): boolean {
    const until = this.budgetClock() + budgetMs;
    return this.readFilterValues(until) && this.searchIndex.prepareFor(Math.max(0, until - this.budgetClock()));
  }

  /** The order at a position as the list shows it: its stale copy, if it has one. */
  private listedAt(position: number): StoredOrder[] {
    const stored = this.source.orders.at(position);
    return stored ? [this.stale.get(stored._id) ?? stored] : [];
  }

  private pageOf(page: readonly StoredOrder[], total: number, more: boolean, attentionCount: number): OrderPage {
    const last = page.at(-1);
    return {
      orders: page.map((order) => this.source.toApiOrder(order)),
      total,
      nextCursor: more && last ? last._id : null,
      attentionCount,
    };
  }

  /** The paid orders (and stale copies) that need attention, as the list shows them. */
  private ordersNeedingAttention(): StoredOrder[] {
    const running = this.source.runningOrderIds();
    const candidates = new Set([...this.paidOrderIds, ...this.stale.keys()]);
    return [...candidates].flatMap((orderId) => {
      const stored = this.source.orders.withId(orderId);
      if (!stored) return [];
      const order = this.stale.get(orderId) ?? stored;
      // The rule needs only to know whether a run is live: the full API order is built for those alone.
      const activeRun = running.has(orderId) ? this.source.toApiOrder(order).activeRun : null;
      return attentionReason({ ...order, activeRun }, this.source.now) !== null ? [order] : [];
    });
  }

  /** Whether the order at a position has the wanted filter values, as the list shows it. */
  private filterMatcher(filters: Partial<FilterValues>): (position: number) => boolean {
    this.readFilterValues(Number.POSITIVE_INFINITY);
    return this.filterColumns.matcher(filters);
  }

  /**
   * Reads the filter values of orders not read yet, until `until` on the budget clock; true once all
   * are read. Orders read earlier are kept up to date as they change (`refreshFilterValues`).
   */
  private readFilterValues(until: number): boolean {
    if (this.filterColumns.complete) return true;
    return this.filterColumns.fill((position) => {
      const stored = this.source.orders.at(position);
      if (!stored) throw new Error(`No order at position ${position}`);
      return this.listedFilterValues(stored);
    }, until);
  }

  private refreshFilterValues(order: StoredOrder): void {
    const position = this.source.orders.positionOf(order._id);
    if (position !== undefined) this.filterColumns.set(position, this.listedFilterValues(order));
  }

  /** An order's values for the list filters, as the list shows it. */
  private listedFilterValues(order: StoredOrder): FilterValues {
    const listed = this.stale.get(order._id) ?? order;
    return { status: listed.status, provider: listed.provider, provisioning: listed.provisioningStatus ?? 'none' };
  }

  /** Positions, ascending, of orders whose listed text contains `query`. */
  private searchHits(query: string): Positions {
    const indexed = this.searchIndex.positionsMatching(query);
    // Usually no copy is stale, and a pass over 100,000 hits for nothing would cost more than the search.
    if (this.stale.size === 0) return indexed;
    // A stale copy is searched as the list shows it, not as the index read the primary data.
    const positionOf = (orderId: string) => this.source.orders.positionOf(orderId) ?? [];
    const stalePositions = new Set([...this.stale.keys()].flatMap(positionOf));
    const staleHits = [...this.stale.values()]
      .filter((order) => searchTextOf(order).includes(query))
      .flatMap((order) => positionOf(order._id));
    const hits = Array.from(indexed).filter((position) => !stalePositions.has(position));
    return staleHits.length === 0 ? hits : [...hits, ...staleHits].toSorted((a, b) => a - b);
  }
}

/** What the search box matches, lower-case: the order id, the customer and the IP. */
function searchTextOf(order: StoredOrder | undefined): string {
  return order
    ? [order._id, order.customer.name, order.customer.email, order.ipAddress ?? ''].join('\n').toLowerCase()
    : '';
}
