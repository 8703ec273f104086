import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer } from '../../node';

const { server, backend, contractBreaches } = createMockServer();
const ORIGIN = 'http://console.test';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  backend.reset();
});
afterAll(() => server.close());

const get = (path: string) => fetch(`${ORIGIN}${path}`, { headers: backend.authorization() });

describe('the Node test backend checks every answer against the published contract', () => {
  test('passes answers the document allows, errors included', async () => {
    await get('/api/orders?limit=2');
    await get('/api/orders/ORD-1001');
    await get('/api/orders/ORD-0000');
    await fetch(`${ORIGIN}/api/session`);
    await fetch(`${ORIGIN}/api/nope`);
    expect(await contractBreaches()).toEqual([]);
  });

  test('reports a body that breaks its schema', async () => {
    server.use(http.get('*/api/orders', () => HttpResponse.json({ orders: 'none', total: -1 })));
    await get('/api/orders');
    const [breach] = await contractBreaches();
    expect(breach).toContain('GET /api/orders answered 200 with a body the document does not allow');
    expect(breach).toContain('/orders must be array');
  });

  test('reports a status the operation does not declare', async () => {
    server.use(http.get('*/__mock/state', () => HttpResponse.json({}, { status: 418 })));
    await get('/__mock/state');
    expect(await contractBreaches()).toEqual([
      'GET /__mock/state answered 418, a status GET /__mock/state does not declare',
    ]);
  });

  test('reports a body that is not JSON', async () => {
    server.use(http.get('*/api/orders/:orderId', () => new HttpResponse('<html>', { status: 404 })));
    await get('/api/orders/ORD-1001');
    expect(await contractBreaches()).toEqual([
      'GET /api/orders/ORD-1001 answered 404 with a body that is not JSON: <html>',
    ]);
  });

  test('reports an answer to an unknown path that is not the 404', async () => {
    server.use(http.get('*/api/nope', () => HttpResponse.json({ ok: true })));
    await get('/api/nope');
    expect(await contractBreaches()).toEqual([
      'GET /api/nope answered 200: no operation has this path and method, so it must be a 404',
    ]);
  });

  test('skips what a fault answered, which breaks the contract on purpose', async () => {
    backend.injectFault('listOrders', { kind: 'contractViolation' });
    backend.injectFault('getOrder', { kind: 'malformedJson' });
    backend.injectFault('getSession', { kind: 'status', status: 401, code: 'FORBIDDEN', message: 'Odd' });
    await get('/api/orders');
    await get('/api/orders/ORD-1001');
    await get('/api/session');
    expect(await contractBreaches()).toEqual([]);
  });
});
