import { describe, expect, test } from 'vitest';
import { STATUS_CHECK_BUDGET_MS } from '../runs';
import { ProvisioningSimulator } from '../simulator';
import { UPSTREAM_TIMEOUT_MS } from '../provider-behaviour';
import {
  behaviour,
  simulatorWith,
  freshOrder,
  orderOf,
  providersWith,
  purchasesOf,
  START,
  worldWith,
} from './simulator-test-kit';
import { MINUTE_MS } from '@/lib/time';

const ADMIN = 'admin@reseller.test';

describe('SmartVPS runs', () => {
  test('provisions a fresh order: one purchase, status polled until the IP, then active', () => {
    const simulator = simulatorWith([freshOrder('ORD-1')]);
    expect(simulator.provision('ORD-1', { actor: ADMIN })).toMatchObject({
      code: 'PROVISIONING_STARTED',
      order: { provisioningStatus: 'provisioning', activeRun: { trigger: 'manual', step: 'buyVps' } },
    });

    simulator.settle(START + 5 * MINUTE_MS);

    const { order, attempts } = orderOf(simulator, 'ORD-1');
    expect(order).toMatchObject({
      status: 'active',
      provisioningStatus: 'active',
      provisioningError: null,
      activeRun: null,
    });
    expect(order.ipAddress).toMatch(/^103\.177\./);
    expect(order.upstreamId).toMatch(/^svps-/);
    expect(attempts).toMatchObject([
      { trigger: 'manual', triggeredBy: ADMIN, outcome: 'succeeded', upstreamId: order.upstreamId },
    ]);
    expect(purchasesOf(simulator)).toHaveLength(1);
    expect(
      simulator
        .upstreamCalls()
        .filter((call) => call.operation === 'statusCheck')
        .at(-1)?.outcome,
    ).toBe('succeeded');
  });

  test('fails after 3 buyVps timeouts, waiting 1 to 5 minutes between attempts', () => {
    const simulator = simulatorWith([freshOrder('ORD-1', { status: 'paid', autoProvisioned: undefined })], {
      providers: providersWith({ buyVps: behaviour({ kind: 'timeout' }) }),
      autoRunOrderIds: ['ORD-1'],
    });
    simulator.settle(START + 60 * MINUTE_MS);

    const { order, attempts } = orderOf(simulator, 'ORD-1');
    expect(order).toMatchObject({
      autoProvisioned: true,
      provisioningStatus: 'failed',
      provisioningError: 'SmartVPS buyVps timeout after 3 attempts',
      activeRun: null,
    });
    expect(attempts.map((attempt) => [attempt.trigger, attempt.attempt, attempt.outcome])).toEqual([
      ['auto', 1, 'timedOut'],
      ['auto', 2, 'timedOut'],
      ['auto', 3, 'timedOut'],
    ]);
    for (let index = 1; index < attempts.length; index++) {
      const gap = Date.parse(attempts[index]?.startedAt ?? '') - Date.parse(attempts[index - 1]?.endedAt ?? '');
      expect(gap).toBeGreaterThanOrEqual(MINUTE_MS);
      expect(gap).toBeLessThanOrEqual(5 * MINUTE_MS);
    }
    expect(simulator.upstreamCalls().filter((call) => call.operation === 'buyVps')).toHaveLength(3);
    expect(purchasesOf(simulator)).toHaveLength(0);
  });

  test('replays the same jitter from the same seed', () => {
    const run = () => {
      const simulator = simulatorWith([freshOrder('ORD-1')], {
        providers: providersWith({ buyVps: behaviour({ kind: 'fail', error: 'API returned 502' }) }),
      });
      simulator.provision('ORD-1', { actor: ADMIN });
      simulator.settle(START + 60 * MINUTE_MS);
      return orderOf(simulator, 'ORD-1').attempts.map((attempt) => attempt.startedAt);
    };
    expect(run()).toEqual(run());
  });

  test('a status check that never sees an IP leaves the order stuck; Retry is refused for 10 minutes, then resumes without buying again', () => {
    const simulator = simulatorWith([freshOrder('ORD-1', { status: 'confirmed', autoProvisioned: undefined })], {
      providers: providersWith({ ipAssignedAfterMs: 14 * MINUTE_MS }),
      autoRunOrderIds: ['ORD-1'],
    });
    simulator.settle(START + STATUS_CHECK_BUDGET_MS + MINUTE_MS);
    const stuck = orderOf(simulator, 'ORD-1');
    expect(stuck.order).toMatchObject({
      status: 'confirmed',
      provisioningStatus: 'provisioning',
      ipAddress: null,
      activeRun: null,
    });
    expect(stuck.order.provisioningError).toMatch(/status check timed out after 5 min: VPS svps-\d+ bought, no IP yet/);
    expect(stuck.attempts.at(-1)?.outcome).toBe('stuck');

    simulator.settle(START + 9 * MINUTE_MS);
    expect(simulator.provision('ORD-1', { actor: ADMIN })).toEqual({
      code: 'PROVISIONING_IN_PROGRESS',
      retryAfterSeconds: 60,
    });

    simulator.settle(START + 10 * MINUTE_MS);
    expect(simulator.provision('ORD-1', { actor: ADMIN })).toMatchObject({
      code: 'PROVISIONING_STARTED',
      order: { activeRun: { step: 'statusCheck' } },
    });
    simulator.settle(START + 20 * MINUTE_MS);

    expect(orderOf(simulator, 'ORD-1').order).toMatchObject({ status: 'active', provisioningStatus: 'active' });
    expect(simulator.upstreamCalls().filter((call) => call.operation === 'buyVps')).toHaveLength(1);
  });

  test('an outage of 30 minutes fails the retries inside it; a retry after recovery succeeds', () => {
    const outage = {
      latencyMs: [2_000, 2_000] as const,
      phases: [
        { untilMs: 30 * MINUTE_MS, outcome: { kind: 'fail' as const, error: 'API returned 503' } },
        { outcome: { kind: 'succeed' as const } },
      ],
    };
    const simulator = simulatorWith([freshOrder('ORD-1')], { providers: providersWith({ buyVps: outage }) });
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.settle(START + 20 * MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1').order).toMatchObject({
      provisioningStatus: 'failed',
      provisioningError: 'SmartVPS buyVps failed after 3 attempts: API returned 503',
    });

    simulator.settle(START + 31 * MINUTE_MS);
    expect(simulator.provision('ORD-1', { actor: ADMIN }).code).toBe('PROVISIONING_STARTED');
    simulator.settle(START + 35 * MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1').order).toMatchObject({ status: 'active', provisioningStatus: 'active' });
    expect(
      simulator
        .upstreamCalls()
        .filter((call) => call.operation === 'buyVps')
        .map((call) => call.outcome),
    ).toEqual(['failed', 'failed', 'failed', 'succeeded']);
    expect(purchasesOf(simulator)).toHaveLength(1);
  });
});

