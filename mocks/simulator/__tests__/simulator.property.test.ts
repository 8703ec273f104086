import * as fc from 'fast-check';
import { assert, describe, expect, test } from 'vitest';
import type { Order } from '@/contract/order';
import { attentionReason, longestWaitingFirst } from '@/domain/attention';
import { isProvisioned, provisionAction, provisionGuard, type GuardAnswer } from '@/domain/provisioning-rules';
import { restoreFromChanges } from '../../backend/persistence';
import { worldAround, type World } from '../../backend/world';
import { buildSeed } from '../../data/seed-builder';
import { healthyProviders } from '../provider-behaviour';
import { ProvisioningSimulator, type ProvisionOutcome, type ResolveOutcome } from '../simulator';
import { SimulatorStateSchema, type SimulatorState } from '../simulator-state';
import {
  commandsArb,
  ORDER_IDS,
  ordersOf,
  setupArb,
  type Admin,
  type Command,
  type OrderId,
  type Setup,
} from './random-use';
import { orderOf, worldWith } from './simulator-test-kit';

/*
 * Model-based check of the simulator: a random setup and commands (`random-use.ts`), with every
 * invariant checked after every step. The shrunk counterexample (setup + commands) replays with
 * `play` in a plain test.
 */

function seedWorld(setup: Setup): World {
  return worldWith(ordersOf(setup), {
    providers: setup.providers,
    randomSeed: setup.randomSeed,
    autoRunOrderIds: setup.autoRunPaid ? ['ORD-PAID'] : [],
  });
}

const roundTrip = (snapshot: SimulatorState) => SimulatorStateSchema.parse(JSON.parse(JSON.stringify(snapshot)));

/**
 * A page reload: the saved state goes through sessionStorage as JSON and is validated on the way
 * back. From storage, only what changed since the seed was kept, as MockBackend saves it.
 */
function reload(world: World, setup: Setup, from: 'snapshot' | 'storage'): World {
  const behaviour = { providers: setup.providers };
  if (from === 'snapshot') {
    const restored = ProvisioningSimulator.restore(roundTrip(world.simulator.snapshot()), behaviour);
    return worldAround(restored, [], () => performance.now());
  }
  const kept = roundTrip(world.simulator.changesSinceSeed());
  const restored = restoreFromChanges(kept, buildSeed(ordersOf(setup), kept.scenarioStartedAt), behaviour);
  return worldAround(restored, [], () => performance.now());
}

/** What a click should be answered, given the guard's answer just before it. */
function assertAnswerAsPredicted(answer: ProvisionOutcome, predicted: GuardAnswer, admin: Admin, where: string): void {
  const message = `invariant 3 (${where}): the answer contradicts provisionGuard's ${predicted.code}`;
  switch (predicted.code) {
    case 'ALLOWED': {
      const run = answer.code === 'PROVISIONING_STARTED' ? answer.order.activeRun : null;
      assert.deepEqual(
        [answer.code, run?.trigger, run?.triggeredBy],
        ['PROVISIONING_STARTED', 'manual', admin],
        message,
      );
      return;
    }
    case 'ALREADY_PROVISIONED':
      assert.strictEqual(answer.code, 'ALREADY_PROVISIONED', message);
      return;
    case 'NOT_ELIGIBLE':
    case 'PROVISIONING_IN_PROGRESS':
      assert.deepEqual(answer, predicted, message);
  }
}

/** What mark-resolved should answer, given the guard's answer just before it: it is allowed exactly where a click would be. */
function assertResolveAsPredicted(answer: ResolveOutcome, predicted: GuardAnswer, admin: Admin, where: string): void {
  const message = `invariant 3 (${where}): the resolve answer contradicts provisionGuard's ${predicted.code}`;
  switch (predicted.code) {
    case 'ALLOWED':
      assert.deepEqual(
        [answer.code, answer.code === 'MARKED_RESOLVED' ? answer.order.resolution?.by : null],
        ['MARKED_RESOLVED', admin],
        message,
      );
      return;
    case 'ALREADY_PROVISIONED':
      assert.strictEqual(answer.code, 'NOT_ELIGIBLE', message);
      return;
    case 'NOT_ELIGIBLE':
    case 'PROVISIONING_IN_PROGRESS':
      assert.deepEqual(answer, predicted, message);
  }
}

