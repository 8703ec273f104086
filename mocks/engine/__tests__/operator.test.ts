import { describe, expect, test } from 'vitest';
import type { OrderSpec } from '../../data/seed-builder';
import { MAX_ATTEMPTS, type ProvisioningEngine } from '../engine';
import {
  behaviour,
  engineWith,
  freshOrder,
  MINUTE,
  orderOf,
  providersWith,
  purchasesOf,
  START,
} from './engine-test-kit';

const ADMIN = 'admin@reseller.test';
const OTHER = 'sam@reseller.test';
const outOfStock = behaviour({ kind: 'fail', error: 'out of stock for this package', permanent: true });
const unavailable = behaviour({ kind: 'fail', error: 'API returned 503' });

/** The snapshot without what every manual request writes (its audit entry and the id counter it draws from). */
function withoutAudit(engine: ProvisioningEngine) {
  const { audit: _audit, nextId: _nextId, ...rest } = engine.snapshot();
  return rest;
}

const failed = (id: string, overrides: Partial<OrderSpec> = {}) =>
  freshOrder(id, {
    autoProvisioned: true,
    provisioningStatus: 'failed',
    provisioningError: 'SmartVPS buyVps timeout after 3 attempts',
    lastAttemptMinutesAgo: 30,
    ...overrides,
  });
const stuck = (id: string, overrides: Partial<OrderSpec> = {}) =>
  freshOrder(id, {
    autoProvisioned: true,
    provisioningStatus: 'provisioning',
    lastAttemptMinutesAgo: 25,
    upstream: { id: `svps-${id}`, ipAddress: '103.177.52.18', ipReadyInMinutes: -5 },
    ...overrides,
  });
const active = (id: string, overrides: Partial<OrderSpec> = {}) =>
  freshOrder(id, {
    status: 'active',
    autoProvisioned: true,
    provisioningStatus: 'active',
    ipAddress: '103.177.114.195',
    lastAttemptMinutesAgo: 60,
    upstream: { id: `svps-${id}`, ipAddress: '103.177.114.195', ipReadyInMinutes: -50 },
    ...overrides,
  });

