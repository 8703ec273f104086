import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from '@/contract/order';
import { OrderStatusSchema, ProviderSchema, ProvisioningStatusSchema } from '@/contract/order';
import type { OrdersQuery, ProvisioningFilter } from '@/contract/orders-api';
import { attentionReason, longestWaitingFirst } from '@/domain/attention';
import { generatedOrders } from '../../data/generated-orders';
import { defaultScenario } from '../../scenarios/catalogue';
import { buildSeed } from '../../data/seed-builder';
import { worldAround, type World } from '../../backend/world';
import { healthyProviders } from '../../simulator/provider-behaviour';
import { ProvisioningSimulator } from '../../simulator/simulator';
import { START } from '../../simulator/__tests__/simulator-test-kit';
import { MINUTE_MS } from '@/lib/time';

/** A budget clock that moves 1 ms each time it is read: how far a slice gets does not depend on the machine. */
function steppingClock(): () => number {
  let now = 0;
  return () => (now += 1);
}

/**
 * The list endpoint's indexes (paid orders for Needs attention, the search index, the cut of the
 * unfiltered list) must answer exactly as a scan of every order would: this is that scan.
 */
const history = (count: number) => generatedOrders({ kind: 'history', firstNumber: 50_000, count, seed: 5 });
const specs = [...defaultScenario.orders(), ...history(400)];
const positions = buildSeed(specs, START).orders.map((order) => order._id);

/** A list that still shows old copies of two orders (the `stale-list` scenario's cache), then runs that change orders. */
function worldAfterRuns(
  orderSpecs = specs,
  staleIds = ['ORD-1002', 'ORD-1004'],
): { world: World; stale: Map<string, Order> } {
  const { orders, servers } = buildSeed(orderSpecs, START);
  const staleSpecs = orderSpecs
    .filter((spec) => staleIds.includes(spec.id))
    .map((spec) => ({ ...spec, status: 'paid' as const, provisioningStatus: undefined, ipAddress: '10.9.8.7' }));
  const staleListEntries = buildSeed(staleSpecs, START).orders;
  const simulator = ProvisioningSimulator.seed(
    { scenario: 'test', start: START, randomSeed: 3, orders, servers, autoRunOrderIds: [] },
    { providers: healthyProviders },
  );
  const world = worldAround(simulator, staleListEntries, steppingClock());
  for (const orderId of ['ORD-1003', 'ORD-1005', 'ORD-1006'])
    world.simulator.provision(orderId, { actor: 'admin@reseller.test' });
  world.simulator.settle(START + 2 * MINUTE_MS);
  // No write touched them, so the list still serves both old copies.
  const stale = new Map(staleListEntries.map((entry) => [entry._id, { ...entry, activeRun: null }]));
  return { world, stale };
}

function scan(
  world: World,
  stale: ReadonlyMap<string, Order>,
  query: OrdersQuery,
  ids = positions,
): { ids: string[]; attentionCount: number } {
  const listed = ids
    .map((id) => stale.get(id) ?? world.simulator.getOrder(id)?.order)
    .filter((order) => order !== undefined);
  const needsAttention = listed.filter((order) => attentionReason(order, world.simulator.now) !== null);
  const needle = query.q?.toLowerCase();
  const matches = (query.view === 'attention' ? needsAttention.toSorted(longestWaitingFirst) : listed).filter(
    (order) =>
      (!query.status || order.status === query.status) &&
      (!query.provider || order.provider === query.provider) &&
      (!query.provisioning || (order.provisioningStatus ?? 'none') === query.provisioning) &&
      (!needle ||
        [order._id, order.customer.name, order.customer.email, order.ipAddress ?? '']
          .join('\n')
          .toLowerCase()
          .includes(needle)),
  );
  return { ids: matches.map((order) => order._id), attentionCount: needsAttention.length };
}

const queryArbitrary = fc.record(
  {
    view: fc.constant('attention' as const),
    status: fc.constantFrom(...OrderStatusSchema.options),
    provider: fc.constantFrom(...ProviderSchema.options),
    provisioning: fc.constantFrom<ProvisioningFilter>('none', ...ProvisioningStatusSchema.options),
    q: fc.constantFrom('ORD-100', 'ord-5001', '103.177', '.12', 'noah', 'SCHMIDT', '@example', '10.9.8.7', 'zzz', 'a'),
  },
  { requiredKeys: [] },
);

/** Every page of a query, following `nextCursor`: the ids in order, and the counts each page gave. */
function allPages(world: World, query: OrdersQuery, limit: number, all = positions) {
  const ids: string[] = [];
  const totals = new Set<number | undefined>();
  const attentionCounts = new Set<number | undefined>();
  let cursor: string | undefined;
  do {
    const answer = world.orderList.list({ ...query, limit, ...(cursor ? { cursor } : {}) });
    totals.add(answer?.total);
    attentionCounts.add(answer?.attentionCount);
    ids.push(...(answer?.orders.map((order) => order._id) ?? []));
    cursor = answer?.nextCursor ?? undefined;
  } while (cursor && ids.length <= all.length);
  return { ids, totals: [...totals], attentionCounts: [...attentionCounts] };
}

