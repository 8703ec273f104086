import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { backendStorage } from './tab-storage';
import { connectToBackend, type BackendChannel, type BackendEvents } from './worker/connect-backend';
import { tabLockName } from './worker/messages';

/**
 * Starts the simulated backend in a worker and answers the console's API calls from it. Where the
 * browser has SharedWorker, every tab of the profile talks to one backend, saved in IndexedDB: a tab
 * opened from a link sees the same world, two tabs can race on one order, and the state outlives the
 * tabs. Elsewhere each tab gets its own backend, saved in its sessionStorage.
 *
 * Requests are intercepted in the page and posted to the worker, not sent through MSW's service
 * worker: the same handlers run either way, but the service worker adds a trip through the browser
 * process to every request and a registration to every first visit. Only same-origin `/api/` and
 * `/__mock/` requests go to the backend; anything else reaches the network untouched. Intercepting
 * is in place when this returns, so the console's first request is never lost.
 *
 * Resolves with the session this tab should hold: its own while the backend knows it, else the one
 * the backend started last. The worker says so before it builds its seed, so the console starts
 * meanwhile.
 */
export async function startMockBackend({
  token,
  onSessionsReplaced,
}: {
  token: string | null;
  onSessionsReplaced: BackendEvents['onSessionsReplaced'];
}): Promise<{ token: string | null }> {
  const tabId = crypto.randomUUID();
  let channel: BackendChannel;
  let saved: string | null = null;
  const events: BackendEvents = { onSessionsReplaced };
  if (typeof SharedWorker === 'function') {
    await holdTabLock(tabId);
    // The URL is written out in each call, as Vite needs to find and bundle the worker. Kept alive
    // for a while after the last tab closes, so that a reload finds the backend still running
    // instead of building it again (Chromium; other browsers ignore the option).
    const worker = new SharedWorker(new URL('./worker/backend-worker.ts', import.meta.url), {
      type: 'module',
      name: 'mock-backend',
      extendedLifetime: true,
    });
    worker.port.start();
    channel = { port: worker.port, errors: worker };
  } else {
    const storage = backendStorage(() => sessionStorage);
    saved = storage.saved();
    events.onSaved = storage.save;
    const worker = new Worker(new URL('./worker/backend-worker.ts', import.meta.url), {
      type: 'module',
      name: 'mock-backend',
    });
    channel = { port: worker, errors: worker };
  }
  const backend = connectToBackend(channel, { token, tabId, saved }, events);

  const interceptor = new FetchInterceptor();
  interceptor.on('request', async ({ request, controller }) => {
    if (isBackendRequest(request)) controller.respondWith(await backend.respond(request));
  });
  interceptor.apply();
  unregisterOldServiceWorker();
  return { token: await backend.session };
}

/** The console's API and the mock's control API, on this origin: nothing else is the backend's. */
function isBackendRequest(request: Request): boolean {
  const url = new URL(request.url);
  return url.origin === window.location.origin && /^\/(api|__mock)\//.test(url.pathname);
}

/**
 * A Web Lock held for as long as this page lives: the SharedWorker asks for it too, and is granted
 * it once the tab has gone, which is how it learns to let the tab's port go.
 */
function holdTabLock(tabId: string): Promise<void> {
  return new Promise((held) => {
    if (!navigator.locks) return held();
    void navigator.locks.request(tabLockName(tabId), () => {
      held();
      return new Promise<never>(() => undefined);
    });
  });
}

/** Earlier versions answered through MSW's service worker; one left registered would delay every request. */
function unregisterOldServiceWorker(): void {
  void navigator.serviceWorker?.getRegistrations().then((registrations) => {
    for (const registration of registrations) {
      if (registration.active?.scriptURL.endsWith('/mockServiceWorker.js')) void registration.unregister();
    }
  });
}

declare global {
  interface WorkerOptions {
    /** Chromium: how long a SharedWorker outlives its last tab (not in TypeScript's DOM library yet). */
    extendedLifetime?: boolean;
  }
}
