import { http } from 'msw';
import {
  MockAdvanceRequestSchema,
  MockClockRequestSchema,
  MockFaultRequestSchema,
  MockResetRequestSchema,
  MockSessionRequestSchema,
} from '@/contract/mock-control';
import type { MockBackend } from '../backend/mock-backend';
import { errorResponse, jsonResponse, parseJsonBody } from './http-helpers';

/**
 * `/__mock/*`: the control API for the scenario panel, Playwright fixtures and outside suites
 * (docs/api.md: Control API).
 */
export function mockControlHandlers(backend: MockBackend) {
  return [
    http.get('*/__mock/state', () => jsonResponse(backend.state())),
    http.post('*/__mock/reset', async ({ request }) => {
      const body = await parseJsonBody(request, MockResetRequestSchema);
      if (!body.ok) return body.response;
      const { scenario, as } = body.data;
      if (scenario !== undefined && !backend.knowsScenario(scenario)) {
        return errorResponse(
          400,
          'UNKNOWN_SCENARIO',
          `Unknown scenario "${scenario}"; known: ${backend.scenarioNames().join(', ')}`,
        );
      }
      const sessionToken = backend.reset(scenario, {}, as);
      return jsonResponse({ ...backend.state(), sessionToken });
    }),
    // Switches who is signed in without a sign-in page: for designers, QA and Playwright.
    http.post('*/__mock/session', async ({ request }) => {
      const body = await parseJsonBody(request, MockSessionRequestSchema);
      if (!body.ok) return body.response;
      return jsonResponse({ sessionToken: backend.startSession(body.data.as) });
    }),
    http.post('*/__mock/clock/advance', async ({ request }) => {
      const body = await parseJsonBody(request, MockAdvanceRequestSchema);
      if (!body.ok) return body.response;
      if ('ms' in body.data) backend.advance(body.data.ms);
      else if (!backend.advanceToNextEvent()) {
        return errorResponse(409, 'NOTHING_SCHEDULED', 'Nothing is due on the clock: there is no next event');
      }
      return jsonResponse(backend.state());
    }),
    http.post('*/__mock/clock', async ({ request }) => {
      const body = await parseJsonBody(request, MockClockRequestSchema);
      if (!body.ok) return body.response;
      backend.setClock(body.data);
      return jsonResponse(backend.state());
    }),
    // One-shot faults on demand, for QA and the fault matrix; a reset clears those not used yet.
    http.post('*/__mock/faults', async ({ request }) => {
      const body = await parseJsonBody(request, MockFaultRequestSchema);
      if (!body.ok) return body.response;
      backend.injectFault(body.data.route, body.data.fault, body.data.times);
      return jsonResponse({ success: true });
    }),
    http.get('*/__mock/upstream-calls', () =>
      jsonResponse({ calls: backend.read(({ simulator }) => simulator.upstreamCalls()) }),
    ),
    http.get('*/__mock/requests', () => jsonResponse({ requests: backend.requests() })),
  ];
}
