import { createMockServer } from '@mocks/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * The real mock backend over the network, reset after every test. Call once at the top of a test
 * file; a test picks another scenario with `backend.reset(name)` before rendering.
 */
export function setupMockBackend() {
  const mock = createMockServer();
  beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    mock.server.resetHandlers();
    // Named: a bare reset() keeps the scenario the last test switched to.
    mock.backend.reset();
  });
  afterAll(() => mock.server.close());
  return mock;
}
