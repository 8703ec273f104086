import { http } from 'msw';
import {
  BulkProvisionRequestSchema,
  provisionMessages,
  ProvisionRequestSchema,
  ResolveRequestSchema,
  type BulkProvisionResponse,
} from '@/contract/provision-api';
import type { MockBackend } from '../backend';
import type { ProvisionOutcome } from '../engine/engine';
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
        const outcome = backend.transact((engine) => engine.provision(orderId, { actor: user.email, reason }));
        switch (outcome.code) {
          case 'PROVISIONING_STARTED':
            return jsonResponse(
              { success: true, code: outcome.code, message: provisionMessages.started, order: outcome.order },
              { status: 202 },
            );
          case 'ALREADY_PROVISIONED':
            return jsonResponse({
              success: true,
              code: outcome.code,
              message: provisionMessages.alreadyProvisioned,
              order: outcome.order,
            });
          case 'PROVISIONING_IN_PROGRESS':
            return jsonResponse(
              {
                success: false,
                code: outcome.code,
                message: provisionMessages.inProgress,
                retryAfterSeconds: outcome.retryAfterSeconds,
              },
              { status: 409, headers: { 'retry-after': String(outcome.retryAfterSeconds) } },
            );
          case 'NOT_ELIGIBLE':
            return errorResponse(409, outcome.code, outcome.reason);
          case 'ORDER_NOT_FOUND':
            return errorResponse(404, outcome.code, `Order ${orderId} not found`);
        }
      }),
    ),
    http.post(
      '*/api/orders/provision/bulk',
      apiRoute(backend, 'bulkProvision', 'admin', async ({ request, user }) => {
        const body = await parseJsonBody(request, BulkProvisionRequestSchema);
        if (!body.ok) return body.response;
        const { orderIds, reason } = body.data;
        // One transaction: every order is answered against the same moment, in the order asked.
        const results = backend.transact((engine) =>
          orderIds.map((orderId) =>
            bulkResult(orderId, engine.provision(orderId, { actor: user.email, reason, bulk: true })),
          ),
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
        const outcome = backend.transact((engine) => engine.resolve(orderId, { actor: user.email, reason }));
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
            return errorResponse(404, outcome.code, `Order ${orderId} not found`);
        }
      }),
    ),
  ];
}

function bulkResult(orderId: string, outcome: ProvisionOutcome): BulkProvisionResponse['results'][number] {
  switch (outcome.code) {
    case 'PROVISIONING_STARTED':
      return { orderId, code: outcome.code, message: provisionMessages.started, retryAfterSeconds: null };
    case 'ALREADY_PROVISIONED':
      return { orderId, code: outcome.code, message: provisionMessages.alreadyProvisioned, retryAfterSeconds: null };
    case 'PROVISIONING_IN_PROGRESS':
      return {
        orderId,
        code: outcome.code,
        message: provisionMessages.inProgress,
        retryAfterSeconds: outcome.retryAfterSeconds,
      };
    case 'NOT_ELIGIBLE':
      return { orderId, code: outcome.code, message: outcome.reason, retryAfterSeconds: null };
    case 'ORDER_NOT_FOUND':
      return { orderId, code: outcome.code, message: `Order ${orderId} not found`, retryAfterSeconds: null };
  }
}
