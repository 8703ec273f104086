import { http, HttpResponse } from 'msw';
import { OrderFiltersSchema } from '@/contract/orders-api';
import { ORDER_ID_MAX_LENGTH } from '@/contract/provision-api';
import type { MockBackend } from '../backend';
import { apiRoute, errorResponse } from './http-helpers';

/** `GET /api/orders` and `GET /api/orders/:id`. */
export function orderHandlers(backend: MockBackend) {
  return [
    http.get(
      '*/api/orders',
      apiRoute(backend, 'listOrders', (request) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        const filters = OrderFiltersSchema.safeParse(query);
        if (!filters.success) return errorResponse(400, 'INVALID_REQUEST', `Invalid filter: ${filters.error.issues[0]?.path.join('.') ?? 'query'}`);
        return backend.transact((engine) => {
          const orders = engine.listOrders(filters.data);
          return HttpResponse.json({ orders, total: orders.length, serverTime: new Date(engine.now).toISOString() });
        });
      }),
    ),
    http.get(
      '*/api/orders/:orderId',
      apiRoute(backend, 'getOrder', (_request, params) => {
        const orderId = String(params.orderId);
        if (orderId.length > ORDER_ID_MAX_LENGTH) return errorResponse(400, 'INVALID_REQUEST', 'Order id is too long');
        return backend.transact((engine) => {
          const found = engine.getOrder(orderId);
          if (!found) return errorResponse(404, 'ORDER_NOT_FOUND', `Order ${orderId} not found`);
          return HttpResponse.json({ ...found, serverTime: new Date(engine.now).toISOString() });
        });
      }),
    ),
  ];
}
