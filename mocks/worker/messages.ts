/**
 * What a tab and the mock backend's worker say to each other. Requests and answers travel as plain
 * data (a Request or Response cannot be posted); bodies are transferred, not copied.
 */

export type PageMessage =
  /**
   * A tab joins. `token`: the session it holds, null when none. `tabId` names a Web Lock the tab
   * holds for as long as it lives, so the worker learns when it is gone. `saved`: the tab's own
   * saved backend, read by a worker that serves this tab alone.
   */
  | { type: 'connect'; token: string | null; tabId: string; saved: string | null }
  | { type: 'request'; id: number; url: string; method: string; headers: [string, string][]; body: ArrayBuffer | null }
  /** The console gave up on a request (superseded search, time-out): a handler still waiting stops. */
  | { type: 'abort'; id: number };

type SerializedResponse = { status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer | null };

export type BackendAnswer = SerializedResponse | 'networkError';

export type BackendMessage =
  /** The session this tab should hold (see `SessionStore.sessionFor`), sent before the seed is built. */
  | { type: 'connected'; token: string | null }
  /** To every tab: the sessions were replaced (a reset, or a switch of user) and this is the new one. */
  | { type: 'sessions'; token: string | null; reason: 'reset' | 'switch' }
  /** A worker that serves one tab: the backend changed, and the tab keeps this for its next load. */
  | { type: 'saved'; serialized: string }
  /** The backend could not start (a bug): nothing will answer, so the tab fails its requests at once. */
  | { type: 'failed'; reason: string }
  | { type: 'response'; id: number; answer: BackendAnswer };

/** The side of a Worker, a worker's global scope or a MessagePort that both ends use. */
export type MessageEndpoint<Incoming> = {
  postMessage(message: unknown, options?: StructuredSerializeOptions): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Incoming>) => void): void;
};

/** The Web Lock a tab holds for as long as it lives (see `connect`). */
export function tabLockName(tabId: string): string {
  return `provision-console:mock-tab:${tabId}`;
}
