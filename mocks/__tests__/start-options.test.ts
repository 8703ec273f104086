import { describe, expect, test } from 'vitest';
import { takeStartOptions } from '../start-options';

const take = (search: string, pendingStart: string | null = null) => {
  const url = new URL(`http://console.test/admin/manageOrders${search}`);
  const taken = takeStartOptions(url, pendingStart);
  return { ...taken, left: `${url.pathname}${url.search}` };
};

describe('takeStartOptions', () => {
  test.each([
    ['?scenario=huge', { scenario: 'huge' }],
    ['?scenario=default&clock=paused', { scenario: 'default', clock: { paused: true } }],
    ['?clock=running&speed=60', { clock: { speed: 60, paused: false } }],
    ['?as=support', { as: 'support' }],
    ['?as=expired&scenario=large', { scenario: 'large', as: 'expired' }],
  ])('%s asks for %j, and the start stays pending until the backend saves it', (search, options) => {
    const taken = take(search);
    expect(taken.options).toEqual(options);
    expect(JSON.parse(taken.pendingStart ?? 'null')).toEqual(options);
    expect(taken.left).toBe('/admin/manageOrders');
  });

  test.each([
    ['a speed of 0', '?speed=0'],
    ['a speed past the maximum', '?speed=100000'],
    ['a speed that is not a number', '?speed=fast'],
    ['an unknown clock', '?clock=stopped'],
    ['an unknown user', '?as=root'],
    ['an empty scenario', '?scenario='],
  ])('%s is ignored and still removed from the URL', (_, search) => {
    expect(take(search)).toEqual({ options: {}, pendingStart: null, left: '/admin/manageOrders' });
  });

  test("the console's own parameters stay in the URL", () => {
    expect(take('?scenario=large&q=noah&status=paid').left).toBe('/admin/manageOrders?q=noah&status=paid');
  });

  test('a load without start options repeats the start a reload interrupted', () => {
    const pending = JSON.stringify({ scenario: 'huge', as: 'support' });
    expect(take('', pending)).toEqual({
      options: { scenario: 'huge', as: 'support' },
      pendingStart: pending,
      left: '/admin/manageOrders',
    });
  });

  test("the URL's options win over a pending start", () => {
    expect(take('?scenario=empty', JSON.stringify({ scenario: 'huge' })).options).toEqual({ scenario: 'empty' });
  });

  test.each([
    ['not JSON', '{"scenario": '],
    ['the wrong shape', '{"scenario": 42}'],
    ['a speed out of range', '{"clock": {"speed": -1}}'],
  ])('a pending start that is %s is dropped: the saved backend goes on', (_, pending) => {
    expect(take('', pending)).toEqual({ options: {}, pendingStart: null, left: '/admin/manageOrders' });
  });
});
