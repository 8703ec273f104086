import type { MockBackend } from './mock-backend';

/**
 * What a running backend does between requests, wherever it runs: play run steps as they fall due
 * on the wall clock, and build the list's indexes in idle slices.
 */

/**
 * Slices stay short: a request that arrives during one waits for it to end, and an admin often
 * clicks right after the page loads.
 */
const INDEX_SLICE_MS = 5;

/**
 * Reads the filter values and builds the search index a slice at a time between requests;
 * otherwise the admin's first filter change or search would wait for that work. Again after every
 * change, which finds both ready in one call unless a scenario reset replaced them, enough orders
 * changed to rebuild the search index, or its character lists are still being made.
 * Returns a function that stops it, for a backend that is put away (the server unloading a tenant).
 */
export function prepareIndexesInSlices(backend: {
  read<T>(operation: (world: { orderList: { prepare(budgetMs: number): boolean } }) => T): T;
  subscribe(listener: () => void): () => void;
}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    const ready = backend.read(({ orderList }) => orderList.prepare(INDEX_SLICE_MS));
    // Only now: a read that plays the clock saves, and the save's notice must not queue another slice.
    timer = undefined;
    if (!ready) schedule();
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(step);
  };
  const unsubscribe = backend.subscribe(schedule);
  schedule();
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

/**
 * Wakes the backend when its next run step falls due on the wall clock, at the clock's speed.
 * Returns a function that stops it.
 */
export function driveClock(backend: MockBackend): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    const delay = backend.wallDelayToNextWake();
    if (delay === null) return;
    // Browsers clamp long timeouts; waking early is harmless, the backend just settles again.
    timer = setTimeout(() => backend.transact(() => undefined), Math.min(delay + 1, 60_000));
  };
  const unsubscribe = backend.subscribe(schedule);
  schedule();
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