const isPurchase = (step: string) => step === 'buyVps' || step === 'createService';

function checkInvariants(
  { simulator, orderList }: World,
  seededUpstream: ReadonlySet<string>,
  previousNow: number,
  where: string,
): void {
  const now = simulator.now;
  const orders = new Map<string, Order>(ORDER_IDS.map((id) => [id, orderOf(simulator, id).order]));
  const runs = simulator.runs();
  const packageOf = (orderId: string) => orders.get(orderId)?.packageId;

  // 1. One purchase per order: no purchase call once the order has a server upstream (seeded or bought).
  const bought = new Set<string>();
  for (const call of simulator.upstreamCalls()) {
    if (!isPurchase(call.operation)) continue;
    assert.isFalse(
      seededUpstream.has(call.orderId) || bought.has(call.orderId),
      `invariant 1 (${where}): ${call.operation} for ${call.orderId} at ${call.at}, which already had a server upstream`,
    );
    if (call.outcome === 'succeeded') bought.add(call.orderId);
  }
  for (const [id, order] of orders) {
    assert.strictEqual(
      order.upstreamId !== null,
      seededUpstream.has(id) || bought.has(id),
      `invariant 1 (${where}): ${id} upstreamId ${order.upstreamId} disagrees with the purchase journal`,
    );
  }

  for (const [id, order] of orders) {
    // 2. Active means reachable.
    if (order.status === 'active' || order.provisioningStatus === 'active') {
      assert.isNotNull(order.ipAddress, `invariant 2 (${where}): ${id} is active without an IP`);
    }
    // 3. The button rule and the guard agree with the order's state.
    const action = provisionAction(order);
    const guard = provisionGuard(order, now);
    if (order.status !== 'paid' && order.status !== 'confirmed') {
      assert.isNull(action, `invariant 3 (${where}): ${id} is ${order.status} but has a button`);
      assert.include(
        ['NOT_ELIGIBLE', 'ALREADY_PROVISIONED'],
        guard.code,
        `invariant 3 (${where}): ${id} is ${order.status}`,
      );
    }
    if (isProvisioned(order)) {
      assert.isNull(action, `invariant 3 (${where}): ${id} is provisioned but has a button`);
      assert.strictEqual(guard.code, 'ALREADY_PROVISIONED', `invariant 3 (${where}): ${id} is provisioned`);
    }
    if (order.activeRun !== null)
      assert.strictEqual(guard.code, 'PROVISIONING_IN_PROGRESS', `invariant 3 (${where}): ${id} has a live run`);
    if (order.resolution !== null) {
      assert.isNull(action, `invariant 3 (${where}): ${id} is resolved but has a button`);
      assert.strictEqual(guard.code, 'NOT_ELIGIBLE', `invariant 3 (${where}): ${id} is resolved`);
    }
  }

  // 4. Locks, derived from the live runs.
  const purchasing = runs.filter((run) => isPurchase(run.step));
  assert.strictEqual(
    new Set(runs.map((run) => run.orderId)).size,
    runs.length,
    `invariant 4 (${where}): two runs for one order`,
  );
  assert.strictEqual(
    new Set(purchasing.map((run) => packageOf(run.orderId))).size,
    purchasing.length,
    `invariant 4 (${where}): two purchases of one package at once`,
  );
  for (const run of runs) {
    const order = orders.get(run.orderId);
    assert.strictEqual(
      order?.provisioningStatus,
      'provisioning',
      `invariant 4 (${where}): ${run.id} lives on for ${run.orderId}`,
    );
    assert.strictEqual(order?.activeRun?.id, run.id, `invariant 4 (${where}): ${run.orderId} does not show its run`);
    if (run.step === 'waitingForPackage' && run.wakeAt === null) {
      const held = purchasing.some((holder) => packageOf(holder.orderId) === packageOf(run.orderId));
      assert.isTrue(
        held,
        `invariant 4 (${where}): ${run.id} waits for ${packageOf(run.orderId)}, which nobody is buying`,
      );
    } else {
      assert.isNotNull(run.wakeAt, `invariant 4 (${where}): ${run.id} in ${run.step} has no next step`);
    }
    assert.isTrue(
      run.wakeAt === null || run.wakeAt > now,
      `invariant 4 (${where}): ${run.id} is overdue after settling`,
    );
  }
  const attempts = ORDER_IDS.flatMap((id) => orderOf(simulator, id).attempts);
  const running = attempts.filter((attempt) => attempt.outcome === 'running').map((attempt) => attempt.id);
  // A run waiting out its retry delay has ended its attempt; every other live run has one running, and nothing else does.
  const busy = runs.filter((run) => run.step !== 'retryDelay').map((run) => run.attemptId);
  assert.deepEqual(
    running.toSorted(),
    busy.toSorted(),
    `invariant 4 (${where}): running attempts are not those of the live runs`,
  );

  // 7. Nothing runs on a resolved order: no run, no attempt, no upstream call after it was resolved, and it stays resolved.
  const calls = simulator.upstreamCalls();
  for (const [id, order] of orders) {
    const { resolution } = order;
    const resolvedEntries = orderOf(simulator, id).audit.filter((entry) => entry.result === 'MARKED_RESOLVED');
    assert.strictEqual(
      resolvedEntries.length,
      resolution ? 1 : 0,
      `invariant 7 (${where}): ${id} was resolved ${resolvedEntries.length} times, resolution ${JSON.stringify(resolution)}`,
    );
    if (!resolution) continue;
    assert.isNull(order.activeRun, `invariant 7 (${where}): ${id} is resolved but has a live run`);
    assert.notStrictEqual(order.provisioningStatus, 'active', `invariant 7 (${where}): ${id} is resolved and active`);
    const later = (at: string) => at > resolution.at;
    assert.isFalse(
      orderOf(simulator, id).attempts.some((attempt) => later(attempt.startedAt)),
      `invariant 7 (${where}): ${id} had an attempt after it was resolved`,
    );
    assert.isFalse(
      calls.some((call) => call.orderId === id && later(call.at)),
      `invariant 7 (${where}): ${id} had an upstream call after it was resolved`,
    );
  }

  // 5. Time only moves forward.
  assert.isAtLeast(now, previousNow, `invariant 5 (${where}): the simulator went back in time`);
  for (const attempt of attempts) {
    const startedAt = Date.parse(attempt.startedAt);
    assert.isAtMost(startedAt, now, `invariant 5 (${where}): ${attempt.id} starts in the future`);
    if (attempt.endedAt === null) continue;
    assert.isAtLeast(
      Date.parse(attempt.endedAt),
      startedAt,
      `invariant 5 (${where}): ${attempt.id} ends before it starts`,
    );
    assert.isAtMost(Date.parse(attempt.endedAt), now, `invariant 5 (${where}): ${attempt.id} ends in the future`);
  }

  // 8. A permanent failure ends its run: no later attempt of that run, and the run is gone.
  for (const attempt of attempts.filter((candidate) => candidate.errorClass === 'permanent')) {
    const later = attempts.filter(
      (candidate) => candidate.runId === attempt.runId && candidate.attempt > attempt.attempt,
    );
    assert.deepEqual(
      later.map((candidate) => candidate.id),
      [],
      `invariant 8 (${where}): ${attempt.runId} went on after a permanent failure`,
    );
    assert.isFalse(
      runs.some((run) => run.id === attempt.runId),
      `invariant 8 (${where}): ${attempt.runId} lives on after a permanent failure`,
    );
  }

  // 9. Needs attention is exactly the orders the shared rule picks, longest wait first, and its count.
  const attention = orderList.list({ view: 'attention' });
  const expected = [...orders.values()]
    .filter((order) => attentionReason(order, now) !== null)
    .toSorted(longestWaitingFirst);
  assert.deepEqual(
    attention?.orders.map((order) => order._id),
    expected.map((order) => order._id),
    `invariant 9 (${where}): the attention view`,
  );
  assert.strictEqual(attention?.attentionCount, expected.length, `invariant 9 (${where}): the attention count`);
}

