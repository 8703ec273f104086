import * as fc from 'fast-check';
import type { PackageId } from '@/contract/scenario-document';
import type { ListedOrder } from '@/contract/scenario-document';
import type { BehaviourPhase, CallOutcome, OperationBehaviour } from '../provider-behaviour';
import type { ProvidersBehaviour } from '../provider-behaviour';
import { freshOrder } from './simulator-test-kit';
import { MINUTE_MS } from '@/lib/time';

/*
 * What the simulator's property test generates: a random pool of orders and random provider
 * weather (the setup), then a random sequence of clicks, bulk retries, mark-resolved, clock jumps and
 * page reloads (the commands).
 */

const ADMINS = ['ana@reseller.test', 'ben@reseller.test'] as const;
export type Admin = (typeof ADMINS)[number];

export const ORDER_IDS = [
  'ORD-FRESH',
  'ORD-PAID',
  'ORD-HOSTY',
  'ORD-FAILED',
  'ORD-STUCK',
  'ORD-PENDING',
  'ORD-CANCELLED',
  'ORD-ACTIVE',
] as const;
export type OrderId = (typeof ORDER_IDS)[number];

/** What is fixed when the scenario is seeded: which orders share a package, and the providers' weather over time. */
export type Setup = {
  packages: { fresh: PackageId; paid: PackageId; hosty: PackageId; failed: PackageId; stuck: PackageId };
  stuck: { lastAttemptMinutesAgo: number; ipReadyInMinutes: number };
  autoRunPaid: boolean;
  providers: ProvidersBehaviour;
  randomSeed: number;
};

export type Command =
  /** One admin clicking, or several clicks on the same order at the same instant (a burst). */
  | { kind: 'clicks'; orderId: OrderId; admins: Admin[] }
  /** One bulk retry of several orders, answered one by one in the order given. */
  | { kind: 'bulk'; orderIds: OrderId[]; admin: Admin }
  | { kind: 'resolve'; orderId: OrderId; admin: Admin }
  | { kind: 'advance'; ms: number }
  /** `snapshot`: the whole state round-trips through JSON; `storage`: only what changed since the seed is kept, as MockBackend saves it. */
  | { kind: 'reload'; from: 'snapshot' | 'storage' };

export function ordersOf(setup: Setup): ListedOrder[] {
  return [
    freshOrder('ORD-FRESH', { packageId: setup.packages.fresh }),
    freshOrder('ORD-PAID', { packageId: setup.packages.paid, status: 'paid', autoProvisioned: undefined }),
    freshOrder('ORD-HOSTY', { packageId: setup.packages.hosty }),
    freshOrder('ORD-FAILED', {
      packageId: setup.packages.failed,
      createdMinutesAgo: 60,
      autoProvisioned: true,
      provisioningStatus: 'failed',
      provisioningError: 'Hostycare createService failed after 3 attempts: API returned 503',
      lastAttemptMinutesAgo: 30,
    }),
    freshOrder('ORD-STUCK', {
      packageId: setup.packages.stuck,
      createdMinutesAgo: 60,
      autoProvisioned: true,
      provisioningStatus: 'provisioning',
      lastAttemptMinutesAgo: setup.stuck.lastAttemptMinutesAgo,
      upstream: { id: 'svps-69001', ipAddress: '103.177.20.20', ipReadyInMinutes: setup.stuck.ipReadyInMinutes },
    }),
    freshOrder('ORD-PENDING', { status: 'pending', paidMinutesAgo: undefined }),
    freshOrder('ORD-CANCELLED', { status: 'cancelled', packageId: 'hostycare-cloud-m' }),
    freshOrder('ORD-ACTIVE', {
      createdMinutesAgo: 120,
      status: 'active',
      autoProvisioned: true,
      provisioningStatus: 'active',
      ipAddress: '103.177.30.30',
      lastAttemptMinutesAgo: 100,
      upstream: { id: 'svps-69002', ipAddress: '103.177.30.30', ipReadyInMinutes: -90 },
    }),
  ];
}

// Success weighs most, so orders get far enough to be bought, queued, stuck and resumed.
const outcomeArb: fc.Arbitrary<CallOutcome> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'succeed' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('API returned 502', 'API returned 503')
      .map((error) => ({ kind: 'fail' as const, error })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('Package out of stock', 'Insufficient upstream balance')
      .map((error) => ({ kind: 'fail' as const, error, errorClass: 'permanent' as const })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'timeout' as const }) },
);

/** Outcomes that flip over time: phases of 1 s to 60 min each, then a last outcome for ever. */
const operationArb: fc.Arbitrary<OperationBehaviour> = fc
  .record({
    latency: fc.tuple(fc.integer({ min: 100, max: 10_000 }), fc.integer({ min: 0, max: 20_000 })),
    phases: fc.array(fc.record({ lengthMs: fc.integer({ min: 1_000, max: 60 * MINUTE_MS }), outcome: outcomeArb }), {
      maxLength: 3,
    }),
    last: outcomeArb,
  })
  .map(({ latency: [min, spread], phases, last }) => {
    let untilMs = 0;
    const timed = phases.map(({ lengthMs, outcome }): BehaviourPhase => {
      untilMs += lengthMs;
      return { untilMs, outcome };
    });
    return { latencyMs: [min, min + spread] as const, phases: [...timed, { outcome: last }] };
  });

const smartVpsPackageArb = fc.constantFrom<PackageId>('smartvps-4gb', 'smartvps-8gb');
const hostycarePackageArb = fc.constantFrom<PackageId>('hostycare-cloud-m', 'hostycare-cloud-l');

export const setupArb: fc.Arbitrary<Setup> = fc.record({
  packages: fc.record({
    fresh: smartVpsPackageArb,
    paid: smartVpsPackageArb,
    hosty: hostycarePackageArb,
    failed: hostycarePackageArb,
    stuck: smartVpsPackageArb,
  }),
  stuck: fc.record({
    lastAttemptMinutesAgo: fc.integer({ min: 0, max: 15 }),
    ipReadyInMinutes: fc.integer({ min: -5, max: 20 }),
  }),
  autoRunPaid: fc.boolean(),
  providers: fc.record({
    smartvps: fc.record({
      buyVps: operationArb,
      statusCheck: operationArb,
      ipAssignedAfterMs: fc.integer({ min: 0, max: 20 * MINUTE_MS }),
    }),
    hostycare: fc.record({ createService: operationArb }),
  }),
  randomSeed: fc.integer(),
});

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('clicks' as const),
      orderId: fc.constantFrom(...ORDER_IDS),
      admins: fc.array(fc.constantFrom(...ADMINS), { minLength: 1, maxLength: 5 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      // Biased to small steps, so runs are observed between their steps, with the odd long jump.
      ms: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1_000, max: 30_000 }) },
        { weight: 2, arbitrary: fc.integer({ min: 30_000, max: 5 * MINUTE_MS }) },
        { weight: 1, arbitrary: fc.integer({ min: 5 * MINUTE_MS, max: 40 * MINUTE_MS }) },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bulk' as const),
      orderIds: fc.shuffledSubarray([...ORDER_IDS], { minLength: 1 }),
      admin: fc.constantFrom(...ADMINS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resolve' as const),
      orderId: fc.constantFrom(...ORDER_IDS),
      admin: fc.constantFrom(...ADMINS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reload' as const),
      from: fc.constantFrom('snapshot' as const, 'storage' as const),
    }),
  },
);

export const commandsArb = fc.array(commandArb, { maxLength: 40 });