/** What `allPages` must give: the scan's matches, and the same counts on every page. */
function scannedPages(world: World, stale: ReadonlyMap<string, Order>, query: OrdersQuery, all = positions) {
  const { ids, attentionCount } = scan(world, stale, query, all);
  return { ids, totals: [ids.length], attentionCounts: [attentionCount] };
}

describe('listOrders', () => {
  const { world, stale } = worldAfterRuns();

  it('pages through exactly the orders a scan of every order finds, in the same order, with the same counts', () => {
    fc.assert(
      fc.property(queryArbitrary, fc.integer({ min: 1, max: 120 }), (query, limit) => {
        expect(allPages(world, query, limit)).toEqual(scannedPages(world, stale, query));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps its indexes in step when orders change after they were built', () => {
    const changing = worldAfterRuns();
    const queries: OrdersQuery[] = [
      { provisioning: 'none' },
      { status: 'paid', provider: 'smartvps' },
      { q: '103.177' },
      { q: '10.9.8.7' },
      { view: 'attention' },
      { view: 'attention', provisioning: 'failed' },
    ];
    for (const query of queries)
      expect(allPages(changing.world, query, 50)).toEqual(scannedPages(changing.world, changing.stale, query));
    // A write to ORD-1004 drops its stale copy.
    changing.world.simulator.provision('ORD-1004', { actor: 'admin@reseller.test' });
    changing.stale.delete('ORD-1004');
    for (const query of queries)
      expect(allPages(changing.world, query, 50)).toEqual(scannedPages(changing.world, changing.stale, query));
    // Runs move orders between statuses and give them IPs.
    for (const orderId of ['ORD-1001', 'ORD-1012'])
      changing.world.simulator.provision(orderId, { actor: 'admin@reseller.test' });
    changing.world.simulator.settle(START + 15 * MINUTE_MS);
    for (const query of queries)
      expect(allPages(changing.world, query, 50)).toEqual(scannedPages(changing.world, changing.stale, query));
  });

  it('answers as the scan does when orders change while its filter values are still being read ahead', () => {
    // More orders than two slices with no time left read (1,024 each), and a stale copy past the first slice.
    const manySpecs = [...defaultScenario.orders(), ...history(3_000)];
    const manyPositions = buildSeed(manySpecs, START).orders.map((order) => order._id);
    expect(manyPositions.length).toBeGreaterThan(2 * 1_024);
    const lateId = manyPositions[1_500] ?? '';
    const changing = worldAfterRuns(manySpecs, ['ORD-1002', lateId]);
    const queries: OrdersQuery[] = [
      { provisioning: 'none' },
      { status: 'paid', provider: 'smartvps' },
      { status: 'active', q: 'a' },
      { view: 'attention', provisioning: 'failed' },
    ];
    const answersAsScan = () => {
      for (const query of queries)
        expect(allPages(changing.world, query, 50, manyPositions)).toEqual(
          scannedPages(changing.world, changing.stale, query, manyPositions),
        );
    };

    expect(changing.world.orderList.prepare(0)).toBe(false);
    // Read already: these orders' changes must be written over what was read.
    for (const orderId of ['ORD-1001', 'ORD-1012'])
      changing.world.simulator.provision(orderId, { actor: 'admin@reseller.test' });
    changing.world.simulator.settle(START + 15 * MINUTE_MS);
    // Not read yet: a write drops the order's stale copy, and the reading must find it gone.
    changing.world.simulator.provision(lateId, { actor: 'admin@reseller.test' });
    changing.stale.delete(lateId);
    expect(changing.world.orderList.prepare(0)).toBe(false);
    // The list's first filtered request reads the rest.
    answersAsScan();
  });

  it('says its indexes are ready only once the search index is built as well as the filter values read', () => {
    const { world: fresh } = worldAfterRuns();
    // 444 orders: a slice with no time left reads every filter value, and leaves the search index unbuilt.
    expect(fresh.orderList.prepare(0)).toBe(false);
    for (let slices = 0; slices < 1_000 && !fresh.orderList.prepare(5); slices += 1);
    expect(fresh.orderList.prepare(0)).toBe(true);
  });

  it('serves the stale copies the list shows, and finds them by what those copies say', () => {
    expect(world.orderList.list({ q: '10.9.8.7' })?.orders.map((order) => order._id)).toEqual(['ORD-1002', 'ORD-1004']);
    expect(world.simulator.getOrder('ORD-1004')?.order.ipAddress).not.toBe('10.9.8.7');
  });

  it('answers null for a cursor that names no order', () => {
    expect(world.orderList.list({ cursor: 'ORD-nope' })).toBeNull();
  });
});
