import type {
  ApiFault,
  ApiRoute,
  MockBackendHost,
  MockStartSession,
  MockState,
  RequestLogEntry,
} from '@/contract/mock-control';
import type { User } from '@/contract/session-api';
import { MINUTE_MS } from '@/lib/time';
import type { BudgetClock } from '../order-list/budget-clock';
import { findScenario, scenarios } from '../scenarios/catalogue';
import type { Scenario } from '../scenarios/scenario';
import { SeededRandom } from '../simulator/random';
import { SimulatedClock } from './clock';
import { FaultPlan } from './faults';
import { loadSnapshot, restoreWorld, type BackendSnapshot, type SavedBackend, type SnapshotStore } from './persistence';
import { RequestJournal } from './request-journal';
import { SessionStore, type Authentication } from './sessions';
import { seedWorld, type World } from './world';

export type ClockOverrides = { speed?: number; paused?: boolean };

export type BackendOptions = {
  /** Where this backend runs, as `GET /__mock/state` tells the scenario panel. */
  runsIn: MockBackendHost;
  wallNow: () => number;
  /** What the list index's idle slices are timed with. */
  budgetClock: BudgetClock;
  store?: SnapshotStore;
  scenario?: string;
  clock?: ClockOverrides;
  /** Who to be signed in as, overriding the scenario (the URL's `?as=`). */
  as?: MockStartSession;
  /**
   * Called once the sessions are in place, before the seed is built (a while at 100,000 orders),
   * with the lookup of the session a tab should hold (`SessionStore.sessionFor`): a page can be told
   * its session and start meanwhile.
   */
  onSessionsReady?: (sessionFor: (token: string | null) => string | null) => void;
  /** Every session was replaced (a reset, or a switch of user): the token the console should hold now. */
  onSessionsReplaced?: (token: string | null, reason: 'reset' | 'switch') => void;
};

export const CORRUPT_SAVED_DATA_NOTICE =
  'The saved mock data could not be read (corrupt or from an older version), so the scenario started again from its seed.';

/**
 * The simulated backend as the handlers see it: one world (simulator and list index) on one clock,
 * for one scenario, with its sessions, faults and request journal, saved after every change. Every
 * entry point first plays what fell due, so answers reflect the clock.
 */
export class MockBackend {
  private clock!: SimulatedClock;
  private world!: World;
  private activeScenario: Scenario = scenarios.default;
  private journal = new RequestJournal();
  private faults!: FaultPlan;
  private sessions = new SessionStore();
  /** Draws the API's latency: seeded by the scenario, so a scenario replays identically. */
  private latencyRandom!: SeededRandom;
  private readonly listeners = new Set<() => void>();
  /** Shown next to the scenario panel until the next reset. */
  private notice: string | null = null;
  /**
   * The token the console should hold after construction: set when this backend started a session
   * (a fresh scenario, or `as`), undefined when it resumed the saved one and the console keeps its own.
   */
  readonly initialSession: { token: string | null } | undefined;

