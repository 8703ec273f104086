import type { z } from '@/lib/zod';
import * as errors from './errors';
import type { ErrorCode } from './errors';
import * as mockControl from './mock-control';
import {
  MockAdvanceRequestSchema,
  MockClockRequestSchema,
  MockFaultRequestSchema,
  MockFaultResponseSchema,
  MockResetRequestSchema,
  MockResetResponseSchema,
  MockSessionRequestSchema,
  MockSessionResponseSchema,
  MockStateSchema,
  OpenApiDocumentSchema,
  RequestLogResponseSchema,
  ScenarioListResponseSchema,
  ScheduleResponseSchema,
  UpstreamCallsResponseSchema,
} from './mock-control';
import * as order from './order';
import * as ordersApi from './orders-api';
import { OrderDetailResponseSchema, OrderListResponseSchema, OrdersQuerySchema } from './orders-api';
import * as provisionApi from './provision-api';
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
} from './provision-api';
import * as scenarioDocument from './scenario-document';
import {
  InvalidScenarioBodySchema,
  JsonSchemaDocumentSchema,
  RegisterScenarioResponseSchema,
  ScenarioDocumentSchema,
  ScenarioNameSchema,
} from './scenario-document';
import * as sessionApi from './session-api';
import { SessionResponseSchema, SignInRequestSchema, SignInResponseSchema, SignOutResponseSchema } from './session-api';

/**
 * Every endpoint of the API and of the mock's control API, described once: `GET /__mock/openapi.json`
 * publishes them as an OpenAPI document (`mocks/openapi/`), and a test fails when this list and the
 * mock's handlers differ. Only the mock and tests import this module; the console never does.
 */

/** The modules whose `…Schema` exports become the document's components, named without `Schema`. */
export const schemaModules = [errors, order, ordersApi, provisionApi, sessionApi, mockControl, scenarioDocument];

/** The document's introduction: the rules every operation follows. CommonMark. */
export const apiOverview = [
  "The API of the Provision Console: a VPS reseller's admins see paid orders and provision or retry them at " +
    "the upstream provider (SmartVPS, Hostycare), never buying an order twice. The console's mock backend " +
    'serves it, and generates this document from the zod schemas in `src/contract/`: a server that answers ' +
    'as it says can replace the mock.',
  '',
  '**Sign-in and roles.** `POST /api/session` trades an email and password for a token; every other ' +
    '`/api/*` request sends it as `Authorization: Bearer <token>`. Without a valid token the answer is ' +
    '`401 UNAUTHENTICATED`, or `401 SESSION_EXPIRED` for a session that has ended, and the console asks the ' +
    'user to sign in again. Reads are for any signed-in user; every change is for admins only: a support ' +
    'agent gets `403 FORBIDDEN`, whatever the console shows.',
  '',
  '**Errors.** Every error body is an `ApiErrorBody`, `{ success: false, code, message }`: the console ' +
    'branches on `code` and shows `message`. Each response lists the codes it carries. A malformed request ' +
    '(a content type other than `application/json`, invalid JSON, a body over 10 kB, a missing, extra, ' +
    'mistyped or oversized field) is `400 INVALID_REQUEST` and changes nothing. A path under `/api/` or ' +
    '`/__mock/` that no operation here describes, or a method its path does not have, is `404 NOT_FOUND` ' +
    '(the `UnknownEndpoint` response). A `5XX` should carry an `ApiErrorBody` too.',
  '',
  "**Time.** `serverTime`, and every time in an answer, is the backend's clock: the console measures ages " +
    "against it, never against the browser's.",
  '',
  "**Mock control.** `/__mock/*` is the mock backend's own API; a production server has none of it. " +
    '`X-Mock-Tenant`, accepted by every operation, picks one backend of the standalone mock server per ' +
    "client; the browser's mock ignores it.",
].join('\n');

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: anyone (sign-in, the control API), any signed-in user (reads), or admins only (changes). */
export type Access = 'anyone' | 'signedIn' | 'admin';

