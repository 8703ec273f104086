import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { SessionResponseSchema } from '@/contract/session-api';
import { createMockServer } from '../node';
import { applyStartOptions, takeStartOptions } from '../start-options';

const ORIGIN = 'http://console.test';

const take = (search: string) => {
  const url = new URL(`${ORIGIN}/admin/manageOrders${search}`);
  const options = takeStartOptions(url);
  return { options, left: `${url.pathname}${url.search}` };
};

describe('takeStartOptions', () => {
  test.each([
    ['?scenario=huge', { scenario: 'huge' }],
    ['?scenario=default&clock=paused', { scenario: 'default', clock: { paused: true } }],
    ['?clock=running&speed=60', { clock: { speed: 60, paused: false } }],
    ['?as=support', { as: 'support' }],
    ['?as=expired&scenario=large', { scenario: 'large', as: 'expired' }],
  ])('%s asks for %j, and leaves the URL without it', (search, options) => {
    expect(take(search)).toEqual({ options, left: '/admin/manageOrders' });
  });

  test.each([
    ['a speed of 0', '?speed=0'],
    ['a speed past the maximum', '?speed=100000'],
    ['a speed that is not a number', '?speed=fast'],
    ['an unknown clock', '?clock=stopped'],
    ['an unknown user', '?as=root'],
    ['an empty scenario', '?scenario='],
  ])('%s is ignored and still removed from the URL', (_, search) => {
    expect(take(search)).toEqual({ options: {}, left: '/admin/manageOrders' });
  });

  test("the console's own parameters stay in the URL", () => {
    expect(take('?scenario=large&q=noah&status=paid').left).toBe('/admin/manageOrders?q=noah&status=paid');
  });
});

describe('applyStartOptions, through the control API', () => {
  const { server, backend } = createMockServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => backend.reset());
  afterAll(() => server.close());

  test('a scenario starts from its seed, signed in as asked, and the console is handed that session', async () => {
    const started = await applyStartOptions({ scenario: 'smartvps-down', as: 'support' }, ORIGIN);
    expect(backend.state().scenario).toBe('smartvps-down');
    const session = await fetch(`${ORIGIN}/api/session`, { headers: { authorization: `Bearer ${started?.token}` } });
    expect(SessionResponseSchema.parse(await session.json()).user.role).toBe('support');
  });

  test('a user alone switches the sessions and keeps the data', async () => {
    await applyStartOptions({ scenario: 'bulk-backlog' }, ORIGIN);
    const started = await applyStartOptions({ as: 'signedOut' }, ORIGIN);
    expect(started).toEqual({ token: null });
    expect(backend.state().scenario).toBe('bulk-backlog');
  });

  test('the clock takes its speed and its pause', async () => {
    expect(await applyStartOptions({ clock: { speed: 60, paused: false } }, ORIGIN)).toBeUndefined();
    expect(backend.state()).toMatchObject({ speed: 60, paused: false });
  });

  test('an unknown scenario is reported, and the backend goes on as it was', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await applyStartOptions({ scenario: 'no-such-scenario' }, ORIGIN)).toBeUndefined();
    expect(backend.state().scenario).toBe('default');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Unknown scenario "no-such-scenario"'));
    warn.mockRestore();
  });
});
