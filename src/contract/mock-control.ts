import { z } from '@/lib/zod';
import { ErrorCodeSchema } from './errors';
import { IsoTimeSchema, ProviderSchema, UpstreamOperationSchema } from './order';

/**
 * The mock backend's control API (`/__mock/*`), served in mock mode only. The scenario panel,
 * the Playwright fixtures and outside test suites build on these paths and shapes: keep them stable.
 */

/**
 * Where the backend runs, hence who shares it: every tab of this browser profile (a SharedWorker),
 * this tab alone (a browser without SharedWorker), or a standalone server any client can reach.
 */
export const mockBackendHosts = ['browserProfile', 'browserTab', 'server'] as const;
export const MockBackendHostSchema = z.enum(mockBackendHosts);
export type MockBackendHost = z.infer<typeof MockBackendHostSchema>;

export const MockStateSchema = z.object({
  scenario: z.string(),
  runsIn: MockBackendHostSchema,
  now: IsoTimeSchema,
  speed: z.number().check(z.positive()),
  paused: z.boolean(),
  /** Something the user must be told about the mock itself, e.g. saved data that could not be read. */
  notice: z.nullable(z.string()),
});
export type MockState = z.infer<typeof MockStateSchema>;

/** Who a scenario starts signed in as: a seeded user, nobody, or a session that has just expired. */
export const mockStartSessions = ['admin', 'support', 'signedOut', 'expired'] as const;
export const MockStartSessionSchema = z.enum(mockStartSessions);
export type MockStartSession = z.infer<typeof MockStartSessionSchema>;

export const MockResetRequestSchema = z.strictObject({
  scenario: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** Overrides the scenario's own start session. */
  as: z.optional(MockStartSessionSchema),
});

/**
 * The console's token for the session the mock started (null when signed out). A reset or a user
 * switch replaces the backend's sessions, so the caller hands the console this token.
 */
export const MockSessionResponseSchema = z.object({ sessionToken: z.nullable(z.string()) });
export const MockResetResponseSchema = z.extend(MockStateSchema, MockSessionResponseSchema.shape);
export const MockSessionRequestSchema = z.strictObject({ as: MockStartSessionSchema });

export const MAX_ADVANCE_MS = 7 * 24 * 60 * 60_000;
/** By so many milliseconds, or exactly to the next event of `GET /__mock/schedule`, which then fires. */
export const MockAdvanceRequestSchema = z.union([
  z.strictObject({ ms: z.int().check(z.minimum(0), z.maximum(MAX_ADVANCE_MS)) }),
  z.strictObject({ to: z.literal('nextEvent') }),
]);

export const scheduleEventKinds = [
  'retry',
  'purchase',
  'upstreamAnswer',
  'statusCheck',
  'ipAssigned',
  'providerPhase',
] as const;

/**
 * Something due on the simulated clock: a retry, a purchase whose turn in its package's queue has
 * come, an upstream call's answer, a status check, an IP a provider assigns, a provider changing
 * phase (an outage ending). `orderId` is null for what concerns a provider as a whole.
 */
export const ScheduleEventSchema = z.object({
  at: IsoTimeSchema,
  kind: z.enum(scheduleEventKinds),
  orderId: z.nullable(z.string()),
  description: z.string(),
});
export type ScheduleEvent = z.infer<typeof ScheduleEventSchema>;
export const ScheduleResponseSchema = z.object({ events: z.array(ScheduleEventSchema) });

export const MAX_SPEED = 3_600;
export const MockClockRequestSchema = z.union([
  z.strictObject({ speed: z.number().check(z.positive(), z.maximum(MAX_SPEED)) }),
  z.strictObject({ paused: z.boolean() }),
]);

export const upstreamCallOutcomes = ['succeeded', 'failed', 'timedOut', 'noIpYet'] as const;
export const UpstreamCallSchema = z.object({
  provider: ProviderSchema,
  operation: UpstreamOperationSchema,
  orderId: z.string(),
  packageId: z.string(),
  at: IsoTimeSchema,
  outcome: z.enum(upstreamCallOutcomes),
});
export type UpstreamCall = z.infer<typeof UpstreamCallSchema>;

