import type { StartOptions } from '../start-options';
import type { BackendAnswer, BackendMessage, MessageEndpoint, PageMessage } from './messages';

type BackendWorker = MessageEndpoint<BackendMessage> & {
  addEventListener(type: 'error', listener: (event: Event) => void): void;
};

type BackendConnection = {
  /** The session the console should hold once the backend has started (see `MockBackend.initialSession`). */
  initialSession: Promise<{ token: string | null } | undefined>;
  /** The backend's answer to a request; undefined when no handler claims it and it should go to the network. */
  respond(request: Request): Promise<Response | undefined>;
};

/**
 * The page's end of the mock backend's worker: starts it, then turns each request into a message and
 * each answer back into a Response. `onSaved` gets the backend's data after every change.
 */
export function connectToBackend(
  worker: BackendWorker,
  start: { saved: string | null; options: StartOptions },
  onSaved: (serialized: string) => void,
): BackendConnection {
  const send = (message: PageMessage, transfer: Transferable[] = []) => worker.postMessage(message, { transfer });
  const waiting = new Map<number, (answer: BackendAnswer) => void>();
  let nextId = 0;
  let failed = false;
  /** Started and saved once: from then on a worker error is a bug to report, not a reason to stop. */
  let started = false;

  let settleSession!: {
    resolve: (session: { token: string | null } | undefined) => void;
    reject: (reason: Error) => void;
  };
  const initialSession = new Promise<{ token: string | null } | undefined>((resolve, reject) => {
    settleSession = { resolve, reject };
  });

  // Nothing will answer: every request fails now rather than hanging, and the console shows its error state.
  const fail = (reason: string) => {
    failed = true;
    settleSession.reject(new Error(`The mock backend failed to start: ${reason}`));
    for (const answer of waiting.values()) answer('networkError');
    waiting.clear();
  };

  worker.addEventListener('message', ({ data: message }) => {
    switch (message.type) {
      case 'session':
        return settleSession.resolve(message.initialSession);
      case 'saved':
        started = true;
        return onSaved(message.serialized);
      case 'failed':
        return fail(message.reason);
      case 'response':
        waiting.get(message.id)?.(message.answer);
        waiting.delete(message.id);
    }
  });
  // Before the start, the worker's script failed to load or run. After it, an uncaught error in the
  // worker (a clock wake, say) is reported, and the backend goes on answering, as it did in the page.
  worker.addEventListener('error', (event) => {
    const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
    const reason = message || 'the worker could not load or run its script';
    console.error(`Mock backend worker: ${reason}`);
    if (!started) fail(reason);
  });
  send({ type: 'start', ...start });

  return {
    initialSession,
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
      if (answer === 'passthrough') return undefined;
      if (answer === 'networkError') return Response.error();
      return new Response(answer.body, {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
      });
    },
  };
}
