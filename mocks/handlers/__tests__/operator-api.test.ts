import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ApiErrorBodySchema } from '@/contract/errors';
import {
  MockResetResponseSchema,
  MockSessionResponseSchema,
  RequestLogResponseSchema,
  UpstreamCallsResponseSchema,
} from '@/contract/mock-control';
import { REASON_MAX_LENGTH } from '@/contract/order';
import { OrderDetailResponseSchema, OrderListResponseSchema } from '@/contract/orders-api';
import { BULK_RETRY_MAX, BulkProvisionResponseSchema, ResolveResponseSchema } from '@/contract/provision-api';
import { SessionResponseSchema, SignInResponseSchema } from '@/contract/session-api';
import { createMockServer } from '../../node';

const { server, backend } = createMockServer();
const ORIGIN = 'http://console.test';
const MINUTE = 60_000;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  backend.reset();
});
afterAll(() => server.close());

/**
 * A request to the API. `as`: the backend's current session unless given; a token string to send
 * that one; null to send none.
 */
function api(method: string, path: string, { body, as }: { body?: unknown; as?: string | null } = {}) {
  const token = as === undefined ? backend.sessionToken() : as;
  return fetch(`${ORIGIN}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function errorOf(response: Response) {
  return { status: response.status, code: ApiErrorBodySchema.parse(await response.json()).code };
}

async function listOrders(query = '') {
  return OrderListResponseSchema.parse(await (await api('GET', `/api/orders${query}`)).json());
}

async function detail(orderId: string, as?: string | null) {
  return OrderDetailResponseSchema.parse(await (await api('GET', `/api/orders/${orderId}`, { as })).json());
}

/** Every route of the console's API, with a request that would succeed for an admin. */
const routes: [method: string, path: string, body?: unknown][] = [
  ['GET', '/api/orders'],
  ['GET', '/api/orders?view=attention'],
  ['GET', '/api/orders/ORD-1001'],
  ['POST', '/api/orders/provision', { orderId: 'ORD-1001' }],
  ['POST', '/api/orders/provision/bulk', { orderIds: ['ORD-1001', 'ORD-1005'] }],
  ['POST', '/api/orders/resolve', { orderId: 'ORD-1002', reason: 'Built by hand' }],
  ['GET', '/api/session'],
  ['DELETE', '/api/session'],
];
const changes = routes.filter(([method]) => method === 'POST');
const reads = routes.filter(([method, path]) => method === 'GET' || path === '/api/session');

/** Everything a refused request must leave as it was. */
async function everything() {
  const list = await listOrders();
  const details = await Promise.all(['ORD-1001', 'ORD-1002', 'ORD-1005'].map((id) => detail(id)));
  return { list, details, calls: backend.upstreamCalls() };
}

describe('who may call the API', () => {
  test.each(routes)('%s %s answers 401 UNAUTHENTICATED without a token', async (method, path, body) => {
    expect(await errorOf(await api(method, path, { body, as: null }))).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  test.each(routes)('%s %s answers 401 UNAUTHENTICATED for a token nobody issued', async (method, path, body) => {
    expect(await errorOf(await api(method, path, { body, as: 'not-a-session' }))).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  test.each(routes)('%s %s answers 401 SESSION_EXPIRED in the session-expired scenario', async (method, path, body) => {
    backend.reset('session-expired');
    expect(backend.sessionToken()).not.toBeNull();
    expect(await errorOf(await api(method, path, { body }))).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
  });

  test('a malformed Authorization header is no session', async () => {
    const response = await fetch(`${ORIGIN}/api/orders`, {
      headers: { authorization: `Token ${backend.sessionToken() ?? ''}` },
    });
    expect(await errorOf(response)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  test.each(reads)('%s %s works for a support agent', async (method, path, body) => {
    backend.signInAs('support');
    expect((await api(method, path, { body })).status).toBe(200);
  });

  test.each(changes)(
    '%s %s answers 403 FORBIDDEN for a support agent and changes nothing',
    async (method, path, body) => {
      backend.signInAs('support');
      const before = await everything();
      expect(await errorOf(await api(method, path, { body }))).toEqual({ status: 403, code: 'FORBIDDEN' });
      backend.advance(10 * MINUTE);
      backend.signInAs('admin');
      const after = await everything();
      // The clock moved for both: compare against a backend that was left alone for the same time.
      backend.reset();
      backend.advance(10 * MINUTE);
      expect(after).toEqual(await everything());
      expect(before.details.flatMap((found) => found.audit)).toEqual([]);
    },
  );

  test('a support agent sees the timeline of an order but not its root password', async () => {
    expect((await api('POST', '/api/orders/provision', { body: { orderId: 'ORD-1001' } })).status).toBe(202);
    backend.advance(5 * MINUTE);
    const forAdmin = await detail('ORD-1001');
    expect(forAdmin.order.provisioningStatus).toBe('active');
    // A fresh server's password: 16 characters from the mock's unambiguous alphabet.
    expect(forAdmin.credentials).toEqual({
      username: 'root',
      password: expect.stringMatching(/^[A-HJ-NP-Za-km-z2-9]{16}$/),
    });

    backend.signInAs('support');
    const forSupport = await detail('ORD-1001');
    expect(forSupport).toEqual({ ...forAdmin, credentials: null });
  });

  test('credentials are null before an order succeeds, even for an admin', async () => {
    expect((await detail('ORD-1001')).credentials).toBeNull();
    await api('POST', '/api/orders/provision', { body: { orderId: 'ORD-1001' } });
    expect((await detail('ORD-1001')).credentials).toBeNull();
  });
});

describe('/api/session', () => {
  const signIn = (body: unknown) => api('POST', '/api/session', { body, as: null });

  test.each([
    ['admin@reseller.test', 'admin-demo', { email: 'admin@reseller.test', name: 'Ada Admin', role: 'admin' }],
    ['support@reseller.test', 'support-demo', { email: 'support@reseller.test', name: 'Sol Support', role: 'support' }],
    ['  Admin@Reseller.TEST ', 'admin-demo', { email: 'admin@reseller.test', name: 'Ada Admin', role: 'admin' }],
  ])('signs in %s with the right password: a token that GET /api/session recognises', async (email, password, user) => {
    const response = await signIn({ email, password });
    expect(response.status).toBe(200);
    const session = SignInResponseSchema.parse(await response.json());
    expect(session.user).toEqual(user);
    expect(SessionResponseSchema.parse(await (await api('GET', '/api/session', { as: session.token })).json())).toEqual(
      { user },
    );
  });

  test('a wrong password and an unknown email get the same answer', async () => {
    const wrongPassword = await signIn({ email: 'admin@reseller.test', password: 'support-demo' });
    const unknownEmail = await signIn({ email: 'nobody@reseller.test', password: 'admin-demo' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const bodies = [await wrongPassword.json(), await unknownEmail.json()];
    expect(bodies[0]).toMatchObject({ success: false, code: 'INVALID_CREDENTIALS' });
    expect(bodies[1]).toEqual(bodies[0]);
  });

  test.each([
    ['no password', { email: 'admin@reseller.test' }],
    ['an empty email', { email: '   ', password: 'admin-demo' }],
    ['an extra key', { email: 'admin@reseller.test', password: 'admin-demo', role: 'admin' }],
    ['a number for a password', { email: 'admin@reseller.test', password: 1234 }],
    ['an array', ['admin@reseller.test', 'admin-demo']],
  ])('answers 400 INVALID_REQUEST for %s', async (_name, body) => {
    expect(await errorOf(await signIn(body))).toEqual({ status: 400, code: 'INVALID_REQUEST' });
  });

  test('answers 400 for a body that is not JSON', async () => {
    const response = await fetch(`${ORIGIN}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(await errorOf(response)).toEqual({ status: 400, code: 'INVALID_REQUEST' });
  });

  test('GET returns the user of the current session', async () => {
    expect(SessionResponseSchema.parse(await (await api('GET', '/api/session')).json()).user).toMatchObject({
      role: 'admin',
    });
  });

  test('DELETE signs that token out, and only that one', async () => {
    const other = SignInResponseSchema.parse(
      await (await signIn({ email: 'sam@reseller.test', password: 'sam-demo' })).json(),
    );
    expect(await (await api('DELETE', '/api/session')).json()).toEqual({ success: true });
    expect(await errorOf(await api('GET', '/api/session'))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await errorOf(await api('GET', '/api/orders'))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await api('GET', '/api/orders', { as: other.token })).status).toBe(200);
  });

  test('signing in again after the session expired works', async () => {
    backend.reset('session-expired');
    const session = SignInResponseSchema.parse(
      await (await signIn({ email: 'admin@reseller.test', password: 'admin-demo' })).json(),
    );
    expect((await api('GET', '/api/orders', { as: session.token })).status).toBe(200);
  });
});

