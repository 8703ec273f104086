import type { MockBackend } from './backend/mock-backend';
import { mockControlHandlers } from './handlers/mock-control';
import { orderHandlers } from './handlers/orders';
import { provisioningHandlers } from './handlers/provisioning';
import { sessionHandlers } from './handlers/session';

/** One handler list for the browser worker and the Node server. */
export function createHandlers(backend: MockBackend) {
  return [
    ...sessionHandlers(backend),
    ...provisioningHandlers(backend),
    ...orderHandlers(backend),
    ...mockControlHandlers(backend),
  ];
}
