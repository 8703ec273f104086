import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ApiFault } from '@/contract/mock-control';
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
 * over time, API latency and faults) and commands (clicks, bulk retries, resolves, clock jumps,
 * injected faults), a snapshot taken at any step, registered with a second backend and started there,
 * goes on exactly as the first: the same orders, attempts, audit, upstream calls, schedule, request
 * journal, and API latency and fault draws at every later step.
 */

const WALL = Date.parse('2026-11-24T12:00:30.000Z');

function backend(): MockBackend {
  return new MockBackend({ runsIn: 'server', wallNow: () => WALL, budgetClock: () => 0, clock: { paused: true } });
}

const faultArb: fc.Arbitrary<ApiFault> = fc.oneof(
  fc.constant({ kind: 'networkError' } as const),
  fc.constant({ kind: 'hang' } as const),
  fc.constant({ kind: 'malformedJson' } as const),
  fc.constant({
    kind: 'status',
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: 'Down for maintenance',
  } as const),
);

/** The console's API as a scenario may make it behave: slow, and failing in turn on some routes. */
const apiArb = fc.record(
  {
    latencyMs: fc
      .tuple(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 2_000 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
    faults: fc.record(
      {
        provision: fc.array(faultArb, { minLength: 1, maxLength: 3 }),
        getOrder: fc.array(faultArb, { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);
type Api = ScenarioDocument['api'];

/** What a test or the panel does besides the world's own commands: queue a fault for the next provisions. */
const injectionsArb = fc.array(fc.option(fc.tuple(faultArb, fc.integer({ min: 1, max: 3 })), { nil: undefined }), {
  maxLength: 12,
});

/** The generated world as a scenario document, as a QA engineer could have written it. */
function documentOf(setup: Setup, api: Api): ScenarioDocument {
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
    api,
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

/**
 * What both backends must agree on: the orders as listed, every attempt and audit entry, every
 * upstream call, what is coming up, the request journal, and the API's next latency and faults (drawn
 * here, as a request would: both backends draw alike, so their futures still agree).
 */
function observed(target: MockBackend) {
  return {
    ...target.read(({ simulator, orderList }) => ({
      now: simulator.now,
      orders: orderList.list({})?.orders,
      attempts: ORDER_IDS.map((id) => simulator.getOrder(id)?.attempts),
      audit: ORDER_IDS.map((id) => simulator.getOrder(id)?.audit),
      upstreamCalls: simulator.upstreamCalls(),
    })),
    schedule: target.schedule(),
    requests: target.requests(),
    latencyMs: target.apiLatencyMs(),
    faults: { provision: target.nextFault('provision'), getOrder: target.nextFault('getOrder') },
  };
}

describe('a snapshot', () => {
  test('registered and started elsewhere, goes on exactly as the backend it was taken from', () => {
    fc.assert(
      fc.property(setupArb, apiArb, commandsArb, injectionsArb, fc.nat(), (setup, api, commands, injections, at) => {
        const original = backend();
        expect(original.registerScenario(documentOf(setup, api))).toEqual({ ok: true, name: 'generated-world' });
        original.reset('generated-world');
        const snapshotAt = commands.length === 0 ? 0 : at % (commands.length + 1);
        const playBoth = (targets: MockBackend[], step: number) => {
          const injection = injections[step];
          for (const target of targets) {
            play(target, commands[step] as Command);
            if (injection) target.injectFault('provision', ...injection);
            target.recordRequest({ method: 'POST', path: '/api/orders/provision', status: 200, code: null });
          }
        };
        for (let step = 0; step < snapshotAt; step += 1) playBoth([original], step);

        const copy = backend();
        const snapshot: unknown = JSON.parse(JSON.stringify(original.snapshot()));
        const registration = copy.registerScenario(snapshot);
        if (!registration.ok) throw new Error(`The snapshot did not register: ${JSON.stringify(registration)}`);
        copy.reset(registration.name);
        expect(observed(copy)).toEqual(observed(original));

        for (let step = snapshotAt; step < commands.length; step += 1) {
          playBoth([original, copy], step);
          expect(observed(copy)).toEqual(observed(original));
        }
      }),
      { seed: 20_261_206, numRuns: 150 },
    );
  }, 60_000);
});