const auditLength = (simulator: ProvisioningSimulator) =>
  ORDER_IDS.reduce((sum, id) => sum + orderOf(simulator, id).audit.length, 0);

/** Plays the commands on the simulator, reloading it when told, and on a twin that never reloads. */
function play(setup: Setup, commands: readonly Command[]): void {
  let world = seedWorld(setup);
  const twin = seedWorld(setup).simulator;
  const seededUpstream = new Set(ORDER_IDS.filter((id) => orderOf(world.simulator, id).order.upstreamId !== null));
  let previousNow = world.simulator.now;
  checkInvariants(world, seededUpstream, previousNow, 'after seeding');

  commands.forEach((command, index) => {
    const { simulator } = world;
    const where = `after command ${index}, ${command.kind}`;
    const auditBefore = auditLength(simulator);
    let requests = 0;
    const click = (orderId: OrderId, admin: Admin, bulk: boolean) => {
      requests += 1;
      const predicted = provisionGuard(orderOf(simulator, orderId).order, simulator.now);
      const answer = simulator.provision(orderId, { actor: admin, bulk });
      assertAnswerAsPredicted(
        answer,
        predicted,
        admin,
        `command ${index}, ${admin} ${bulk ? 'bulk-retries' : 'clicks'} ${orderId}`,
      );
      assert.deepEqual(
        twin.provision(orderId, { actor: admin, bulk }),
        answer,
        `invariant 6 (${where}): the twin that never reloaded answered otherwise`,
      );
    };
    switch (command.kind) {
      case 'clicks':
        for (const admin of command.admins) click(command.orderId, admin, false);
        break;
      case 'bulk':
        for (const orderId of command.orderIds) click(orderId, command.admin, true);
        break;
      case 'resolve': {
        requests += 1;
        const predicted = provisionGuard(orderOf(simulator, command.orderId).order, simulator.now);
        const request = { actor: command.admin, reason: 'Fixed upstream by hand' };
        const answer = simulator.resolve(command.orderId, request);
        assertResolveAsPredicted(
          answer,
          predicted,
          command.admin,
          `command ${index}, ${command.admin} resolves ${command.orderId}`,
        );
        assert.deepEqual(
          twin.resolve(command.orderId, request),
          answer,
          `invariant 6 (${where}): the twin that never reloaded answered otherwise`,
        );
        break;
      }
      case 'advance':
        simulator.settle(simulator.now + command.ms);
        twin.settle(twin.now + command.ms);
        assert.strictEqual(
          simulator.now,
          previousNow + command.ms,
          `invariant 5 (${where}): the clock did not land where it was sent`,
        );
        break;
      case 'reload': {
        const before = simulator.snapshot();
        world = reload(world, setup, command.from);
        assert.deepEqual(world.simulator.snapshot(), before, `invariant 6 (${where}): the reload lost or changed data`);
        break;
      }
    }
    // 10. Every manual request, allowed or refused, writes exactly one audit entry.
    assert.strictEqual(
      auditLength(world.simulator) - auditBefore,
      requests,
      `invariant 10 (${where}): audit entries written`,
    );
    checkInvariants(world, seededUpstream, previousNow, where);
    // 6. A reload changes nothing about what happens next.
    assert.deepEqual(
      world.simulator.snapshot(),
      twin.snapshot(),
      `invariant 6 (${where}): the simulator parted from its twin that never reloaded`,
    );
    previousNow = world.simulator.now;
  });
}

