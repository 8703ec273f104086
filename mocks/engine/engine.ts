import type { Attempt, AuditAction, AuditEntry, Credentials, Order, UpstreamOperation } from '@/contract/order';
import type { OrdersQuery } from '@/contract/orders-api';
import type { UpstreamCall } from '@/contract/mock-control';
import { attentionReason, canNeedAttention, longestWaitingFirst } from '@/domain/attention';
import { provisionAction, provisionGuard } from '@/domain/provisioning-rules';
import {
  ENGINE_STATE_VERSION,
  type EngineSnapshot,
  type Run,
  type StoredOrder,
  type UpstreamServer,
} from './engine-state';
import {
  operationBehaviour,
  outcomeAt,
  providerNames,
  UPSTREAM_TIMEOUT_MS,
  type CallOutcome,
  type ProvidersBehaviour,
} from './provider-behaviour';
import { SeededRandom } from './random';
import { FilterColumns, type FilterValues } from './filter-columns';
import { firstAtOrAfter, SearchIndex, type Positions } from './search-index';

export const MAX_ATTEMPTS = 3;
export const RETRY_DELAY_MS = { min: 60_000, max: 300_000 } as const;
export const STATUS_POLL_INTERVAL_MS = 10_000;
export const STATUS_CHECK_BUDGET_MS = 5 * 60_000;

export type EngineBehaviour = {
  providers: ProvidersBehaviour;
  /** A second admin who retries the same order a moment before every manual request (the double-click race). */
  concurrentAdmin?: string;
};

export type EngineSeed = {
  scenario: string;
  start: number;
  randomSeed: number;
  orders: StoredOrder[];
  servers: UpstreamServer[];
  staleListEntries: StoredOrder[];
  /** Orders whose automatic run starts with the scenario (paid a moment ago). */
  autoRunOrderIds: string[];
};

export type ProvisionOutcome =
  | { code: 'PROVISIONING_STARTED'; order: Order }
  | { code: 'ALREADY_PROVISIONED'; order: Order }
  | { code: 'PROVISIONING_IN_PROGRESS'; retryAfterSeconds: number }
  | { code: 'NOT_ELIGIBLE'; reason: string }
  | { code: 'ORDER_NOT_FOUND' };

export type ResolveOutcome =
  | { code: 'MARKED_RESOLVED'; order: Order }
  | { code: 'PROVISIONING_IN_PROGRESS'; retryAfterSeconds: number }
  | { code: 'NOT_ELIGIBLE'; reason: string }
  | { code: 'ORDER_NOT_FOUND' };

/** Who asked, and why: every manual request is written to the order's audit trail. */
export type ManualRequest = { actor: string; reason?: string | undefined; bulk?: boolean };

export type OrderDetail = { order: Order; attempts: Attempt[]; audit: AuditEntry[]; credentials: Credentials | null };

const iso = (time: number) => new Date(time).toISOString();

/**
 * The simulated provisioning service: orders, runs, upstream providers and their journal. Plain
 * data in, plain data out; time only moves when `settle(until)` is called, so tests and the
 * browser's clock driver decide how fast it goes.
 */
export class ProvisioningEngine {
  private readonly state: EngineSnapshot;
  private readonly random: SeededRandom;
  private readonly changedOrderIds: Set<string>;
  /** Where each order sits in the full list (newest first): a cursor names the last order of a page. */
  private readonly positionById: Map<string, number>;
  /** The search box's index over every order's text, by position. */
  private readonly searchIndex: SearchIndex;
  /** The list filters' values by position, read ahead in slices (`prepareIndexes`) or when a filter first needs them. */
  private readonly filterColumns: FilterColumns;
  /** Orders whose status lets them need attention (paid or confirmed): the few the attention rule reads. */
  private readonly paidOrderIds: Set<string>;

  private constructor(
    state: EngineSnapshot,
    private readonly behaviour: EngineBehaviour,
  ) {
    this.state = state;
    this.random = new SeededRandom(state.randomState);
    this.changedOrderIds = new Set(state.changedOrderIds);
    // One map, filled by a loop: two maps built from 100,000 [key, value] pairs each cost a reload 170 ms, mostly garbage.
    this.positionById = new Map();
    state.orders.forEach((order, position) => this.positionById.set(order._id, position));
    this.searchIndex = new SearchIndex(state.orders.length, (position) => searchTextOf(state.orders[position]));
    this.filterColumns = new FilterColumns(state.orders.length);
    this.paidOrderIds = new Set(state.orders.filter(canNeedAttention).map((order) => order._id));
  }

