import { afterEach, describe, expect, test, vi } from 'vitest';
import { OrderListResponseSchema } from '@/contract/orders-api';
import { ProvisionResponseSchema } from '@/contract/provision-api';
import { connectToBackend } from '../connect-backend';
import type { StartOptions } from '../../start-options';
import type { BackendMessage, MessageEndpoint, PageMessage } from '../messages';
import { serveMockBackend } from '../serve-backend';

/*
 * The page and the backend's worker over a real MessageChannel: what the console sends arrives
 * whole, every answer comes back as a Response, and a failure of the worker never leaves a request
 * waiting.
 */

const ORIGIN = 'http://console.test';
const WALL = Date.parse('2026-11-24T12:00:00.000Z');
const openPorts: MessagePort[] = [];

afterEach(() => {
  for (const port of openPorts.splice(0)) port.close();
});

/** A backend in a "worker" at one end of a channel, the page's connection at the other. */
function startBackend(
  options: StartOptions = { scenario: 'default', clock: { paused: true } },
  saved: string | null = null,
  wallNow = () => WALL,
) {
  const { port1: pageSide, port2: workerSide } = new MessageChannel();
  openPorts.push(pageSide, workerSide);
  serveMockBackend(workerSide as MessageEndpoint<PageMessage>, wallNow);
  workerSide.start();
  const saves: string[] = [];
  const connection = connectToBackend(
    pageSide as MessageEndpoint<BackendMessage> & MessagePort,
    { saved, options },
    (serialized) => saves.push(serialized),
  );
  pageSide.start();
  return { ...connection, saves, pageSide };
}

