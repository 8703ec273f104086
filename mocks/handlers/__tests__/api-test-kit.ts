import { afterAll, afterEach, beforeAll } from 'vitest';
import { ApiErrorBodySchema } from '@/contract/errors';
import { OrderDetailResponseSchema, OrderListResponseSchema } from '@/contract/orders-api';
import { createMockServer } from '../../node';

export const ORIGIN = 'http://console.test';

/** Every route of the console's API, with a request that would succeed for an admin. */
export const routes: [method: string, path: string, body?: unknown][] = [
  ['GET', '/api/orders'],
  ['GET', '/api/orders?view=attention'],
  ['GET', '/api/orders/ORD-1001'],
  ['POST', '/api/orders/provision', { orderId: 'ORD-1001' }],
  ['POST', '/api/orders/provision/bulk', { orderIds: ['ORD-1001', 'ORD-1005'] }],
  ['POST', '/api/orders/resolve', { orderId: 'ORD-1002', reason: 'Built by hand' }],
  ['GET', '/api/session'],
  ['DELETE', '/api/session'],
];
export const changes = routes.filter(([method]) => method === 'POST');
export const reads = routes.filter(([method, path]) => method === 'GET' || path === '/api/session');

/**
 * The mock backend over msw/node for a test file, reset to the default scenario after each test,
 * and the requests the API tests send it.
 */
export function mockApi() {
  const { server, backend } = createMockServer();
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

  /** Everything a refused request must leave as it was. */
  async function everything() {
    const list = await listOrders();
    const details = await Promise.all(['ORD-1001', 'ORD-1002', 'ORD-1005'].map((id) => detail(id)));
    return { list, details, calls: backend.upstreamCalls() };
  }

  return { backend, api, errorOf, listOrders, detail, everything };
}
