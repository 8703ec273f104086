import type { Attempt, AuditAction, AuditEntry, Credentials, Order } from '@/contract/order';
import type { ScheduleEvent, UpstreamCall } from '@/contract/mock-control';
import { provisionAction, provisionGuard, type GuardAnswer } from '@/domain/provisioning-rules';
import { OrderTable } from './order-table';
import type { ProvidersBehaviour } from './provider-behaviour';
import { SeededRandom } from './random';
import { iso, RunMachine, type RunWorld } from './runs';
import { upcomingEvents } from './schedule';
import {
  SIMULATOR_STATE_VERSION,
  type Run,
  type SimulatorState,
  type StoredOrder,
  type UpstreamServer,
} from './simulator-state';

export type SimulatorBehaviour = {
  providers: ProvidersBehaviour;
  /** A second admin who retries the same order a moment before every manual request (the double-click race). */
  concurrentAdmin?: string;
};

export type SimulatorSeed = {
  scenario: string;
  start: number;
  randomSeed: number;
  orders: StoredOrder[];
  servers: UpstreamServer[];
  /** Orders whose automatic run starts with the scenario (paid a moment ago). */
  autoRunOrderIds: readonly string[];
};

/** The guard's refusals, passed on as they are. */
type Refusal = Extract<GuardAnswer, { code: 'NOT_ELIGIBLE' | 'PROVISIONING_IN_PROGRESS' }>;

/** What a manual provision request gets, before the API turns it into an answer (one per contract code). */
export type ProvisionOutcome =
  { code: 'PROVISIONING_STARTED' | 'ALREADY_PROVISIONED'; order: Order } | Refusal | { code: 'ORDER_NOT_FOUND' };

export type ResolveOutcome = { code: 'MARKED_RESOLVED'; order: Order } | Refusal | { code: 'ORDER_NOT_FOUND' };

/** Who asked, and why: every manual request is written to the order's audit trail. */
export type ManualRequest = { actor: string; reason?: string | undefined; bulk?: boolean };

export type OrderDetail = { order: Order; attempts: Attempt[]; audit: AuditEntry[]; credentials: Credentials | null };

/** Told about every change to an order, so that a read model over the orders can keep up. */
export type OrderObserver = {
  orderChanged(order: StoredOrder): void;
  /** A manual request reached this order, allowed or not: the primary data has been read fresh. */
  orderRequested(order: StoredOrder): void;
};

/**
 * The simulated provisioning service: orders, runs, upstream providers and their journal, as one
 * serialisable value. Time only moves when `settle(until)` is called, so tests and the backend's
 * clock decide how fast it goes. It answers manual requests with the shared guard
 * (`provisionGuard`) and leaves the runs to `RunMachine`.
 */
export class ProvisioningSimulator {
  readonly orders: OrderTable;
  private readonly random: SeededRandom;
  private readonly changedOrderIds: Set<string>;
  private readonly runMachine: RunMachine;
  private observer: OrderObserver | null = null;

  private constructor(
    private readonly state: SimulatorState,
    private readonly behaviour: SimulatorBehaviour,
  ) {
    this.orders = new OrderTable(state.orders);
    this.random = new SeededRandom(state.randomState);
    this.changedOrderIds = new Set(state.changedOrderIds);
    this.runMachine = new RunMachine(this.runWorld());
  }

  /** Takes ownership of the seed's arrays: a seed is built for one simulator (100,000 orders are not copied). */
  static seed(seed: SimulatorSeed, behaviour: SimulatorBehaviour): ProvisioningSimulator {
    const simulator = new ProvisioningSimulator(
      {
        version: SIMULATOR_STATE_VERSION,
        scenario: seed.scenario,
        scenarioStartedAt: seed.start,
        cursor: seed.start,
        nextId: 0,
        randomState: seed.randomSeed,
        orders: seed.orders,
        changedOrderIds: [],
        runs: [],
        attempts: [],
        audit: [],
        servers: seed.servers,
        seededServerCount: seed.servers.length,
        upstreamCalls: [],
      },
      behaviour,
    );
    for (const orderId of seed.autoRunOrderIds) {
      simulator.runMachine.start(simulator.requireOrder(orderId), 'auto', null, null);
    }
    return simulator;
  }