async function injectFault(backend: ReturnType<typeof startBackend>, fault: object): Promise<void> {
  const response = await backend.respond(
    new Request(`${ORIGIN}/__mock/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'listOrders', fault }),
    }),
  );
  expect(response?.status).toBe(200);
}

const bearer = (token: string | null | undefined): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

describe('the mock backend in a worker', () => {
  test('starts the scenario, hands the console its session and answers its requests', async () => {
    const backend = startBackend();
    const session = await backend.initialSession;
    expect(session?.token).toEqual(expect.any(String));

    const response = await backend.respond(
      new Request(`${ORIGIN}/api/orders?limit=5`, { headers: bearer(session?.token) }),
    );
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toBe('application/json');
    const page = OrderListResponseSchema.parse(await response?.json());
    expect(page.orders).toHaveLength(5);
    expect(page.total).toBe(44);
  });

  test("a request's body arrives whole, and the change it makes is saved for the next load", async () => {
    const backend = startBackend();
    const token = (await backend.initialSession)?.token;
    const savesBefore = backend.saves.length;
    const response = await backend.respond(
      new Request(`${ORIGIN}/api/orders/provision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify({ orderId: 'ORD-1001' }),
      }),
    );
    expect(response?.status).toBe(202);
    expect(ProvisionResponseSchema.parse(await response?.json())).toMatchObject({ code: 'PROVISIONING_STARTED' });
    // Saved before the answer was sent, so a reload right after the answer keeps the change.
    expect(backend.saves.length).toBeGreaterThan(savesBefore);

    const reloaded = startBackend({}, backend.saves.at(-1));
    expect(await reloaded.initialSession).toBeUndefined();
    const detail = await reloaded.respond(new Request(`${ORIGIN}/api/orders/ORD-1001`, { headers: bearer(token) }));
    expect(await detail?.json()).toMatchObject({ order: { _id: 'ORD-1001', provisioningStatus: 'provisioning' } });
  });

  test('a request no handler claims goes to the network', async () => {
    const backend = startBackend();
    await backend.initialSession;
    expect(await backend.respond(new Request(`${ORIGIN}/assets/logo.svg`))).toBeUndefined();
  });

  test('a dropped connection is a network error, not an answer', async () => {
    const backend = startBackend();
    const token = (await backend.initialSession)?.token;
    await injectFault(backend, { kind: 'networkError' });
    const response = await backend.respond(new Request(`${ORIGIN}/api/orders`, { headers: bearer(token) }));
    expect(response?.type).toBe('error');
  });

  test('a request the console gives up on stops waiting in the worker too', async () => {
    const backend = startBackend();
    const token = (await backend.initialSession)?.token;
    await injectFault(backend, { kind: 'hang' });
    const giveUp = new AbortController();
    const answer = backend.respond(
      new Request(`${ORIGIN}/api/orders`, { headers: bearer(token), signal: giveUp.signal }),
    );
    giveUp.abort();
    // The hang lasts 30 s unless the abort reaches the handler: the test's 5 s time-out catches that.
    expect((await answer)?.status).toBe(503);
  });

  test('a request given up on before it was even sent does not wait either', async () => {
    const backend = startBackend();
    const token = (await backend.initialSession)?.token;
    await injectFault(backend, { kind: 'hang' });
    const request = new Request(`${ORIGIN}/api/orders`, { headers: bearer(token), signal: AbortSignal.abort() });
    expect((await backend.respond(request))?.status).toBe(503);
  });

  test('a request the worker cannot handle is answered with a server error, not left waiting', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const backend = startBackend();
    await backend.initialSession;
    const answer = new Promise<unknown>((resolve) =>
      backend.pageSide.addEventListener('message', ({ data }) => data.type === 'response' && resolve(data.answer)),
    );
    backend.pageSide.postMessage(
      { type: 'request', id: 999, url: 'not a url', method: 'GET', headers: [], body: null } satisfies PageMessage,
      { transfer: [] },
    );
    expect(await answer).toMatchObject({ status: 500 });
    expect(error).toHaveBeenCalledWith('A mock handler failed', expect.any(TypeError));
    error.mockRestore();
  });

  test('a backend that fails to build its seed says why, and every request fails at once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The session is decided before the seed, which is where the wall clock is first read.
    const backend = startBackend(undefined, null, () => {
      throw new Error('no clock');
    });
    const token = (await backend.initialSession)?.token;
    expect((await backend.respond(new Request(`${ORIGIN}/api/orders`, { headers: bearer(token) })))?.type).toBe(
      'error',
    );
    expect(error).toHaveBeenCalledWith(
      'The mock backend failed to start',
      expect.objectContaining({ message: 'no clock' }),
    );
    error.mockRestore();
  });

  test('an error in the worker after the start is reported, and the backend goes on answering', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const backend = startBackend();
    const token = (await backend.initialSession)?.token;
    await backend.respond(new Request(`${ORIGIN}/__mock/state`));
    backend.pageSide.dispatchEvent(Object.assign(new Event('error'), { message: 'clock wake failed' }));
    expect(error).toHaveBeenCalledWith('Mock backend worker: clock wake failed');
    expect(
      (await backend.respond(new Request(`${ORIGIN}/api/orders?limit=1`, { headers: bearer(token) })))?.status,
    ).toBe(200);
    error.mockRestore();
  });

  test('an unknown scenario is reported and the saved backend goes on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = startBackend({ scenario: 'smartvps-down', clock: { paused: true } });
    // Answered once the start is built and saved.
    await first.respond(new Request(`${ORIGIN}/__mock/state`));
    const saved = first.saves.at(-1) ?? null;

    const second = startBackend({ scenario: 'no-such-scenario' }, saved);
    expect(await second.initialSession).toBeUndefined();
    const state = await second.respond(new Request(`${ORIGIN}/__mock/state`));
    expect(await state?.json()).toMatchObject({ scenario: 'smartvps-down' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Unknown scenario "no-such-scenario"'));
    warn.mockRestore();
  });

  test.each([
    ['a worker whose script fails to load', 'error', 'the worker could not load or run its script'],
    ['a backend that fails before deciding the session', 'failed', 'corrupt catalogue'],
  ])('%s fails the start and every request, rather than leaving them waiting', async (_, how, reason) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const listeners: Partial<Record<string, (event: Event) => void>> = {};
    const brokenWorker = {
      postMessage: () => undefined,
      addEventListener: (type: string, listener: (event: Event) => void) => {
        listeners[type] = listener;
      },
    };
    const backend = connectToBackend(
      brokenWorker as unknown as Parameters<typeof connectToBackend>[0],
      { saved: null, options: {} },
      () => undefined,
    );
    const waiting = backend.respond(new Request(`${ORIGIN}/api/orders`));
    // The request's body is read before it is sent: let that happen first.
    await new Promise((resolve) => setTimeout(resolve));
    // This one's body is still being read when the worker fails.
    const readingBody = backend.respond(
      new Request(`${ORIGIN}/api/orders/provision`, { method: 'POST', body: '{"orderId":"ORD-1001"}' }),
    );
    if (how === 'error') listeners.error?.(new Event('error'));
    else
      listeners.message?.(new MessageEvent('message', { data: { type: 'failed', reason } satisfies BackendMessage }));

    await expect(backend.initialSession).rejects.toThrow(`The mock backend failed to start: ${reason}`);
    expect((await waiting)?.type).toBe('error');
    expect((await backend.respond(new Request(`${ORIGIN}/api/orders`)))?.type).toBe('error');
    expect((await readingBody)?.type).toBe('error');
    error.mockRestore();
  });
});
