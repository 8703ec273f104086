import { getResponse, type RequestHandler } from 'msw';
import { driveClock, prepareIndexesInSlices } from '../backend/between-requests';
import { MockBackend } from '../backend/mock-backend';
import { createHandlers } from '../handlers';
import { errorResponse } from '../handlers/http-helpers';
import { findScenario, scenarioNames } from '../scenarios/catalogue';
import type { StartOptions } from '../start-options';
import type { BackendAnswer, BackendMessage, MessageEndpoint, PageMessage } from './messages';

/**
 * Runs the mock backend in this worker and answers the page's messages from it. The worker keeps
 * the backend's data and work off the page's thread: seeding 100,000 orders overlaps the console's
 * own start, and the console's heap, which every garbage collection during a scroll
 * marks, holds only what the console loaded.
 */
export function serveMockBackend(page: MessageEndpoint<PageMessage>, wallNow: () => number = Date.now): void {
  const send = (message: BackendMessage, transfer: Transferable[] = []) => page.postMessage(message, { transfer });
  /** Set once the backend has started; requests are only read after the start, so unset means it failed. */
  let handlers: RequestHandler[] | undefined;
  const inFlight = new Map<number, AbortController>();

  const respondTo = async ({ id, url, method, headers, body }: Extract<PageMessage, { type: 'request' }>) => {
    const abort = new AbortController();
    inFlight.set(id, abort);
    const reply = (answer: BackendAnswer, transfer: Transferable[] = []) =>
      send({ type: 'response', id, answer }, transfer);
    if (!handlers) return reply('networkError');
    try {
      const response = await getResponse(handlers, new Request(url, { method, headers, body, signal: abort.signal }));
      if (!response) return reply('passthrough');
      if (response.type === 'error') return reply('networkError');
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
      inFlight.delete(id);
    }
  };

  page.addEventListener('message', ({ data: message }) => {
    switch (message.type) {
      case 'start':
        try {
          const backend = new MockBackend({
            runsIn: 'browserTab',
            wallNow,
            budgetClock: () => performance.now(),
            store: { load: () => message.saved, save: (serialized) => send({ type: 'saved', serialized }) },
            ...knownScenarioOnly(message.options),
            onSessionDecided: (initialSession) => send({ type: 'session', initialSession }),
          });
          handlers = createHandlers(backend);
          driveClock(backend);
          prepareIndexesInSlices(backend);
        } catch (error) {
          console.error('The mock backend failed to start', error);
          send({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
        }
        return;
      case 'request':
        return void respondTo(message);
      case 'abort':
        return inFlight.get(message.id)?.abort();
    }
  });
}

function knownScenarioOnly(options: StartOptions): StartOptions {
  const { scenario, ...withoutScenario } = options;
  if (scenario === undefined || findScenario(scenario)) return options;
  console.warn(`Unknown scenario "${scenario}"; known: ${scenarioNames.join(', ')}. Keeping the current one.`);
  return withoutScenario;
}
