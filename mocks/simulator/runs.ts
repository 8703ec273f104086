import type { Attempt, UpstreamOperation } from '@/contract/order';
import type { UpstreamCall } from '@/contract/mock-control';
import { MINUTE_MS } from '@/lib/time';
import {
  operationBehaviour,
  outcomeAt,
  providerNames,
  UPSTREAM_TIMEOUT_MS,
  type CallOutcome,
  type ProvidersBehaviour,
} from './provider-behaviour';
import type { SeededRandom } from './random';
import type { Run, SimulatorState, StoredOrder, UpstreamServer } from './simulator-state';

export const MAX_ATTEMPTS = 3;
export const RETRY_DELAY_MS = { min: MINUTE_MS, max: 5 * MINUTE_MS } as const;
export const STATUS_POLL_INTERVAL_MS = 10_000;
export const STATUS_CHECK_BUDGET_MS = 5 * MINUTE_MS;

/** What a run reads and changes in the simulator it belongs to. */
export type RunWorld = {
  readonly state: SimulatorState;
  readonly random: SeededRandom;
  readonly providers: ProvidersBehaviour;
  now(): number;
  requireOrder(orderId: string): StoredOrder;
  updateOrder(order: StoredOrder, changes: Partial<StoredOrder>): void;
  nextId(prefix: string): string;
  nextNumber(): number;
};

/**
 * The life of a provisioning run, one step at a time: attempts, the package queue, upstream calls
 * and their outcomes, retries, and the end (active, failed, or stuck without an IP). Every step
 * happens at `world.now`; the simulator decides when (docs/mock-backend.md: The simulator).
 */
export class RunMachine {
  constructor(private readonly world: RunWorld) {}

  private get state(): SimulatorState {
    return this.world.state;
  }

  private get now(): number {
    return this.world.now();
  }

  start(order: StoredOrder, trigger: Run['trigger'], triggeredBy: string | null, reason: string | null): void {
    const run: Run = {
      id: this.world.nextId('run'),
      orderId: order._id,
      trigger,
      triggeredBy,
      attempt: 1,
      maxAttempts: MAX_ATTEMPTS,
      step: 'retryDelay',
      startedAt: this.now,
      wakeAt: null,
      queuedAt: null,
      attemptId: '',
      call: null,
      statusCheckDeadline: null,
      reason,
    };
    this.state.runs.push(run);
    this.startAttempt(run);
  }

  /** The run whose next step falls due first, at or before `until`. */
  nextDue(until: number): Run | undefined {
    let due: Run | undefined;
    for (const run of this.state.runs) {
      if (run.wakeAt !== null && run.wakeAt <= until && (!due || run.wakeAt < (due.wakeAt ?? Infinity))) due = run;
    }
    return due;
  }

  step(run: Run): void {
    switch (run.step) {
      case 'retryDelay':
        return this.startAttempt(run);
      case 'waitingForPackage':
        return this.beginPurchase(run);
      case 'statusCheck':
        return run.call ? this.completeCall(run) : this.beginCall(run, 'statusCheck');
      case 'buyVps':
      case 'createService':
        return this.completeCall(run);
    }
  }

  private startAttempt(run: Run): void {
    const order = this.world.requireOrder(run.orderId);
    const attempt: Attempt = {
      id: this.world.nextId('att'),
      orderId: order._id,
      runId: run.id,
      trigger: run.trigger,
      triggeredBy: run.triggeredBy,
      attempt: run.attempt,
      step: run.step,
      startedAt: iso(this.now),
      endedAt: null,
      outcome: 'running',
      error: null,
      errorClass: null,
      upstreamId: order.upstreamId,
      // The admin's reason belongs to the attempt they asked for, not the automatic retries after it.
      reason: run.attempt === 1 ? run.reason : null,
    };
    this.state.attempts.push(attempt);
    run.attemptId = attempt.id;
    this.world.updateOrder(order, {
      provisioningStatus: 'provisioning',
      lastProvisionAttempt: iso(this.now),
      ...(run.trigger === 'auto' ? { autoProvisioned: true } : {}),
    });
    // A VPS bought by an earlier attempt is never bought again: resume at the status check.
    if (order.provider === 'smartvps' && order.upstreamId) this.beginStatusCheck(run);
    else this.beginPurchase(run);
  }

