import type { StoredOrder } from './simulator-state';

/**
 * The scenario's orders, newest first, and where each one sits. Orders are never added or removed
 * once seeded, so a position names an order for good: the list index keys everything by it.
 */
export class OrderTable {
  private readonly positionById = new Map<string, number>();

  constructor(private readonly orders: readonly StoredOrder[]) {
    orders.forEach((order, position) => this.positionById.set(order._id, position));
  }

  get size(): number {
    return this.orders.length;
  }

  at(position: number): StoredOrder | undefined {
    return this.orders[position];
  }

  withId(orderId: string): StoredOrder | undefined {
    const position = this.positionById.get(orderId);
    return position === undefined ? undefined : this.orders[position];
  }

  positionOf(orderId: string): number | undefined {
    return this.positionById.get(orderId);
  }

  all(): readonly StoredOrder[] {
    return this.orders;
  }
}