export const endpointTags = {
  Session: 'Sign in, who am I, sign out.',
  Orders: 'Reading orders: the list with its filters and the detail with its timeline.',
  Provisioning: 'Changing orders: provision or retry one or many, mark one resolved. Admins only.',
  'Mock control':
    "The mock backend's control API: scenarios, clock, faults and journals, for the scenario panel, " +
    'Playwright fixtures and outside suites. Served by the mock only; a production server has none of it.',
} as const;
export type EndpointTag = keyof typeof endpointTags;

/** One status an operation can answer. */
export type Answer = {
  description: string;
  /** The body when it is not an error: a schema exported by one of `schemaModules`. */
  body?: z.ZodMiniType;
  /** The codes of the `ApiErrorBody` this status carries (as well as `body`, if both are given). */
  errors?: readonly ErrorCode[];
  headers?: Readonly<Record<string, { description: string; schema: z.ZodMiniType }>>;
};

export type Parameter = { description: string; schema: z.ZodMiniType };

type PathParameterName<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParameterName<Rest>
  : never;

/** A path with `{name}` segments must describe each of them, and only them. */
type PathParameters<Path extends string> = string extends Path
  ? { pathParameters?: Readonly<Record<string, Parameter>> }
  : [PathParameterName<Path>] extends [never]
    ? { pathParameters?: never }
    : { pathParameters: Readonly<Record<PathParameterName<Path>, Parameter>> };

/**
 * One operation. The generator adds what follows from the rest, so that no entry can forget it:
 * `access` gives the bearer security and the 401 (`UNAUTHENTICATED`, `SESSION_EXPIRED`) and, for
 * admins, the 403 `FORBIDDEN`; a `body` gives the 400 `INVALID_REQUEST`; a path under `/api/` gives
 * the `5XX`; every operation takes the optional `X-Mock-Tenant` header, and a 400 for a malformed one.
 */
export type Endpoint<Path extends string = string> = {
  method: HttpMethod;
  /** In OpenAPI form: `/api/orders/{orderId}`. */
  path: Path;
  /** For the console's API, the route's name in `apiRoutes` (faults and journals use it). */
  operationId: string;
  tag: EndpointTag;
  summary: string;
  /** CommonMark: the rules a server must follow to answer as the console expects. */
  description: string;
  access: Access;
  /** Query parameters: the schema's properties, on its input side. */
  query?: z.ZodMiniObject;
  /** A JSON body: a schema exported by one of `schemaModules`, on its input side. */
  body?: z.ZodMiniType;
  answers: Readonly<Record<number, Answer>>;
} & PathParameters<Path>;

/** Checks an entry's path parameters against its path. */
const endpoint = <const Path extends string>(entry: Endpoint<Path>): Endpoint => entry;

const retryAfter = {
  'Retry-After': {
    description: 'Seconds until a retry can be accepted: the same value as `retryAfterSeconds`.',
    schema: ProvisioningInProgressSchema.shape.retryAfterSeconds,
  },
};