describe('the provisioning simulator under random use', () => {
  test('never buys an order twice nor runs a resolved one, whatever the interleaving of clicks, bulk retries, resolves, clock jumps, provider failures and reloads', () => {
    const details = fc.check(
      fc.property(setupArb, commandsArb, (setup, commands) => {
        play(setup, commands);
      }),
      { seed: 20_261_124, numRuns: 500, includeErrorInReport: true },
    );
    // The report names the broken invariant and the shrunk setup and commands, ready to replay with `play`.
    expect(fc.defaultReportMessage(details)).toBeUndefined();
  }, 30_000);

  // A server bought at the very minute the scenario starts is both in the seed and a change since it:
  // a reload must rebuild it exactly once.
  test('a reload from storage keeps a server bought as the scenario starts exactly once', () => {
    const setup: Setup = {
      packages: {
        fresh: 'smartvps-4gb',
        paid: 'smartvps-4gb',
        hosty: 'hostycare-cloud-m',
        failed: 'hostycare-cloud-m',
        stuck: 'smartvps-4gb',
      },
      stuck: { lastAttemptMinutesAgo: 0, ipReadyInMinutes: 0 },
      autoRunPaid: false,
      providers: healthyProviders,
      randomSeed: 0,
    };
    const world = seedWorld(setup);
    expect(reload(world, setup, 'storage').simulator.snapshot()).toStrictEqual(world.simulator.snapshot());
  });
});
