import { takeStartOptions, type StartOptions } from './start-options';

const SAVED_BACKEND_KEY = 'provision-console:mock-backend';
/**
 * The URL's start options until the backend has saved the start they asked for: a reload before
 * then (seeding 100,000 orders takes a while) starts again instead of resuming the previous backend
 * with a session the console never got.
 */
const PENDING_START_KEY = 'provision-console:mock-start';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Where the mock backend lives between page loads: the tab's sessionStorage, so parallel pages and
 * Playwright workers never share a backend, yet a reload keeps it. `storage` is read on each use:
 * reaching sessionStorage itself can throw where storage is blocked, and then nothing is kept.
 */
export function backendStorage(storage: () => KeyValueStorage) {
  const read = (key: string): string | null => {
    try {
      return storage().getItem(key);
    } catch {
      return null;
    }
  };
  /** null removes; false when the storage refused (full, or blocked). */
  const write = (key: string, value: string | null): boolean => {
    try {
      if (value === null) storage().removeItem(key);
      else storage().setItem(key, value);
      return true;
    } catch {
      return false;
    }
  };

  return {
    /** The backend this tab saved, null on a first visit. */
    saved: (): string | null => read(SAVED_BACKEND_KEY),

    /** The start this load asks for (see `takeStartOptions`), kept pending until the backend saves; `url` is left without it. */
    takeStart(url: URL): StartOptions {
      const { options, pendingStart } = takeStartOptions(url, read(PENDING_START_KEY));
      write(PENDING_START_KEY, pendingStart);
      return options;
    },

    /** Keeps the backend's data for the next load; once kept, the start it began with is done. */
    save(serialized: string): void {
      if (write(SAVED_BACKEND_KEY, serialized)) {
        write(PENDING_START_KEY, null);
        return;
      }
      // What was saved before is older than the sessions the console holds: drop it, so that a
      // reload starts from a seed (the pending start's, if any) rather than resuming it.
      write(SAVED_BACKEND_KEY, null);
      console.warn(
        'The mock backend could not save its data (storage full or blocked); a reload will start from a scenario seed again.',
      );
    },
  };
}
