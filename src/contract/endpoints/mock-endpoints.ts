import {
  MAX_CONTROL_BODY_BYTES,
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
} from '../mock-control';
import {
  InvalidScenarioBodySchema,
  JsonSchemaDocumentSchema,
  RegisterScenarioResponseSchema,
  ScenarioDocumentSchema,
  ScenarioNameSchema,
} from '../scenario-document';
import { endpoint } from './endpoint';

/* The mock backend's control API (`/__mock/*`): a production server has none of it. */

export const mockControlEndpoints = [
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

export const scenarioDocumentEndpoints = [
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
      `${MAX_CONTROL_BODY_BYTES / 1_000_000} MB (a snapshot runs to megabytes).`,
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
