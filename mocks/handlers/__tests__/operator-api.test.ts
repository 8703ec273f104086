import { describe, expect, test } from 'vitest';
import { REASON_MAX_LENGTH } from '@/contract/order';
import { BULK_RETRY_MAX, BulkProvisionResponseSchema, ResolveResponseSchema } from '@/contract/provision-api';

import { mockApi } from './api-test-kit';
import { MINUTE_MS } from '@/lib/time';

const { backend, api, errorOf, listOrders, detail, everything } = mockApi();

describe('POST /api/orders/provision/bulk', () => {
  const bulk = (body: unknown) => api('POST', '/api/orders/provision/bulk', { body });

  test('answers every id in the order asked, starting only what the guard allows, each bought once', async () => {
    // Let the scenario's automatic purchase of smartvps-4gb (ORD-1007) finish first.
    backend.advance(MINUTE_MS);
    const response = await bulk({
      orderIds: ['ORD-1001', 'ORD-1004', 'ORD-1006', 'ORD-1010', 'ORD-404', 'ORD-1005', 'ORD-1012'],
      reason: 'SmartVPS is back',
    });
    expect(response.status).toBe(200);
    const { results } = BulkProvisionResponseSchema.parse(await response.json());
    expect(results).toEqual([
      { orderId: 'ORD-1001', code: 'PROVISIONING_STARTED', message: 'Provisioning started', retryAfterSeconds: null },
      {
        orderId: 'ORD-1004',
        code: 'ALREADY_PROVISIONED',
        message: 'Order already provisioned',
        retryAfterSeconds: null,
      },
      {
        orderId: 'ORD-1006',
        code: 'PROVISIONING_IN_PROGRESS',
        message: 'Order is currently being provisioned. Please wait...',
        retryAfterSeconds: 360,
      },
      { orderId: 'ORD-1010', code: 'NOT_ELIGIBLE', message: 'Order is cancelled', retryAfterSeconds: null },
      { orderId: 'ORD-404', code: 'ORDER_NOT_FOUND', message: 'Order ORD-404 not found', retryAfterSeconds: null },
      { orderId: 'ORD-1005', code: 'PROVISIONING_STARTED', message: 'Provisioning started', retryAfterSeconds: null },
      { orderId: 'ORD-1012', code: 'PROVISIONING_STARTED', message: 'Provisioning started', retryAfterSeconds: null },
    ]);

    // ORD-1005 and ORD-1012 share hostycare-cloud-m: the second queues behind the first.
    expect((await detail('ORD-1005')).order.activeRun?.step).toBe('createService');
    expect((await detail('ORD-1012')).order.activeRun?.step).toBe('waitingForPackage');

    backend.advance(10 * MINUTE_MS);
    const asked = new Set(['ORD-1001', 'ORD-1004', 'ORD-1006', 'ORD-1010', 'ORD-1005', 'ORD-1012']);
    const purchases = backend
      .upstreamCalls()
      .filter((call) => call.operation !== 'statusCheck' && asked.has(call.orderId));
    expect(purchases.map((call) => call.orderId).toSorted()).toEqual(['ORD-1001', 'ORD-1005', 'ORD-1012']);
    for (const orderId of ['ORD-1001', 'ORD-1005', 'ORD-1012'])
      expect((await detail(orderId)).order.status).toBe('active');

    const trail = await detail('ORD-1005');
    expect(trail.audit).toMatchObject([
      {
        actor: 'admin@reseller.test',
        action: 'retry',
        bulk: true,
        reason: 'SmartVPS is back',
        result: 'PROVISIONING_STARTED',
      },
    ]);
    expect(trail.attempts[0]).toMatchObject({ trigger: 'manual', reason: 'SmartVPS is back' });
    expect((await detail('ORD-1010')).audit).toMatchObject([{ bulk: true, result: 'NOT_ELIGIBLE' }]);
  });

  test.each([
    ['a repeated id', { orderIds: ['ORD-1001', 'ORD-1005', 'ORD-1001'] }],
    ['an empty list', { orderIds: [] }],
    [
      `more than ${BULK_RETRY_MAX} ids`,
      { orderIds: Array.from({ length: BULK_RETRY_MAX + 1 }, (_, index) => `ORD-${2000 + index}`) },
    ],
    ['no list', { reason: 'why not' }],
    ['an empty id', { orderIds: ['ORD-1001', ''] }],
    ['a reason too long', { orderIds: ['ORD-1001'], reason: 'x'.repeat(REASON_MAX_LENGTH + 1) }],
  ])('answers 400 for %s, changing nothing', async (_name, body) => {
    const before = await everything();
    expect(await errorOf(await bulk(body))).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    expect(await everything()).toEqual(before);
  });

  test(`${BULK_RETRY_MAX} ids are allowed`, async () => {
    const orderIds = ['ORD-1001', ...Array.from({ length: BULK_RETRY_MAX - 1 }, (_, index) => `ORD-${3000 + index}`)];
    const { results } = BulkProvisionResponseSchema.parse(await (await bulk({ orderIds })).json());
    expect(results).toHaveLength(BULK_RETRY_MAX);
  });
});

