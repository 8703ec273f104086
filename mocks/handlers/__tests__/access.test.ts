import { describe, expect, test } from 'vitest';
import {
  MockResetResponseSchema,
  MockSessionResponseSchema,
  RequestLogResponseSchema,
  UpstreamCallsResponseSchema,
} from '@/contract/mock-control';
import { SessionResponseSchema, SignInResponseSchema } from '@/contract/session-api';
import { ORIGIN, mockApi, routes, changes, reads } from './api-test-kit';
import { MINUTE_MS } from '@/lib/time';

const { backend, api, errorOf, listOrders, detail, everything } = mockApi();

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
      backend.advance(10 * MINUTE_MS);
      backend.signInAs('admin');
      const after = await everything();
      // The clock moved for both: compare against a backend that was left alone for the same time.
      backend.reset();
      backend.advance(10 * MINUTE_MS);
      expect(after).toEqual(await everything());
      expect(before.details.flatMap((found) => found.audit)).toEqual([]);
    },
  );

  test('a support agent sees the timeline of an order but not its root password', async () => {
    expect((await api('POST', '/api/orders/provision', { body: { orderId: 'ORD-1001' } })).status).toBe(202);
    backend.advance(5 * MINUTE_MS);
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
    backend.advance(5 * MINUTE_MS);
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
