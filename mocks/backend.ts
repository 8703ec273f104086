import { z } from '@/lib/zod';
import {
  ApiFaultSchema,
  ApiRouteSchema,
  type ApiFault,
  type ApiRoute,
  type MockStartSession,
  type MockState,
  type RequestLogEntry,
} from '@/contract/mock-control';
import type { User } from '@/contract/session-api';
import { buildSeed } from './data/seed-builder';
import { findUser, publicUser, userWithRole } from './data/users';
import { ClockStateSchema, SimulatedClock } from './engine/clock';
import { ProvisioningEngine } from './engine/engine';
import { EngineSnapshotSchema } from './engine/engine-state';
import { findScenario, scenarios } from './scenarios/catalogue';
import type { Scenario } from './scenarios/scenario';

/** A signed-in user's session, by token. An expired one is kept so the API can say "expired", not "unknown". */
const SessionSchema = z.object({ email: z.string(), expired: z.boolean() });
type Session = z.infer<typeof SessionSchema>;

const BackendSnapshotSchema = z.object({
  engine: EngineSnapshotSchema,
  clock: ClockStateSchema,
  sessions: z.record(z.string(), SessionSchema),
  injectedFaults: z.array(z.object({ route: ApiRouteSchema, fault: ApiFaultSchema })),
  /** Wall time of the save: a running clock counts the time the page was away. */
  savedAtWall: z.number(),
});
export type BackendSnapshot = z.infer<typeof BackendSnapshotSchema>;
type InjectedFault = BackendSnapshot['injectedFaults'][number];

/** Where the backend keeps its data between page loads (the tab's sessionStorage, through the page, in the browser; nothing in Node). */
export type SnapshotStore = { load(): string | null; save(serialized: string): void };

export type ClockOverrides = { speed?: number; paused?: boolean };

export type BackendOptions = {
  wallNow: () => number;
  store?: SnapshotStore;
  scenario?: string;
  clock?: ClockOverrides;
  /** Who to be signed in as, overriding the scenario (the URL's `?as=`). */
  as?: MockStartSession;
  /**
   * Told the session the console should hold (see `initialSession`) before the seed is built, which
   * takes ~0.5 s at 100,000 orders: the console can start meanwhile.
   */
  onSessionDecided?: (initialSession: { token: string | null } | undefined) => void;
};

/** Who a scenario starts signed in as: `as` when asked for, else as the scenario says, else the admin. */
function sessionToStart(scenario: Scenario, as?: MockStartSession): MockStartSession {
  return as ?? scenario.startSession ?? 'admin';
}

/** Who a request comes from, as the bearer token says. */
export type Authentication = { kind: 'user'; user: User } | { kind: 'missing' | 'unknown' | 'expired' };

const REQUEST_LOG_LIMIT = 200;

export const CORRUPT_SAVED_DATA_NOTICE =
  'The saved mock data could not be read (corrupt or from an older version), so the scenario started again from its seed.';

/**
 * The simulated backend as the handlers see it: one engine on one clock, for one scenario, saved
 * after every change. Every entry point first plays what fell due, so answers reflect the clock.
 */
export class MockBackend {
  private clock!: SimulatedClock;
  private engine!: ProvisioningEngine;
  private activeScenario: Scenario = scenarios.default;
  private requestLog: RequestLogEntry[] = [];
  private faultCursor = new Map<ApiRoute, number>();
  /** Faults injected through the control API, in order; saved, so a reload does not drop them. */
  private injectedFaults: InjectedFault[] = [];
  private readonly listeners = new Set<() => void>();
  /** Shown next to the scenario panel until the next reset. */
  private notice: string | null = null;
  private sessions: Record<string, Session> = {};
  /**
   * The token the console should hold after construction: set when this backend started a session
   * (a fresh scenario, or `as`), undefined when it resumed the saved one and the console keeps its own.
   */
  readonly initialSession: { token: string | null } | undefined;