describe('Hostycare runs', () => {
  test('createService answers with the IP in one step', () => {
    const simulator = simulatorWith([freshOrder('ORD-1', { packageId: 'hostycare-cloud-m' })]);
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.settle(START + MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1').order).toMatchObject({
      status: 'active',
      provisioningStatus: 'active',
      ipAddress: expect.stringMatching(/^45\.76\./),
    });
    expect(simulator.upstreamCalls().map((call) => [call.operation, call.outcome])).toEqual([
      ['createService', 'succeeded'],
    ]);
  });

  test('failed orders fail the same way and can be retried', () => {
    const simulator = simulatorWith([freshOrder('ORD-1', { packageId: 'hostycare-cloud-s' })], {
      providers: providersWith({ createService: behaviour({ kind: 'fail', error: 'API returned 503' }) }),
    });
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.settle(START + 30 * MINUTE_MS);
    expect(orderOf(simulator, 'ORD-1').order).toMatchObject({
      provisioningStatus: 'failed',
      provisioningError: 'Hostycare createService failed after 3 attempts: API returned 503',
    });
    expect(simulator.provision('ORD-1', { actor: ADMIN }).code).toBe('PROVISIONING_STARTED');
  });
});

describe('locks', () => {
  test('purchases of one package never overlap: the second run queues until the first purchase returns', () => {
    const simulator = simulatorWith(
      [freshOrder('ORD-1'), freshOrder('ORD-2'), freshOrder('ORD-3', { packageId: 'smartvps-8gb' })],
      {
        providers: providersWith({ buyVps: behaviour({ kind: 'succeed' }, [10_000, 10_000]) }),
      },
    );
    simulator.provision('ORD-1', { actor: ADMIN });
    expect(simulator.provision('ORD-2', { actor: ADMIN })).toMatchObject({
      order: { activeRun: { step: 'waitingForPackage', nextStepAt: null } },
    });
    expect(simulator.provision('ORD-3', { actor: ADMIN })).toMatchObject({ order: { activeRun: { step: 'buyVps' } } });

    simulator.settle(START + 5 * MINUTE_MS);
    const buys = simulator.upstreamCalls().filter((call) => call.operation === 'buyVps');
    expect(buys.map((call) => [call.orderId, call.at])).toEqual([
      ['ORD-1', new Date(START).toISOString()],
      ['ORD-3', new Date(START).toISOString()],
      ['ORD-2', new Date(START + 10_000).toISOString()],
    ]);
    expect(['ORD-1', 'ORD-2', 'ORD-3'].map((id) => orderOf(simulator, id).order.status)).toEqual([
      'active',
      'active',
      'active',
    ]);
  });

  test('a failed purchase hands the package to the next run in the queue', () => {
    const simulator = simulatorWith([freshOrder('ORD-1'), freshOrder('ORD-2')], {
      providers: providersWith({ buyVps: behaviour({ kind: 'timeout' }) }),
    });
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.provision('ORD-2', { actor: ADMIN });
    simulator.settle(START + UPSTREAM_TIMEOUT_MS);
    expect(orderOf(simulator, 'ORD-2').order.activeRun?.step).toBe('buyVps');
  });

  test('one run per order: a second request while a run is alive is answered in progress', () => {
    const simulator = simulatorWith([freshOrder('ORD-1')]);
    simulator.provision('ORD-1', { actor: ADMIN });
    expect(simulator.provision('ORD-1', { actor: 'other@reseller.test' })).toEqual({
      code: 'PROVISIONING_IN_PROGRESS',
      retryAfterSeconds: 600,
    });
    expect(simulator.runs()).toHaveLength(1);
  });

  test('a colleague retrying at the same moment gets the run; this admin gets the in-progress answer', () => {
    const simulator = simulatorWith([freshOrder('ORD-1')], { concurrentAdmin: 'sam@reseller.test' });
    expect(simulator.provision('ORD-1', { actor: ADMIN }).code).toBe('PROVISIONING_IN_PROGRESS');
    expect(simulator.runs()).toMatchObject([{ triggeredBy: 'sam@reseller.test' }]);
    simulator.settle(START + 5 * MINUTE_MS);
    expect(purchasesOf(simulator)).toHaveLength(1);
  });
});

