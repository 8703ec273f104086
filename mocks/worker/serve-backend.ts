import { BackendHost, type Tab } from './backend-host';
import { tabLockName, type BackendMessage, type MessageEndpoint, type PageMessage } from './messages';
import { openSavedBackend } from './saved-backend-db';

/**
 * In a SharedWorker: one backend for every tab of the browser profile, saved in IndexedDB so that it
 * outlives them all. Each tab connects through its own port; a tab's Web Lock is granted to the
 * worker only once the tab has gone, which is when its port is let go.
 */
export function serveSharedBackend(connections: {
  addEventListener(type: 'connect', listener: (event: MessageEvent) => void): void;
}): void {
  const host = new BackendHost('browserProfile');
  let opening: Promise<void> | undefined;
  connections.addEventListener('connect', ({ ports: [port] }) => {
    if (!port) return;
    const tab = host.attach(port, (_tab, { tabId }) => {
      opening ??= openSavedBackend().then((store) => host.start(store));
      void navigator.locks?.request(tabLockName(tabId), () => host.detach(tab));
    });
    port.start();
  });
}

/**
 * In a dedicated worker, where the browser has no SharedWorker: one backend for its tab, saved by the
 * tab in its sessionStorage (a worker has none), so a reload keeps it and other tabs never see it.
 */
export function serveTabBackend(page: MessageEndpoint<PageMessage>, wallNow: () => number = Date.now): void {
  const host = new BackendHost('browserTab', wallNow);
  host.attach(page, (tab: Tab, { saved }) =>
    host.start({
      load: () => saved,
      save: (serialized) => tab.endpoint.postMessage({ type: 'saved', serialized } satisfies BackendMessage, {}),
    }),
  );
}
