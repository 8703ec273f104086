import { describe, expect, test } from 'vitest';
import { hasFilters, noFilters, parseOrderFilters } from '../filters';

describe('parseOrderFilters: the URL search of Manage orders', () => {
  test.each<[string, Record<string, unknown>, Partial<ReturnType<typeof parseOrderFilters>>]>([
    ['no search', {}, {}],
    [
      'every filter',
      { status: 'confirmed', provider: 'smartvps', provisioning: 'failed', q: 'ORD-1002' },
      { status: 'confirmed', provider: 'smartvps', provisioning: 'failed', q: 'ORD-1002' },
    ],
    ['"none" for never started', { provisioning: 'none' }, { provisioning: 'none' }],
    [
      'an unknown status is dropped, the rest kept',
      { status: 'bogus', provider: 'hostycare' },
      { provider: 'hostycare' },
    ],
    ['an unknown provider is dropped', { provider: 'aws' }, {}],
    ['a non-string value is dropped', { status: 42, q: ['a', 'b'] }, {}],
    ['the search is trimmed', { q: '  103.177  ' }, { q: '103.177' }],
    ['a blank search is dropped', { q: '   ' }, {}],
    ['a search over 100 characters is dropped', { q: 'x'.repeat(101) }, {}],
    ['unknown params are dropped', { page: '2', status: 'paid' }, { status: 'paid' }],
    [
      'the Needs attention view',
      { view: 'attention', provider: 'smartvps' },
      { view: 'attention', provider: 'smartvps' },
    ],
    ['an unknown view is dropped', { view: 'everything' }, {}],
  ])('%s', (_name, search, expected) => {
    // Every key is present, so the router's merge overrides an invalid raw value with undefined.
    expect(parseOrderFilters(search)).toStrictEqual({ view: undefined, ...noFilters, ...expected });
  });
});

describe('hasFilters', () => {
  test.each<[string, Parameters<typeof hasFilters>[0], boolean]>([
    ['none set', {}, false],
    ['all cleared', noFilters, false],
    ['a status', { status: 'paid' }, true],
    ['a search', { q: 'asha' }, true],
    ['only the Needs attention view: a tab, not a filter', { view: 'attention' }, false],
  ])('%s', (_name, filters, expected) => {
    expect(hasFilters(filters)).toBe(expected);
  });
});