  /** Takes ownership of the seed's arrays: a seed is built for one engine (100,000 orders are not copied). */
  static seed(seed: EngineSeed, behaviour: EngineBehaviour): ProvisioningEngine {
    const engine = new ProvisioningEngine(
      {
        version: ENGINE_STATE_VERSION,
        scenario: seed.scenario,
        scenarioStartedAt: seed.start,
        cursor: seed.start,
        nextId: 0,
        randomState: seed.randomSeed,
        orders: seed.orders,
        changedOrderIds: [],
        staleListEntries: seed.staleListEntries,
        runs: [],
        attempts: [],
        audit: [],
        servers: seed.servers,
        seededServerCount: seed.servers.length,
        upstreamCalls: [],
      },
      behaviour,
    );
    for (const orderId of seed.autoRunOrderIds) engine.startRun(engine.requireOrder(orderId), 'auto', null);
    return engine;
  }

  static restore(snapshot: EngineSnapshot, behaviour: EngineBehaviour): ProvisioningEngine {
    return new ProvisioningEngine(structuredClone(snapshot), behaviour);
  }

  /**
   * Rebuilds an engine from `changesSinceSeed()` and the seed it was started from. Takes ownership of
   * both, which are built fresh for it: copying 100,000 seeded orders again cost a second per reload.
   */
  static restoreChanges(
    changes: EngineSnapshot,
    seed: Pick<EngineSeed, 'orders' | 'servers'>,
    behaviour: EngineBehaviour,
  ): ProvisioningEngine {
    const changed = new Map(changes.orders.map((order) => [order._id, order]));
    return new ProvisioningEngine(
      {
        ...changes,
        orders: seed.orders.map((order) => changed.get(order._id) ?? order),
        servers: [...seed.servers, ...changes.servers],
      },
      behaviour,
    );
  }

  snapshot(): EngineSnapshot {
    return structuredClone({
      ...this.state,
      randomState: this.random.state,
      changedOrderIds: [...this.changedOrderIds],
    });
  }

  /**
   * The snapshot without what the seed rebuilds (unchanged orders, the seed's servers): all storage
   * needs to keep, however large the scenario. `restoreChanges` puts the two back together.
   */
  changesSinceSeed(): EngineSnapshot {
    const { orders: _allOrders, servers, ...rest } = this.state;
    return structuredClone({
      ...rest,
      orders: [...this.changedOrderIds].flatMap((id) => this.orderWithId(id) ?? []),
      servers: servers.slice(this.state.seededServerCount),
      randomState: this.random.state,
      changedOrderIds: [...this.changedOrderIds],
    });
  }

  get scenario(): string {
    return this.state.scenario;
  }

  /** The engine's time: everything up to it has happened. */
  get now(): number {
    return this.state.cursor;
  }

  /** Plays every run step due up to `until`, in time order; returns how many it played. */
  settle(until: number): number {
    let played = 0;
    for (let run = this.nextDueRun(until); run; run = this.nextDueRun(until)) {
      this.state.cursor = Math.max(this.state.cursor, run.wakeAt ?? this.state.cursor);
      this.step(run);
      played += 1;
    }
    this.state.cursor = Math.max(this.state.cursor, until);
    return played;
  }

  /** When the next run step falls due, for the clock driver to wake up; null when nothing is scheduled. */
  nextWakeAt(): number | null {
    let next: number | null = null;
    for (const run of this.state.runs) {
      if (run.wakeAt !== null && (next === null || run.wakeAt < next)) next = run.wakeAt;
    }
    return next;
  }

