import { describe, expect, it } from 'vitest';
import { getDomain } from '../tldts';

describe('getDomain (the mock bundle stand-in for tldts)', () => {
  it.each([
    ['example.com', 'example.com'],
    ['qa.example.com', 'example.com'],
    ['a.b.console.example.org.', 'example.org'],
    ['QA.Example.COM', 'example.com'],
    ['localhost', null],
    ['127.0.0.1', null],
    ['::1', null],
    ['[::1]', null],
    ['', null],
    ['bad..example.com', null],
  ])('%s → %s', (hostname, expected) => {
    expect(getDomain(hostname)).toBe(expected);
  });
});
