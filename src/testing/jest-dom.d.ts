import type { TestingLibraryMatchers } from '@testing-library/jest-dom/matchers';

// jest-dom's own `vitest` entry would do this, but only as a side-effect import.
declare module 'vitest' {
  interface Matchers<T> extends TestingLibraryMatchers<unknown, T> {}
}
