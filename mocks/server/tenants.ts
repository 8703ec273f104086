import { existsSync, mkdirSync } from 'node:fs';
import type { RequestHandler } from 'msw';
import { MockTenantSchema } from '@/contract/mock-control';
import type { ScenarioDocument } from '@/contract/scenario-document';
import { driveClock, prepareIndexesInSlices } from '../backend/between-requests';
import { MockBackend } from '../backend/mock-backend';
import { createHandlers } from '../handlers';
import { fileSnapshotStore, tenantFile } from './file-store';

export const TENANT_HEADER = 'x-mock-tenant';
export const DEFAULT_TENANT = 'default';

/**
 * The tenant a request is for, from its `X-Mock-Tenant` header (`default` without one), or why the
 * header is refused. Node joins a repeated header with ", ", which is refused too.
 */
export function tenantOf(
  header: string | string[] | undefined,
): { ok: true; tenant: string } | { ok: false; message: string } {
  const tenant = Array.isArray(header) ? header.join(', ') : (header ?? DEFAULT_TENANT);
  return MockTenantSchema.safeParse(tenant).success
    ? { ok: true, tenant }
    : { ok: false, message: 'X-Mock-Tenant must be 1 to 64 characters: letters, digits, "-" or "_"' };
}

type LiveTenant = {
  backend: MockBackend;
  handlers: RequestHandler[];
  /** Requests being answered: a tenant is never unloaded under them, or two copies would write one file. */
  inFlight: number;
  /** Stops its timers (the clock's wake-ups, the index slices). */
  stop: () => void;
};

export type TenantLease = { backend: MockBackend; handlers: RequestHandler[]; release: () => void };

/**
 * Every tenant's backend, each saved in its own file of `stateDir`. At most `maxLive` are held in
 * memory: when another is needed, the one idle the longest is unloaded (and logged). Its file already
 * holds everything, so nothing is lost: its next request loads it again, its clock counting the time
 * away as a browser reload does.
 */
export class TenantPool {
  /** Least recently used first. */
  private readonly live = new Map<string, LiveTenant>();

  /** Whether the `default` tenant has yet to start the server's own scenario (`--scenario`). */
  private defaultStartsOwnScenario: boolean;

  /**
   * `startScenario` (`--scenario FILE`): the scenario a tenant starts from when it has no saved state,
   * instead of `default`; the `default` tenant starts from it once, whatever it saved, since the
   * server was asked for it.
   */
  constructor(
    readonly stateDir: string,
    private readonly maxLive: number,
    private readonly startScenario?: ScenarioDocument,
  ) {
    mkdirSync(stateDir, { recursive: true });
    this.defaultStartsOwnScenario = startScenario !== undefined;
  }

  /** The tenant's backend, loaded or created from the default scenario; `release` it once answered. */
  acquire(tenant: string): TenantLease {
    const entry = this.live.get(tenant) ?? this.load(tenant);
    this.live.delete(tenant);
    this.live.set(tenant, entry);
    entry.inFlight += 1;
    this.unloadIdleBeyondLimit();
    let released = false;
    return {
      backend: entry.backend,
      handlers: entry.handlers,
      release: () => {
        if (released) return;
        released = true;
        entry.inFlight -= 1;
        this.unloadIdleBeyondLimit();
      },
    };
  }

  /** The tenants in memory, least recently used first. */
  liveTenants(): string[] {
    return [...this.live.keys()];
  }

  /** Requests the tenant is answering now; 0 when it is not in memory. */
  requestsInFlight(tenant: string): number {
    return this.live.get(tenant)?.inFlight ?? 0;
  }

  /** Saves and stops every tenant: their files hold their state. */
  close(): void {
    for (const entry of this.live.values()) putAway(entry);
    this.live.clear();
  }

  private load(tenant: string): LiveTenant {
    const file = tenantFile(this.stateDir, tenant);
    const saved = existsSync(file);
    const store = fileSnapshotStore(file, tenant);
    const backend = new MockBackend({
      runsIn: 'server',
      wallNow: Date.now,
      budgetClock: () => performance.now(),
      store,
    });
    // The backend has judged the file and started from the seed; the file's old content goes aside.
    const unreadable = backend.startedFromUnreadableSave;
    if (unreadable) store.setAsideUnreadable();
    const resumed = saved && !unreadable;
    if (this.startScenario && (!resumed || (tenant === DEFAULT_TENANT && this.defaultStartsOwnScenario))) {
      const registration = backend.registerScenario(this.startScenario);
      if (!registration.ok)
        throw new Error(`The server's scenario no longer registers: ${JSON.stringify(registration)}`);
      backend.reset(registration.name);
    }
    if (tenant === DEFAULT_TENANT) this.defaultStartsOwnScenario = false;
    const stopClock = driveClock(backend);
    const stopSlices = prepareIndexesInSlices(backend);
    return {
      backend,
      handlers: createHandlers(backend),
      inFlight: 0,
      stop: () => {
        stopClock();
        stopSlices();
      },
    };
  }

  private unloadIdleBeyondLimit(): void {
    for (const [tenant, entry] of this.live) {
      if (this.live.size <= this.maxLive) return;
      if (entry.inFlight > 0) continue;
      putAway(entry);
      this.live.delete(tenant);
      console.info(
        `Mock server: unloaded tenant "${tenant}", idle the longest, to hold at most ${this.maxLive} in memory; ` +
          `its state stays in ${tenantFile(this.stateDir, tenant)} and its next request loads it again.`,
      );
    }
  }
}

/**
 * Saves a tenant once more, for what its backend keeps in memory between changes (the request
 * journal's latest lines), then stops its timers.
 */
function putAway(entry: LiveTenant): void {
  entry.backend.transact(() => undefined);
  entry.stop();
}
