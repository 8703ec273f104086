import { afterEach, describe, expect, test, vi } from 'vitest';
import { MockResetResponseSchema } from '@/contract/mock-control';
import { OrderListResponseSchema } from '@/contract/orders-api';
import { ProvisionResponseSchema } from '@/contract/provision-api';
import { BackendHost } from '../backend-host';
import { connectToBackend } from '../connect-backend';
import type { BackendMessage, MessageEndpoint, PageMessage } from '../messages';
import { serveTabBackend } from '../serve-backend';

/*
 * A tab and the backend's worker over a real MessageChannel: what the console sends arrives whole,
 * every answer comes back as a Response, a failure of the worker never leaves a request waiting,
 * and the tabs that share one backend follow each other's resets.
 */

const ORIGIN = 'http://console.test';
const WALL = Date.parse('2026-11-24T12:00:00.000Z');
const openPorts: MessagePort[] = [];

afterEach(() => {
  for (const port of openPorts.splice(0)) port.close();
});

/** Two ends of a channel: the tab's and the worker's. */
function channel() {
  const { port1: pageSide, port2: workerSide } = new MessageChannel();
  openPorts.push(pageSide, workerSide);
  return { pageSide, workerSide: workerSide as MessageEndpoint<PageMessage> & MessagePort };
}

/** A tab's connection on the page side of a channel; `replaced` records the sessions it is told of. */
function connectTab(pageSide: MessagePort, token: string | null, saved: string | null = null) {
  const saves: string[] = [];
  const replaced: { token: string | null; reason: string }[] = [];
  const connection = connectToBackend(
    { port: pageSide as MessageEndpoint<BackendMessage> & MessagePort, errors: pageSide },
    { token, tabId: crypto.randomUUID(), saved },
    {
      onSaved: (serialized) => saves.push(serialized),
      onSessionsReplaced: (replacedToken, reason) => replaced.push({ token: replacedToken, reason }),
    },
  );
  pageSide.start();
  return { ...connection, saves, replaced, pageSide };
}

/** A backend for one tab, in a "worker" at one end of a channel, as where there is no SharedWorker. */
function startBackend(
  { saved = null, token = null, wallNow = () => WALL } = {} as {
    saved?: string | null;
    token?: string | null;
    wallNow?: () => number;
  },
) {
  const { pageSide, workerSide } = channel();
  serveTabBackend(workerSide, wallNow);
  workerSide.start();
  return connectTab(pageSide, token, saved);
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
    const token = await backend.session;
    expect(typeof token).toBe('string');

    const response = await backend.respond(new Request(`${ORIGIN}/api/orders?limit=5`, { headers: bearer(token) }));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toBe('application/json');
    const page = OrderListResponseSchema.parse(await response?.json());
    expect(page.orders).toHaveLength(5);
    expect(page.total).toBe(44);
  });

  test("a request's body arrives whole, and the change it makes is saved for the next load", async () => {
    const backend = startBackend();
    const token = await backend.session;
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

    const reloaded = startBackend({ saved: backend.saves.at(-1), token });
    expect(await reloaded.session).toBe(token);
    const detail = await reloaded.respond(new Request(`${ORIGIN}/api/orders/ORD-1001`, { headers: bearer(token) }));
    expect(await detail?.json()).toMatchObject({ order: { _id: 'ORD-1001', provisioningStatus: 'provisioning' } });
  });

  test('a dropped connection is a network error, not an answer', async () => {
    const backend = startBackend();
    const token = await backend.session;
    await injectFault(backend, { kind: 'networkError' });
    const response = await backend.respond(new Request(`${ORIGIN}/api/orders`, { headers: bearer(token) }));
    expect(response?.type).toBe('error');
  });

  test('a request the console gives up on stops waiting in the worker too', async () => {
    const backend = startBackend();
    const token = await backend.session;
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
    const token = await backend.session;
    await injectFault(backend, { kind: 'hang' });
    const request = new Request(`${ORIGIN}/api/orders`, { headers: bearer(token), signal: AbortSignal.abort() });
    expect((await backend.respond(request))?.status).toBe(503);
  });

  test('a request the worker cannot handle is answered with a server error, not left waiting', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const backend = startBackend();
    await backend.session;
    const answer = new Promise<unknown>((resolve) =>
      backend.pageSide.addEventListener('message', ({ data }) => data.type === 'response' && resolve(data.answer)),
    );
    backend.pageSide.postMessage(
      { type: 'request', id: 999, url: 'not a url', method: 'GET', headers: [], body: null } satisfies PageMessage,
      { transfer: [] },
    );
    expect(await answer).toMatchObject({ status: 500 });
    const [message, cause] = error.mock.calls.at(-1) ?? [];
    expect(message).toBe('A mock handler failed');
    expect(cause).toBeInstanceOf(TypeError);
    error.mockRestore();
  });

  test('a backend that fails to build its seed says why, and every request fails at once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The session is decided before the seed, which is where the wall clock is first read.
    const backend = startBackend({
      wallNow: () => {
        throw new Error('no clock');
      },
    });
    const token = await backend.session;
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
    const token = await backend.session;
    await backend.respond(new Request(`${ORIGIN}/__mock/state`));
    backend.pageSide.dispatchEvent(Object.assign(new Event('error'), { message: 'clock wake failed' }));
    expect(error).toHaveBeenCalledWith('Mock backend worker: clock wake failed');
    expect(
      (await backend.respond(new Request(`${ORIGIN}/api/orders?limit=1`, { headers: bearer(token) })))?.status,
    ).toBe(200);
    error.mockRestore();
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
    const port = brokenWorker as unknown as Parameters<typeof connectToBackend>[0]['port'];
    const backend = connectToBackend(
      { port, errors: brokenWorker },
      { token: null, tabId: 'tab-1', saved: null },
      { onSessionsReplaced: () => undefined },
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

    await expect(backend.session).rejects.toThrow(`The mock backend failed to start: ${reason}`);
    expect((await waiting)?.type).toBe('error');
    expect((await backend.respond(new Request(`${ORIGIN}/api/orders`)))?.type).toBe('error');
    expect((await readingBody)?.type).toBe('error');
    error.mockRestore();
  });
});

