import type { BackendAnswer, BackendMessage, MessageEndpoint, PageMessage } from './messages';

/** Where a tab talks to the backend (a Worker, or a SharedWorker's port), and where the worker's errors show. */
export type BackendChannel = {
  port: MessageEndpoint<BackendMessage>;
  errors: { addEventListener(type: 'error', listener: (event: Event) => void): void };
};

export type BackendEvents = {
  /** A worker that serves this tab alone: keep its data for the next load (a worker has no sessionStorage). */
  onSaved?: (serialized: string) => void;
  /** Any tab reset the backend or switched its user: the session this tab holds now. */
  onSessionsReplaced: (token: string | null, reason: 'reset' | 'switch') => void;
};

type BackendConnection = {
  /** The session this tab should hold (see `SessionStore.sessionFor`); rejects when the backend cannot start. */
  session: Promise<string | null>;
  respond(request: Request): Promise<Response>;
};

/**
 * The tab's end of the mock backend's worker: connects, then turns each request into a message and
 * each answer back into a Response.
 */
export function connectToBackend(
  { port, errors }: BackendChannel,
  connect: Omit<Extract<PageMessage, { type: 'connect' }>, 'type'>,
  events: BackendEvents,
): BackendConnection {
  const send = (message: PageMessage, transfer: Transferable[] = []) => port.postMessage(message, { transfer });
  const waiting = new Map<number, (answer: BackendAnswer) => void>();
  let nextId = 0;
  let failed = false;
  /** Connected once: from then on a worker error is a bug to report, not a reason to stop. */
  let connected = false;

  let settleSession!: { resolve: (token: string | null) => void; reject: (reason: Error) => void };
  const session = new Promise<string | null>((resolve, reject) => {
    settleSession = { resolve, reject };
  });

  // Nothing will answer: every request fails now rather than hanging, and the console shows its error state.
  const fail = (reason: string) => {
    failed = true;
    settleSession.reject(new Error(`The mock backend failed to start: ${reason}`));
    for (const answer of waiting.values()) answer('networkError');
    waiting.clear();
  };

  port.addEventListener('message', ({ data: message }) => {
    switch (message.type) {
      case 'connected':
        connected = true;
        return settleSession.resolve(message.token);
      case 'sessions':
        return events.onSessionsReplaced(message.token, message.reason);
      case 'saved':
        return events.onSaved?.(message.serialized);
      case 'failed':
        return fail(message.reason);
      case 'response':
        waiting.get(message.id)?.(message.answer);
        waiting.delete(message.id);
    }
  });
  // Before the connection, the worker's script failed to load or run. After it, an uncaught error in
  // the worker (a clock wake, say) is reported, and the backend goes on answering.
  errors.addEventListener('error', (event) => {
    const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
    const reason = message || 'the worker could not load or run its script';
    console.error(`Mock backend worker: ${reason}`);
    if (!connected) fail(reason);
  });
  send({ type: 'connect', ...connect });

  return {
    session,
    async respond(request) {
      const body = request.body === null ? null : await request.arrayBuffer();
      // Checked after reading the body: the worker may have failed meanwhile, and nothing would answer.
      if (failed) return Response.error();
      const id = nextId++;
      const answered = new Promise<BackendAnswer>((resolve) => waiting.set(id, resolve));
      send(
        { type: 'request', id, url: request.url, method: request.method, headers: [...request.headers], body },
        body ? [body] : [],
      );
      const abort = () => send({ type: 'abort', id });
      if (request.signal.aborted) abort();
      else request.signal.addEventListener('abort', abort, { once: true });
      const answer = await answered;
      request.signal.removeEventListener('abort', abort);
      if (answer === 'networkError') return Response.error();
      return new Response(answer.body, {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
      });
    },
  };
}