  /** Takes ownership of `state`, which must be built for it (a parsed save, or a copy). */
  static restore(state: SimulatorState, behaviour: SimulatorBehaviour): ProvisioningSimulator {
    return new ProvisioningSimulator(state, behaviour);
  }

  snapshot(): SimulatorState {
    return structuredClone({
      ...this.state,
      randomState: this.random.state,
      changedOrderIds: [...this.changedOrderIds],
    });
  }

  /**
   * The snapshot without what the seed rebuilds (unchanged orders, the seed's servers): all a save
   * needs to keep, however large the scenario (`restoreFromChanges` puts the two back together).
   */
  changesSinceSeed(): SimulatorState {
    const { orders: _allOrders, servers, ...rest } = this.state;
    return structuredClone({
      ...rest,
      orders: [...this.changedOrderIds].flatMap((id) => this.orders.withId(id) ?? []),
      servers: servers.slice(this.state.seededServerCount),
      randomState: this.random.state,
      changedOrderIds: [...this.changedOrderIds],
    });
  }

  /** One observer at a time: the backend's list index. Orders changed before it came are read by it as they are. */
  observe(observer: OrderObserver): void {
    this.observer = observer;
  }

  get scenario(): string {
    return this.state.scenario;
  }

  /** The simulator's time: everything up to it has happened. */
  get now(): number {
    return this.state.cursor;
  }

  /** Plays every run step due up to `until`, in time order; returns how many it played. */
  settle(until: number): number {
    let played = 0;
    for (let run = this.runMachine.nextDue(until); run; run = this.runMachine.nextDue(until)) {
      this.state.cursor = Math.max(this.state.cursor, run.wakeAt ?? this.state.cursor);
      this.runMachine.step(run);
      played += 1;
    }
    this.state.cursor = Math.max(this.state.cursor, until);
    return played;
  }

  /** When the next run step falls due, for the clock driver to wake up; null when nothing is scheduled. */
  nextWakeAt(): number | null {
    return this.runMachine.nextDue(Infinity)?.wakeAt ?? null;
  }

  /** A manual provision request: answered by the shared guard, then started at once if allowed. */
  provision(orderId: string, request: ManualRequest): ProvisionOutcome {
    const order = this.orders.withId(orderId);
    if (!order) return { code: 'ORDER_NOT_FOUND' };
    this.observer?.orderRequested(order);
    // The button is the one the order showed before the request; in a race both admins saw the same one.
    const action: AuditAction = provisionAction(this.toApiOrder(order))?.kind ?? 'provision';
    const colleague = this.behaviour.concurrentAdmin;
    if (colleague && colleague !== request.actor) this.requestProvision(order, action, { actor: colleague });
    return this.requestProvision(order, action, request);
  }

  /** Marks an order fixed outside the console: it leaves Needs attention and can no longer be provisioned here. */
  resolve(orderId: string, request: ManualRequest & { reason: string }): ResolveOutcome {
    const order = this.orders.withId(orderId);
    if (!order) return { code: 'ORDER_NOT_FOUND' };
    this.observer?.orderRequested(order);
    const answer = provisionGuard(this.toApiOrder(order), this.now);
    const outcome: ResolveOutcome =
      answer.code === 'ALLOWED'
        ? { code: 'MARKED_RESOLVED', order: this.toApiOrder(order) }
        : answer.code === 'ALREADY_PROVISIONED'
          ? { code: 'NOT_ELIGIBLE', reason: 'Order is already provisioned; there is nothing to resolve' }
          : answer;
    if (outcome.code === 'MARKED_RESOLVED') {
      this.updateOrder(order, { resolution: { by: request.actor, at: iso(this.now), reason: request.reason } });
      outcome.order = this.toApiOrder(order);
    }
    this.recordAudit(order, 'markResolved', request, outcome.code);
    return outcome;
  }

  getOrder(orderId: string): OrderDetail | null {
    const order = this.orders.withId(orderId);
    if (!order) return null;
    const attempts = this.state.attempts.filter((attempt) => attempt.orderId === orderId);
    const audit = this.state.audit.filter((entry) => entry.orderId === orderId);
    return {
      order: this.toApiOrder(order),
      attempts: structuredClone(attempts),
      audit: structuredClone(audit),
      credentials: this.credentialsOf(order),
    };
  }