describe('guards', () => {
  test.each([
    [
      'already provisioned',
      freshOrder('ORD-1', { status: 'active', provisioningStatus: 'active', ipAddress: '103.177.114.195' }),
      'ALREADY_PROVISIONED',
    ],
    ['unpaid', freshOrder('ORD-1', { status: 'pending' }), 'NOT_ELIGIBLE'],
    ['cancelled', freshOrder('ORD-1', { status: 'cancelled' }), 'NOT_ELIGIBLE'],
  ] as const)('%s orders change nothing', (_name, spec, code) => {
    const simulator = simulatorWith([spec]);
    const before = simulator.snapshot();
    expect(simulator.provision('ORD-1', { actor: ADMIN }).code).toBe(code);
    // Only the audit trail grows: a refused request is still a manual action someone took.
    const { audit, nextId: _nextId, ...after } = simulator.snapshot();
    const { audit: auditBefore, nextId: _nextIdBefore, ...unchanged } = before;
    expect(after).toEqual(unchanged);
    expect(audit).toEqual([...auditBefore, expect.objectContaining({ orderId: 'ORD-1', actor: ADMIN, result: code })]);
  });

  test('unknown orders are not found', () => {
    expect(simulatorWith([]).provision('ORD-404', { actor: ADMIN })).toEqual({ code: 'ORDER_NOT_FOUND' });
  });
});

describe('reload', () => {
  test('a run restored from a snapshot mid-run ends as it would have, without a second purchase', () => {
    const providers = providersWith({ buyVps: behaviour({ kind: 'succeed' }, [10_000, 10_000]) });
    const straight = simulatorWith([freshOrder('ORD-1')], { providers });
    const reloaded = simulatorWith([freshOrder('ORD-1')], { providers });
    straight.provision('ORD-1', { actor: ADMIN });
    reloaded.provision('ORD-1', { actor: ADMIN });

    reloaded.settle(START + 5_000);
    const restored = ProvisioningSimulator.restore(JSON.parse(JSON.stringify(reloaded.snapshot())), { providers });
    restored.settle(START + 20_000);
    const again = ProvisioningSimulator.restore(JSON.parse(JSON.stringify(restored.snapshot())), { providers });
    again.settle(START + 10 * MINUTE_MS);
    straight.settle(START + 10 * MINUTE_MS);

    expect(again.snapshot()).toEqual(straight.snapshot());
    expect(purchasesOf(again)).toHaveLength(1);
  });

  test('answers with copies: changing a listed or fetched order, nested parts included, changes nothing inside', () => {
    const { simulator, orderList } = worldWith([freshOrder('ORD-1')]);
    simulator.resolve('ORD-1', { actor: 'admin@reseller.test', reason: 'Built by hand' });
    const before = simulator.snapshot();

    const listed = orderList.list({})?.orders[0];
    const fetched = orderOf(simulator, 'ORD-1').order;
    for (const order of [listed, fetched]) {
      if (!order?.resolution) throw new Error('ORD-1 is resolved');
      order.status = 'cancelled';
      order.customer.name = 'Changed';
      order.resolution.reason = 'Changed';
    }
    expect(simulator.snapshot()).toEqual(before);
  });
});
