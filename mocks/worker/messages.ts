import type { StartOptions } from '../start-options';

/**
 * What the page and the mock backend's worker say to each other. Requests and answers travel as
 * plain data (a Request or Response cannot be posted); bodies are transferred, not copied.
 */

export type PageMessage =
  /** `saved`: the backend the tab saved, null on a first visit. */
  | { type: 'start'; saved: string | null; options: StartOptions }
  | { type: 'request'; id: number; url: string; method: string; headers: [string, string][]; body: ArrayBuffer | null }
  /** The console gave up on a request (superseded search, time-out): a handler still waiting stops. */
  | { type: 'abort'; id: number };

type SerializedResponse = { status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer | null };

/** `passthrough`: no handler claims the request, so it goes to the network. */
export type BackendAnswer = SerializedResponse | 'networkError' | 'passthrough';

export type BackendMessage =
  /** The session the console should hold (see `MockBackend.initialSession`), sent before the seed is built. */
  | { type: 'session'; initialSession: { token: string | null } | undefined }
  /** The backend changed: the page keeps this for the next load (a worker has no sessionStorage). */
  | { type: 'saved'; serialized: string }
  /** The backend could not start (a bug): nothing will answer, so the page fails its requests at once. */
  | { type: 'failed'; reason: string }
  | { type: 'response'; id: number; answer: BackendAnswer };

/** The side of a Worker, a worker's global scope or a MessagePort that both ends use. */
export type MessageEndpoint<Incoming> = {
  postMessage(message: unknown, options?: StructuredSerializeOptions): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Incoming>) => void): void;
};
