const SAVED_BACKEND_KEY = 'provision-console:mock-backend';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Where a tab's own backend lives between page loads, in a browser without SharedWorker: the tab's
 * sessionStorage, so a reload keeps it and other tabs never see it. `storage` is read on each use:
 * reaching sessionStorage itself can throw where storage is blocked, and then nothing is kept.
 */
export function backendStorage(storage: () => KeyValueStorage) {
  return {
    /** The backend this tab saved, null on a first visit. */
    saved(): string | null {
      try {
        return storage().getItem(SAVED_BACKEND_KEY);
      } catch {
        return null;
      }
    },

    /** Keeps the backend's data for the next load. */
    save(serialized: string): void {
      try {
        storage().setItem(SAVED_BACKEND_KEY, serialized);
      } catch {
        // What was saved before is older than the sessions the console holds: drop it, so that a
        // reload starts from a seed rather than resuming it.
        try {
          storage().removeItem(SAVED_BACKEND_KEY);
        } catch {
          // Storage blocked altogether: nothing was kept to begin with.
        }
        console.warn(
          'The mock backend could not save its data (storage full or blocked); a reload will start from a scenario seed again.',
        );
      }
    },
  };
}