  constructor(private readonly options: BackendOptions) {
    // A scenario asked for explicitly (URL, test) starts from its seed; otherwise the saved backend goes on.
    const saved = options.scenario ? 'absent' : this.loadSnapshot();
    if (typeof saved === 'string') {
      const scenario: Scenario = (options.scenario && findScenario(options.scenario)) || scenarios.default;
      this.initialSession = { token: this.replaceSessions(sessionToStart(scenario, options.as)) };
      options.onSessionDecided?.(this.initialSession);
      this.seedScenario(scenario, options.clock);
      if (saved === 'corrupt') this.notice = CORRUPT_SAVED_DATA_NOTICE;
    } else {
      this.sessions = saved.snapshot.sessions;
      if (options.as) this.initialSession = { token: this.replaceSessions(options.as) };
      options.onSessionDecided?.(this.initialSession);
      this.resumeSnapshot(saved);
      // Just settled at the clock's time, so the new speed applies from now, as `setClock` would.
      if (options.clock) this.applyClock(options.clock);
    }
    // Saved at once: the page keeps the URL's start options until this save, in case of a reload.
    this.save();
  }

  get scenario(): Scenario {
    return this.activeScenario;
  }

  /**
   * Back to a scenario's seed data on a fresh clock that starts at the current wall time, signed in
   * as the scenario says (or `as`). Returns the new session's token, null when signed out.
   */
  reset(name?: string, clock: ClockOverrides = {}, as?: MockStartSession): string | null {
    const scenario = (name && findScenario(name)) || this.activeScenario;
    this.seedScenario(scenario, clock);
    return this.startSession(sessionToStart(scenario, as));
  }

  private seedScenario(scenario: Scenario, clock: ClockOverrides = {}): void {
    const start = Math.floor(this.options.wallNow() / 60_000) * 60_000;
    this.activeScenario = scenario;
    this.notice = null;
    this.requestLog = [];
    this.faultCursor = new Map();
    this.injectedFaults = [];
    this.clock = new SimulatedClock(this.options.wallNow, {
      simTime: start,
      speed: clock.speed ?? scenario.clock.speed,
      paused: clock.paused ?? scenario.clock.paused,
    });
    const { orders, servers } = buildSeed(scenario.orders(), start);
    this.engine = ProvisioningEngine.seed(
      {
        scenario: scenario.name,
        start,
        randomSeed: scenario.randomSeed,
        orders,
        servers,
        staleListEntries: scenario.staleListOrders ? buildSeed(scenario.staleListOrders(), start).orders : [],
        autoRunOrderIds: [...scenario.autoRunOrderIds],
      },
      this.engineBehaviour(scenario),
    );
  }

  /** Replaces every session with one of the kind asked for; returns its token, null when signed out. */
  startSession(kind: MockStartSession): string | null {
    const token = this.replaceSessions(kind);
    this.save();
    return token;
  }

  private replaceSessions(kind: MockStartSession): string | null {
    this.sessions = {};
    return kind === 'signedOut'
      ? null
      : this.createSession(userWithRole(kind === 'support' ? 'support' : 'admin').email, kind === 'expired');
  }

  signIn(email: string, password: string): { token: string; user: User } | null {
    const user = findUser(email);
    if (!user || user.password !== password) return null;
    const token = this.createSession(user.email);
    this.save();
    return { token, user: publicUser(user) };
  }

  signOut(token: string): void {
    delete this.sessions[token];
    this.save();
  }

  /** Reads `Authorization: Bearer <token>` (the scheme is case-insensitive, RFC 7235). */
  authenticate(authorization: string | null): Authentication {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return { kind: 'missing' };
    const session = Object.hasOwn(this.sessions, token) ? this.sessions[token] : undefined;
    const user = session && findUser(session.email);
    if (!session || !user) return { kind: 'unknown' };
    if (session.expired) return { kind: 'expired' };
    return { kind: 'user', user: publicUser(user) };
  }

  private createSession(email: string, expired = false): string {
    const token = crypto.randomUUID();
    this.sessions[token] = { email, expired };
    return token;
  }

  /** Runs `operation` on the engine at the current time, then saves. */
  transact<T>(operation: (engine: ProvisioningEngine) => T): T {
    this.engine.settle(this.clock.now());
    const result = operation(this.engine);
    this.save();
    return result;
  }

  /**
   * Runs a read at the current time. It is saved only when playing what fell due changed something:
   * saving on every list request cost a serialisation and a storage write per keystroke. What a
   * read does not save (the engine's cursor) is worked out again from the saved clock on a reload.
   */
  read<T>(operation: (engine: ProvisioningEngine) => T): T {
    const played = this.engine.settle(this.clock.now());
    const result = operation(this.engine);
    if (played > 0) this.save();
    return result;
  }

  /** Advances the clock and plays everything that falls due, so the backend has settled on return. */
  advance(ms: number): void {
    this.clock.advance(ms);
    this.transact(() => undefined);
  }

