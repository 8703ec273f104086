import { setupServer } from 'msw/node';
import type { ApiFault, ApiRoute, MockStartSession } from '@/contract/mock-control';
import { MockBackend, type ClockOverrides } from './backend/mock-backend';
import { createHandlers } from './handlers';

/** Tests' wall clock: fixed, so the simulated clock only moves when a test advances it. */
export const TEST_WALL_TIME = Date.parse('2026-11-24T12:00:00.000Z');

/**
 * The mock backend for Node tests (vitest, component tests): the same handlers the browser
 * worker uses, on a paused clock that tests move with `backend.advance(ms)`.
 */
export function createMockServer(options: { scenario?: string; clock?: ClockOverrides } = {}) {
  const backend = new MockBackend({
    // msw/node answers in this process, as a server would: nothing is shared with a browser.
    runsIn: 'server',
    wallNow: () => TEST_WALL_TIME,
    budgetClock: () => performance.now(),
    ...(options.scenario ? { scenario: options.scenario } : {}),
    clock: { paused: true, ...options.clock },
  });
  const server = setupServer(...createHandlers(backend));
  let token = backend.initialSession?.token ?? null;
  return {
    server,
    backend: {
      advance: (ms: number) => backend.advance(ms),
      /** Back to a scenario's seed, signed in as it says (the admin unless it says otherwise) or as `as`. */
      reset: (scenario?: string, as?: MockStartSession) => {
        token = backend.reset(scenario ?? options.scenario ?? 'default', { paused: true, ...options.clock }, as);
      },
      /** Replaces the sessions with one of this kind, as the scenario panel's user switch does. */
      signInAs: (as: MockStartSession) => {
        token = backend.startSession(as);
      },
      /** The next `times` requests of `route` answer with `fault`. */
      injectFault: (route: ApiRoute, fault: ApiFault, times?: number) => backend.injectFault(route, fault, times),
      /** The current session's token, null when signed out: what the console sends as `Bearer`. */
      sessionToken: () => token,
      /** `Authorization` for the current session, to spread into a request's headers. */
      authorization: (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}),
      upstreamCalls: () => backend.read(({ simulator }) => simulator.upstreamCalls()),
      requests: () => backend.requests(),
      state: () => backend.state(),
    },
  };
}
