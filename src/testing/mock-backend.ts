import type { MockStartSession } from '@/contract/mock-control';
import { writeSessionToken } from '@/lib/session-token';
import { createMockServer } from '@mocks/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

// What tests read from the mock's own data, so they follow it: tests reach mocks/ through here only.
export { userWithRole } from '@mocks/data/users';
export { scenarios } from '@mocks/scenarios/catalogue';

/**
 * The real mock backend over the network, reset after every test. Call once at the top of a test
 * file; a test picks another scenario with `backend.reset(name)` before rendering. The console
 * holds the session the backend started (the admin's, unless the scenario or `as` says otherwise),
 * as it does in the browser.
 */
export function setupMockBackend() {
  const mock = createMockServer();
  const handToConsole = () => writeSessionToken(mock.backend.sessionToken());
  beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(handToConsole);
  afterEach(() => {
    mock.server.resetHandlers();
    // Named: a bare reset() keeps the scenario the last test switched to.
    mock.backend.reset();
  });
  afterAll(() => mock.server.close());
  return {
    ...mock,
    backend: {
      ...mock.backend,
      reset: (scenario?: string, as?: MockStartSession) => {
        mock.backend.reset(scenario, as);
        handToConsole();
      },
      signInAs: (as: MockStartSession) => {
        mock.backend.signInAs(as);
        handToConsole();
      },
    },
  };
}
