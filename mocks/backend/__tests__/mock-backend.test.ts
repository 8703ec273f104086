import { describe, expect, test } from 'vitest';
import { CORRUPT_SAVED_DATA_NOTICE, MockBackend } from '../mock-backend';
import type { SnapshotStore } from '../persistence';
import { oneFreshOrder, twoFreshOrders } from '@/testing/sample-scenarios';
import { scenarioNames } from '../../scenarios/catalogue';

/** The list index's idle slices are not under test here. */
const budgetClock = () => performance.now();

const WALL_START = Date.parse('2026-11-24T12:00:30.000Z');

function memoryStore(initial: string | null = null): SnapshotStore & { value: string | null } {
  return {
    value: initial,
    load() {
      return this.value;
    },
    save(serialized) {
      this.value = serialized;
    },
  };
}

function fakeWall(start = WALL_START) {
  let now = start;
  return { now: () => now, pass: (ms: number) => (now += ms) };
}

describe('MockBackend', () => {
  test('a read saves nothing unless a run step fell due, and a reload after it sees the same data', () => {
    const wall = fakeWall();
    const store = memoryStore();
    let saves = 0;
    const counted: SnapshotStore = {
      load: () => store.load(),
      save: (serialized) => ((saves += 1), store.save(serialized)),
    };
    const backend = new MockBackend({
      runsIn: 'browserTab',
      budgetClock,
      wallNow: wall.now,
      store: counted,
      scenario: 'default',
      clock: { paused: false },
    });
    backend.transact(({ simulator }) => simulator.provision('ORD-1001', { actor: 'admin@reseller.test' }));
    const savesAfterWrite = saves;
    wall.pass(1_000);
    backend.read(({ orderList }) => orderList.list({ limit: 10 }));
    expect(saves).toBe(savesAfterWrite);

    wall.pass(10 * 60_000);
    const list = backend.read(({ orderList }) => orderList.list({ q: 'ORD-1001' }));
    expect(saves).toBe(savesAfterWrite + 1);
    const reloaded = new MockBackend({ runsIn: 'browserTab', budgetClock, wallNow: wall.now, store });
    expect(reloaded.read(({ orderList }) => orderList.list({ q: 'ORD-1001' }))).toEqual(list);
  });

  test('starts a scenario on a clock at the current wall minute, at the scenario speed', () => {
    const wall = fakeWall();
    const backend = new MockBackend({
      runsIn: 'browserTab',
      budgetClock,
      wallNow: wall.now,
      scenario: 'smartvps-down',
    });
    expect(backend.state()).toEqual({
      scenario: 'smartvps-down',
      runsIn: 'browserTab',
      now: '2026-11-24T12:00:00.000Z',
      speed: 1,
      paused: false,
      notice: null,
    });
    wall.pass(90_000);
    expect(backend.state().now).toBe('2026-11-24T12:01:30.000Z');
  });

  test('a reload restores the data and runs where they were, and the clock counts the time away', () => {
    const wall = fakeWall();
    const store = memoryStore();
    const first = new MockBackend({ runsIn: 'browserTab', budgetClock, wallNow: wall.now, store });
    first.transact(({ simulator }) => simulator.provision('ORD-1001', { actor: 'admin@reseller.test' }));
    wall.pass(3_000);

    const reloaded = new MockBackend({ runsIn: 'browserTab', budgetClock, wallNow: wall.now, store });
    const order = reloaded.transact(({ simulator }) => simulator.getOrder('ORD-1001')?.order);
    expect(order).toMatchObject({ provisioningStatus: 'provisioning', activeRun: { trigger: 'manual' } });
    wall.pass(5 * 60_000);
    expect(reloaded.transact(({ simulator }) => simulator.getOrder('ORD-1001')?.order.status)).toBe('active');
    expect(
      reloaded.transact(({ simulator }) =>
        simulator.upstreamCalls().filter((call) => call.orderId === 'ORD-1001' && call.operation === 'buyVps'),
      ),
    ).toHaveLength(1);
  });

  test('storage keeps only the orders that changed, so 10,000 orders fit', () => {
    const store = memoryStore();
    const backend = new MockBackend({
      runsIn: 'browserTab',
      budgetClock,
      wallNow: fakeWall().now,
      store,
      scenario: 'large',
      clock: { paused: true },
    });
    backend.transact(({ simulator }) => simulator.provision('ORD-1001', { actor: 'admin@reseller.test' }));
    expect(store.value?.length ?? 0).toBeLessThan(50_000);
    const reloaded = new MockBackend({ runsIn: 'browserTab', budgetClock, wallNow: fakeWall().now, store });
    expect(reloaded.transact(({ orderList }) => orderList.list({})?.total)).toBe(10_000);
    expect(reloaded.transact(({ simulator }) => simulator.getOrder('ORD-1001')?.order.provisioningStatus)).toBe(
      'provisioning',
    );
    expect(reloaded.transact(({ simulator }) => simulator.snapshot())).toEqual(
      backend.transact(({ simulator }) => simulator.snapshot()),
    );
  });

  test.each([
    ['not JSON', '{"simulator":'],
    ['the wrong shape', JSON.stringify({ simulator: { version: 0 } })],
    ['an unknown scenario', null],
  ])('saved data that is %s is replaced by the default seed, with a notice until the next reset', (_name, saved) => {
    const valid = memoryStore();
    expect(
      new MockBackend({ runsIn: 'browserTab', budgetClock, wallNow: fakeWall().now, store: valid }).state().notice,
    ).toBeNull();
    const corrupt = saved ?? (valid.value ?? '').replace('"scenario":"default"', '"scenario":"gone"');
    const backend = new MockBackend({
      runsIn: 'browserTab',
      budgetClock,
      wallNow: fakeWall().now,
      store: memoryStore(corrupt),
    });
    expect(backend.state()).toMatchObject({ scenario: 'default', notice: CORRUPT_SAVED_DATA_NOTICE });
    backend.reset();
    expect(backend.state().notice).toBeNull();
  });

  test('asking for a scenario starts it from its seed even when another was saved', () => {
    const store = memoryStore();
    const first = new MockBackend({ runsIn: 'browserTab', budgetClock, wallNow: fakeWall().now, store });
    first.transact(({ simulator }) => simulator.provision('ORD-1001', { actor: 'admin@reseller.test' }));
    const second = new MockBackend({
      runsIn: 'browserTab',
      budgetClock,
      wallNow: fakeWall().now,
      store,
      scenario: 'default',
    });
    expect(second.transact(({ simulator }) => simulator.getOrder('ORD-1001')?.order.provisioningStatus)).toBeNull();
  });

  test('API faults are taken in turn', () => {
    const backend = new MockBackend({
      runsIn: 'browserTab',
      budgetClock,
      wallNow: fakeWall().now,
      scenario: 'server-error',
    });
    const kinds = [1, 2, 3].map(() => backend.nextFault('provision')?.kind);
    expect(kinds).toEqual(['status', 'networkError', 'status']);
  });

  test("injected faults come before the scenario's, one request each, and survive a reload", () => {
    const store = memoryStore();
    const first = new MockBackend({
      runsIn: 'browserTab',
      budgetClock,
      wallNow: fakeWall().now,
      store,
      scenario: 'server-error',
    });
    first.injectFault('provision', { kind: 'malformedJson' }, 2);
    first.injectFault('getOrder', { kind: 'hang' });
    expect(first.nextFault('provision')).toEqual({ kind: 'malformedJson' });

    const reloaded = new MockBackend({ runsIn: 'browserTab', budgetClock, wallNow: fakeWall().now, store });
    expect([1, 2].map(() => reloaded.nextFault('provision')?.kind)).toEqual(['malformedJson', 'status']);
    expect(reloaded.nextFault('getOrder')).toEqual({ kind: 'hang' });
    expect(reloaded.nextFault('getOrder')).toBeUndefined();
  });

  test('a reload resumes a registered scenario as it started, even after its name was registered again', () => {
    const wall = fakeWall();
    const store = memoryStore();
    const listedIds = (backend: MockBackend) =>
      backend.read(({ orderList }) => orderList.list({ limit: 10 })?.orders.map((order) => order._id) ?? []);
    const first = new MockBackend({ runsIn: 'browserTab', budgetClock, wallNow: wall.now, store });
    expect(first.registerScenario(oneFreshOrder)).toMatchObject({ ok: true });
    first.reset(oneFreshOrder.name);
    first.transact(({ simulator }) => simulator.provision('ORD-1001', { actor: 'admin@reseller.test' }));
    expect(first.registerScenario({ ...twoFreshOrders, name: oneFreshOrder.name })).toMatchObject({ ok: true });
    wall.pass(1_000);

    const reloaded = new MockBackend({ runsIn: 'browserTab', budgetClock, wallNow: wall.now, store });
    expect(reloaded.state().scenario).toBe(oneFreshOrder.name);
    expect(listedIds(reloaded)).toEqual(['ORD-1001']);
    expect(reloaded.transact(({ simulator }) => simulator.getOrder('ORD-1001')?.order.provisioningStatus)).toBe(
      'provisioning',
    );

    reloaded.reset(oneFreshOrder.name);
    expect(listedIds(reloaded).toSorted()).toEqual(['ORD-5001', 'ORD-5002']);
  });
});

