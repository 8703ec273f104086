import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { getResponse } from 'msw';
import { MAX_SPEED, MockStartSessionSchema, type MockStartSession } from '@/contract/mock-control';
import { MockBackend, type ClockOverrides, type SnapshotStore } from './backend';
import { createHandlers } from './handlers';
import { findScenario, scenarioNames } from './scenarios/catalogue';

const STORAGE_KEY = 'provision-console:mock-backend';

/** Per tab, so parallel pages and Playwright workers never share a backend, yet a reload keeps it. */
const sessionStore: SnapshotStore = {
  load: () => sessionStorage.getItem(STORAGE_KEY),
  save: (serialized) => {
    try {
      sessionStorage.setItem(STORAGE_KEY, serialized);
    } catch (error) {
      console.warn('The mock backend could not save its data; a reload will start the scenario again.', error);
    }
  },
};

/**
 * Starts the simulated backend in this tab and answers the console's `fetch` calls from it.
 * `initialSession` is the session the console should hold when the mock started one (a fresh
 * scenario, or `?as=`), undefined when it resumed and the console keeps its own: it is known at
 * once, so the console can take it before anything can interrupt the page (a reload during the first
 * visit would otherwise leave the saved backend with a session the console never got).
 *
 * Requests are answered in the page, not through MSW's service worker: the same handlers run either
 * way, but the worker adds a round trip between threads to every request (~10 ms here, far more while
 * the page is busy) and a registration to every first visit. Intercepting is in place when this
 * returns, so the console's first request is never lost. Requests no handler claims go to the network.
 */
export function startMockBackend(): { initialSession: { token: string | null } | undefined } {
  const backend = new MockBackend({ wallNow: () => Date.now(), store: sessionStore, ...scenarioFromUrl() });
  driveClock(backend);
  const handlers = createHandlers(backend);
  const interceptor = new FetchInterceptor();
  interceptor.on('request', async ({ request, controller }) => {
    const response = await getResponse(handlers, request);
    if (response) controller.respondWith(response);
  });
  interceptor.apply();
  prepareSearchWhenIdle(backend);
  unregisterOldServiceWorker();
  return { initialSession: backend.initialSession };
}

/**
 * Slices of idle work stay short even when the browser offers 50 ms: a click that arrives during
 * one waits for it to end, and an admin often clicks right after the page loads.
 */
const IDLE_SLICE_MS = 5;

/**
 * Builds the search index in idle periods, a slice at a time; otherwise the first search builds it
 * on the admin's first keystroke (~15 ms at 10,000 orders, ~150 ms at 100,000).
 */
function prepareSearchWhenIdle(backend: MockBackend): void {
  requestIdleCallback(function step(deadline) {
    const budgetMs = Math.min(IDLE_SLICE_MS, deadline.timeRemaining());
    if (!backend.read((engine) => engine.prepareSearch(budgetMs))) requestIdleCallback(step);
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

/**
 * Reads `?scenario=`, `&speed=`, `&clock=paused` and `&as=admin|support|signedOut`, then drops them
 * so a reload continues instead of restarting.
 */
function scenarioFromUrl(): { scenario?: string; clock?: ClockOverrides; as?: MockStartSession } {
  const url = new URL(window.location.href);
  const scenario = url.searchParams.get('scenario');
  const speed = Number(url.searchParams.get('speed'));
  const clockParam = url.searchParams.get('clock');
  const as = MockStartSessionSchema.safeParse(url.searchParams.get('as'));
  for (const name of ['scenario', 'speed', 'clock', 'as']) url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url);

  if (scenario && !findScenario(scenario)) {
    console.warn(`Unknown scenario "${scenario}"; known: ${scenarioNames.join(', ')}. Keeping the current one.`);
  }
  const clock: ClockOverrides = {
    ...(speed > 0 && speed <= MAX_SPEED ? { speed } : {}),
    ...(clockParam === 'paused' ? { paused: true } : clockParam === 'running' ? { paused: false } : {}),
  };
  return {
    ...(scenario && findScenario(scenario) ? { scenario } : {}),
    ...(Object.keys(clock).length > 0 ? { clock } : {}),
    ...(as.success ? { as: as.data } : {}),
  };
}

/** Wakes the backend when its next run step falls due on the wall clock, at the clock's speed. */
function driveClock(backend: MockBackend): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    const delay = backend.wallDelayToNextWake();
    if (delay === null) return;
    // Browsers clamp long timeouts; waking early is harmless, the backend just settles again.
    timer = setTimeout(() => backend.transact(() => undefined), Math.min(delay + 1, 60_000));
  };
  backend.subscribe(schedule);
  schedule();
}