const sessionEndpoints = [
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

const orderEndpoints = [
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

const provisioningEndpoints = [
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

const mockControlEndpoints = [
  endpoint({
    method: 'get',
    path: '/__mock/state',
    operationId: 'getMockState',
    tag: 'Mock control',
    summary: 'Scenario and clock',
    description: 'Which scenario runs, where the backend runs, and its clock.',
    access: 'anyone',
    answers: { 200: { description: 'The state.', body: MockStateSchema } },
  }),
  endpoint({
    method: 'get',
    path: '/__mock/scenarios',
    operationId: 'listScenarios',
    tag: 'Mock control',
    summary: 'The scenario catalogue',
    description:
      'Every scenario the mock can start, with what it shows: the built-in catalogue, then the scenarios ' +
      'registered with `POST /__mock/scenarios` (`source: registered`).',
    access: 'anyone',
    answers: { 200: { description: 'The catalogue.', body: ScenarioListResponseSchema } },
  }),
  endpoint({
    method: 'post',
    path: '/__mock/reset',
    operationId: 'resetMock',
    tag: 'Mock control',
    summary: 'Start a scenario from its seed',
    description:
      "Back to the scenario's seed (the current one unless named, built-in or registered) on a fresh " +
      'clock, signed in as the scenario says or as `as` says. Every earlier session ends: hand ' +
      '`sessionToken` to the console. A snapshot (a document with `state`) starts from the exact state ' +
      'it holds instead, on its own clock, signed in as it was.',
    access: 'anyone',
    body: MockResetRequestSchema,
    answers: {
      200: { description: 'The new state, and the session to hold.', body: MockResetResponseSchema },
      400: { description: 'No scenario has this name.', errors: ['UNKNOWN_SCENARIO'] },
    },
  }),
  endpoint({
    method: 'post',
    path: '/__mock/session',
    operationId: 'switchMockSession',
    tag: 'Mock control',
    summary: 'Switch who is signed in',
    description: 'Replaces every session with one of this kind, without a sign-in page.',
    access: 'anyone',
    body: MockSessionRequestSchema,
    answers: { 200: { description: 'The session to hold.', body: MockSessionResponseSchema } },
  }),
  endpoint({
    method: 'post',
    path: '/__mock/faults',
    operationId: 'injectFault',
    tag: 'Mock control',
    summary: 'Inject faults into the API',
    description:
      'The next `times` requests of `route` (an operationId of this API) answer with `fault` before the ' +
      'route runs, so nothing changes. Such answers break this contract on purpose.',
    access: 'anyone',
    body: MockFaultRequestSchema,
    answers: { 200: { description: 'Queued.', body: MockFaultResponseSchema } },
  }),
  endpoint({
    method: 'post',
    path: '/__mock/clock/advance',
    operationId: 'advanceClock',
    tag: 'Mock control',
    summary: 'Advance the clock',
    description:
      'Moves the simulated clock forward by `ms`, or exactly to the next event of `GET /__mock/schedule` ' +
      '(`to: nextEvent`), firing what falls due in order; answers once settled.',
    access: 'anyone',
    body: MockAdvanceRequestSchema,
    answers: {
      200: { description: 'The state after the jump.', body: MockStateSchema },
      409: { description: 'Asked for the next event, and nothing is scheduled.', errors: ['NOTHING_SCHEDULED'] },
    },
  }),
  endpoint({
    method: 'post',
    path: '/__mock/clock',
    operationId: 'setClock',
    tag: 'Mock control',
    summary: 'Change how the clock runs',
    description: 'Sets the speed, or pauses and resumes the simulated clock.',
    access: 'anyone',
    body: MockClockRequestSchema,
    answers: { 200: { description: 'The state.', body: MockStateSchema } },
  }),
  endpoint({
    method: 'get',
    path: '/__mock/upstream-calls',
    operationId: 'listUpstreamCalls',
    tag: 'Mock control',
    summary: 'The upstream-call journal',
    description: 'Every call the backend made to an upstream provider, oldest first.',
    access: 'anyone',
    answers: { 200: { description: 'The calls.', body: UpstreamCallsResponseSchema } },
  }),
  endpoint({
    method: 'get',
    path: '/__mock/requests',
    operationId: 'listRequests',
    tag: 'Mock control',
    summary: 'The request journal',
    description: 'The latest calls to `/api/*` and what the mock answered, oldest first.',
    access: 'anyone',
    answers: { 200: { description: 'The requests.', body: RequestLogResponseSchema } },
  }),
  endpoint({
    method: 'get',
    path: '/__mock/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'Mock control',
    summary: 'This document',
    description: "This API as an OpenAPI 3.1 document, generated from the contract's zod schemas.",
    access: 'anyone',
    answers: { 200: { description: 'The document.', body: OpenApiDocumentSchema } },
  }),
];

const scenarioDocumentEndpoints = [
  endpoint({
    method: 'get',
    path: '/__mock/scenarios/{name}',
    operationId: 'getScenarioDocument',
    tag: 'Mock control',
    summary: 'A scenario as a document',
    description: "A built-in scenario's document as its file says, or a registered one as it was registered.",
    access: 'anyone',
    pathParameters: { name: { description: "The scenario's name.", schema: ScenarioNameSchema } },
    answers: {
      200: { description: 'The document.', body: ScenarioDocumentSchema },
      404: { description: 'No scenario has this name.', errors: ['UNKNOWN_SCENARIO'] },
    },
  }),
  endpoint({
    method: 'post',
    path: '/__mock/scenarios',
    operationId: 'registerScenario',
    tag: 'Mock control',
    summary: 'Register a scenario document',
    description:
      'Checks the document and keeps it with the backend, which can then start it like a built-in ' +
      '(`POST /__mock/reset`, `?scenario=`). Registering a name again replaces that document. Bodies up to ' +
      '5 MB (a snapshot runs to megabytes).',
    access: 'anyone',
    body: ScenarioDocumentSchema,
    answers: {
      201: { description: 'Registered.', body: RegisterScenarioResponseSchema },
      400: {
        description: 'The document is invalid: every problem at its JSON path. Nothing changed.',
        body: InvalidScenarioBodySchema,
      },
      409: { description: 'A built-in scenario has this name.', errors: ['SCENARIO_EXISTS'] },
    },
  }),
  endpoint({
    method: 'delete',
    path: '/__mock/scenarios/{name}',
    operationId: 'removeScenario',
    tag: 'Mock control',
    summary: 'Remove a registered scenario',
    description:
      'Forgets a registered scenario, so it is no longer listed or started. The running scenario may be ' +
      'removed: it runs on (a reload resumes it) until another is started.',
    access: 'anyone',
    pathParameters: { name: { description: "The registered scenario's name.", schema: ScenarioNameSchema } },
    answers: {
      200: { description: 'Removed: the scenarios that remain.', body: ScenarioListResponseSchema },
      404: { description: 'No registered scenario has this name.', errors: ['UNKNOWN_SCENARIO'] },
      409: { description: 'A built-in scenario has this name: it cannot be removed.', errors: ['BUILT_IN_SCENARIO'] },
    },
  }),
  endpoint({
    method: 'get',
    path: '/__mock/snapshot',
    operationId: 'getSnapshot',
    tag: 'Mock control',
    summary: 'The current state as a scenario document',
    description:
      "The running scenario's settings with the exact state (`state`): every order, run in flight, attempt, " +
      'audit entry, journal, session and fault, and the clock. Registered and started, it reproduces this ' +
      'moment and the same future.',
    access: 'anyone',
    answers: { 200: { description: 'The snapshot.', body: ScenarioDocumentSchema } },
  }),
  endpoint({
    method: 'get',
    path: '/__mock/schedule',
    operationId: 'getSchedule',
    tag: 'Mock control',
    summary: 'What is due on the clock',
    description:
      'Retries, purchases, upstream answers, status checks, IPs being assigned and provider phases ending, ' +
      'soonest first, in words.',
    access: 'anyone',
    answers: { 200: { description: 'The events.', body: ScheduleResponseSchema } },
  }),
  endpoint({
    method: 'get',
    path: '/__mock/scenario.schema.json',
    operationId: 'getScenarioSchema',
    tag: 'Mock control',
    summary: "The scenario document's JSON Schema",
    description: 'Generated from the contract, for an editor to complete and check a scenario file as it is written.',
    access: 'anyone',
    answers: { 200: { description: 'A JSON Schema (draft 2020-12).', body: JsonSchemaDocumentSchema } },
  }),
];

export const endpoints: readonly Endpoint[] = [
  ...sessionEndpoints,
  ...orderEndpoints,
  ...provisioningEndpoints,
  ...mockControlEndpoints,
  ...scenarioDocumentEndpoints,
];