describe('POST /api/orders/resolve', () => {
  const resolve = (body: unknown) => api('POST', '/api/orders/resolve', { body });

  test('200 MARKED_RESOLVED with the resolution; the order leaves Needs attention', async () => {
    const before = await listOrders('?view=attention');
    expect(before.orders.map((order) => order._id)).toContain('ORD-1002');

    const response = await resolve({ orderId: 'ORD-1002', reason: '  Built by hand in the SmartVPS panel  ' });
    expect(response.status).toBe(200);
    const resolution = {
      by: 'admin@reseller.test',
      at: '2026-11-24T12:00:00.000Z',
      reason: 'Built by hand in the SmartVPS panel',
    };
    expect(ResolveResponseSchema.parse(await response.json())).toMatchObject({
      code: 'MARKED_RESOLVED',
      message: 'Order marked resolved',
      order: { resolution },
    });

    const after = await listOrders('?view=attention');
    expect(after.orders.map((order) => order._id)).not.toContain('ORD-1002');
    expect(after.attentionCount).toBe(before.attentionCount - 1);
    expect((await detail('ORD-1002')).audit).toMatchObject([
      { action: 'markResolved', reason: resolution.reason, result: 'MARKED_RESOLVED' },
    ]);
    expect(await errorOf(await api('POST', '/api/orders/provision', { body: { orderId: 'ORD-1002' } }))).toEqual({
      status: 409,
      code: 'NOT_ELIGIBLE',
    });
  });

  test.each([
    ['no reason', { orderId: 'ORD-1002' }],
    ['an empty reason', { orderId: 'ORD-1002', reason: '' }],
    ['a blank reason', { orderId: 'ORD-1002', reason: '   ' }],
    ['a reason too long', { orderId: 'ORD-1002', reason: 'x'.repeat(REASON_MAX_LENGTH + 1) }],
    ['no order id', { reason: 'Built by hand' }],
  ])('answers 400 for %s, changing nothing', async (_name, body) => {
    const before = await everything();
    expect(await errorOf(await resolve(body))).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    expect(await everything()).toEqual(before);
  });

  test.each([
    ['provisioned', 'ORD-1004', 'NOT_ELIGIBLE'],
    ['inside the 10-minute window', 'ORD-1006', 'PROVISIONING_IN_PROGRESS'],
    ['with a live run', 'ORD-1007', 'PROVISIONING_IN_PROGRESS'],
    ['unpaid', 'ORD-1009', 'NOT_ELIGIBLE'],
    ['cancelled', 'ORD-1010', 'NOT_ELIGIBLE'],
  ])('answers 409 for an order %s', async (_name, orderId, code) => {
    const before = await listOrders();
    expect(await errorOf(await resolve({ orderId, reason: 'Built by hand' }))).toEqual({ status: 409, code });
    expect(await listOrders()).toEqual(before);
    expect((await detail(orderId)).audit).toMatchObject([{ action: 'markResolved', result: code }]);
  });

  test('answers 409 for an order already resolved', async () => {
    expect((await resolve({ orderId: 'ORD-1002', reason: 'Built by hand' })).status).toBe(200);
    expect(await errorOf(await resolve({ orderId: 'ORD-1002', reason: 'Again' }))).toEqual({
      status: 409,
      code: 'NOT_ELIGIBLE',
    });
  });

  test('answers 404 for an unknown order', async () => {
    expect(await errorOf(await resolve({ orderId: 'ORD-404', reason: 'Built by hand' }))).toEqual({
      status: 404,
      code: 'ORDER_NOT_FOUND',
    });
  });
});

describe('POST /api/orders/provision with a reason', () => {
  test('the attempt and the audit entry carry it, trimmed', async () => {
    const response = await api('POST', '/api/orders/provision', {
      body: { orderId: 'ORD-1002', reason: ' Customer chased twice ' },
    });
    expect(response.status).toBe(202);
    const { attempts, audit } = await detail('ORD-1002');
    expect(attempts).toMatchObject([
      { trigger: 'manual', triggeredBy: 'admin@reseller.test', reason: 'Customer chased twice' },
    ]);
    expect(audit).toMatchObject([
      {
        actor: 'admin@reseller.test',
        action: 'retry',
        bulk: false,
        reason: 'Customer chased twice',
        result: 'PROVISIONING_STARTED',
      },
    ]);
  });

  test(`a reason of ${REASON_MAX_LENGTH} characters is accepted, one more is a 400 that changes nothing`, async () => {
    const before = await everything();
    const tooLong = await api('POST', '/api/orders/provision', {
      body: { orderId: 'ORD-1002', reason: 'x'.repeat(REASON_MAX_LENGTH + 1) },
    });
    expect(await errorOf(tooLong)).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    expect(await everything()).toEqual(before);
    expect(
      (
        await api('POST', '/api/orders/provision', {
          body: { orderId: 'ORD-1002', reason: 'x'.repeat(REASON_MAX_LENGTH) },
        })
      ).status,
    ).toBe(202);
  });
});

describe('GET /api/orders?view=attention', () => {
  test('the failed, stuck and never provisioned orders of the default scenario, longest wait first', async () => {
    const page = await listOrders('?view=attention');
    expect(page.orders.map((order) => order._id)).toEqual([
      'ORD-1011',
      'ORD-1005',
      'ORD-1002',
      'ORD-1001',
      'ORD-1003',
      'ORD-1012',
    ]);
    expect(page).toMatchObject({ total: 6, attentionCount: 6 });
    expect((await listOrders('?status=active')).attentionCount).toBe(6);
  });

  test('answers 400 for an unknown view', async () => {
    expect(await errorOf(await api('GET', '/api/orders?view=everything'))).toEqual({
      status: 400,
      code: 'INVALID_REQUEST',
    });
  });
});