  /**
   * One page of the list, newest first (Needs attention: longest wait first), with the count of all
   * matches. Null when the cursor names no order. Indexed where a scan would cost: the attention
   * count and view read only paid orders, a search reads only its hits (`SearchIndex`), a filter
   * reads bytes rather than orders (`FilterColumns`), and the unfiltered list is cut straight from the stored order.
   */
  listOrders({
    limit,
    cursor,
    view,
    q,
    ...filters
  }: OrdersQuery): { orders: Order[]; total: number; nextCursor: string | null; attentionCount: number } | null {
    const cursorOrder = cursor === undefined ? undefined : this.orderWithId(cursor);
    if (cursor !== undefined && !cursorOrder) return null;
    const stale = this.staleCopiesById();
    const listed = (stored: StoredOrder) => stale.get(stored._id) ?? stored;
    const query = q?.toLowerCase();
    const filtered = Object.values(filters).some((value) => value !== undefined);
    const matchesFiltersAt = filtered ? this.filterMatcher(filters) : () => true;

    const attention = this.ordersNeedingAttention(listed, stale);
    if (view === 'attention') {
      const matches = attention
        .filter(
          (order) =>
            matchesFiltersAt(this.positionById.get(order._id) ?? -1) && (!query || searchTextOf(order).includes(query)),
        )
        .toSorted(longestWaitingFirst);
      // The page starts after where the cursor's order sorts, even if it has left the matches since.
      const after = cursorOrder ? matches.findIndex((candidate) => longestWaitingFirst(cursorOrder, candidate) < 0) : 0;
      return this.listPage(matches, after === -1 ? matches.length : after, limit, attention.length);
    }

    // The full list keeps the stored order (newest first): the page is the matches after the cursor's position.
    const firstPosition = cursorOrder ? (this.positionById.get(cursorOrder._id) ?? 0) + 1 : 0;
    // A search reads its hits; otherwise every order is a candidate.
    const candidates = query ? this.searchHits(query, stale) : null;
    if (!filtered) {
      // The candidates are exactly the matches: count them and cut the page, without reading the rest.
      const total = candidates ? candidates.length : this.state.orders.length;
      const start = candidates ? firstAtOrAfter(candidates, firstPosition) : firstPosition;
      const end = limit === undefined ? total : Math.min(total, start + limit);
      const pagePositions = Array.from({ length: Math.max(0, end - start) }, (_, index) =>
        candidates ? (candidates[start + index] ?? -1) : start + index,
      );
      return this.pageOf(
        pagePositions.flatMap((position) => this.listedAt(position, listed)),
        total,
        end < total,
        attention.length,
      );
    }
    let total = 0;
    let before = 0;
    const page: StoredOrder[] = [];
    const candidateCount = candidates ? candidates.length : this.state.orders.length;
    for (let index = 0; index < candidateCount; index += 1) {
      const position = candidates ? (candidates[index] ?? -1) : index;
      if (!matchesFiltersAt(position)) continue;
      total += 1;
      if (position < firstPosition) before += 1;
      else if (limit === undefined || page.length < limit) page.push(...this.listedAt(position, listed));
    }
    return this.pageOf(page, total, before + page.length < total, attention.length);
  }

  private listedAt(position: number, listed: (stored: StoredOrder) => StoredOrder): StoredOrder[] {
    const stored = this.state.orders[position];
    return stored ? [listed(stored)] : [];
  }

  /** Whether the order at a position has the wanted filter values, as the list shows it. */
  private filterMatcher(filters: Partial<FilterValues>): (position: number) => boolean {
    this.readFilterValues(Number.POSITIVE_INFINITY);
    return this.filterColumns.matcher(filters);
  }

  /**
   * Reads the filter values of orders not read yet, as the list shows them (a stale copy, if the
   * order has one), until `until`; true once all are read. Orders read earlier are kept up to date
   * as they change (`refreshFilterValues`).
   */
  private readFilterValues(until: number): boolean {
    if (this.filterColumns.complete) return true;
    const stale = this.staleCopiesById();
    return this.filterColumns.fill((position) => {
      const stored = this.state.orders[position];
      if (!stored) throw new Error(`No order at position ${position}`);
      return listedFilterValues(stored, stale);
    }, until);
  }

  /** The old copies the list still shows (the `already-active` scenario's cache), by order id. */
  private staleCopiesById(): Map<string, StoredOrder> {
    return new Map(this.state.staleListEntries.map((entry) => [entry._id, entry]));
  }

  /** After a change to an order or to its stale copy: the list filters it by what the list shows. */
  private refreshFilterValues(order: StoredOrder): void {
    const position = this.positionById.get(order._id);
    if (position === undefined) return;
    this.filterColumns.set(position, listedFilterValues(order, this.staleCopiesById()));
  }

