import { describe, expect, test } from 'vitest';
import { MAX_ATTEMPTS } from '../runs';
import {
  activeOrder,
  behaviour,
  failedOrder,
  freshOrder,
  orderOf,
  providersWith,
  purchasesOf,
  simulatorWith,
  START,
  stuckOrder,
} from './simulator-test-kit';
import { MINUTE_MS } from '@/lib/time';

const ADMIN = 'admin@reseller.test';
const OTHER = 'sam@reseller.test';
const outOfStock = behaviour({
  kind: 'fail',
  error: 'out of stock for this package',
  errorClass: 'permanent' as const,
});
const unavailable = behaviour({ kind: 'fail', error: 'API returned 503' });

describe('error classes', () => {
  test('a permanent failure ends the run after one attempt, with no retry delay', () => {
    const simulator = simulatorWith([freshOrder('ORD-1')], { providers: providersWith({ buyVps: outOfStock }) });
    simulator.provision('ORD-1', { actor: ADMIN });

    // The buy call answers after its 2 s latency; the run is over at that very moment.
    simulator.settle(START + 2_000);
    const { order, attempts } = orderOf(simulator, 'ORD-1');
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
    expect(simulator.nextWakeAt()).toBeNull();

    simulator.settle(START + 60 * MINUTE_MS);
    expect(simulator.upstreamCalls().filter((call) => call.operation === 'buyVps')).toHaveLength(1);
  });

  test('a permanent failure of an automatic run stops it too', () => {
    const simulator = simulatorWith([freshOrder('ORD-1', { status: 'paid', autoProvisioned: undefined })], {
      providers: providersWith({ buyVps: outOfStock }),
      autoRunOrderIds: ['ORD-1'],
    });
    simulator.settle(START + 60 * MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1').attempts).toMatchObject([
      { trigger: 'auto', outcome: 'failed', errorClass: 'permanent', reason: null },
    ]);
  });

  test('transient failures are still retried up to 3 times, each attempt and the order saying transient', () => {
    const simulator = simulatorWith([freshOrder('ORD-1')], { providers: providersWith({ buyVps: unavailable }) });
    simulator.provision('ORD-1', { actor: ADMIN });

    simulator.settle(START + 2_000);
    // Between attempts the order carries the last error while the run waits to retry.
    expect(orderOf(simulator, 'ORD-1').order).toMatchObject({
      provisioningStatus: 'provisioning',
      provisioningErrorClass: 'transient',
      activeRun: { step: 'retryDelay', attempt: 2 },
    });

    simulator.settle(START + 60 * MINUTE_MS);
    const { order, attempts } = orderOf(simulator, 'ORD-1');
    expect(order).toMatchObject({ provisioningStatus: 'failed', provisioningErrorClass: 'transient', activeRun: null });
    expect(attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.errorClass])).toEqual(
      Array.from({ length: MAX_ATTEMPTS }, (_, index) => [index + 1, 'failed', 'transient']),
    );
  });

  test('a timeout is transient', () => {
    const simulator = simulatorWith([freshOrder('ORD-1')], {
      providers: providersWith({ buyVps: behaviour({ kind: 'timeout' }) }),
    });
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.settle(START + 60 * MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1').attempts.map((attempt) => attempt.errorClass)).toEqual([
      'transient',
      'transient',
      'transient',
    ]);
  });

  test("the admin's reason is kept on the first attempt of their run, not on the automatic retries after it", () => {
    const simulator = simulatorWith([freshOrder('ORD-1')], { providers: providersWith({ buyVps: unavailable }) });
    simulator.provision('ORD-1', { actor: ADMIN, reason: 'Customer chased twice' });
    simulator.settle(START + 60 * MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1').attempts.map((attempt) => [attempt.triggeredBy, attempt.reason])).toEqual([
      [ADMIN, 'Customer chased twice'],
      [ADMIN, null],
      [ADMIN, null],
    ]);
  });

  test('a success clears the error and its class', () => {
    const simulator = simulatorWith([failedOrder('ORD-1', { packageId: 'hostycare-cloud-m' })]);
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.settle(START + MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1').order).toMatchObject({
      provisioningStatus: 'active',
      provisioningError: null,
      provisioningErrorClass: null,
    });
  });
});