describe('the scenario catalogue', () => {
  test.each(scenarioNames)(
    '%s seeds, runs for two hours and keeps its invariants',
    (name) => {
      const backend = new MockBackend({
        runsIn: 'browserTab',
        budgetClock,
        wallNow: fakeWall().now,
        scenario: name,
        clock: { paused: true },
      });
      backend.advance(2 * 60 * 60_000);
      const activeWithoutIp = backend
        .transact(({ orderList }) => orderList.list({})?.orders ?? [])
        .filter((order) => (order.status === 'active' || order.provisioningStatus === 'active') && !order.ipAddress);
      expect(activeWithoutIp).toEqual([]);
      const purchases = backend
        .transact(({ simulator }) => simulator.upstreamCalls())
        .filter((call) => call.operation !== 'statusCheck' && call.outcome === 'succeeded');
      expect(new Set(purchases.map((call) => call.orderId)).size).toBe(purchases.length);
      // `huge` lists 100,000 orders: seconds on two busy cores, more than the 5 s default allows.
    },
    30_000,
  );

  test('smartvps-down: the automatic run of ORD-1007 ends failed after 3 timeouts', () => {
    const backend = new MockBackend({
      runsIn: 'browserTab',
      budgetClock,
      wallNow: fakeWall().now,
      scenario: 'smartvps-down',
      clock: { paused: true },
    });
    backend.advance(30 * 60_000);
    expect(backend.transact(({ simulator }) => simulator.getOrder('ORD-1007')?.order)).toMatchObject({
      provisioningStatus: 'failed',
      provisioningError: 'SmartVPS buyVps timeout after 3 attempts',
    });
  });

  test('already-active: the list shows ORD-1002 failed until the click reveals it is active', () => {
    const backend = new MockBackend({
      runsIn: 'browserTab',
      budgetClock,
      wallNow: fakeWall().now,
      scenario: 'already-active',
      clock: { paused: true },
    });
    const listed = () =>
      backend.transact(({ orderList }) => orderList.list({ q: 'ORD-1002' })?.orders[0]?.provisioningStatus);
    expect(listed()).toBe('failed');
    expect(
      backend.transact(({ simulator }) => simulator.provision('ORD-1002', { actor: 'admin@reseller.test' })).code,
    ).toBe('ALREADY_PROVISIONED');
    expect(listed()).toBe('active');
  });
});