  private listPage(matches: readonly StoredOrder[], start: number, limit: number | undefined, attentionCount: number) {
    const end = limit === undefined ? matches.length : start + limit;
    return this.pageOf(matches.slice(start, end), matches.length, end < matches.length, attentionCount);
  }

  private pageOf(page: readonly StoredOrder[], total: number, more: boolean, attentionCount: number) {
    const last = page.at(-1);
    return {
      orders: page.map((order) => this.toApiOrder(order)),
      total,
      nextCursor: more && last ? last._id : null,
      attentionCount,
    };
  }

  /** Only paid (or confirmed) orders can need attention: the rule runs on those few, as the list shows them. */
  private ordersNeedingAttention(
    listed: (stored: StoredOrder) => StoredOrder,
    stale: ReadonlyMap<string, StoredOrder>,
  ): StoredOrder[] {
    const runOrderIds = new Set(this.state.runs.map((run) => run.orderId));
    const candidates = new Set([...this.paidOrderIds, ...stale.keys()]);
    return [...candidates].flatMap((orderId) => {
      const stored = this.orderWithId(orderId);
      if (!stored) return [];
      const order = listed(stored);
      // The rule needs only to know whether a run is live: the full API order is built for those alone.
      const activeRun = runOrderIds.has(orderId) ? this.toApiOrder(order).activeRun : null;
      return attentionReason({ ...order, activeRun }, this.now) !== null ? [order] : [];
    });
  }

  /**
   * Reads the filter values, then builds the search index, ahead of the first filter change and
   * search, for about `budgetMs` at a time; true once both are ready. The filter values come first:
   * they take a few slices at 100,000 orders, the search index many.
   */
  prepareIndexes(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    return this.readFilterValues(until) && this.searchIndex.prepareFor(Math.max(0, until - performance.now()));
  }

  /** Positions, ascending, of orders whose listed text contains `query`. */
  private searchHits(query: string, stale: ReadonlyMap<string, StoredOrder>): Positions {
    const indexed = this.searchIndex.positionsMatching(query);
    // Usually no copy is stale: a one-letter search at 100,000 orders has 100,000 hits, and a pass
    // over them for nothing costs several milliseconds where the index answered in a fraction of one.
    if (stale.size === 0) return indexed;
    // A stale copy is searched as the list shows it, not as the index read the primary data.
    const stalePositions = new Set([...stale.keys()].flatMap((orderId) => this.positionById.get(orderId) ?? []));
    const staleHits = [...stale.values()]
      .filter((order) => searchTextOf(order).includes(query))
      .flatMap((order) => this.positionById.get(order._id) ?? []);
    const hits = Array.from(indexed).filter((position) => !stalePositions.has(position));
    return staleHits.length === 0 ? hits : [...hits, ...staleHits].toSorted((a, b) => a - b);
  }

