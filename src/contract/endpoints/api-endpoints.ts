import { OrderDetailResponseSchema, OrderListResponseSchema, OrdersQuerySchema } from '../orders-api';
import {
  AlreadyProvisionedSchema,
  BulkProvisionRequestSchema,
  BulkProvisionResponseSchema,
  OrderIdSchema,
  ProvisioningInProgressSchema,
  ProvisioningStartedSchema,
  ProvisionRequestSchema,
  ResolveRequestSchema,
  ResolveResponseSchema,
} from '../provision-api';
import {
  SessionResponseSchema,
  SignInRequestSchema,
  SignInResponseSchema,
  SignOutResponseSchema,
} from '../session-api';
import { endpoint } from './endpoint';

/* The console's API: what a real backend serves. */

const retryAfter = {
  'Retry-After': {
    description: 'Seconds until a retry can be accepted: the same value as `retryAfterSeconds`.',
    schema: ProvisioningInProgressSchema.shape.retryAfterSeconds,
  },
};

export const sessionEndpoints = [
  endpoint({
    method: 'post',
    path: '/api/session',
    operationId: 'signIn',
    tag: 'Session',
    summary: 'Sign in',
    description:
      'Trades an email and password for a bearer token, sent as `Authorization: Bearer <token>` on every ' +
      'later request. An unknown email and a wrong password get the same answer, so the form never ' +
      'reveals who has an account.',
    access: 'anyone',
    body: SignInRequestSchema,
    answers: {
      200: { description: 'Signed in: the token and who it belongs to.', body: SignInResponseSchema },
      401: { description: 'The email and password do not match an account.', errors: ['INVALID_CREDENTIALS'] },
    },
  }),
  endpoint({
    method: 'get',
    path: '/api/session',
    operationId: 'getSession',
    tag: 'Session',
    summary: 'Who am I',
    description: 'The signed-in user, with the role that decides what they may change.',
    access: 'signedIn',
    answers: { 200: { description: "The token's user.", body: SessionResponseSchema } },
  }),
  endpoint({
    method: 'delete',
    path: '/api/session',
    operationId: 'signOut',
    tag: 'Session',
    summary: 'Sign out',
    description: 'Ends the session: its token is refused from now on.',
    access: 'signedIn',
    answers: { 200: { description: 'Signed out.', body: SignOutResponseSchema } },
  }),
];

export const orderEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/orders',
    operationId: 'listOrders',
    tag: 'Orders',
    summary: 'List orders',
    description:
      'The orders matching the filters, which the server applies. Newest first; with `view=attention` only ' +
      'the orders that need an admin (paid or confirmed, not resolved, no run under way, and failed, stuck ' +
      'with no IP for 10 minutes or more, or never provisioned), the customer who has waited longest ' +
      '(since `paidAt`) first. `provisioning=none` means provisioning never started; `q` searches the ' +
      "order id, the customer's name or email and the IP address.\n\n" +
      'With `limit` the answer is one page, and its `nextCursor` (opaque) fetches the next; without it every ' +
      'match comes back. `total` counts every match across pages; `attentionCount` counts the orders that ' +
      'need attention whatever the filters.',
    access: 'signedIn',
    query: OrdersQuerySchema,
    answers: {
      200: { description: 'One page of orders.', body: OrderListResponseSchema },
      400: {
        description: 'A query parameter out of its range, or a cursor that does not name an order.',
        errors: ['INVALID_REQUEST', 'INVALID_CURSOR'],
      },
    },
  }),
  endpoint({
    method: 'get',
    path: '/api/orders/{orderId}',
    operationId: 'getOrder',
    tag: 'Orders',
    summary: 'One order with its timeline',
    description:
      'The order, every attempt of its provisioning runs and every manual action on it, allowed or ' +
      "refused. `credentials` (the server's root login) go to admins only, once the server is active; " +
      'support agents and unfinished orders get `null`.',
    access: 'signedIn',
    pathParameters: { orderId: { description: "The order's `_id`.", schema: OrderIdSchema } },
    answers: {
      200: { description: 'The order and its timeline.', body: OrderDetailResponseSchema },
      400: { description: 'The order id is longer than an id can be.', errors: ['INVALID_REQUEST'] },
      404: { description: 'No order has this id.', errors: ['ORDER_NOT_FOUND'] },
    },
  }),
];

