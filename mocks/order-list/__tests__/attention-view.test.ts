import { describe, expect, test } from 'vitest';
import type { ListedOrder } from '@/contract/scenario-document';
import {
  activeOrder,
  behaviour,
  failedOrder,
  freshOrder,
  providersWith,
  START,
  stuckOrder,
  worldWith,
} from '../../simulator/__tests__/simulator-test-kit';
import type { OrderListIndex } from '../order-list-index';
import { MINUTE_MS } from '@/lib/time';

const ADMIN = 'admin@reseller.test';
const unavailable = behaviour({ kind: 'fail', error: 'API returned 503' });

describe('the Needs attention view', () => {
  // Paid 200, 100, 60, 30 and 5 minutes ago need attention; the others do not.
  const specs: ListedOrder[] = [
    failedOrder('ORD-A', { paidMinutesAgo: 100, createdMinutesAgo: 101 }),
    stuckOrder('ORD-B', { paidMinutesAgo: 60, createdMinutesAgo: 61 }),
    freshOrder('ORD-C', { paidMinutesAgo: 30, createdMinutesAgo: 31 }),
    stuckOrder('ORD-D', { paidMinutesAgo: 10, createdMinutesAgo: 11, lastAttemptMinutesAgo: 3 }),
    activeOrder('ORD-E', { paidMinutesAgo: 300, createdMinutesAgo: 301 }),
    freshOrder('ORD-F', { status: 'pending', paidMinutesAgo: undefined, createdMinutesAgo: 400 }),
    freshOrder('ORD-G', { status: 'cancelled', paidMinutesAgo: 500, createdMinutesAgo: 501 }),
    failedOrder('ORD-H', { packageId: 'hostycare-cloud-m', paidMinutesAgo: 200, createdMinutesAgo: 201 }),
    freshOrder('ORD-I', { packageId: 'hostycare-cloud-s', status: 'paid', paidMinutesAgo: 5, createdMinutesAgo: 6 }),
  ];
  const ids = (page: ReturnType<OrderListIndex['list']>) => page?.orders.map((order) => order._id);

  test('holds only the orders that need attention, the longest wait first', () => {
    const { orderList } = worldWith(specs);
    expect(ids(orderList.list({ view: 'attention' }))).toEqual(['ORD-H', 'ORD-A', 'ORD-B', 'ORD-C', 'ORD-I']);
    // The full list stays newest first.
    expect(ids(orderList.list({}))?.slice(0, 3)).toEqual(['ORD-I', 'ORD-D', 'ORD-C']);
  });

  test.each([
    [{}, 9],
    [{ view: 'attention' as const, provider: 'hostycare' as const }, 2],
    [{ view: 'attention' as const, status: 'pending' as const }, 0],
    [{ q: 'nobody-matches-this' }, 0],
    [{ provisioning: 'active' as const }, 1],
  ])('counts attention whatever the filters (%j)', (query, total) => {
    expect(worldWith(specs).orderList.list(query)).toMatchObject({ total, attentionCount: 5 });
  });

  test('an order joins when its window ends and leaves while a run works on it', () => {
    const { simulator, orderList } = worldWith(specs, { providers: providersWith({ buyVps: unavailable }) });
    simulator.settle(START + 7 * MINUTE_MS);
    expect(ids(orderList.list({ view: 'attention' }))).toEqual(['ORD-H', 'ORD-A', 'ORD-B', 'ORD-C', 'ORD-D', 'ORD-I']);

    simulator.provision('ORD-A', { actor: ADMIN });
    expect(orderList.list({ view: 'attention' })?.attentionCount).toBe(5);
    simulator.settle(START + 7 * MINUTE_MS + 2_000);
    // Waiting to retry is still a live run.
    expect(ids(orderList.list({ view: 'attention' }))).not.toContain('ORD-A');
    simulator.settle(START + 60 * MINUTE_MS);
    expect(ids(orderList.list({ view: 'attention' }))).toContain('ORD-A');
  });

  test('pages with a cursor visit every attention order once, in order', () => {
    const { orderList } = worldWith(specs);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = orderList.list({ view: 'attention', limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page).toMatchObject({ total: 5, attentionCount: 5 });
      seen.push(...(ids(page) ?? []));
      cursor = page?.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['ORD-H', 'ORD-A', 'ORD-B', 'ORD-C', 'ORD-I']);
  });

  test('the next page starts where the cursor order sorted, even after that order left the view', () => {
    const { simulator, orderList } = worldWith(specs);
    const first = orderList.list({ view: 'attention', limit: 2 });
    expect(first?.nextCursor).toBe('ORD-A');
    simulator.resolve('ORD-A', { actor: ADMIN, reason: 'Refunded' });
    expect(ids(orderList.list({ view: 'attention', limit: 2, cursor: 'ORD-A' }))).toEqual(['ORD-B', 'ORD-C']);
  });

  test('a cursor naming no order is refused', () => {
    expect(worldWith(specs).orderList.list({ view: 'attention', cursor: 'ORD-404' })).toBeNull();
  });
});