  getOrder(orderId: string): OrderDetail | null {
    const order = this.orderWithId(orderId);
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

  /** Runs in flight, for invariant checks. */
  runs(): readonly Run[] {
    return structuredClone(this.state.runs);
  }

  /** A manual provision request: answered by the shared guard, then started at once if allowed. */
  provision(orderId: string, request: ManualRequest): ProvisionOutcome {
    const order = this.orderWithId(orderId);
    if (!order) return { code: 'ORDER_NOT_FOUND' };
    this.purgeStaleCopy(order);
    // The button is the one the order showed before the request; in a race both admins saw the same one.
    const action: AuditAction = provisionAction(this.toApiOrder(order))?.kind ?? 'provision';
    const colleague = this.behaviour.concurrentAdmin;
    if (colleague && colleague !== request.actor) this.requestProvision(order, action, { actor: colleague });
    return this.requestProvision(order, action, request);
  }

  /** Marks an order fixed outside the console: it leaves Needs attention and can no longer be provisioned here. */
  resolve(orderId: string, request: ManualRequest & { reason: string }): ResolveOutcome {
    const order = this.orderWithId(orderId);
    if (!order) return { code: 'ORDER_NOT_FOUND' };
    this.purgeStaleCopy(order);
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

  private requestProvision(order: StoredOrder, action: AuditAction, request: ManualRequest): ProvisionOutcome {
    const current = this.toApiOrder(order);
    const answer = provisionGuard(current, this.now);
    let outcome: ProvisionOutcome;
    switch (answer.code) {
      case 'ALLOWED':
        this.startRun(order, 'manual', request.actor, request.reason || null);
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

  /** A write reaches the primary data, so whatever stale copy the list served is purged. */
  private purgeStaleCopy(order: StoredOrder): void {
    if (!this.state.staleListEntries.some((entry) => entry._id === order._id)) return;
    this.state.staleListEntries = this.state.staleListEntries.filter((entry) => entry._id !== order._id);
    this.refreshFilterValues(order);
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

  private startRun(
    order: StoredOrder,
    trigger: Run['trigger'],
    triggeredBy: string | null,
    reason: string | null = null,
  ): void {
    const run: Run = {
      id: this.nextId('run'),
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

  private step(run: Run): void {
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
    const order = this.requireOrder(run.orderId);
    const attempt: Attempt = {
      id: this.nextId('att'),
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
    this.updateOrder(order, {
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
    const order = this.requireOrder(run.orderId);
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

  private beginCall(run: Run, operation: UpstreamOperation): void {
    const order = this.requireOrder(run.orderId);
    const behaviour = operationBehaviour(this.behaviour.providers, order.provider, operation);
    const outcome = outcomeAt(behaviour, this.now - this.state.scenarioStartedAt);
    const [minLatency, maxLatency] = behaviour.latencyMs;
    const duration = outcome.kind === 'timeout' ? UPSTREAM_TIMEOUT_MS : this.random.between(minLatency, maxLatency);
    run.step = operation;
    run.call = { operation, startedAt: this.now, outcome };
    run.wakeAt = this.now + Math.max(1, duration);
    this.updateAttempt(run, { step: operation });
  }

  private completeCall(run: Run): void {
    const order = this.requireOrder(run.orderId);
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
      this.updateOrder(order, { upstreamId: server.id });
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
    const minutes = Math.round(STATUS_CHECK_BUDGET_MS / 60_000);
    const error = `SmartVPS status check timed out after ${minutes} min: VPS ${order.upstreamId ?? '?'} bought, no IP yet`;
    this.updateAttempt(run, { outcome: 'stuck', endedAt: iso(this.now), error, errorClass: 'transient' });
    this.updateOrder(order, { provisioningError: error, provisioningErrorClass: 'transient' });
    this.endRun(run);
  }

  private failAttempt(run: Run, order: StoredOrder, operation: UpstreamOperation, outcome: CallOutcome): void {
    const provider = providerNames[order.provider];
    const error =
      outcome.kind === 'fail'
        ? `${provider} ${operation} failed: ${outcome.error}`
        : `${provider} ${operation} timeout`;
    const errorClass = outcome.kind === 'fail' && outcome.permanent ? 'permanent' : 'transient';
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
      run.wakeAt = this.now + this.random.between(RETRY_DELAY_MS.min, RETRY_DELAY_MS.max);
      this.updateOrder(order, { provisioningError: error, provisioningErrorClass: errorClass });
      return;
    }
    const summary =
      errorClass === 'permanent'
        ? `${error} (permanent: not retried)`
        : outcome.kind === 'fail'
          ? `${provider} ${operation} failed after ${run.maxAttempts} attempts: ${outcome.error}`
          : `${provider} ${operation} timeout after ${run.maxAttempts} attempts`;
    this.updateOrder(order, {
      provisioningStatus: 'failed',
      provisioningError: summary,
      provisioningErrorClass: errorClass,
    });
    this.endRun(run);
  }

  private succeed(run: Run, order: StoredOrder, server: UpstreamServer): void {
    this.updateAttempt(run, { outcome: 'succeeded', endedAt: iso(this.now), upstreamId: server.id });
    this.updateOrder(order, {
      status: 'active',
      provisioningStatus: 'active',
      ipAddress: server.ipAddress,
      provisioningError: null,
      provisioningErrorClass: null,
    });
    this.endRun(run);
  }

  private endRun(run: Run): void {
    this.state.runs = this.state.runs.filter((candidate) => candidate.id !== run.id);
  }

  /** The package lock is held by whichever run has a purchase call under way for that package. */
  private packageIsBusy(packageId: string, exceptRunId: string): boolean {
    return this.state.runs.some(
      (run) =>
        run.id !== exceptRunId &&
        (run.step === 'buyVps' || run.step === 'createService') &&
        this.requireOrder(run.orderId).packageId === packageId,
    );
  }

  private wakeNextInPackageQueue(packageId: string): void {
    if (this.packageIsBusy(packageId, '')) return;
    const waiting = this.state.runs
      .filter((run) => run.step === 'waitingForPackage' && this.requireOrder(run.orderId).packageId === packageId)
      .toSorted((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
    const first = waiting[0];
    if (first && first.wakeAt === null) first.wakeAt = this.now;
  }

  private buildServer(order: StoredOrder): UpstreamServer {
    const smartVps = order.provider === 'smartvps';
    const server: UpstreamServer = {
      id: smartVps ? `svps-${70_000 + this.nextNumber()}` : `hc-${5_000 + this.nextNumber()}`,
      orderId: order._id,
      packageId: order.packageId,
      boughtAt: this.now,
      ipReadyAt: smartVps ? this.now + this.behaviour.providers.smartvps.ipAssignedAfterMs : this.now,
      ipAddress: `${smartVps ? '103.177' : '45.76'}.${this.random.between(0, 255)}.${this.random.between(2, 254)}`,
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

  /** The root login of a server that is ready; what the handler serves to admins only. */
  private credentialsOf(order: StoredOrder): Credentials | null {
    if (order.provisioningStatus !== 'active' || !order.upstreamId) return null;
    const server = this.state.servers.find((candidate) => candidate.id === order.upstreamId);
    return server ? { username: 'root', password: server.rootPassword } : null;
  }

  private toApiOrder(order: StoredOrder): Order {
    const run = this.state.runs.find((candidate) => candidate.orderId === order._id);
    // Copied, so no answer can reach into the engine's state; by hand, since structuredClone costs
    // ~70 µs an order in the browser, most of a page's answer.
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

  private updateOrder(order: StoredOrder, changes: Partial<StoredOrder>): void {
    Object.assign(order, changes, { updatedAt: iso(this.now) });
    this.refreshFilterValues(order);
    this.changedOrderIds.add(order._id);
    this.searchIndex.invalidate(this.positionById.get(order._id) ?? -1);
    if (canNeedAttention(order)) this.paidOrderIds.add(order._id);
    else this.paidOrderIds.delete(order._id);
  }

  private updateAttempt(run: Run, changes: Partial<Attempt>): void {
    const attempt = this.state.attempts.find((candidate) => candidate.id === run.attemptId);
    if (attempt) Object.assign(attempt, changes);
  }

  private nextDueRun(until: number): Run | undefined {
    let due: Run | undefined;
    for (const run of this.state.runs) {
      if (run.wakeAt !== null && run.wakeAt <= until && (!due || run.wakeAt < (due.wakeAt ?? Infinity))) due = run;
    }
    return due;
  }

  private orderWithId(orderId: string): StoredOrder | undefined {
    const position = this.positionById.get(orderId);
    return position === undefined ? undefined : this.state.orders[position];
  }

  private requireOrder(orderId: string): StoredOrder {
    const order = this.orderWithId(orderId);
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

  private randomPassword(): string {
    const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    return Array.from({ length: 16 }, () => alphabet[this.random.between(0, alphabet.length - 1)]).join('');
  }
}

/** An order's values for the list filters, as the list shows it: its stale copy, if it has one. */
function listedFilterValues(order: StoredOrder, stale: ReadonlyMap<string, StoredOrder>): FilterValues {
  const listed = stale.get(order._id) ?? order;
  return { status: listed.status, provider: listed.provider, provisioning: listed.provisioningStatus ?? 'none' };
}

/** What the search box matches, lower-case: the order id, the customer and the IP. */
function searchTextOf(order: StoredOrder | undefined): string {
  return order
    ? [order._id, order.customer.name, order.customer.email, order.ipAddress ?? ''].join('\n').toLowerCase()
    : '';
}

function callFailure(outcome: CallOutcome): UpstreamCall['outcome'] {
  return outcome.kind === 'timeout' ? 'timedOut' : 'failed';
}
