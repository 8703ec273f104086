import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { OrderDetailResponseSchema, OrderListResponseSchema } from '@/contract/orders-api';
import { ProvisionResponseSchema } from '@/contract/provision-api';
import { ApiErrorBodySchema } from '@/contract/errors';
import { createMockServer } from '../../node';

const { server, backend } = createMockServer();
const ORIGIN = 'http://console.test';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  backend.reset();
});
afterAll(() => server.close());

/** A request of the signed-in admin (every test starts signed in, as the scenarios do). */
function api(path: string, init: RequestInit = {}) {
  return fetch(`${ORIGIN}${path}`, { ...init, headers: { ...backend.authorization(), ...init.headers } });
}

function provision(body: unknown, init: { contentType?: string; raw?: string } = {}) {
  return api('/api/orders/provision', {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json' },
    body: init.raw ?? JSON.stringify(body),
  });
}

async function listOrders() {
  return OrderListResponseSchema.parse(await (await api(`/api/orders`)).json());
}

describe('POST /api/orders/provision answers', () => {
  test('202 PROVISIONING_STARTED for a fresh order, with the order now provisioning', async () => {
    const response = await provision({ orderId: 'ORD-1001' });
    expect(response.status).toBe(202);
    expect(ProvisionResponseSchema.parse(await response.json())).toMatchObject({
      success: true,
      code: 'PROVISIONING_STARTED',
      order: { _id: 'ORD-1001', provisioningStatus: 'provisioning', activeRun: { trigger: 'manual' } },
    });
  });

  test('200 ALREADY_PROVISIONED for an active order with an IP', async () => {
    const response = await provision({ orderId: 'ORD-1004' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      success: true,
      code: 'ALREADY_PROVISIONED',
      message: 'Order already provisioned',
    });
  });

  test('409 PROVISIONING_IN_PROGRESS with the seconds until a retry is allowed', async () => {
    const response = await provision({ orderId: 'ORD-1006' });
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('420');
    expect(await response.json()).toEqual({
      success: false,
      code: 'PROVISIONING_IN_PROGRESS',
      message: 'Order is currently being provisioned. Please wait...',
      retryAfterSeconds: 420,
    });
  });

  test('the same order is allowed once its last attempt is 10 minutes old (stuck)', async () => {
    backend.advance(7 * 60_000);
    expect((await provision({ orderId: 'ORD-1006' })).status).toBe(202);
  });

  test.each([
    ['ORD-1009', 'Order is not paid yet'],
    ['ORD-1010', 'Order is cancelled'],
  ])('409 NOT_ELIGIBLE for %s', async (orderId, message) => {
    const response = await provision({ orderId });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ success: false, code: 'NOT_ELIGIBLE', message });
  });

  test('404 ORDER_NOT_FOUND for an unknown order', async () => {
    const response = await provision({ orderId: 'ORD-404' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      success: false,
      code: 'ORDER_NOT_FOUND',
      message: 'Order ORD-404 not found',
    });
  });

  test.each([
    ['malformed JSON', undefined, { raw: '{"orderId": ' }],
    ['missing orderId', {}, {}],
    ['non-string orderId', { orderId: 1001 }, {}],
    ['empty orderId', { orderId: '' }, {}],
    ['extra junk', { orderId: 'ORD-1001', force: true }, {}],
    ['prototype-pollution key', undefined, { raw: '{"orderId":"ORD-1001","__proto__":{"admin":true}}' }],
    ['an array', ['ORD-1001'], {}],
    ['wrong content type', undefined, { raw: 'orderId=ORD-1001', contentType: 'application/x-www-form-urlencoded' }],
    ['an oversized body', { orderId: 'x'.repeat(20_000) }, {}],
  ])('400 INVALID_REQUEST for %s, changing nothing', async (_name, body, init) => {
    const before = await listOrders();
    const response = await provision(body, init);
    expect(response.status).toBe(400);
    expect(ApiErrorBodySchema.parse(await response.json())).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(await listOrders()).toEqual(before);
    expect(backend.upstreamCalls()).toEqual([]);
  });

  test.each([
    ['missing orderId', {}, 'Invalid request: orderId: Invalid input: expected string, received undefined'],
    [
      'an id too long',
      { orderId: 'x'.repeat(65) },
      'Invalid request: orderId: Too big: expected string to have <=64 characters',
    ],
    ['an unknown key', { orderId: 'ORD-1001', force: true }, 'Invalid request: Unrecognized key: "force"'],
  ])('says in words what is wrong with %s', async (_name, body, message) => {
    const response = await provision(body);
    expect(await response.json()).toEqual({ success: false, code: 'INVALID_REQUEST', message });
  });

  test('refused answers change no data', async () => {
    const before = await listOrders();
    for (const orderId of ['ORD-1004', 'ORD-1006', 'ORD-1009', 'ORD-1010', 'ORD-404']) await provision({ orderId });
    expect(await listOrders()).toEqual(before);
  });
});