describe('error classes', () => {
  test('a permanent failure ends the run after one attempt, with no retry delay', () => {
    const engine = engineWith([freshOrder('ORD-1')], { providers: providersWith({ buyVps: outOfStock }) });
    engine.provision('ORD-1', { actor: ADMIN });

    // The buy call answers after its 2 s latency; the run is over at that very moment.
    engine.settle(START + 2_000);
    const { order, attempts } = orderOf(engine, 'ORD-1');
    expect(order).toMatchObject({
      provisioningStatus: 'failed',
      provisioningErrorClass: 'permanent',
      provisioningError: 'SmartVPS buyVps failed: out of stock for this package (permanent: not retried)',
      activeRun: null,
    });
    expect(attempts).toMatchObject([
      {
        attempt: 1,
        outcome: 'failed',
        errorClass: 'permanent',
        error: 'SmartVPS buyVps failed: out of stock for this package',
      },
    ]);
    expect(engine.nextWakeAt()).toBeNull();

    engine.settle(START + 60 * MINUTE);
    expect(engine.upstreamCalls().filter((call) => call.operation === 'buyVps')).toHaveLength(1);
  });

  test('a permanent failure of an automatic run stops it too', () => {
    const engine = engineWith([freshOrder('ORD-1', { status: 'paid', autoProvisioned: undefined })], {
      providers: providersWith({ buyVps: outOfStock }),
      autoRunOrderIds: ['ORD-1'],
    });
    engine.settle(START + 60 * MINUTE);
    expect(orderOf(engine, 'ORD-1').attempts).toMatchObject([
      { trigger: 'auto', outcome: 'failed', errorClass: 'permanent', reason: null },
    ]);
  });

  test('transient failures are still retried up to 3 times, each attempt and the order saying transient', () => {
    const engine = engineWith([freshOrder('ORD-1')], { providers: providersWith({ buyVps: unavailable }) });
    engine.provision('ORD-1', { actor: ADMIN });

    engine.settle(START + 2_000);
    // Between attempts the order carries the last error while the run waits to retry.
    expect(orderOf(engine, 'ORD-1').order).toMatchObject({
      provisioningStatus: 'provisioning',
      provisioningErrorClass: 'transient',
      activeRun: { step: 'retryDelay', attempt: 2 },
    });

    engine.settle(START + 60 * MINUTE);
    const { order, attempts } = orderOf(engine, 'ORD-1');
    expect(order).toMatchObject({ provisioningStatus: 'failed', provisioningErrorClass: 'transient', activeRun: null });
    expect(attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.errorClass])).toEqual(
      Array.from({ length: MAX_ATTEMPTS }, (_, index) => [index + 1, 'failed', 'transient']),
    );
  });

  test('a timeout is transient', () => {
    const engine = engineWith([freshOrder('ORD-1')], {
      providers: providersWith({ buyVps: behaviour({ kind: 'timeout' }) }),
    });
    engine.provision('ORD-1', { actor: ADMIN });
    engine.settle(START + 60 * MINUTE);
    expect(orderOf(engine, 'ORD-1').attempts.map((attempt) => attempt.errorClass)).toEqual([
      'transient',
      'transient',
      'transient',
    ]);
  });

  test("the admin's reason is kept on the first attempt of their run, not on the automatic retries after it", () => {
    const engine = engineWith([freshOrder('ORD-1')], { providers: providersWith({ buyVps: unavailable }) });
    engine.provision('ORD-1', { actor: ADMIN, reason: 'Customer chased twice' });
    engine.settle(START + 60 * MINUTE);
    expect(orderOf(engine, 'ORD-1').attempts.map((attempt) => [attempt.triggeredBy, attempt.reason])).toEqual([
      [ADMIN, 'Customer chased twice'],
      [ADMIN, null],
      [ADMIN, null],
    ]);
  });

  test('a success clears the error and its class', () => {
    const engine = engineWith([failed('ORD-1', { packageId: 'hostycare-cloud-m' })]);
    engine.provision('ORD-1', { actor: ADMIN });
    engine.settle(START + MINUTE);
    expect(orderOf(engine, 'ORD-1').order).toMatchObject({
      provisioningStatus: 'active',
      provisioningError: null,
      provisioningErrorClass: null,
    });
  });
});