describe('the audit trail', () => {
  test('every manual request writes one entry: who, which button, bulk or not, why, and the answer', () => {
    const simulator = simulatorWith([
      freshOrder('ORD-FRESH'),
      failedOrder('ORD-FAILED', { packageId: 'smartvps-8gb' }),
      freshOrder('ORD-AUTO', { autoProvisioned: true, packageId: 'hostycare-cloud-m' }),
      activeOrder('ORD-ACTIVE'),
      freshOrder('ORD-PENDING', { status: 'pending', paidMinutesAgo: undefined }),
      freshOrder('ORD-CANCELLED', { status: 'cancelled' }),
    ]);
    simulator.settle(START + 30_000);

    const answers = [
      simulator.provision('ORD-FRESH', { actor: ADMIN, reason: 'Customer asked' }),
      simulator.provision('ORD-FRESH', { actor: OTHER }),
      simulator.provision('ORD-FAILED', { actor: ADMIN, reason: 'Provider is back', bulk: true }),
      simulator.provision('ORD-AUTO', { actor: ADMIN, reason: '' }),
      simulator.provision('ORD-ACTIVE', { actor: ADMIN, bulk: true }),
      simulator.provision('ORD-PENDING', { actor: OTHER, reason: 'Try anyway' }),
      simulator.provision('ORD-CANCELLED', { actor: ADMIN }),
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
    const trail = (id: string) => orderOf(simulator, id).audit.map(({ id: _id, ...entry }) => entry);
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
    const simulator = simulatorWith([failedOrder('ORD-1', { packageId: 'hostycare-cloud-m' }), freshOrder('ORD-2')], {
      providers: providersWith({ createService: unavailable }),
    });
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.settle(START + 30 * MINUTE_MS);
    simulator.provision('ORD-1', { actor: OTHER });
    const { audit } = orderOf(simulator, 'ORD-1');
    expect(audit.map((entry) => [entry.actor, entry.at])).toEqual([
      [ADMIN, new Date(START).toISOString()],
      [OTHER, new Date(START + 30 * MINUTE_MS).toISOString()],
    ]);
    expect(new Set(audit.map((entry) => entry.id)).size).toBe(2);
    expect(orderOf(simulator, 'ORD-2').audit).toEqual([]);
  });

  test('in a race, both admins are recorded with the button the order showed them both', () => {
    // Paid and automatic: once the colleague's run starts, the rule would show no button at all.
    const simulator = simulatorWith([failedOrder('ORD-1', { status: 'paid' })], { concurrentAdmin: OTHER });
    expect(simulator.provision('ORD-1', { actor: ADMIN, reason: 'Customer chased' }).code).toBe(
      'PROVISIONING_IN_PROGRESS',
    );
    expect(
      orderOf(simulator, 'ORD-1').audit.map((entry) => [entry.actor, entry.action, entry.reason, entry.result]),
    ).toEqual([
      [OTHER, 'retry', null, 'PROVISIONING_STARTED'],
      [ADMIN, 'retry', 'Customer chased', 'PROVISIONING_IN_PROGRESS'],
    ]);
  });

  test('automatic runs write nothing to the trail', () => {
    const simulator = simulatorWith([freshOrder('ORD-1', { status: 'paid', autoProvisioned: undefined })], {
      autoRunOrderIds: ['ORD-1'],
    });
    simulator.settle(START + 10 * MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1')).toMatchObject({ order: { provisioningStatus: 'active' }, audit: [] });
  });
});

describe('credentials', () => {
  test('appear only once the server is ready, and never for a failed order', () => {
    const simulator = simulatorWith([freshOrder('ORD-1'), freshOrder('ORD-2', { packageId: 'hostycare-cloud-m' })], {
      providers: providersWith({ createService: outOfStock }),
    });
    expect(orderOf(simulator, 'ORD-1').credentials).toBeNull();
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.provision('ORD-2', { actor: ADMIN });

    // Bought (2 s), still waiting for the IP (30 s).
    simulator.settle(START + 10_000);
    expect(orderOf(simulator, 'ORD-1')).toMatchObject({
      order: { provisioningStatus: 'provisioning' },
      credentials: null,
    });
    expect(purchasesOf(simulator, 'ORD-1')).toHaveLength(1);

    simulator.settle(START + 5 * MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1')).toMatchObject({
      order: { provisioningStatus: 'active' },
      credentials: { username: 'root', password: expect.stringMatching(/^[A-Za-z0-9]{16}$/) },
    });
    expect(orderOf(simulator, 'ORD-2')).toMatchObject({ order: { provisioningStatus: 'failed' }, credentials: null });
  });

  test('a stuck order has a server upstream but no credentials until its IP is known', () => {
    const simulator = simulatorWith([stuckOrder('ORD-1')]);
    expect(orderOf(simulator, 'ORD-1').credentials).toBeNull();
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.settle(START + MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1').credentials).toEqual({ username: 'root', password: 'seeded-ord-1' });
  });
});
