import { http, HttpResponse } from 'msw';
import { provisionMessages, ProvisionRequestSchema } from '@/contract/provision-api';
import type { MockBackend } from '../backend';
import { apiRoute, errorResponse, parseJsonBody } from './http-helpers';

/** The admin the mock signs in as until sessions exist. */
export const MOCK_ADMIN = 'admin@reseller.test';

/** `POST /api/orders/provision`: the guard answers, or a run starts and the answer comes at once. */
export function provisioningHandlers(backend: MockBackend) {
  return [
    http.post(
      '*/api/orders/provision',
      apiRoute(backend, 'provision', async (request) => {
        const body = await parseJsonBody(request, ProvisionRequestSchema);
        if (!body.ok) return body.response;
        const { orderId } = body.data;
        const outcome = backend.transact((engine) => engine.provision(orderId, MOCK_ADMIN));
        switch (outcome.code) {
          case 'PROVISIONING_STARTED':
            return HttpResponse.json({ success: true, code: outcome.code, message: provisionMessages.started, order: outcome.order }, { status: 202 });
          case 'ALREADY_PROVISIONED':
            return HttpResponse.json({ success: true, code: outcome.code, message: provisionMessages.alreadyProvisioned, order: outcome.order });
          case 'PROVISIONING_IN_PROGRESS':
            return HttpResponse.json(
              { success: false, code: outcome.code, message: provisionMessages.inProgress, retryAfterSeconds: outcome.retryAfterSeconds },
              { status: 409, headers: { 'retry-after': String(outcome.retryAfterSeconds) } },
            );
          case 'NOT_ELIGIBLE':
            return errorResponse(409, outcome.code, outcome.reason);
          case 'ORDER_NOT_FOUND':
            return errorResponse(404, outcome.code, `Order ${orderId} not found`);
        }
      }),
    ),
  ];
}
