import { describe, expect, test } from 'vitest';
import { DEFAULT_REDIRECT, parseSignInSearch, safeRedirectPath } from '../sign-in-search';

describe('safeRedirectPath', () => {
  test.each([
    [
      'a console page with its filters',
      '/admin/manageOrders?status=paid&q=ORD-1',
      '/admin/manageOrders?status=paid&q=ORD-1',
    ],
    [
      'an order in the drawer',
      '/admin/manageOrders/ORD-1002?view=attention',
      '/admin/manageOrders/ORD-1002?view=attention',
    ],
    ['a hash', '/admin/manageOrders#top', '/admin/manageOrders#top'],
    ['nothing', undefined, DEFAULT_REDIRECT],
    ['an empty string', '', DEFAULT_REDIRECT],
    ['a number', 42, DEFAULT_REDIRECT],
    ['an absolute URL', 'https://evil.test/admin', DEFAULT_REDIRECT],
    ['a protocol-relative URL', '//evil.test/admin', DEFAULT_REDIRECT],
    ['a backslash that browsers read as a slash', '/\\evil.test', DEFAULT_REDIRECT],
    ['a tab that URL parsing drops', '/\t/evil.test', DEFAULT_REDIRECT],
    ['a newline that URL parsing drops', '/\n/evil.test', DEFAULT_REDIRECT],
    ['a javascript: URL', 'javascript:alert(1)', DEFAULT_REDIRECT],
    ['a relative path', 'admin/manageOrders', DEFAULT_REDIRECT],
    ['a path that climbs to a double slash', '/./\\/evil.test', DEFAULT_REDIRECT],
    ['the sign-in page itself', '/sign-in?redirect=%2Fsign-in', DEFAULT_REDIRECT],
    ['an overlong value', `/${'a'.repeat(2_001)}`, DEFAULT_REDIRECT],
  ])('%s', (_case, value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });
});

describe('parseSignInSearch', () => {
  test('keeps a safe redirect and a known reason', () => {
    expect(parseSignInSearch({ redirect: '/admin/manageOrders?status=paid', reason: 'expired' })).toEqual({
      redirect: '/admin/manageOrders?status=paid',
      reason: 'expired',
    });
  });

  test('falls back to the default page and no reason, never an error', () => {
    expect(parseSignInSearch({ redirect: '//evil.test', reason: 'hacked' })).toEqual({
      redirect: DEFAULT_REDIRECT,
      reason: undefined,
    });
    expect(parseSignInSearch({})).toEqual({ redirect: DEFAULT_REDIRECT, reason: undefined });
  });
});