describe('the audit trail', () => {
  test('every manual request writes one entry: who, which button, bulk or not, why, and the answer', () => {
    const engine = engineWith([
      freshOrder('ORD-FRESH'),
      failed('ORD-FAILED', { packageId: 'smartvps-8gb' }),
      freshOrder('ORD-AUTO', { autoProvisioned: true, packageId: 'hostycare-cloud-m' }),
      active('ORD-ACTIVE'),
      freshOrder('ORD-PENDING', { status: 'pending', paidMinutesAgo: undefined }),
      freshOrder('ORD-CANCELLED', { status: 'cancelled' }),
    ]);
    engine.settle(START + 30_000);

    const answers = [
      engine.provision('ORD-FRESH', { actor: ADMIN, reason: 'Customer asked' }),
      engine.provision('ORD-FRESH', { actor: OTHER }),
      engine.provision('ORD-FAILED', { actor: ADMIN, reason: 'Provider is back', bulk: true }),
      engine.provision('ORD-AUTO', { actor: ADMIN, reason: '' }),
      engine.provision('ORD-ACTIVE', { actor: ADMIN, bulk: true }),
      engine.provision('ORD-PENDING', { actor: OTHER, reason: 'Try anyway' }),
      engine.provision('ORD-CANCELLED', { actor: ADMIN }),
    ].map((answer) => answer.code);
    expect(answers).toEqual([
      'PROVISIONING_STARTED',
      'PROVISIONING_IN_PROGRESS',
      'PROVISIONING_STARTED',
      'PROVISIONING_STARTED',
      'ALREADY_PROVISIONED',
      'NOT_ELIGIBLE',
      'NOT_ELIGIBLE',
    ]);

    const at = new Date(START + 30_000).toISOString();
    const trail = (id: string) => orderOf(engine, id).audit.map(({ id: _id, ...entry }) => entry);
    expect(trail('ORD-FRESH')).toEqual([
      {
        orderId: 'ORD-FRESH',
        at,
        actor: ADMIN,
        action: 'provision',
        bulk: false,
        reason: 'Customer asked',
        result: 'PROVISIONING_STARTED',
      },
      {
        orderId: 'ORD-FRESH',
        at,
        actor: OTHER,
        action: 'provision',
        bulk: false,
        reason: null,
        result: 'PROVISIONING_IN_PROGRESS',
      },
    ]);
    expect(trail('ORD-FAILED')).toEqual([
      {
        orderId: 'ORD-FAILED',
        at,
        actor: ADMIN,
        action: 'retry',
        bulk: true,
        reason: 'Provider is back',
        result: 'PROVISIONING_STARTED',
      },
    ]);
    // Confirmed, automatic, no IP: the rule's blue Retry; an empty reason is no reason.
    expect(trail('ORD-AUTO')).toEqual([
      {
        orderId: 'ORD-AUTO',
        at,
        actor: ADMIN,
        action: 'retry',
        bulk: false,
        reason: null,
        result: 'PROVISIONING_STARTED',
      },
    ]);
    expect(trail('ORD-ACTIVE')).toEqual([
      {
        orderId: 'ORD-ACTIVE',
        at,
        actor: ADMIN,
        action: 'provision',
        bulk: true,
        reason: null,
        result: 'ALREADY_PROVISIONED',
      },
    ]);
    expect(trail('ORD-PENDING')).toEqual([
      {
        orderId: 'ORD-PENDING',
        at,
        actor: OTHER,
        action: 'provision',
        bulk: false,
        reason: 'Try anyway',
        result: 'NOT_ELIGIBLE',
      },
    ]);
    expect(trail('ORD-CANCELLED')).toEqual([
      {
        orderId: 'ORD-CANCELLED',
        at,
        actor: ADMIN,
        action: 'provision',
        bulk: false,
        reason: null,
        result: 'NOT_ELIGIBLE',
      },
    ]);
  });

  test('the trail is served oldest first and only with its own order', () => {
    const engine = engineWith([failed('ORD-1', { packageId: 'hostycare-cloud-m' }), freshOrder('ORD-2')], {
      providers: providersWith({ createService: unavailable }),
    });
    engine.provision('ORD-1', { actor: ADMIN });
    engine.settle(START + 30 * MINUTE);
    engine.provision('ORD-1', { actor: OTHER });
    const { audit } = orderOf(engine, 'ORD-1');
    expect(audit.map((entry) => [entry.actor, entry.at])).toEqual([
      [ADMIN, new Date(START).toISOString()],
      [OTHER, new Date(START + 30 * MINUTE).toISOString()],
    ]);
    expect(new Set(audit.map((entry) => entry.id)).size).toBe(2);
    expect(orderOf(engine, 'ORD-2').audit).toEqual([]);
  });

  test('in a race, both admins are recorded with the button the order showed them both', () => {
    // Paid and automatic: once the colleague's run starts, the rule would show no button at all.
    const engine = engineWith([failed('ORD-1', { status: 'paid' })], { concurrentAdmin: OTHER });
    expect(engine.provision('ORD-1', { actor: ADMIN, reason: 'Customer chased' }).code).toBe(
      'PROVISIONING_IN_PROGRESS',
    );
    expect(
      orderOf(engine, 'ORD-1').audit.map((entry) => [entry.actor, entry.action, entry.reason, entry.result]),
    ).toEqual([
      [OTHER, 'retry', null, 'PROVISIONING_STARTED'],
      [ADMIN, 'retry', 'Customer chased', 'PROVISIONING_IN_PROGRESS'],
    ]);
  });

  test('automatic runs write nothing to the trail', () => {
    const engine = engineWith([freshOrder('ORD-1', { status: 'paid', autoProvisioned: undefined })], {
      autoRunOrderIds: ['ORD-1'],
    });
    engine.settle(START + 10 * MINUTE);
    expect(orderOf(engine, 'ORD-1')).toMatchObject({ order: { provisioningStatus: 'active' }, audit: [] });
  });
});

