/**
 * The bearer token of the signed-in session, per tab (sessionStorage): a reload keeps the admin
 * signed in, closing the tab signs them out. The CSP forbids injected scripts, which is what could
 * read it; a backend that prefers an httpOnly cookie can ignore the header.
 */
/** Exported for test fixtures that hand the console a session the mock started. */
export const SESSION_TOKEN_STORAGE_KEY = 'provision-console:session-token';

const listeners = new Set<() => void>();

export function readSessionToken(): string | null {
  try {
    return sessionStorage.getItem(SESSION_TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** null signs out. */
export function writeSessionToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(SESSION_TOKEN_STORAGE_KEY);
    else sessionStorage.setItem(SESSION_TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage refused (private mode quota): the session lasts until the next reload.
  }
  for (const listener of listeners) listener();
}

export function subscribeToSessionToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
