import { describe, expect, test } from 'vitest';
import type { ListedOrder } from '@/contract/scenario-document';
import type { ProvisioningSimulator } from '../simulator';
import {
  activeOrder,
  behaviour,
  failedOrder,
  freshOrder,
  orderOf,
  providersWith,
  simulatorWith,
  START,
  stuckOrder,
  worldWith,
} from './simulator-test-kit';
import { MINUTE_MS } from '@/lib/time';

const ADMIN = 'admin@reseller.test';
const OTHER = 'sam@reseller.test';

/** The snapshot without what every manual request writes (its audit entry and the id counter it draws from). */
function withoutAudit(simulator: ProvisioningSimulator) {
  const { audit: _audit, nextId: _nextId, ...rest } = simulator.snapshot();
  return rest;
}

describe('resolve: marking an order fixed outside the console', () => {
  const request = { actor: ADMIN, reason: 'Built by hand in the SmartVPS panel' };

  test.each<[string, ListedOrder]>([
    ['a failed order', failedOrder('ORD-1')],
    ['a stuck order', stuckOrder('ORD-1')],
    ['a paid order never provisioned', freshOrder('ORD-1', { status: 'paid' })],
    ['a confirmed order never provisioned', freshOrder('ORD-1')],
  ])('is allowed on %s, and says who, when and why', (_name, spec) => {
    const simulator = simulatorWith([spec]);
    simulator.settle(START + MINUTE_MS);
    const resolution = { by: ADMIN, at: new Date(START + MINUTE_MS).toISOString(), reason: request.reason };

    expect(simulator.resolve('ORD-1', request)).toMatchObject({
      code: 'MARKED_RESOLVED',
      order: { _id: 'ORD-1', resolution },
    });
    const { order, audit } = orderOf(simulator, 'ORD-1');
    expect(order.resolution).toEqual(resolution);
    expect(audit).toMatchObject([
      { actor: ADMIN, action: 'markResolved', bulk: false, reason: request.reason, result: 'MARKED_RESOLVED' },
    ]);
    expect(simulator.runs()).toEqual([]);
    expect(simulator.upstreamCalls()).toEqual([]);
  });

  test.each<[string, ListedOrder[], string, { code: string }]>([
    ['provisioned', [activeOrder('ORD-1')], 'ORD-1', { code: 'NOT_ELIGIBLE' }],
    [
      'inside the 10-minute window',
      [stuckOrder('ORD-1', { lastAttemptMinutesAgo: 3 })],
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
    const simulator = simulatorWith(specs);
    const before = withoutAudit(simulator);
    expect(simulator.resolve(orderId, request)).toMatchObject(answer);
    expect(withoutAudit(simulator)).toEqual(before);
    expect(orderOf(simulator, orderId).audit).toMatchObject([
      { action: 'markResolved', result: answer.code, reason: request.reason },
    ]);
  });

  test('is refused on an order with a live run, even one queued past the window', () => {
    const simulator = simulatorWith([freshOrder('ORD-1'), freshOrder('ORD-2')], {
      providers: providersWith({ buyVps: behaviour({ kind: 'succeed' }, [20 * MINUTE_MS, 20 * MINUTE_MS]) }),
    });
    simulator.provision('ORD-1', { actor: ADMIN });
    simulator.provision('ORD-2', { actor: ADMIN });
    simulator.settle(START + 15 * MINUTE_MS);
    expect(orderOf(simulator, 'ORD-2').order.activeRun?.step).toBe('waitingForPackage');

    const before = withoutAudit(simulator);
    expect(simulator.resolve('ORD-2', request)).toMatchObject({ code: 'PROVISIONING_IN_PROGRESS' });
    expect(simulator.resolve('ORD-1', request)).toMatchObject({ code: 'PROVISIONING_IN_PROGRESS' });
    expect(withoutAudit(simulator)).toEqual(before);
  });

  test('is refused a second time, keeping the first resolution', () => {
    const simulator = simulatorWith([failedOrder('ORD-1')]);
    simulator.resolve('ORD-1', request);
    const before = withoutAudit(simulator);
    expect(simulator.resolve('ORD-1', { actor: OTHER, reason: 'Me too' })).toEqual({
      code: 'NOT_ELIGIBLE',
      reason: `Order was marked resolved by ${ADMIN}: ${request.reason}`,
    });
    expect(withoutAudit(simulator)).toEqual(before);
    expect(orderOf(simulator, 'ORD-1').audit.map((entry) => [entry.actor, entry.result])).toEqual([
      [ADMIN, 'MARKED_RESOLVED'],
      [OTHER, 'NOT_ELIGIBLE'],
    ]);
  });

  test('an unknown order is not found and leaves no trail', () => {
    const simulator = simulatorWith([failedOrder('ORD-1')]);
    const before = simulator.snapshot();
    expect(simulator.resolve('ORD-404', request)).toEqual({ code: 'ORDER_NOT_FOUND' });
    expect(simulator.snapshot()).toEqual(before);
  });

  test('a resolved order leaves Needs attention and its count, and is never provisioned here again', () => {
    const { simulator, orderList } = worldWith([failedOrder('ORD-1'), stuckOrder('ORD-2')]);
    expect(orderList.list({ view: 'attention' })).toMatchObject({ total: 2, attentionCount: 2 });

    simulator.resolve('ORD-1', request);
    const page = orderList.list({ view: 'attention' });
    expect(page?.orders.map((order) => order._id)).toEqual(['ORD-2']);
    expect(page).toMatchObject({ total: 1, attentionCount: 1 });
    expect(orderList.list({})?.attentionCount).toBe(1);

    const before = withoutAudit(simulator);
    expect(simulator.provision('ORD-1', { actor: OTHER, bulk: true })).toEqual({
      code: 'NOT_ELIGIBLE',
      reason: `Order was marked resolved by ${ADMIN}: ${request.reason}`,
    });
    simulator.settle(START + 60 * MINUTE_MS);
    expect(withoutAudit(simulator)).toMatchObject({ ...before, cursor: START + 60 * MINUTE_MS });
    expect(simulator.upstreamCalls()).toEqual([]);
  });
});
