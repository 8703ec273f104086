import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { prepareSearchInSlices } from '../serve-backend';

/** A backend whose search index needs `slices` calls to build, and again whenever `change` says so. */
function backendBuildingIn(slices: number) {
  let slicesLeft = slices;
  let calls = 0;
  const listeners = new Set<() => void>();
  const engine = {
    prepareSearch: () => {
      calls += 1;
      slicesLeft = Math.max(0, slicesLeft - 1);
      return slicesLeft === 0;
    },
  };
  return {
    backend: {
      read: <T>(operation: (searchable: typeof engine) => T) => operation(engine),
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    /** A change to the backend (a request, a reset) after which the index needs `slicesNeeded` more calls. */
    change: (slicesNeeded: number) => {
      slicesLeft = slicesNeeded;
      for (const listener of listeners) listener();
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

test('builds the index one slice a task until it is ready, then stops', () => {
  const { backend, calls } = backendBuildingIn(3);
  prepareSearchInSlices(backend);
  expect(calls()).toBe(0);
  vi.advanceTimersToNextTimer();
  expect(calls()).toBe(1);
  vi.runAllTimers();
  expect(calls()).toBe(3);
});

test('after a change that leaves the index to rebuild (a reset, many changed orders), builds it again in slices', () => {
  const { backend, change, calls } = backendBuildingIn(1);
  prepareSearchInSlices(backend);
  vi.runAllTimers();
  expect(calls()).toBe(1);

  change(4);
  vi.runAllTimers();
  expect(calls()).toBe(5);
});

test('a burst of changes queues one slice, not one per change', () => {
  const { backend, change, calls } = backendBuildingIn(1);
  prepareSearchInSlices(backend);
  vi.runAllTimers();
  for (let count = 0; count < 10; count += 1) change(0);
  expect(vi.getTimerCount()).toBe(1);
  vi.runAllTimers();
  expect(calls()).toBe(2);
});
