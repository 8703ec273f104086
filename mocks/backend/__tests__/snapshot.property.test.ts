import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ScenarioDocument } from '@/contract/scenario-document';
import { MINUTE_MS } from '@/lib/time';
import type { OperationBehaviour } from '../../simulator/provider-behaviour';
import {
  commandsArb,
  ORDER_IDS,
  ordersOf,
  setupArb,
  type Command,
  type Setup,
} from '../../simulator/__tests__/random-use';
import { MockBackend } from '../mock-backend';

/*
 * A snapshot holds the future as well as the present: for generated worlds (orders, provider phases
 * over time) and commands (clicks, bulk retries, resolves, clock jumps), a snapshot taken at any step,
 * registered with a second backend and started there, goes on exactly as the first: the same orders,
 * attempts and upstream calls at every later step.
 */

const WALL = Date.parse('2026-11-24T12:00:30.000Z');

function backend(): MockBackend {
  return new MockBackend({ runsIn: 'server', wallNow: () => WALL, budgetClock: () => 0, clock: { paused: true } });
}

/** The generated world as a scenario document, as a QA engineer could have written it. */
function documentOf(setup: Setup): ScenarioDocument {
  const operation = ({ latencyMs: [min, max], phases }: OperationBehaviour) => ({
    latencyMs: [min, max] as [number, number],
    phases: phases.map(({ untilMs, outcome }) => ({
      ...(untilMs === undefined ? {} : { untilMinute: untilMs / MINUTE_MS }),
      outcome,
    })),
  });
  const { smartvps, hostycare } = setup.providers;
  return {
    version: 1,
    name: 'generated-world',
    description: 'A generated world',
    demonstrates: 'Whatever the commands make of it',
    randomSeed: setup.randomSeed,
    orders: ordersOf(setup),
    autoRunOrderIds: setup.autoRunPaid ? ['ORD-PAID'] : [],
    providers: {
      smartvps: {
        buyVps: operation(smartvps.buyVps),
        statusCheck: operation(smartvps.statusCheck),
        ipAssignedAfterMinutes: smartvps.ipAssignedAfterMs / MINUTE_MS,
      },
      hostycare: { createService: operation(hostycare.createService) },
    },
    clock: { paused: true },
  };
}

function play(target: MockBackend, command: Command): void {
  switch (command.kind) {
    case 'clicks':
      for (const actor of command.admins)
        target.transact(({ simulator }) => simulator.provision(command.orderId, { actor }));
      return;
    case 'bulk':
      target.transact(({ simulator }) => {
        for (const orderId of command.orderIds) simulator.provision(orderId, { actor: command.admin, bulk: true });
      });
      return;
    case 'resolve':
      target.transact(({ simulator }) =>
        simulator.resolve(command.orderId, { actor: command.admin, reason: 'Fixed upstream by hand' }),
      );
      return;
    case 'advance':
      return target.advance(command.ms);
    case 'reload':
      // A page reload is the other property test's business: here it is one more moment to snapshot at.
      return;
  }
}

/** What both backends must agree on: the orders as listed, every attempt, every upstream call. */
function observed(target: MockBackend) {
  return target.read(({ simulator, orderList }) => ({
    now: simulator.now,
    orders: orderList.list({})?.orders,
    attempts: ORDER_IDS.map((id) => simulator.getOrder(id)?.attempts),
    upstreamCalls: simulator.upstreamCalls(),
  }));
}

describe('a snapshot', () => {
  test('registered and started elsewhere, goes on exactly as the backend it was taken from', () => {
    fc.assert(
      fc.property(setupArb, commandsArb, fc.nat(), (setup, commands, at) => {
        const original = backend();
        expect(original.registerScenario(documentOf(setup))).toEqual({ ok: true, name: 'generated-world' });
        original.reset('generated-world');
        const snapshotAt = commands.length === 0 ? 0 : at % (commands.length + 1);
        commands.slice(0, snapshotAt).forEach((command) => play(original, command));

        const copy = backend();
        const snapshot: unknown = JSON.parse(JSON.stringify(original.snapshot()));
        const registration = copy.registerScenario(snapshot);
        if (!registration.ok) throw new Error(`The snapshot did not register: ${JSON.stringify(registration)}`);
        copy.reset(registration.name);
        expect(observed(copy)).toEqual(observed(original));

        for (const command of commands.slice(snapshotAt)) {
          play(original, command);
          play(copy, command);
          expect(observed(copy)).toEqual(observed(original));
        }
      }),
      { seed: 20_261_206, numRuns: 150 },
    );
  }, 60_000);
});
