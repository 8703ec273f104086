import type {
  ApiFault,
  ApiRoute,
  MockBackendHost,
  MockStartSession,
  MockState,
  RequestLogEntry,
  ScenarioSummary,
  ScheduleEvent,
} from '@/contract/mock-control';
import type { ScenarioDocument } from '@/contract/scenario-document';
import type { User } from '@/contract/session-api';
import { MINUTE_MS } from '@/lib/time';
import type { BudgetClock } from '../order-list/budget-clock';
import { builtInDocument, defaultScenario, findScenario } from '../scenarios/catalogue';
import { resolveScenario } from '../scenarios/resolve';
import type { Scenario } from '../scenarios/scenario';
import { SeededRandom } from '../simulator/random';
import { SimulatedClock } from './clock';
import { FaultPlan } from './faults';
import {
  backendStateProblems,
  BackendStateSchema,
  loadSavedBackend,
  restoreWorld,
  type BackendState,
  type SavedBackend,
  type SnapshotStore,
} from './persistence';
import { RequestJournal } from './request-journal';
import { ScenarioRegistry, type Registration, type Removal } from './scenario-registry';
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
  /** A scenario to start from its seed instead of going on from the store (tests start this way). */
  scenario?: string;
  /** The fresh clock's settings, when `scenario` starts one. */
  clock?: ClockOverrides;
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
  private activeScenario: Scenario = defaultScenario;
  private registry: ScenarioRegistry;
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
   * (a fresh scenario), undefined when it resumed the saved one and the console keeps its own.
   */
  readonly initialSession: { token: string | null } | undefined;
  /** The store held something that could not be resumed, so this backend started from the seed. */
  readonly startedFromUnreadableSave: boolean = false;

  constructor(private readonly options: BackendOptions) {
    // A scenario asked for explicitly starts from its seed; otherwise the saved backend goes on.
    const saved = options.scenario ? 'absent' : loadSavedBackend(options.store);
    this.registry = new ScenarioRegistry(
      backendStateProblems,
      typeof saved === 'string' ? [] : saved.registeredScenarios,
    );
    const resumed = typeof saved === 'string' ? undefined : scenarioToResume(saved);
    if (typeof saved === 'string' || !resumed) {
      const scenario = (options.scenario && findScenario(options.scenario)) || defaultScenario;
      this.initialSession = { token: this.sessions.replaceWith(scenario.startSession) };
      options.onSessionsReady?.((token) => this.sessions.sessionFor(token));
      this.enter(scenario, options.clock);
      if (saved !== 'absent') {
        this.startedFromUnreadableSave = true;
        this.notice = CORRUPT_SAVED_DATA_NOTICE;
      }
    } else {
      this.sessions = new SessionStore(saved.state.sessions);
      options.onSessionsReady?.((token) => this.sessions.sessionFor(token));
      this.resume(saved, resumed);
    }
    this.save();
  }

  get scenario(): Scenario {
    return this.activeScenario;
  }

  /**
   * Back to a scenario's start: its seed on a fresh clock that starts at the current wall time,
   * signed in as the scenario says (or `as`); or, for a snapshot, the exact state it holds, signed
   * in as it was (unless `as`). Returns the console's session, null when signed out.
   */
  reset(name?: string, clock: ClockOverrides = {}, as?: MockStartSession): string | null {
    const scenario = (name && this.registry.find(name)) || this.activeScenario;
    this.enter(scenario, clock);
    const snapshotSession = scenario.state && !as ? this.sessions.sessionFor(null) : undefined;
    if (snapshotSession === undefined) return this.replaceSessions(as ?? scenario.startSession, 'reset');
    this.save();
    this.options.onSessionsReplaced?.(snapshotSession, 'reset');
    return snapshotSession;
  }

  /** Whether `name` is a scenario this backend can start: a built-in, or one registered with it. */
  knowsScenario(name: string): boolean {
    return this.registry.find(name) !== undefined;
  }

  scenarioNames(): string[] {
    return this.registry.names();
  }

  scenarios(): ScenarioSummary[] {
    return this.registry.list();
  }

  /** A scenario's document as it was written or registered. */
  scenarioDocument(name: string): ScenarioDocument | undefined {
    return this.registry.document(name);
  }

  registerScenario(document: unknown): Registration {
    const registration = this.registry.register(document);
    if (registration.ok) this.save();
    return registration;
  }

  /**
   * Forgets a registered scenario. The running one may go: it runs on, and a reload resumes it from
   * the document it started with, but it can no longer be started again.
   */
  removeScenario(name: string): Removal {
    const removal = this.registry.remove(name);
    if (removal === 'removed') this.save();
    return removal;
  }

  /**
   * The current state as a scenario document: the active scenario's settings, with nothing left to
   * look up, and the exact state. Registering it and starting it reproduces this moment, and what
   * follows it.
   */
  snapshot(): ScenarioDocument {
    return this.read(({ simulator }) => {
      const { document } = this.activeScenario;
      const at = new Date(simulator.now).toISOString();
      return {
        ...document,
        name: snapshotName(document.name, at),
        description: `${document.name} as it stood at ${at} (simulated time)`,
        demonstrates: `Starting it puts the backend back to that moment, runs in flight included: ${document.demonstrates}`,
        state: this.backendState(),
      };
    });
  }

  /** What is due on the clock, soonest first. */
  schedule(): ScheduleEvent[] {
    return this.read(({ simulator }) => simulator.upcomingEvents());
  }

  /** Advances exactly to the next event and plays it; false when nothing is scheduled. */
  advanceToNextEvent(): boolean {
    const next = this.schedule()[0];
    if (!next) return false;
    this.advance(Math.max(0, Date.parse(next.at) - this.clock.now()));
    return true;
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

  /** Starts `scenario`: from its seed on a clock at the current wall minute, or from the state a snapshot holds. */
  private enter(scenario: Scenario, clock: ClockOverrides = {}): void {
    this.activeScenario = scenario;
    this.notice = null;
    const state = scenario.state ? BackendStateSchema.parse(scenario.state) : undefined;
    if (state) {
      this.sessions = new SessionStore(state.sessions);
      this.restore(state, scenario, state.clock.simTime);
    } else {
      const start = Math.floor(this.options.wallNow() / MINUTE_MS) * MINUTE_MS;
      this.journal = new RequestJournal();
      this.faults = new FaultPlan(scenario.api.faults);
      this.latencyRandom = new SeededRandom(scenario.randomSeed);
      this.clock = new SimulatedClock(this.options.wallNow, { simTime: start, ...scenario.clock });
      this.world = seedWorld(scenario, start, this.options.budgetClock);
    }
    this.applyClock(clock);
  }

  /** Goes on from a saved backend (its sessions are already in place), counting the time it was away. */
  private resume({ state, savedAtWall }: SavedBackend, scenario: Scenario): void {
    const awayMs = state.clock.paused ? 0 : Math.max(0, this.options.wallNow() - savedAtWall) * state.clock.speed;
    this.activeScenario = scenario;
    this.restore(state, scenario, state.clock.simTime + awayMs);
    this.world.simulator.settle(this.clock.now());
  }

  /** Everything but the sessions, which the caller decides. */
  private restore(state: BackendState, scenario: Scenario, simTime: number): void {
    this.journal = new RequestJournal(state.requests);
    this.faults = new FaultPlan(scenario.api.faults, state.faults);
    this.latencyRandom = new SeededRandom(state.latencyRandomState);
    this.clock = new SimulatedClock(this.options.wallNow, { ...state.clock, simTime });
    this.world = restoreWorld(state, scenario, this.options.budgetClock);
  }

  private backendState(): BackendState {
    return {
      simulator: this.world.simulator.changesSinceSeed(),
      staleListEntries: this.world.orderList.staleCopies(),
      clock: this.clock.snapshot(),
      sessions: this.sessions.snapshot(),
      faults: this.faults.snapshot(),
      latencyRandomState: this.latencyRandom.state,
      requests: this.journal.list(),
    };
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
    const saved: SavedBackend = {
      state: this.backendState(),
      registeredScenarios: this.registry.snapshot(),
      ...(findScenario(this.activeScenario.name) ? {} : { activeScenario: this.activeScenario.document }),
      savedAtWall: this.options.wallNow(),
    };
    this.options.store?.save(JSON.stringify(saved));
    for (const listener of this.listeners) listener();
  }
}

/** The scenario a saved backend was running: a built-in, or the registered one as it was when it started. */
function scenarioToResume({ state, activeScenario }: SavedBackend): Scenario | undefined {
  if (!activeScenario) return findScenario(state.simulator.scenario);
  const resolved = resolveScenario(activeScenario, builtInDocument);
  return resolved.ok ? resolved.scenario : undefined;
}

/** `default-at-2026-11-24-1214`: the scenario and the simulated minute, within a name's 64 characters. */
function snapshotName(scenario: string, at: string): string {
  const base = scenario.replace(/-at-\d{4}-\d{2}-\d{2}-\d{4}$/, '');
  const minute = `-at-${at.slice(0, 10)}-${at.slice(11, 13)}${at.slice(14, 16)}`;
  return `${base.slice(0, 64 - minute.length)}${minute}`;
}