export const UpstreamCallsResponseSchema = z.object({ calls: z.array(UpstreamCallSchema) });

/** One line of the request journal: what the console called and what the mock answered. */
export const RequestLogEntrySchema = z.object({
  at: IsoTimeSchema,
  method: z.string(),
  path: z.string(),
  /** null when the mock dropped the connection (a simulated network error). */
  status: z.nullable(z.int()),
  code: z.nullable(z.string()),
});
export type RequestLogEntry = z.infer<typeof RequestLogEntrySchema>;
export const RequestLogResponseSchema = z.object({ requests: z.array(RequestLogEntrySchema) });

/** A scenario of the catalogue (`builtIn`), or one registered with `POST /__mock/scenarios`. */
export const ScenarioSummarySchema = z.object({
  name: z.string(),
  description: z.string(),
  demonstrates: z.string(),
  source: z.enum(['builtIn', 'registered']),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;
export const ScenarioListResponseSchema = z.object({ scenarios: z.array(ScenarioSummarySchema) });

/** The console's API routes, by the name faults and journals use. */
export const apiRoutes = [
  'listOrders',
  'getOrder',
  'provision',
  'bulkProvision',
  'resolve',
  'signIn',
  'getSession',
  'signOut',
] as const;
export const ApiRouteSchema = z.enum(apiRoutes);
export type ApiRoute = z.infer<typeof ApiRouteSchema>;

/** The control API's body limit instead of `MAX_BODY_BYTES`: a scenario document or snapshot runs to megabytes. */
export const MAX_CONTROL_BODY_BYTES = 5_000_000;

/** How long a `hang` fault holds the request before a 503: longer than any client should wait. */
export const HANG_MS = 30_000;

/** The longest message a fault answering with a status may carry. */
export const FAULT_MESSAGE_MAX_LENGTH = 200;
/** The most requests one injected fault may answer. */
export const FAULT_TIMES_MAX = 100;

/** The statuses a fault may answer with: an expired session, and the server failures a console must survive. */
export const apiFaultStatuses = [401, 500, 502, 503] as const;

/**
 * A fault the mock can inject into the console's own API, before the route does anything: the
 * backend is unchanged whenever a fault answers.
 */
export const ApiFaultSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('status'),
    status: z.literal(apiFaultStatuses),
    code: ErrorCodeSchema,
    message: z.string().check(z.minLength(1), z.maxLength(FAULT_MESSAGE_MAX_LENGTH)),
  }),
  /** The connection drops: no answer at all. */
  z.strictObject({ kind: z.literal('networkError') }),
  /** No answer for `HANG_MS`, then a 503 (sooner if the client gives up first). */
  z.strictObject({ kind: z.literal('hang') }),
  /** HTTP 200 whose body is not JSON. */
  z.strictObject({ kind: z.literal('malformedJson') }),
  /** HTTP 200 with JSON that does not match the contract. */
  z.strictObject({ kind: z.literal('contractViolation') }),
]);
export type ApiFault = z.infer<typeof ApiFaultSchema>;
export type ApiFaultKind = ApiFault['kind'];

/** `POST /__mock/faults`: the next `times` requests of `route` get `fault` (then the scenario's own, if any). */
export const MockFaultRequestSchema = z.strictObject({
  route: ApiRouteSchema,
  fault: ApiFaultSchema,
  times: z.optional(z.int().check(z.minimum(1), z.maximum(FAULT_TIMES_MAX))),
});
export type MockFaultRequest = z.infer<typeof MockFaultRequestSchema>;

/** What `POST /__mock/faults` answers once the faults are queued. */
export const MockFaultResponseSchema = z.object({ success: z.literal(true) });

/**
 * `X-Mock-Tenant`: which backend of the standalone mock server a request is for, so that parallel
 * suites never share state. The browser's mock has one backend and ignores it.
 */
export const MockTenantSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** `GET /__mock/openapi.json`: this API as an OpenAPI 3.1 document, generated from this contract. */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string().check(z.regex(/^3\.1\.\d+$/)),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
});
