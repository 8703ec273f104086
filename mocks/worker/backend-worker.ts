import type { MessageEndpoint, PageMessage } from './messages';
import { serveMockBackend } from './serve-backend';

// The worker's global scope, typed by the DOM library as a window: only its messaging is used.
serveMockBackend(self as unknown as MessageEndpoint<PageMessage>);