  /** Purchases of one package go one at a time; the others queue, first come first served. */
  private beginPurchase(run: Run): void {
    const order = this.world.requireOrder(run.orderId);
    if (this.packageIsBusy(order.packageId, run.id)) {
      run.step = 'waitingForPackage';
      run.wakeAt = null;
      run.queuedAt ??= this.now;
      this.updateAttempt(run, { step: 'waitingForPackage' });
      return;
    }
    run.queuedAt = null;
    this.beginCall(run, order.provider === 'smartvps' ? 'buyVps' : 'createService');
  }

  private beginStatusCheck(run: Run): void {
    run.statusCheckDeadline = this.now + STATUS_CHECK_BUDGET_MS;
    this.beginCall(run, 'statusCheck');
  }

  /** The call's outcome is drawn now, from the provider's phase at this moment of the scenario. */
  private beginCall(run: Run, operation: UpstreamOperation): void {
    const order = this.world.requireOrder(run.orderId);
    const behaviour = operationBehaviour(this.world.providers, order.provider, operation);
    const outcome = outcomeAt(behaviour, this.now - this.state.scenarioStartedAt);
    const [minLatency, maxLatency] = behaviour.latencyMs;
    const duration =
      outcome.kind === 'timeout' ? UPSTREAM_TIMEOUT_MS : this.world.random.between(minLatency, maxLatency);
    run.step = operation;
    run.call = { operation, startedAt: this.now, outcome };
    run.wakeAt = this.now + Math.max(1, duration);
    this.updateAttempt(run, { step: operation });
  }

  private completeCall(run: Run): void {
    const order = this.world.requireOrder(run.orderId);
    const call = run.call;
    if (!call) throw new Error(`run ${run.id} has no call to complete`);
    run.call = null;
    switch (call.operation) {
      case 'buyVps':
      case 'createService':
        return this.completePurchase(run, order, call.operation, call.startedAt, call.outcome);
      case 'statusCheck':
        return this.completeStatusCheck(run, order, call.startedAt, call.outcome);
    }
  }

  private completePurchase(
    run: Run,
    order: StoredOrder,
    operation: UpstreamOperation,
    calledAt: number,
    outcome: CallOutcome,
  ): void {
    this.recordCall(order, operation, calledAt, outcome.kind === 'succeed' ? 'succeeded' : callFailure(outcome));
    if (outcome.kind === 'succeed') {
      const server = this.buildServer(order);
      this.world.updateOrder(order, { upstreamId: server.id });
      this.updateAttempt(run, { upstreamId: server.id });
      // SmartVPS hands out the IP later; Hostycare's createService answers with it.
      if (operation === 'buyVps') this.beginStatusCheck(run);
      else this.succeed(run, order, server);
    } else {
      this.failAttempt(run, order, operation, outcome);
    }
    this.wakeNextInPackageQueue(order.packageId);
  }

  private completeStatusCheck(run: Run, order: StoredOrder, calledAt: number, outcome: CallOutcome): void {
    const server = this.state.servers.find((candidate) => candidate.id === order.upstreamId);
    const ready = outcome.kind === 'succeed' && server !== undefined && server.ipReadyAt <= this.now;
    this.recordCall(
      order,
      'statusCheck',
      calledAt,
      ready ? 'succeeded' : outcome.kind === 'succeed' ? 'noIpYet' : callFailure(outcome),
    );
    if (ready) return this.succeed(run, order, server);
    const deadline = run.statusCheckDeadline ?? this.now;
    if (this.now < deadline) {
      run.wakeAt = Math.min(this.now + STATUS_POLL_INTERVAL_MS, deadline);
      return;
    }
    // The purchase went through but no IP came: like the real service, the run gives up and
    // leaves the order `provisioning`. That stuck order is what the Retry button exists for.
    const minutes = Math.round(STATUS_CHECK_BUDGET_MS / MINUTE_MS);
    const error = `SmartVPS status check timed out after ${minutes} min: VPS ${order.upstreamId ?? '?'} bought, no IP yet`;
    this.updateAttempt(run, { outcome: 'stuck', endedAt: iso(this.now), error, errorClass: 'transient' });
    this.world.updateOrder(order, { provisioningError: error, provisioningErrorClass: 'transient' });
    this.end(run);
  }

