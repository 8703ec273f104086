import { http } from 'msw';
import { orderNotFoundMessage, OrdersQuerySchema } from '@/contract/orders-api';
import { ORDER_ID_MAX_LENGTH } from '@/contract/provision-api';
import type { MockBackend } from '../backend/mock-backend';
import { apiRoute, errorResponse, jsonResponse } from './http-helpers';

/** `GET /api/orders` and `GET /api/orders/:id`, for any signed-in user. */
export function orderHandlers(backend: MockBackend) {
  return [
    http.get(
      '*/api/orders',
      apiRoute(backend, 'listOrders', 'signedIn', ({ request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        const parsed = OrdersQuerySchema.safeParse(query);
        if (!parsed.success)
          return errorResponse(
            400,
            'INVALID_REQUEST',
            `Invalid query parameter: ${parsed.error.issues[0]?.path.join('.') ?? 'query'}`,
          );
        return backend.read(({ simulator, orderList }) => {
          const page = orderList.list(parsed.data);
          if (!page)
            return errorResponse(
              400,
              'INVALID_CURSOR',
              'The cursor does not name an order; start again from the first page',
            );
          return jsonResponse({ ...page, serverTime: new Date(simulator.now).toISOString() });
        });
      }),
    ),
    http.get(
      '*/api/orders/:orderId',
      apiRoute(backend, 'getOrder', 'signedIn', ({ params, user }) => {
        const orderId = String(params.orderId);
        if (orderId.length > ORDER_ID_MAX_LENGTH) return errorResponse(400, 'INVALID_REQUEST', 'Order id is too long');
        return backend.read(({ simulator }) => {
          const found = simulator.getOrder(orderId);
          if (!found) return errorResponse(404, 'ORDER_NOT_FOUND', orderNotFoundMessage(orderId));
          // Root passwords go to admins only; support agents see that there are some.
          const credentials = user.role === 'admin' ? found.credentials : null;
          return jsonResponse({ ...found, credentials, serverTime: new Date(simulator.now).toISOString() });
        });
      }),
    ),
  ];
}