describe('resolve: marking an order fixed outside the console', () => {
  const request = { actor: ADMIN, reason: 'Built by hand in the SmartVPS panel' };

  test.each<[string, OrderSpec]>([
    ['a failed order', failed('ORD-1')],
    ['a stuck order', stuck('ORD-1')],
    ['a paid order never provisioned', freshOrder('ORD-1', { status: 'paid' })],
    ['a confirmed order never provisioned', freshOrder('ORD-1')],
  ])('is allowed on %s, and says who, when and why', (_name, spec) => {
    const engine = engineWith([spec]);
    engine.settle(START + MINUTE);
    const resolution = { by: ADMIN, at: new Date(START + MINUTE).toISOString(), reason: request.reason };

    expect(engine.resolve('ORD-1', request)).toMatchObject({
      code: 'MARKED_RESOLVED',
      order: { _id: 'ORD-1', resolution },
    });
    const { order, audit } = orderOf(engine, 'ORD-1');
    expect(order.resolution).toEqual(resolution);
    expect(audit).toMatchObject([
      { actor: ADMIN, action: 'markResolved', bulk: false, reason: request.reason, result: 'MARKED_RESOLVED' },
    ]);
    expect(engine.runs()).toEqual([]);
    expect(engine.upstreamCalls()).toEqual([]);
  });

  test.each<[string, OrderSpec[], string, { code: string }]>([
    ['provisioned', [active('ORD-1')], 'ORD-1', { code: 'NOT_ELIGIBLE' }],
    [
      'inside the 10-minute window',
      [stuck('ORD-1', { lastAttemptMinutesAgo: 3 })],
      'ORD-1',
      { code: 'PROVISIONING_IN_PROGRESS' },
    ],
    [
      'unpaid',
      [freshOrder('ORD-1', { status: 'pending', paidMinutesAgo: undefined })],
      'ORD-1',
      { code: 'NOT_ELIGIBLE' },
    ],
    ['cancelled', [freshOrder('ORD-1', { status: 'cancelled' })], 'ORD-1', { code: 'NOT_ELIGIBLE' }],
    [
      'active without a server',
      [freshOrder('ORD-1', { status: 'active', provisioningStatus: 'active' })],
      'ORD-1',
      { code: 'NOT_ELIGIBLE' },
    ],
  ])('is refused on an order %s, changing nothing but the audit trail', (_name, specs, orderId, answer) => {
    const engine = engineWith(specs);
    const before = withoutAudit(engine);
    expect(engine.resolve(orderId, request)).toMatchObject(answer);
    expect(withoutAudit(engine)).toEqual(before);
    expect(orderOf(engine, orderId).audit).toMatchObject([
      { action: 'markResolved', result: answer.code, reason: request.reason },
    ]);
  });

  test('is refused on an order with a live run, even one queued past the window', () => {
    const engine = engineWith([freshOrder('ORD-1'), freshOrder('ORD-2')], {
      providers: providersWith({ buyVps: behaviour({ kind: 'succeed' }, [20 * MINUTE, 20 * MINUTE]) }),
    });
    engine.provision('ORD-1', { actor: ADMIN });
    engine.provision('ORD-2', { actor: ADMIN });
    engine.settle(START + 15 * MINUTE);
    expect(orderOf(engine, 'ORD-2').order.activeRun?.step).toBe('waitingForPackage');

    const before = withoutAudit(engine);
    expect(engine.resolve('ORD-2', request)).toMatchObject({ code: 'PROVISIONING_IN_PROGRESS' });
    expect(engine.resolve('ORD-1', request)).toMatchObject({ code: 'PROVISIONING_IN_PROGRESS' });
    expect(withoutAudit(engine)).toEqual(before);
  });

  test('is refused a second time, keeping the first resolution', () => {
    const engine = engineWith([failed('ORD-1')]);
    engine.resolve('ORD-1', request);
    const before = withoutAudit(engine);
    expect(engine.resolve('ORD-1', { actor: OTHER, reason: 'Me too' })).toEqual({
      code: 'NOT_ELIGIBLE',
      reason: `Order was marked resolved by ${ADMIN}: ${request.reason}`,
    });
    expect(withoutAudit(engine)).toEqual(before);
    expect(orderOf(engine, 'ORD-1').audit.map((entry) => [entry.actor, entry.result])).toEqual([
      [ADMIN, 'MARKED_RESOLVED'],
      [OTHER, 'NOT_ELIGIBLE'],
    ]);
  });

  test('an unknown order is not found and leaves no trail', () => {
    const engine = engineWith([failed('ORD-1')]);
    const before = engine.snapshot();
    expect(engine.resolve('ORD-404', request)).toEqual({ code: 'ORDER_NOT_FOUND' });
    expect(engine.snapshot()).toEqual(before);
  });

  test('a resolved order leaves Needs attention and its count, and is never provisioned here again', () => {
    const engine = engineWith([failed('ORD-1'), stuck('ORD-2')]);
    expect(engine.listOrders({ view: 'attention' })).toMatchObject({ total: 2, attentionCount: 2 });

    engine.resolve('ORD-1', request);
    const page = engine.listOrders({ view: 'attention' });
    expect(page?.orders.map((order) => order._id)).toEqual(['ORD-2']);
    expect(page).toMatchObject({ total: 1, attentionCount: 1 });
    expect(engine.listOrders({})?.attentionCount).toBe(1);

    const before = withoutAudit(engine);
    expect(engine.provision('ORD-1', { actor: OTHER, bulk: true })).toEqual({
      code: 'NOT_ELIGIBLE',
      reason: `Order was marked resolved by ${ADMIN}: ${request.reason}`,
    });
    engine.settle(START + 60 * MINUTE);
    expect(withoutAudit(engine)).toMatchObject({ ...before, cursor: START + 60 * MINUTE });
    expect(engine.upstreamCalls()).toEqual([]);
  });
});