  private failAttempt(run: Run, order: StoredOrder, operation: UpstreamOperation, outcome: CallOutcome): void {
    const provider = providerNames[order.provider];
    const error =
      outcome.kind === 'fail'
        ? `${provider} ${operation} failed: ${outcome.error}`
        : `${provider} ${operation} timeout`;
    const errorClass = outcome.kind === 'fail' && outcome.errorClass === 'permanent' ? 'permanent' : 'transient';
    this.updateAttempt(run, {
      outcome: outcome.kind === 'timeout' ? 'timedOut' : 'failed',
      endedAt: iso(this.now),
      error,
      errorClass,
    });
    // Asking again cannot fix a permanent failure (no stock, no balance, a bad configuration): stop at once.
    if (errorClass === 'transient' && run.attempt < run.maxAttempts) {
      run.attempt += 1;
      run.step = 'retryDelay';
      run.wakeAt = this.now + this.world.random.between(RETRY_DELAY_MS.min, RETRY_DELAY_MS.max);
      this.world.updateOrder(order, { provisioningError: error, provisioningErrorClass: errorClass });
      return;
    }
    const summary =
      errorClass === 'permanent'
        ? `${error} (permanent: not retried)`
        : outcome.kind === 'fail'
          ? `${provider} ${operation} failed after ${run.maxAttempts} attempts: ${outcome.error}`
          : `${provider} ${operation} timeout after ${run.maxAttempts} attempts`;
    this.world.updateOrder(order, {
      provisioningStatus: 'failed',
      provisioningError: summary,
      provisioningErrorClass: errorClass,
    });
    this.end(run);
  }

  private succeed(run: Run, order: StoredOrder, server: UpstreamServer): void {
    this.updateAttempt(run, { outcome: 'succeeded', endedAt: iso(this.now), upstreamId: server.id });
    this.world.updateOrder(order, {
      status: 'active',
      provisioningStatus: 'active',
      ipAddress: server.ipAddress,
      provisioningError: null,
      provisioningErrorClass: null,
    });
    this.end(run);
  }

  private end(run: Run): void {
    this.state.runs = this.state.runs.filter((candidate) => candidate.id !== run.id);
  }

  /** The package lock is held by whichever run has a purchase call under way for that package. */
  private packageIsBusy(packageId: string, exceptRunId: string): boolean {
    return this.state.runs.some(
      (run) =>
        run.id !== exceptRunId &&
        (run.step === 'buyVps' || run.step === 'createService') &&
        this.world.requireOrder(run.orderId).packageId === packageId,
    );
  }

  private wakeNextInPackageQueue(packageId: string): void {
    if (this.packageIsBusy(packageId, '')) return;
    const waiting = this.state.runs
      .filter((run) => run.step === 'waitingForPackage' && this.world.requireOrder(run.orderId).packageId === packageId)
      .toSorted((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
    const first = waiting[0];
    if (first && first.wakeAt === null) first.wakeAt = this.now;
  }

  private buildServer(order: StoredOrder): UpstreamServer {
    const smartVps = order.provider === 'smartvps';
    const random = this.world.random;
    const server: UpstreamServer = {
      id: smartVps ? `svps-${70_000 + this.world.nextNumber()}` : `hc-${5_000 + this.world.nextNumber()}`,
      orderId: order._id,
      packageId: order.packageId,
      boughtAt: this.now,
      ipReadyAt: smartVps ? this.now + this.world.providers.smartvps.ipAssignedAfterMs : this.now,
      ipAddress: `${smartVps ? '103.177' : '45.76'}.${random.between(0, 255)}.${random.between(2, 254)}`,
      rootPassword: this.randomPassword(),
    };
    this.state.servers.push(server);
    return server;
  }

  private recordCall(
    order: StoredOrder,
    operation: UpstreamOperation,
    at: number,
    outcome: UpstreamCall['outcome'],
  ): void {
    this.state.upstreamCalls.push({
      provider: order.provider,
      operation,
      orderId: order._id,
      packageId: order.packageId,
      at: iso(at),
      outcome,
    });
  }

  private updateAttempt(run: Run, changes: Partial<Attempt>): void {
    const attempt = this.state.attempts.find((candidate) => candidate.id === run.attemptId);
    if (attempt) Object.assign(attempt, changes);
  }

  private randomPassword(): string {
    const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    return Array.from({ length: 16 }, () => alphabet[this.world.random.between(0, alphabet.length - 1)]).join('');
  }
}

export const iso = (time: number) => new Date(time).toISOString();

function callFailure(outcome: CallOutcome): UpstreamCall['outcome'] {
  return outcome.kind === 'timeout' ? 'timedOut' : 'failed';
}
