import type { MockBackend } from './backend/mock-backend';
import { mockControlHandlers } from './handlers/mock-control';
import { openApiHandlers } from './handlers/openapi';
import { orderHandlers } from './handlers/orders';
import { provisioningHandlers } from './handlers/provisioning';
import { scenarioHandlers } from './handlers/scenarios';
import { sessionHandlers } from './handlers/session';
import { unknownPathHandlers } from './handlers/unknown-paths';

/** One handler list for the browser's worker, the standalone server and Node tests. */
export function createHandlers(backend: MockBackend) {
  return [
    ...sessionHandlers(backend),
    ...provisioningHandlers(backend),
    ...orderHandlers(backend),
    ...mockControlHandlers(backend),
    ...scenarioHandlers(backend),
    ...openApiHandlers(),
    ...unknownPathHandlers(),
  ];
}
