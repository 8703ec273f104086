import { http } from 'msw';
import { orderNotFoundMessage } from '@/contract/orders-api';
import type { Order } from '@/contract/order';
import {
  BulkProvisionRequestSchema,
  provisionMessages,
  ProvisionRequestSchema,
  ResolveRequestSchema,
  type BulkProvisionResponse,
  type ProvisionOutcomeCode,
} from '@/contract/provision-api';
import type { MockBackend } from '../backend/mock-backend';
import type { ProvisionOutcome } from '../simulator/simulator';
import { apiRoute, errorResponse, jsonResponse, parseJsonBody } from './http-helpers';

/**
 * `POST /api/orders/provision`, `/provision/bulk` and `/resolve`, for admins only: the guard
 * answers, or a run starts and the answer comes at once.
 */
export function provisioningHandlers(backend: MockBackend) {
  return [
    http.post(
      '*/api/orders/provision',
      apiRoute(backend, 'provision', 'admin', async ({ request, user }) => {
        const body = await parseJsonBody(request, ProvisionRequestSchema);
        if (!body.ok) return body.response;
        const { orderId, reason } = body.data;
        const outcome = backend.transact(({ simulator }) =>
          simulator.provision(orderId, { actor: user.email, reason }),
        );
        const answer = provisionAnswer(orderId, outcome);
        const retryAfter = answer.body.retryAfterSeconds;
        return jsonResponse(answer.body, {
          status: answer.status,
          ...(retryAfter === undefined ? {} : { headers: { 'retry-after': String(retryAfter) } }),
        });
      }),
    ),
    http.post(
      '*/api/orders/provision/bulk',
      apiRoute(backend, 'bulkProvision', 'admin', async ({ request, user }) => {
        const body = await parseJsonBody(request, BulkProvisionRequestSchema);
        if (!body.ok) return body.response;
        const { orderIds, reason } = body.data;
        // One transaction: every order is answered against the same moment, in the order asked.
        const results = backend.transact(({ simulator }) =>
          orderIds.map((orderId) => {
            const { code, message, retryAfterSeconds } = provisionAnswer(
              orderId,
              simulator.provision(orderId, { actor: user.email, reason, bulk: true }),
            ).body;
            return { orderId, code, message, retryAfterSeconds: retryAfterSeconds ?? null };
          }),
        );
        return jsonResponse({ results } satisfies BulkProvisionResponse);
      }),
    ),
    http.post(
      '*/api/orders/resolve',
      apiRoute(backend, 'resolve', 'admin', async ({ request, user }) => {
        const body = await parseJsonBody(request, ResolveRequestSchema);
        if (!body.ok) return body.response;
        const { orderId, reason } = body.data;
        const outcome = backend.transact(({ simulator }) => simulator.resolve(orderId, { actor: user.email, reason }));
        switch (outcome.code) {
          case 'MARKED_RESOLVED':
            return jsonResponse({
              success: true,
              code: outcome.code,
              message: provisionMessages.resolved,
              order: outcome.order,
            });
          case 'PROVISIONING_IN_PROGRESS':
            return errorResponse(
              409,
              outcome.code,
              'A run is under way or may still be: wait for it to end before resolving',
            );
          case 'NOT_ELIGIBLE':
            return errorResponse(409, outcome.code, outcome.reason);
          case 'ORDER_NOT_FOUND':
            return errorResponse(404, outcome.code, orderNotFoundMessage(orderId));
        }
      }),
    ),
  ];
}

type ProvisionAnswer = {
  status: number;
  body: { success: boolean; code: ProvisionOutcomeCode; message: string; order?: Order; retryAfterSeconds?: number };
};

/** How the API answers a provision request, for one click and for each order of a bulk retry alike. */
function provisionAnswer(orderId: string, outcome: ProvisionOutcome): ProvisionAnswer {
  switch (outcome.code) {
    case 'PROVISIONING_STARTED':
      return {
        status: 202,
        body: { success: true, code: outcome.code, message: provisionMessages.started, order: outcome.order },
      };
    case 'ALREADY_PROVISIONED':
      return {
        status: 200,
        body: {
          success: true,
          code: outcome.code,
          message: provisionMessages.alreadyProvisioned,
          order: outcome.order,
        },
      };
    case 'PROVISIONING_IN_PROGRESS':
      return {
        status: 409,
        body: {
          success: false,
          code: outcome.code,
          message: provisionMessages.inProgress,
          retryAfterSeconds: outcome.retryAfterSeconds,
        },
      };
    case 'NOT_ELIGIBLE':
      return { status: 409, body: { success: false, code: outcome.code, message: outcome.reason } };
    case 'ORDER_NOT_FOUND':
      return { status: 404, body: { success: false, code: outcome.code, message: orderNotFoundMessage(orderId) } };
  }
}
