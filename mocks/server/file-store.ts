import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotStore } from '../backend/persistence';

/**
 * A tenant's file in the state folder. Upper-case letters are marked (`Ab` → `^ab`) because macOS and
 * Windows file systems ignore case: `Ab` and `ab` are two tenants and must not share a file.
 */
export function tenantFile(stateDir: string, tenant: string): string {
  return join(stateDir, `${tenant.replace(/[A-Z]/g, (letter) => `^${letter.toLowerCase()}`)}.json`);
}

export type FileSnapshotStore = SnapshotStore & {
  /** Keeps what `load` read, which the backend could not use, beside the file for a look, and says so. */
  setAsideUnreadable(): void;
};

/**
 * A tenant's backend saved in one file, rewritten whole after every change: written to a temporary
 * file, then renamed over the old one, so a crash leaves the previous save or the new one, never half
 * of one. Synchronous, as the backend's store is: each change is on disk when its answer is sent.
 */
export function fileSnapshotStore(file: string, tenant: string): FileSnapshotStore {
  const temporary = `${file}.${process.pid}.tmp`;
  const asideName = () => file.replace(/\.json$/, `.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  let loaded: string | null = null;
  return {
    load() {
      try {
        loaded = readIfPresent(file);
      } catch (error) {
        // Not a file that can be read (a folder, no permission): moved aside, and the tenant starts
        // from a seed with the backend's notice, like one whose content could not be read.
        const aside = asideName();
        console.warn(`Mock server: tenant "${tenant}": ${file} could not be read; moving it to ${aside}.`, error);
        renameSync(file, aside);
        loaded = null;
        return UNREADABLE;
      }
      return loaded;
    },
    save(serialized) {
      try {
        writeFileSync(temporary, serialized);
        renameSync(temporary, file);
      } catch (error) {
        // Not thrown: the change has happened in memory, and a 500 would tell the client it had not.
        console.error(
          `Mock server: tenant "${tenant}": could not save to ${file}; the tenant goes on in memory and the next change tries again.`,
          error,
        );
      }
    },
    setAsideUnreadable() {
      if (loaded === null) return;
      const aside = asideName();
      writeFileSync(aside, loaded);
      loaded = null;
      console.warn(
        `Mock server: tenant "${tenant}": ${file} could not be read (corrupt or from an older version); ` +
          `kept it as ${aside} and started the tenant again from the default scenario's seed.`,
      );
    },
  };
}

/** What `load` answers for a file it could not read at all: not JSON, so the backend says its data was unreadable. */
const UNREADABLE = 'unreadable';

function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}
