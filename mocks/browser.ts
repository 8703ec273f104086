import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { backendStorage } from './tab-storage';
import { connectToBackend } from './worker/connect-backend';

/**
 * Starts the simulated backend in a worker of this tab and answers the console's `fetch` calls from
 * it. Resolves with the session the console should hold when the mock started one (a fresh
 * scenario, or `?as=`), undefined when it resumed and the console keeps its own. The worker sends
 * it before seeding its orders, so the console starts while they are built.
 *
 * Requests are intercepted in the page and posted to the worker, not sent through MSW's service
 * worker: the same handlers run either way, but the service worker adds a trip through the browser
 * process to every request (far longer while the page is busy) and a registration to every first
 * visit. Intercepting is in place when this returns, so the console's first request is
 * never lost; it waits in the worker's queue until the seed is built. Requests no handler claims
 * go to the network.
 */
export async function startMockBackend(): Promise<{ initialSession: { token: string | null } | undefined }> {
  const worker = new Worker(new URL('./worker/backend-worker.ts', import.meta.url), {
    type: 'module',
    name: 'mock-backend',
  });
  const storage = backendStorage(() => sessionStorage);
  const url = new URL(window.location.href);
  const options = storage.takeStart(url);
  // Without the start options, so that a reload continues instead of restarting.
  window.history.replaceState(window.history.state, '', url);
  const backend = connectToBackend(worker, { saved: storage.saved(), options }, storage.save);
  const interceptor = new FetchInterceptor();
  interceptor.on('request', async ({ request, controller }) => {
    const response = await backend.respond(request);
    if (response) controller.respondWith(response);
  });
  interceptor.apply();
  unregisterOldServiceWorker();
  return { initialSession: await backend.initialSession };
}

/** Earlier versions answered through MSW's service worker; one left registered would delay every request. */
function unregisterOldServiceWorker(): void {
  void navigator.serviceWorker?.getRegistrations().then((registrations) => {
    for (const registration of registrations) {
      if (registration.active?.scriptURL.endsWith('/mockServiceWorker.js')) void registration.unregister();
    }
  });
}
