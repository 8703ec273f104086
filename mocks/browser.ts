import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { takeStartOptions } from './start-options';
import { connectToBackend } from './worker/connect-backend';
import type { StartOptions } from './worker/messages';

const STORAGE_KEY = 'provision-console:mock-backend';
/**
 * The URL's start options until the backend has saved the start they asked for: a reload before
 * then (seeding 100,000 orders takes ~0.7 s) starts again instead of resuming the previous backend
 * with a session the console never got.
 */
const PENDING_START_KEY = 'provision-console:mock-start';

/**
 * Starts the simulated backend in a worker of this tab and answers the console's `fetch` calls from
 * it. Resolves with the session the console should hold when the mock started one (a fresh
 * scenario, or `?as=`), undefined when it resumed and the console keeps its own. The worker sends
 * it before seeding its orders, so the console starts while they are built.
 *
 * Requests are intercepted in the page and posted to the worker, not sent through MSW's service
 * worker: the same handlers run either way, but the service worker adds a trip through the browser
 * process to every request (~10 ms here, far more while the page is busy) and a registration to
 * every first visit. Intercepting is in place when this returns, so the console's first request is
 * never lost; it waits in the worker's queue until the seed is built. Requests no handler claims
 * go to the network.
 */
export async function startMockBackend(): Promise<{ initialSession: { token: string | null } | undefined }> {
  const worker = new Worker(new URL('./worker/backend-worker.ts', import.meta.url), { type: 'module', name: 'mock-backend' });
  const backend = connectToBackend(worker, { saved: readStorage(STORAGE_KEY), options: startOptions() }, (serialized) => {
    writeStorage(STORAGE_KEY, serialized);
    writeStorage(PENDING_START_KEY, null);
  });
  const interceptor = new FetchInterceptor();
  interceptor.on('request', async ({ request, controller }) => {
    const response = await backend.respond(request);
    if (response) controller.respondWith(response);
  });
  interceptor.apply();
  unregisterOldServiceWorker();
  return { initialSession: await backend.initialSession };
}

/** The URL's start options, or those of a start a reload interrupted; the URL is left without them. */
function startOptions(): StartOptions {
  const url = new URL(window.location.href);
  const { options, pendingStart } = takeStartOptions(url, readStorage(PENDING_START_KEY));
  window.history.replaceState(window.history.state, '', url);
  writeStorage(PENDING_START_KEY, pendingStart);
  return options;
}

function readStorage(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Per tab, so parallel pages and Playwright workers never share a backend, yet a reload keeps it. null removes. */
function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch (error) {
    console.warn('The mock backend could not save its data; a reload will start the scenario again.', error);
  }
}

/** Earlier versions answered through MSW's service worker; one left registered would delay every request. */
function unregisterOldServiceWorker(): void {
  void navigator.serviceWorker?.getRegistrations().then((registrations) => {
    for (const registration of registrations) {
      if (registration.active?.scriptURL.endsWith('/mockServiceWorker.js')) void registration.unregister();
    }
  });
}
