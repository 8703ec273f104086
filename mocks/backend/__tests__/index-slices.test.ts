import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { prepareIndexesInSlices } from '../between-requests';

/**
 * A backend whose indexes need `slices` calls to build, and again whenever `change` says so.
 * With `readsSave`, every read saves and notifies, as a read does when the clock played something.
 */
function backendBuildingIn(slices: number, { readsSave = false } = {}) {
  let slicesLeft = slices;
  let calls = 0;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const orderList = {
    prepare: () => {
      calls += 1;
      slicesLeft = Math.max(0, slicesLeft - 1);
      return slicesLeft === 0;
    },
  };
  return {
    backend: {
      read: <T>(operation: (world: { orderList: typeof orderList }) => T) => {
        const result = operation({ orderList });
        if (readsSave) notify();
        return result;
      },
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    /** A change to the backend (a request, a reset) after which the indexes need `slicesNeeded` more calls. */
    change: (slicesNeeded: number) => {
      slicesLeft = slicesNeeded;
      notify();
    },
    calls: () => calls,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

test('builds the indexes one slice a task until they are ready, then stops', () => {
  const { backend, calls } = backendBuildingIn(3);
  prepareIndexesInSlices(backend);
  expect(calls()).toBe(0);
  vi.advanceTimersToNextTimer();
  expect(calls()).toBe(1);
  vi.runAllTimers();
  expect(calls()).toBe(3);
});

test('after a change that leaves the search index to rebuild (a reset, many changed orders), builds the indexes again in slices', () => {
  const { backend, change, calls } = backendBuildingIn(1);
  prepareIndexesInSlices(backend);
  vi.runAllTimers();
  expect(calls()).toBe(1);

  change(4);
  vi.runAllTimers();
  expect(calls()).toBe(5);
});

test('a burst of changes queues one slice, not one per change', () => {
  const { backend, change, calls } = backendBuildingIn(1);
  prepareIndexesInSlices(backend);
  vi.runAllTimers();
  for (let count = 0; count < 10; count += 1) change(0);
  expect(vi.getTimerCount()).toBe(1);
  vi.runAllTimers();
  expect(calls()).toBe(2);
});

test('a slice whose read saves (the clock played something) queues no slice of its own', () => {
  const { backend, calls } = backendBuildingIn(2, { readsSave: true });
  prepareIndexesInSlices(backend);
  vi.runAllTimers();
  expect(calls()).toBe(2);
  expect(vi.getTimerCount()).toBe(0);
});