describe('a retry of a stuck SmartVPS order', () => {
  test('resumes at the status check and never buys a second VPS', async () => {
    expect((await provision({ orderId: 'ORD-1003' })).status).toBe(202);
    backend.advance(5 * 60_000);
    const detail = OrderDetailResponseSchema.parse(await (await api(`/api/orders/ORD-1003`)).json());
    expect(detail.order).toMatchObject({
      status: 'active',
      provisioningStatus: 'active',
      ipAddress: '103.177.52.18',
      upstreamId: 'svps-70412',
    });
    expect(detail.attempts).toMatchObject([{ trigger: 'manual', step: 'statusCheck', outcome: 'succeeded' }]);
    expect(
      backend
        .upstreamCalls()
        .filter((call) => call.orderId === 'ORD-1003')
        .map((call) => call.operation),
    ).toEqual(['statusCheck']);
  });

  test('two requests at once start exactly one run', async () => {
    const responses = await Promise.all([provision({ orderId: 'ORD-1002' }), provision({ orderId: 'ORD-1002' })]);
    expect(responses.map((response) => response.status).toSorted()).toEqual([202, 409]);
  });
});

describe('GET /api/orders', () => {
  test('filters on the server by status, provider, provisioning status and search', async () => {
    const get = async (query: string) =>
      OrderListResponseSchema.parse(await (await api(`/api/orders?${query}`)).json()).orders.map((order) => order._id);
    expect(await get('provider=hostycare&provisioning=failed')).toEqual(['ORD-1005']);
    expect(await get('q=103.177.114.195')).toEqual(['ORD-1004']);
    expect(await get('q=mei%20lin')).toEqual(['ORD-1003']);
    expect(await get('provisioning=none&status=confirmed')).toEqual(['ORD-1001']);
  });

  test('pages with a cursor: every order once, in order, with the total on each page', async () => {
    const all = await listOrders();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=10&cursor=${cursor}` : 'limit=10';
      const page = OrderListResponseSchema.parse(await (await api(`/api/orders?${query}`)).json());
      expect(page.total).toBe(all.orders.length);
      expect(page.orders.length).toBeLessThanOrEqual(10);
      seen.push(...page.orders.map((order) => order._id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.orders.map((order) => order._id));
  });

  test('pages of a filtered list hold only matches', async () => {
    const page = OrderListResponseSchema.parse(await (await api(`/api/orders?status=active&limit=5`)).json());
    expect(page.orders.every((order) => order.status === 'active')).toBe(true);
    expect(page.nextCursor).toBe(page.orders.at(-1)?._id);
  });

  test.each([
    ['limit=0', 'INVALID_REQUEST'],
    ['limit=501', 'INVALID_REQUEST'],
    ['limit=ten', 'INVALID_REQUEST'],
    ['cursor=ORD-404', 'INVALID_CURSOR'],
  ])('answers 400 for %s', async (query, code) => {
    const response = await api(`/api/orders?${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ success: false, code });
  });

  test('answers 400 for an unknown filter value', async () => {
    const response = await api(`/api/orders?status=shipped`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  test('serves the backend clock as serverTime', async () => {
    backend.advance(12 * 60_000);
    expect((await listOrders()).serverTime).toBe('2026-11-24T12:12:00.000Z');
  });
});