  upstreamCalls(): UpstreamCall[] {
    return structuredClone(this.state.upstreamCalls);
  }

  /** What is due on the clock, soonest first (`GET /__mock/schedule`). */
  upcomingEvents(): ScheduleEvent[] {
    return upcomingEvents(this.state, this.orders, this.behaviour.providers);
  }

  /** Runs in flight, for invariant checks. */
  runs(): readonly Run[] {
    return structuredClone(this.state.runs);
  }

  /** The orders a run is under way for. */
  runningOrderIds(): Set<string> {
    return new Set(this.state.runs.map((run) => run.orderId));
  }

  /** An order as the API serves it, with its live run; a copy, so no answer can reach into the state. */
  toApiOrder(order: StoredOrder): Order {
    const run = this.state.runs.find((candidate) => candidate.orderId === order._id);
    // Copied by hand: structuredClone of every order would be most of a page's answer time in the browser.
    return {
      ...order,
      customer: { ...order.customer },
      resolution: order.resolution && { ...order.resolution },
      activeRun: run
        ? {
            id: run.id,
            trigger: run.trigger,
            triggeredBy: run.triggeredBy,
            attempt: run.attempt,
            maxAttempts: run.maxAttempts,
            step: run.step,
            startedAt: iso(run.startedAt),
            nextStepAt: run.wakeAt === null ? null : iso(run.wakeAt),
          }
        : null,
    };
  }

  private requestProvision(order: StoredOrder, action: AuditAction, request: ManualRequest): ProvisionOutcome {
    const current = this.toApiOrder(order);
    const answer = provisionGuard(current, this.now);
    let outcome: ProvisionOutcome;
    switch (answer.code) {
      case 'ALLOWED':
        this.runMachine.start(order, 'manual', request.actor, request.reason || null);
        outcome = { code: 'PROVISIONING_STARTED', order: this.toApiOrder(order) };
        break;
      case 'ALREADY_PROVISIONED':
        outcome = { code: 'ALREADY_PROVISIONED', order: current };
        break;
      case 'PROVISIONING_IN_PROGRESS':
      case 'NOT_ELIGIBLE':
        outcome = answer;
    }
    this.recordAudit(order, action, request, outcome.code);
    return outcome;
  }

  private recordAudit(order: StoredOrder, action: AuditAction, request: ManualRequest, result: string): void {
    this.state.audit.push({
      id: this.nextId('aud'),
      orderId: order._id,
      at: iso(this.now),
      actor: request.actor,
      action,
      bulk: request.bulk ?? false,
      reason: request.reason || null,
      result,
    });
  }

  /** The root login of a server that is ready; what the handler serves to admins only. */
  private credentialsOf(order: StoredOrder): Credentials | null {
    if (order.provisioningStatus !== 'active' || !order.upstreamId) return null;
    const server = this.state.servers.find((candidate) => candidate.id === order.upstreamId);
    return server ? { username: 'root', password: server.rootPassword } : null;
  }

  private updateOrder(order: StoredOrder, changes: Partial<StoredOrder>): void {
    Object.assign(order, changes, { updatedAt: iso(this.now) });
    this.changedOrderIds.add(order._id);
    this.observer?.orderChanged(order);
  }

  private requireOrder(orderId: string): StoredOrder {
    const order = this.orders.withId(orderId);
    if (!order) throw new Error(`unknown order ${orderId}`);
    return order;
  }

  private nextNumber(): number {
    this.state.nextId += 1;
    return this.state.nextId;
  }

  private nextId(prefix: string): string {
    return `${prefix}-${this.nextNumber()}`;
  }

  /** The simulator as its runs see it: they read the clock and change orders only through it. */
  private runWorld(): RunWorld {
    return {
      state: this.state,
      random: this.random,
      providers: this.behaviour.providers,
      now: () => this.now,
      requireOrder: (orderId) => this.requireOrder(orderId),
      updateOrder: (order, changes) => this.updateOrder(order, changes),
      nextId: (prefix) => this.nextId(prefix),
      nextNumber: () => this.nextNumber(),
    };
  }
}