describe('POST /api/orders/provision/bulk', () => {
  const bulk = (body: unknown) => api('POST', '/api/orders/provision/bulk', { body });

  test('answers every id in the order asked, starting only what the guard allows, each bought once', async () => {
    // Let the scenario's automatic purchase of smartvps-4gb (ORD-1007) finish first.
    backend.advance(MINUTE);
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

    backend.advance(10 * MINUTE);
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

describe('the mock control API switches who is signed in', () => {
  const control = (path: string, body: unknown) =>
    fetch(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  test('POST /__mock/session replaces the sessions with one of the kind asked for', async () => {
    const admin = backend.sessionToken();
    const { sessionToken } = MockSessionResponseSchema.parse(
      await (await control('/__mock/session', { as: 'support' })).json(),
    );
    expect(
      SessionResponseSchema.parse(await (await api('GET', '/api/session', { as: sessionToken })).json()).user.role,
    ).toBe('support');
    expect(await errorOf(await api('GET', '/api/session', { as: admin }))).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });

    const expired = MockSessionResponseSchema.parse(await (await control('/__mock/session', { as: 'expired' })).json());
    expect(await errorOf(await api('GET', '/api/orders', { as: expired.sessionToken }))).toEqual({
      status: 401,
      code: 'SESSION_EXPIRED',
    });

    expect(await (await control('/__mock/session', { as: 'signedOut' })).json()).toEqual({ sessionToken: null });
    expect(await errorOf(await api('GET', '/api/orders', { as: expired.sessionToken }))).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  test('POST /__mock/session refuses an unknown kind', async () => {
    expect(await errorOf(await control('/__mock/session', { as: 'root' }))).toEqual({
      status: 400,
      code: 'INVALID_REQUEST',
    });
  });

  test.each([
    [{ scenario: 'default', as: 'support' }, 'support'],
    [{ scenario: 'support-agent' }, 'support'],
    [{ scenario: 'support-agent', as: 'admin' }, 'admin'],
    [{ scenario: 'default' }, 'admin'],
  ] as const)('POST /__mock/reset %j starts signed in as %s', async (body, role) => {
    const reset = MockResetResponseSchema.parse(await (await control('/__mock/reset', body)).json());
    expect(
      SessionResponseSchema.parse(await (await api('GET', '/api/session', { as: reset.sessionToken })).json()).user
        .role,
    ).toBe(role);
  });

  test('POST /__mock/reset into signed-out starts with no session', async () => {
    expect(
      MockResetResponseSchema.parse(await (await control('/__mock/reset', { scenario: 'signed-out' })).json())
        .sessionToken,
    ).toBeNull();
  });
});

describe('root passwords stay out of lists and journals', () => {
  test('a password served in the detail appears in no list, request journal or upstream-call journal', async () => {
    await api('POST', '/api/orders/provision', { body: { orderId: 'ORD-1001' } });
    backend.advance(5 * MINUTE);
    const { credentials } = await detail('ORD-1001');
    const passwords = [credentials?.password, (await detail('ORD-1004')).credentials?.password];
    expect(passwords).toEqual([expect.stringMatching(/.{8,}/), 'seeded-ord-1004']);

    const texts = [
      await (await api('GET', '/api/orders')).text(),
      await (await api('GET', '/api/orders?view=attention')).text(),
      await (await api('GET', '/api/orders?q=ORD-1001')).text(),
      await (await fetch(`${ORIGIN}/__mock/requests`)).text(),
      await (await fetch(`${ORIGIN}/__mock/upstream-calls`)).text(),
      await (await fetch(`${ORIGIN}/__mock/state`)).text(),
    ];
    RequestLogResponseSchema.parse(JSON.parse(texts[3] ?? ''));
    UpstreamCallsResponseSchema.parse(JSON.parse(texts[4] ?? ''));
    for (const text of texts) {
      for (const password of passwords) expect(text).not.toContain(password);
    }
  });

  test('search does not match on a root password', async () => {
    expect((await listOrders('?q=seeded-ord-1004')).total).toBe(0);
  });
});
