import { getResponse, type RequestHandler } from 'msw';
import type { MockBackendHost } from '@/contract/mock-control';
import { driveClock, prepareIndexesInSlices } from '../backend/between-requests';
import { MockBackend } from '../backend/mock-backend';
import type { SnapshotStore } from '../backend/persistence';
import { createHandlers } from '../handlers';
import { errorResponse } from '../handlers/http-helpers';
import type { BackendAnswer, BackendMessage, MessageEndpoint, PageMessage } from './messages';

type ConnectMessage = Extract<PageMessage, { type: 'connect' }>;
type RequestMessage = Extract<PageMessage, { type: 'request' }>;

/** A connected tab: where its answers go, and its requests still being answered. */
export type Tab = {
  endpoint: MessageEndpoint<PageMessage>;
  inFlight: Map<number, AbortController>;
};

/**
 * One mock backend in a worker, and the tabs connected to it: every tab of the browser profile in a
 * SharedWorker, a single tab in a dedicated worker. A tab connects, sends requests and gets answers;
 * when the sessions are replaced (a reset, a switch of user), every tab is told, so a reset in one
 * reaches them all. Requests that arrive while the backend is being built wait for it.
 */
export class BackendHost {
  private handlers: RequestHandler[] | undefined;
  private readonly tabs = new Set<Tab>();
  /** Set once the sessions are in place, before the seed is built. */
  private sessionFor: ((token: string | null) => string | null) | undefined;
  /** Tabs that connected before then, and the token each holds. */
  private waitingForSession: { tab: Tab; token: string | null }[] = [];
  private failure: string | undefined;
  private startRequested = false;
  private markStarted!: () => void;
  private readonly started = new Promise<void>((resolve) => {
    this.markStarted = resolve;
  });

  constructor(
    private readonly runsIn: MockBackendHost,
    private readonly wallNow: () => number = Date.now,
  ) {}

  /**
   * Serves a tab from `endpoint`. `onConnect` sees its connect message first: where the backend's
   * saved data comes from depends on who shares it.
   */
  attach(endpoint: MessageEndpoint<PageMessage>, onConnect: (tab: Tab, message: ConnectMessage) => void): Tab {
    const tab: Tab = { endpoint, inFlight: new Map() };
    this.tabs.add(tab);
    endpoint.addEventListener('message', ({ data: message }) => {
      switch (message.type) {
        case 'connect':
          this.connect(tab, message.token);
          return onConnect(tab, message);
        case 'request':
          return void this.respond(tab, message);
        case 'abort':
          return tab.inFlight.get(message.id)?.abort();
      }
    });
    return tab;
  }

  /** A tab that has gone: its requests stop waiting, and it is told nothing more. */
  detach(tab: Tab): void {
    this.tabs.delete(tab);
    for (const abort of tab.inFlight.values()) abort.abort();
  }

  /** Builds the backend from what `store` saved; the first call does, later ones find it started. */
  start(store: SnapshotStore): void {
    if (this.startRequested) return;
    this.startRequested = true;
    try {
      const backend = new MockBackend({
        runsIn: this.runsIn,
        wallNow: this.wallNow,
        budgetClock: () => performance.now(),
        store,
        onSessionsReady: (sessionFor) => {
          this.sessionFor = sessionFor;
          for (const { tab, token } of this.waitingForSession.splice(0)) this.connect(tab, token);
        },
        onSessionsReplaced: (token, reason) => this.broadcast({ type: 'sessions', token, reason }),
      });
      this.handlers = createHandlers(backend);
      driveClock(backend);
      prepareIndexesInSlices(backend);
    } catch (error) {
      console.error('The mock backend failed to start', error);
      this.failure = error instanceof Error ? error.message : String(error);
      this.broadcast({ type: 'failed', reason: this.failure });
    }
    this.markStarted();
  }

  private connect(tab: Tab, token: string | null): void {
    if (this.failure !== undefined) return send(tab, { type: 'failed', reason: this.failure });
    if (!this.sessionFor) {
      this.waitingForSession.push({ tab, token });
      return;
    }
    send(tab, { type: 'connected', token: this.sessionFor(token) });
  }

  private async respond(tab: Tab, { id, url, method, headers, body }: RequestMessage): Promise<void> {
    const abort = new AbortController();
    tab.inFlight.set(id, abort);
    const reply = (answer: BackendAnswer, transfer: Transferable[] = []) =>
      send(tab, { type: 'response', id, answer }, transfer);
    await this.started;
    if (!this.handlers) return reply('networkError');
    try {
      const request = new Request(url, { method, headers, body, signal: abort.signal });
      // The page sends only /api/ and /__mock/ requests, and the handler list ends with catch-alls
      // for both: an answer always comes.
      const response = await getResponse(this.handlers, request);
      if (!response || response.type === 'error') return reply('networkError');
      const responseBody = response.body === null ? null : await response.arrayBuffer();
      reply(
        {
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: responseBody,
        },
        responseBody ? [responseBody] : [],
      );
    } catch (error) {
      // A bug in a handler: the console shows a server error rather than waiting for an answer.
      console.error('A mock handler failed', error);
      const failure = errorResponse(
        500,
        'INTERNAL_ERROR',
        'The mock backend failed to answer; see the browser console',
      );
      const failureBody = await failure.arrayBuffer();
      reply({ status: 500, statusText: '', headers: [...failure.headers], body: failureBody }, [failureBody]);
    } finally {
      tab.inFlight.delete(id);
    }
  }

  private broadcast(message: BackendMessage): void {
    for (const tab of this.tabs) send(tab, message);
  }
}

function send(tab: Tab, message: BackendMessage, transfer: Transferable[] = []): void {
  tab.endpoint.postMessage(message, { transfer });
}