export const provisioningEndpoints = [
  endpoint({
    method: 'post',
    path: '/api/orders/provision',
    operationId: 'provision',
    tag: 'Provisioning',
    summary: 'Provision or retry one order',
    description:
      'Starts a provisioning run for the order, or says why not. The guard answers before any run ' +
      'starts; the first row that matches decides:\n\n' +
      '| order | status | code |\n' +
      '|---|---|---|\n' +
      '| active with an IP | 200 | `ALREADY_PROVISIONED`, with the order; nothing is bought |\n' +
      '| not `paid` or `confirmed`, or marked resolved | 409 | `NOT_ELIGIBLE`, the reason in `message` |\n' +
      '| a run is under way | 409 | `PROVISIONING_IN_PROGRESS`; `retryAfterSeconds` is what is left of the ' +
      '10 minutes since the last attempt started, at least 60 |\n' +
      '| `provisioning`, last attempt under 10 minutes ago | 409 | `PROVISIONING_IN_PROGRESS`, ' +
      '`retryAfterSeconds` |\n' +
      '| any other (including `provisioning` for 10 minutes or more: stuck) | 202 | `PROVISIONING_STARTED`, ' +
      'with the order as the run starts |\n' +
      '| no such order | 404 | `ORDER_NOT_FOUND` |\n\n' +
      'A refusal changes no order. One run per order at most, and an order is never bought twice ' +
      'upstream: a run that finds a purchase already made resumes at its status check. Every request, ' +
      "refused ones included, goes into the order's audit trail with its `reason`. The run goes on " +
      'after the answer; the console follows the order until `activeRun` is null.',
    access: 'admin',
    body: ProvisionRequestSchema,
    answers: {
      200: { description: 'Already active with an IP: nothing was started.', body: AlreadyProvisionedSchema },
      202: { description: 'A run started.', body: ProvisioningStartedSchema },
      404: { description: 'No order has this id.', errors: ['ORDER_NOT_FOUND'] },
      409: {
        description:
          'Refused: a run is under way or may still be (`PROVISIONING_IN_PROGRESS`, with `Retry-After`), ' +
          'or the order cannot be provisioned (`NOT_ELIGIBLE`).',
        body: ProvisioningInProgressSchema,
        errors: ['NOT_ELIGIBLE'],
        headers: retryAfter,
      },
    },
  }),
  endpoint({
    method: 'post',
    path: '/api/orders/provision/bulk',
    operationId: 'bulkProvision',
    tag: 'Provisioning',
    summary: 'Provision or retry many orders',
    description:
      'Each order goes through the same guard as `POST /api/orders/provision`, all against the same ' +
      'moment, and gets one result, in the order asked. Started runs queue on their upstream package: ' +
      'one purchase of a package at a time.',
    access: 'admin',
    body: BulkProvisionRequestSchema,
    answers: { 200: { description: 'One result per order id.', body: BulkProvisionResponseSchema } },
  }),
  endpoint({
    method: 'post',
    path: '/api/orders/resolve',
    operationId: 'resolve',
    tag: 'Provisioning',
    summary: 'Mark an order resolved',
    description:
      'For an order fixed outside the console: it leaves Needs attention and is never provisioned here. ' +
      'The same guard as provisioning decides whether it may be resolved. The reason is required: it is ' +
      'all the timeline will know.',
    access: 'admin',
    body: ResolveRequestSchema,
    answers: {
      200: { description: 'Resolved, with the order.', body: ResolveResponseSchema },
      404: { description: 'No order has this id.', errors: ['ORDER_NOT_FOUND'] },
      409: {
        description:
          'Already provisioned, unpaid, cancelled or already resolved (`NOT_ELIGIBLE`), or a run is under ' +
          'way or may still be (`PROVISIONING_IN_PROGRESS`).',
        errors: ['NOT_ELIGIBLE', 'PROVISIONING_IN_PROGRESS'],
      },
    },
  }),
];
