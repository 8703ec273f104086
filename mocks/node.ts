import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach } from 'vitest';
import type { ApiFault, ApiRoute, MockStartSession } from '@/contract/mock-control';
import { MockBackend, type ClockOverrides } from './backend/mock-backend';
import { createHandlers } from './handlers';
import { watchAnswers } from './openapi/answer-check';

/** Tests' wall clock: fixed, so the simulated clock only moves when a test advances it. */
export const TEST_WALL_TIME = Date.parse('2026-11-24T12:00:00.000Z');

/** The id of the request a handler is answering, for the backend to read while it answers. */
const answering = new AsyncLocalStorage<string>();

/** Remembers which requests a fault answered: such answers break the contract on purpose. */
class TestBackend extends MockBackend {
  readonly faultAnswered = new Set<string>();

  override nextFault(route: ApiRoute): ApiFault | undefined {
    const fault = super.nextFault(route);
    const requestId = answering.getStore();
    if (fault && requestId) this.faultAnswered.add(requestId);
    return fault;
  }
}

/** Runs each handler inside its request's `answering` context. */
function tellingRequestIds<H extends RequestHandler>(handlers: H[]): H[] {
  for (const handler of handlers) {
    const run = handler.run.bind(handler);
    handler.run = (args) => answering.run(args.requestId, () => run(args));
  }
  return handlers;
}

/**
 * The mock backend for Node tests (vitest, component tests): the same handlers the browser
 * worker uses, on a paused clock that tests move with `backend.advance(ms)`.
 *
 * Every answer is checked against the published contract (`GET /__mock/openapi.json`): its status
 * is one the operation declares and its body is valid against that status's schema. A breach fails
 * the test during which the mock answered, so call this at the top level of a test file. Answers
 * of an injected or scenario fault are not checked: they break the contract on purpose.
 */
export function createMockServer(options: { scenario?: string; clock?: ClockOverrides } = {}) {
  const backend = new TestBackend({
    // msw/node answers in this process, as a server would: nothing is shared with a browser.
    runsIn: 'server',
    wallNow: () => TEST_WALL_TIME,
    budgetClock: () => performance.now(),
    ...(options.scenario ? { scenario: options.scenario } : {}),
    clock: { paused: true, ...options.clock },
  });
  const server = setupServer(...tellingRequestIds(createHandlers(backend)));
  const answers = watchAnswers(server, (requestId) => backend.faultAnswered.delete(requestId));
  const failOnBreaches = async () => {
    const breaches = await answers.breaches();
    if (breaches.length > 0) {
      throw new Error(`The mock answered outside its published contract:\n${breaches.join('\n')}`);
    }
  };
  afterEach(failOnBreaches);
  afterAll(failOnBreaches);
  let token = backend.initialSession?.token ?? null;
  return {
    server,
    /** What the answers since the last call broke: for a test that breaks the contract on purpose. */
    contractBreaches: answers.breaches,
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
      /** The current state as a scenario document, as `GET /__mock/snapshot` answers it. */
      snapshot: () => backend.snapshot(),
    },
  };
}
