import * as jestDomMatchers from '@testing-library/jest-dom/matchers';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

expect.extend(jestDomMatchers);

// jsdom does not scroll; the router resets the scroll position on every navigation.
window.scrollTo = () => undefined;

// Nor does it capture pointers, which Radix toasts check when a pointer is released on them.
Element.prototype.hasPointerCapture = () => false;
Element.prototype.releasePointerCapture = () => undefined;

// Followed runs poll every 1.5 s of real time, and role queries over a full table are slow in
// jsdom: the default 1 s would give up before the first poll.
configure({ asyncUtilTimeout: 8_000 });

let consoleError: MockInstance<typeof console.error>;

beforeEach(() => {
  // Still printed, so the failure shows what React or a library complained about.
  consoleError = vi.spyOn(console, 'error');
});

afterEach(() => {
  cleanup();
  // The provisioning store keeps followed runs in sessionStorage; the next test starts without them.
  sessionStorage.clear();
  const calls = consoleError.mock.calls;
  consoleError.mockRestore();
  if (calls.length > 0) throw new Error(`Unexpected console.error (${calls.length}x); see the output above`);
});