describe('one backend shared by several tabs', () => {
  /** A host as in a SharedWorker, with no saved data, and a way to connect tabs to it. */
  function sharedBackend() {
    const host = new BackendHost('browserProfile', () => WALL);
    const tabs = new Map<ReturnType<typeof connectTab>, ReturnType<BackendHost['attach']>>();
    return {
      connect(token: string | null) {
        const { pageSide, workerSide } = channel();
        const hostTab = host.attach(workerSide, () => host.start({ load: () => null, save: () => undefined }));
        workerSide.start();
        const tab = connectTab(pageSide, token);
        tabs.set(tab, hostTab);
        return tab;
      },
      close: (tab: ReturnType<typeof connectTab>) => {
        const hostTab = tabs.get(tab);
        if (hostTab) host.detach(hostTab);
      },
    };
  }

  test('a tab opened without a session of its own is given the current one; a tab with a known one keeps it', async () => {
    const backend = sharedBackend();
    const first = backend.connect(null);
    const token = await first.session;
    expect(typeof token).toBe('string');
    expect(await backend.connect(null).session).toBe(token);
    expect(await backend.connect(token).session).toBe(token);
    expect(await backend.connect('a token this backend never issued').session).toBe(token);
  });

  test('a reset in one tab reaches every tab, each told the session the new scenario starts with', async () => {
    const backend = sharedBackend();
    const [first, second] = [backend.connect(null), backend.connect(null)];
    await Promise.all([first.session, second.session]);
    const reset = await first.respond(
      new Request(`${ORIGIN}/__mock/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: 'support-agent' }),
      }),
    );
    const { sessionToken } = MockResetResponseSchema.parse(await reset.json());
    await vi.waitFor(() => expect(second.replaced).toEqual([{ token: sessionToken, reason: 'reset' }]));
    expect(first.replaced).toEqual([{ token: sessionToken, reason: 'reset' }]);
    const orders = await second.respond(new Request(`${ORIGIN}/api/orders?limit=1`, { headers: bearer(sessionToken) }));
    expect(orders.status).toBe(200);
  });

  test('two tabs racing on one order start one run', async () => {
    const backend = sharedBackend();
    const [first, second] = [backend.connect(null), backend.connect(null)];
    const token = await first.session;
    await second.session;
    const provision = (tab: ReturnType<typeof connectTab>) =>
      tab.respond(
        new Request(`${ORIGIN}/api/orders/provision`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(token) },
          body: JSON.stringify({ orderId: 'ORD-1001' }),
        }),
      );
    const statuses = (await Promise.all([provision(first), provision(second)])).map((response) => response.status);
    expect(statuses.toSorted()).toEqual([202, 409]);
  });

  test('a tab that has gone stops waiting for its answers, and the others go on', async () => {
    const backend = sharedBackend();
    const [leaving, staying] = [backend.connect(null), backend.connect(null)];
    const token = await leaving.session;
    await staying.session;
    await injectFault(leaving, { kind: 'hang' });
    const hanging = leaving.respond(new Request(`${ORIGIN}/api/orders`, { headers: bearer(token) }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    backend.close(leaving);
    // The hang lasts 30 s unless the tab's going aborts it: the test's 5 s time-out catches that.
    expect((await hanging).status).toBe(503);
    expect(
      (await staying.respond(new Request(`${ORIGIN}/api/orders?limit=1`, { headers: bearer(token) }))).status,
    ).toBe(200);
  });
});