  setClock(overrides: ClockOverrides): void {
    this.transact(() => this.applyClock(overrides));
  }

  private applyClock({ speed, paused }: ClockOverrides): void {
    if (speed !== undefined) this.clock.setSpeed(speed);
    if (paused !== undefined) this.clock.setPaused(paused);
  }

  state(): MockState {
    return this.read((engine) => ({
      scenario: engine.scenario,
      now: new Date(engine.now).toISOString(),
      speed: this.clock.speed,
      paused: this.clock.paused,
      notice: this.notice,
    }));
  }

  recordRequest(entry: Omit<RequestLogEntry, 'at'>): void {
    this.requestLog = [...this.requestLog, { at: new Date(this.clock.now()).toISOString(), ...entry }].slice(
      -REQUEST_LOG_LIMIT,
    );
  }

  /**
   * The next fault for a route: an injected one first (each answers one request), then the
   * scenario's, which successive requests take in turn, round and round.
   */
  nextFault(faults: readonly ApiFault[] | undefined, route: ApiRoute): ApiFault | undefined {
    const injectedAt = this.injectedFaults.findIndex((candidate) => candidate.route === route);
    const injected = injectedAt === -1 ? undefined : this.injectedFaults.splice(injectedAt, 1)[0];
    if (injected) {
      this.save();
      return injected.fault;
    }
    if (!faults || faults.length === 0) return undefined;
    const index = this.faultCursor.get(route) ?? 0;
    this.faultCursor.set(route, index + 1);
    return faults[index % faults.length];
  }

  /** The next `times` requests of `route` answer with `fault` (the control API's and the fault matrix's lever). */
  injectFault(route: ApiRoute, fault: ApiFault, times = 1): void {
    this.injectedFaults = [...this.injectedFaults, ...Array.from({ length: times }, () => ({ route, fault }))];
    this.save();
  }

  requests(): RequestLogEntry[] {
    return [...this.requestLog];
  }

  /** Called after every change, so the browser's clock driver can reschedule its wake-up. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Wall-clock milliseconds until the engine next has something to do; null when idle or paused. */
  wallDelayToNextWake(): number | null {
    const next = this.engine.nextWakeAt();
    return next === null ? null : this.clock.wallDelayUntil(next);
  }

  private engineBehaviour(scenario: Scenario) {
    return {
      providers: scenario.providers,
      ...(scenario.concurrentAdmin ? { concurrentAdmin: scenario.concurrentAdmin } : {}),
    };
  }

  private save(): void {
    const snapshot: BackendSnapshot = {
      engine: this.engine.changesSinceSeed(),
      clock: this.clock.snapshot(),
      sessions: this.sessions,
      injectedFaults: this.injectedFaults,
      savedAtWall: this.options.wallNow(),
    };
    this.options.store?.save(JSON.stringify(snapshot));
    for (const listener of this.listeners) listener();
  }

  /** Reads the saved backend; corrupt or unknown data is reported, never trusted. */
  private loadSnapshot(): { snapshot: BackendSnapshot; scenario: Scenario } | 'absent' | 'corrupt' {
    const serialized = this.options.store?.load();
    if (!serialized) return 'absent';
    let parsed: ReturnType<typeof BackendSnapshotSchema.safeParse>;
    try {
      parsed = BackendSnapshotSchema.safeParse(JSON.parse(serialized));
    } catch {
      return 'corrupt';
    }
    const scenario = parsed.success ? findScenario(parsed.data.engine.scenario) : undefined;
    return parsed.success && scenario ? { snapshot: parsed.data, scenario } : 'corrupt';
  }

  /** Goes on from a saved backend (its sessions are already in place): the seed again, then its changes. */
  private resumeSnapshot({ snapshot, scenario }: { snapshot: BackendSnapshot; scenario: Scenario }): void {
    const { engine, clock, injectedFaults, savedAtWall } = snapshot;
    this.injectedFaults = injectedFaults;
    const awayMs = clock.paused ? 0 : Math.max(0, this.options.wallNow() - savedAtWall) * clock.speed;
    this.activeScenario = scenario;
    this.clock = new SimulatedClock(this.options.wallNow, { ...clock, simTime: clock.simTime + awayMs });
    const seed = buildSeed(scenario.orders(), engine.scenarioStartedAt);
    this.engine = ProvisioningEngine.restoreChanges(engine, seed, this.engineBehaviour(scenario));
    this.engine.settle(this.clock.now());
  }
}