  constructor(private readonly options: BackendOptions) {
    // A scenario asked for explicitly (URL, test) starts from its seed; otherwise the saved backend goes on.
    const saved = options.scenario ? 'absent' : loadSnapshot(options.store);
    if (typeof saved === 'string') {
      const scenario = (options.scenario && findScenario(options.scenario)) || scenarios.default;
      this.initialSession = { token: this.sessions.replaceWith(sessionToStart(scenario, options.as)) };
      options.onSessionsReady?.((token) => this.sessions.sessionFor(token));
      this.seedScenario(scenario, options.clock);
      if (saved === 'corrupt') this.notice = CORRUPT_SAVED_DATA_NOTICE;
    } else {
      this.sessions = new SessionStore(saved.snapshot.sessions);
      if (options.as) this.initialSession = { token: this.sessions.replaceWith(options.as) };
      options.onSessionsReady?.((token) => this.sessions.sessionFor(token));
      this.resume(saved);
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
    return this.replaceSessions(sessionToStart(scenario, as), 'reset');
  }

  /** Replaces every session with one of the kind asked for; returns its token, null when signed out. */
  startSession(kind: MockStartSession): string | null {
    return this.replaceSessions(kind, 'switch');
  }

  signIn(email: string, password: string): { token: string; user: User } | null {
    const session = this.sessions.signIn(email, password);
    if (session) this.save();
    return session;
  }

  signOut(authorization: string | null): void {
    this.sessions.signOut(authorization);
    this.save();
  }

  authenticate(authorization: string | null): Authentication {
    return this.sessions.authenticate(authorization);
  }

  /** Runs `operation` on the world at the current time, then saves. */
  transact<T>(operation: (world: World) => T): T {
    this.world.simulator.settle(this.clock.now());
    const result = operation(this.world);
    this.save();
    return result;
  }

  /**
   * Runs a read at the current time. It is saved only when playing what fell due changed something,
   * not on every list request (a serialisation and a storage write per keystroke). What a read does
   * not save (the simulator's cursor) is worked out again from the saved clock on a reload.
   */
  read<T>(operation: (world: World) => T): T {
    const played = this.world.simulator.settle(this.clock.now());
    const result = operation(this.world);
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

  state(): MockState {
    return this.read(({ simulator }) => ({
      scenario: simulator.scenario,
      runsIn: this.options.runsIn,
      now: new Date(simulator.now).toISOString(),
      speed: this.clock.speed,
      paused: this.clock.paused,
      notice: this.notice,
    }));
  }

  /** The extra wall-clock time the scenario gives every API answer, drawn from its seeded source; 0 when none. */
  apiLatencyMs(): number {
    const latency = this.activeScenario.api.latencyMs;
    if (!latency) return 0;
    const [min, max] = latency;
    return min + this.latencyRandom.next() * (max - min);
  }

  /** The fault that answers this request of `route` instead of the route, if any. */
  nextFault(route: ApiRoute): ApiFault | undefined {
    const next = this.faults.next(route);
    if (next?.injected) this.save();
    return next?.fault;
  }

  /** The next `times` requests of `route` answer with `fault` (the control API's and the fault matrix's lever). */
  injectFault(route: ApiRoute, fault: ApiFault, times = 1): void {
    this.faults.inject(route, fault, times);
    this.save();
  }

  recordRequest(entry: Omit<RequestLogEntry, 'at'>): void {
    this.journal.record({ at: new Date(this.clock.now()).toISOString(), ...entry });
  }

  requests(): RequestLogEntry[] {
    return this.journal.list();
  }

  /** Called after every change, so the clock driver can reschedule its wake-up. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Wall-clock milliseconds until the simulator next has something to do; null when idle or paused. */
  wallDelayToNextWake(): number | null {
    const next = this.world.simulator.nextWakeAt();
    return next === null ? null : this.clock.wallDelayUntil(next);
  }

  private seedScenario(scenario: Scenario, clock: ClockOverrides = {}): void {
    const start = Math.floor(this.options.wallNow() / MINUTE_MS) * MINUTE_MS;
    this.activeScenario = scenario;
    this.notice = null;
    this.journal = new RequestJournal();
    this.faults = new FaultPlan(scenario.api.faults);
    this.latencyRandom = new SeededRandom(scenario.randomSeed);
    this.clock = new SimulatedClock(this.options.wallNow, {
      simTime: start,
      speed: clock.speed ?? scenario.clock.speed,
      paused: clock.paused ?? scenario.clock.paused,
    });
    this.world = seedWorld(scenario, start, this.options.budgetClock);
  }

  /** Goes on from a saved backend (its sessions are already in place): the seed again, then its changes. */
  private resume(saved: SavedBackend): void {
    const { clock, injectedFaults, latencyRandomState, savedAtWall } = saved.snapshot;
    const awayMs = clock.paused ? 0 : Math.max(0, this.options.wallNow() - savedAtWall) * clock.speed;
    this.activeScenario = saved.scenario;
    this.faults = new FaultPlan(saved.scenario.api.faults, injectedFaults);
    this.latencyRandom = new SeededRandom(latencyRandomState);
    this.clock = new SimulatedClock(this.options.wallNow, { ...clock, simTime: clock.simTime + awayMs });
    this.world = restoreWorld(saved, this.options.budgetClock);
    this.world.simulator.settle(this.clock.now());
  }

  private replaceSessions(kind: MockStartSession, reason: 'reset' | 'switch'): string | null {
    const token = this.sessions.replaceWith(kind);
    this.save();
    this.options.onSessionsReplaced?.(token, reason);
    return token;
  }

  private applyClock({ speed, paused }: ClockOverrides): void {
    if (speed !== undefined) this.clock.setSpeed(speed);
    if (paused !== undefined) this.clock.setPaused(paused);
  }

  private save(): void {
    const snapshot: BackendSnapshot = {
      simulator: this.world.simulator.changesSinceSeed(),
      staleListEntries: this.world.orderList.staleCopies(),
      clock: this.clock.snapshot(),
      sessions: this.sessions.snapshot(),
      injectedFaults: this.faults.snapshot(),
      latencyRandomState: this.latencyRandom.state,
      savedAtWall: this.options.wallNow(),
    };
    this.options.store?.save(JSON.stringify(snapshot));
    for (const listener of this.listeners) listener();
  }
}

/** Who a scenario starts signed in as: `as` when asked for, else as the scenario says, else the admin. */
function sessionToStart(scenario: Scenario, as?: MockStartSession): MockStartSession {
  return as ?? scenario.startSession ?? 'admin';
}
