import type { SnapshotStore } from '../backend/persistence';

const DATABASE = 'provision-console-mock';
const STORE = 'backend';
const KEY = 'saved';

/**
 * The backend's saved data in IndexedDB, shared by every tab of the browser profile and kept when
 * they all close. Loaded once before the backend is built; saves are written in the background, one
 * at a time, the latest replacing any still waiting (a burst of changes costs one write). Where
 * IndexedDB is missing or refuses, nothing is kept, and the console says why.
 */
export async function openSavedBackend(): Promise<SnapshotStore> {
  let database: IDBDatabase;
  let saved: string | null;
  try {
    database = await openDatabase();
    saved = await read(database);
  } catch (error) {
    console.warn('The mock backend cannot use IndexedDB; its data will not outlive this browser session.', error);
    return { load: () => null, save: () => undefined };
  }
  let waiting: string | undefined;
  let writing = false;
  const writeLatest = async () => {
    writing = true;
    for (let value = waiting; value !== undefined; value = waiting) {
      waiting = undefined;
      try {
        await write(database, value);
      } catch (error) {
        console.warn('The mock backend could not save its data in IndexedDB.', error);
      }
    }
    writing = false;
  };
  return {
    load: () => saved,
    save: (serialized) => {
      waiting = serialized;
      if (!writing) void writeLatest();
    },
  };
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.addEventListener('upgradeneeded', () => request.result.createObjectStore(STORE));
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error ?? new Error('indexedDB.open failed')));
    request.addEventListener('blocked', () => reject(new Error('indexedDB.open is blocked by another connection')));
  });
}

function read(database: IDBDatabase): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const request = database.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
    request.addEventListener('success', () => resolve(typeof request.result === 'string' ? request.result : null));
    request.addEventListener('error', () => reject(request.error ?? new Error('reading the saved backend failed')));
  });
}

function write(database: IDBDatabase, value: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = database.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).put(value, KEY);
    transaction.addEventListener('complete', () => resolve());
    transaction.addEventListener('error', () => reject(transaction.error ?? new Error('saving the backend failed')));
    transaction.addEventListener('abort', () =>
      reject(transaction.error ?? new Error('saving the backend was aborted')),
    );
  });
}