describe('listOrders: the Needs attention view', () => {
  // Paid 200, 100, 60, 30 and 5 minutes ago need attention; the others do not.
  const specs: OrderSpec[] = [
    failed('ORD-A', { paidMinutesAgo: 100, createdMinutesAgo: 101 }),
    stuck('ORD-B', { paidMinutesAgo: 60, createdMinutesAgo: 61 }),
    freshOrder('ORD-C', { paidMinutesAgo: 30, createdMinutesAgo: 31 }),
    stuck('ORD-D', { paidMinutesAgo: 10, createdMinutesAgo: 11, lastAttemptMinutesAgo: 3 }),
    active('ORD-E', { paidMinutesAgo: 300, createdMinutesAgo: 301 }),
    freshOrder('ORD-F', { status: 'pending', paidMinutesAgo: undefined, createdMinutesAgo: 400 }),
    freshOrder('ORD-G', { status: 'cancelled', paidMinutesAgo: 500, createdMinutesAgo: 501 }),
    failed('ORD-H', { packageId: 'hostycare-cloud-m', paidMinutesAgo: 200, createdMinutesAgo: 201 }),
    freshOrder('ORD-I', { packageId: 'hostycare-cloud-s', status: 'paid', paidMinutesAgo: 5, createdMinutesAgo: 6 }),
  ];
  const ids = (page: ReturnType<ProvisioningEngine['listOrders']>) => page?.orders.map((order) => order._id);

  test('holds only the orders that need attention, the longest wait first', () => {
    const engine = engineWith(specs);
    expect(ids(engine.listOrders({ view: 'attention' }))).toEqual(['ORD-H', 'ORD-A', 'ORD-B', 'ORD-C', 'ORD-I']);
    // The full list stays newest first.
    expect(ids(engine.listOrders({}))?.slice(0, 3)).toEqual(['ORD-I', 'ORD-D', 'ORD-C']);
  });

  test.each([
    [{}, 9],
    [{ view: 'attention' as const, provider: 'hostycare' as const }, 2],
    [{ view: 'attention' as const, status: 'pending' as const }, 0],
    [{ q: 'nobody-matches-this' }, 0],
    [{ provisioning: 'active' as const }, 1],
  ])('counts attention whatever the filters (%j)', (query, total) => {
    expect(engineWith(specs).listOrders(query)).toMatchObject({ total, attentionCount: 5 });
  });

  test('an order joins when its window ends and leaves while a run works on it', () => {
    const engine = engineWith(specs, { providers: providersWith({ buyVps: unavailable }) });
    engine.settle(START + 7 * MINUTE);
    expect(ids(engine.listOrders({ view: 'attention' }))).toEqual([
      'ORD-H',
      'ORD-A',
      'ORD-B',
      'ORD-C',
      'ORD-D',
      'ORD-I',
    ]);

    engine.provision('ORD-A', { actor: ADMIN });
    expect(engine.listOrders({ view: 'attention' })?.attentionCount).toBe(5);
    engine.settle(START + 7 * MINUTE + 2_000);
    // Waiting to retry is still a live run.
    expect(ids(engine.listOrders({ view: 'attention' }))).not.toContain('ORD-A');
    engine.settle(START + 60 * MINUTE);
    expect(ids(engine.listOrders({ view: 'attention' }))).toContain('ORD-A');
  });

  test('pages with a cursor visit every attention order once, in order', () => {
    const engine = engineWith(specs);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = engine.listOrders({ view: 'attention', limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page).toMatchObject({ total: 5, attentionCount: 5 });
      seen.push(...(ids(page) ?? []));
      cursor = page?.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['ORD-H', 'ORD-A', 'ORD-B', 'ORD-C', 'ORD-I']);
  });

  test('the next page starts where the cursor order sorted, even after that order left the view', () => {
    const engine = engineWith(specs);
    const first = engine.listOrders({ view: 'attention', limit: 2 });
    expect(first?.nextCursor).toBe('ORD-A');
    engine.resolve('ORD-A', { actor: ADMIN, reason: 'Refunded' });
    expect(ids(engine.listOrders({ view: 'attention', limit: 2, cursor: 'ORD-A' }))).toEqual(['ORD-B', 'ORD-C']);
  });

  test('a cursor naming no order is refused', () => {
    expect(engineWith(specs).listOrders({ view: 'attention', cursor: 'ORD-404' })).toBeNull();
  });
});

