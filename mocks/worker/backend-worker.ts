import type { MessageEndpoint, PageMessage } from './messages';
import { serveSharedBackend, serveTabBackend } from './serve-backend';

// The worker's global scope, typed by the DOM library as a window: only its messaging is used.
const scope = self as unknown as MessageEndpoint<PageMessage> & {
  addEventListener(type: 'connect', listener: (event: MessageEvent) => void): void;
};
if ('onconnect' in scope) serveSharedBackend(scope);
else serveTabBackend(scope);
