import { setupServer } from 'msw/node';
import { MockBackend, type ClockOverrides } from './backend';
import { createHandlers } from './handlers';

/** Tests' wall clock: fixed, so the simulated clock only moves when a test advances it. */
export const TEST_WALL_TIME = Date.parse('2026-11-24T12:00:00.000Z');

/**
 * The mock backend for Node tests (vitest, component tests): the same handlers the browser
 * worker uses, on a paused clock that tests move with `backend.advance(ms)`.
 */
export function createMockServer(options: { scenario?: string; clock?: ClockOverrides } = {}) {
  const backend = new MockBackend({
    wallNow: () => TEST_WALL_TIME,
    ...(options.scenario ? { scenario: options.scenario } : {}),
    clock: { paused: true, ...options.clock },
  });
  const server = setupServer(...createHandlers(backend));
  return {
    server,
    backend: {
      advance: (ms: number) => backend.advance(ms),
      reset: (scenario?: string) => backend.reset(scenario ?? options.scenario ?? 'default', { paused: true, ...options.clock }),
      upstreamCalls: () => backend.transact((engine) => engine.upstreamCalls()),
      requests: () => backend.requests(),
      state: () => backend.state(),
    },
  };
}