describe('credentials', () => {
  test('appear only once the server is ready, and never for a failed order', () => {
    const engine = engineWith([freshOrder('ORD-1'), freshOrder('ORD-2', { packageId: 'hostycare-cloud-m' })], {
      providers: providersWith({ createService: outOfStock }),
    });
    expect(orderOf(engine, 'ORD-1').credentials).toBeNull();
    engine.provision('ORD-1', { actor: ADMIN });
    engine.provision('ORD-2', { actor: ADMIN });

    // Bought (2 s), still waiting for the IP (30 s).
    engine.settle(START + 10_000);
    expect(orderOf(engine, 'ORD-1')).toMatchObject({
      order: { provisioningStatus: 'provisioning' },
      credentials: null,
    });
    expect(purchasesOf(engine, 'ORD-1')).toHaveLength(1);

    engine.settle(START + 5 * MINUTE);
    expect(orderOf(engine, 'ORD-1')).toMatchObject({
      order: { provisioningStatus: 'active' },
      credentials: { username: 'root', password: expect.stringMatching(/^[A-Za-z0-9]{16}$/) },
    });
    expect(orderOf(engine, 'ORD-2')).toMatchObject({ order: { provisioningStatus: 'failed' }, credentials: null });
  });

  test('a stuck order has a server upstream but no credentials until its IP is known', () => {
    const engine = engineWith([stuck('ORD-1')]);
    expect(orderOf(engine, 'ORD-1').credentials).toBeNull();
    engine.provision('ORD-1', { actor: ADMIN });
    engine.settle(START + MINUTE);
    expect(orderOf(engine, 'ORD-1').credentials).toEqual({ username: 'root', password: 'seeded-ord-1' });
  });
});
