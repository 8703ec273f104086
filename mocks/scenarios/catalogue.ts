import { backlogOrders, briefExamples, defaultOrderSpecs, historicalOrders } from '../data/default-orders';
import type { OrderSpec } from '../data/seed-builder';
import { healthyProviders, type ProvidersBehaviour } from '../simulator/provider-behaviour';
import type { Scenario } from './scenario';
import { MINUTE_MS } from '@/lib/time';

/** Every scenario starts from the default data and healthy providers, and says what it changes. */
const base = {
  randomSeed: 1,
  orders: defaultOrderSpecs,
  autoRunOrderIds: ['ORD-1007', 'ORD-1008'],
  providers: healthyProviders,
  clock: { speed: 1, paused: false },
  api: {},
} satisfies Omit<Scenario, 'name' | 'description' | 'demonstrates'>;

function smartVps(changes: Partial<ProvidersBehaviour['smartvps']>): ProvidersBehaviour {
  return { ...healthyProviders, smartvps: { ...healthyProviders.smartvps, ...changes } };
}

/** ORD-1002 as the list still shows it, while it was in fact provisioned a moment ago. */
function alreadyActiveOrders(): OrderSpec[] {
  return defaultOrderSpecs().map((spec) =>
    spec.id === 'ORD-1002'
      ? {
          ...spec,
          status: 'active',
          provisioningStatus: 'active',
          provisioningError: undefined,
          ipAddress: '103.177.20.44',
          lastAttemptMinutesAgo: 2,
          upstream: { id: 'svps-70388', ipAddress: '103.177.20.44', ipReadyInMinutes: -1 },
        }
      : spec,
  );
}

/** Every scenario the mock can run, by name. The README's table is checked against it by a test. */
export const scenarios = {
  default: {
    ...base,
    name: 'default',
    description: 'A realistic mixed day: the five brief examples, healthy providers.',
    demonstrates: 'Every case of the button rule; two fresh orders (ORD-1007, ORD-1008) auto-provision as you watch.',
  },
  'smartvps-down': {
    ...base,
    name: 'smartvps-down',
    description: 'Every SmartVPS purchase times out.',
    demonstrates:
      'ORD-1007 auto-provisions, times out 3 times (1-5 min apart) and ends failed; a manual Retry fails again.',
    providers: smartVps({ buyVps: { latencyMs: [2_000, 5_000], phases: [{ outcome: { kind: 'timeout' } }] } }),
  },
  'status-check-timeout': {
    ...base,
    name: 'status-check-timeout',
    description: 'SmartVPS sells the VPS but its IP only arrives 12 minutes later.',
    demonstrates:
      'ORD-1007 is bought, the status check gives up after 5 min and the order is stuck; Retry is refused until 10 min after the attempt, then resumes the status check and completes without a second purchase.',
    // Longer than the 5-min status check, shorter than the 10-min window plus another check.
    providers: smartVps({ ipAssignedAfterMs: 12 * MINUTE_MS }),
  },
  'smartvps-outage-30min': {
    ...base,
    name: 'smartvps-outage-30min',
    description: 'SmartVPS is down for 30 minutes, then comes back.',
    demonstrates:
      'ORD-1007 fails its 3 automatic attempts; Retry inside the outage fails again; Retry after 30 min succeeds.',
    providers: smartVps({
      buyVps: {
        latencyMs: [2_000, 5_000],
        phases: [
          { untilMs: 30 * MINUTE_MS, outcome: { kind: 'fail', error: 'API returned 503' } },
          { outcome: { kind: 'succeed' } },
        ],
      },
    }),
  },
  'hostycare-failed': {
    ...base,
    name: 'hostycare-failed',
    description: 'Hostycare refuses to create services for 15 minutes.',
    demonstrates:
      'ORD-1008 fails its automatic attempts; failed Hostycare orders get the red Retry like SmartVPS ones, and it works once Hostycare is back.',
    providers: {
      ...healthyProviders,
      hostycare: {
        createService: {
          latencyMs: [4_000, 9_000],
          phases: [
            { untilMs: 15 * MINUTE_MS, outcome: { kind: 'fail', error: 'API returned 503' } },
            { outcome: { kind: 'succeed' } },
          ],
        },
      },
    },
  },
  'already-active': {
    ...base,
    name: 'already-active',
    description: 'The list is stale: ORD-1002 shows Retry but was provisioned a moment ago.',
    demonstrates:
      'Clicking Retry on ORD-1002 answers "Order already provisioned" and the row updates to active, with no purchase.',
    orders: alreadyActiveOrders,
    staleListOrders: () => briefExamples.filter((spec) => spec.id === 'ORD-1002'),
  },
  'double-click-race': {
    ...base,
    name: 'double-click-race',
    description: 'A second admin (sam@reseller.test) retries the same order at the same moment as you.',
    demonstrates:
      'Exactly one run and one purchase per order: the colleague started it, your click is answered "currently being provisioned".',
    concurrentAdmin: 'sam@reseller.test',
  },
  'slow-network': {
    ...base,
    name: 'slow-network',
    description: 'Every API call takes 2 to 4 seconds.',
    demonstrates: 'Loading skeletons, spinners and disabled buttons stay visible and correct while requests are slow.',
    api: { latencyMs: [2_000, 4_000] },
  },
  'server-error': {
    ...base,
    name: 'server-error',
    description: 'The provision endpoint answers HTTP 500, then the network drops, in turn.',
    demonstrates:
      'Clear error toasts for a server failure and a lost connection; nothing stays busy; the list keeps working.',
    api: {
      faults: {
        provision: [
          {
            kind: 'status',
            status: 500,
            code: 'INTERNAL_ERROR',
            message: 'The provisioning service failed unexpectedly',
          },
          { kind: 'networkError' },
        ],
      },
    },
  },
  'session-expired': {
    ...base,
    name: 'session-expired',
    description: 'The admin session has expired: every API call answers 401 until you sign in again.',
    demonstrates:
      'The console sends you to sign in and, once signed in, back to the page you were on, filters included.',
    startSession: 'expired',
  },
  'signed-out': {
    ...base,
    name: 'signed-out',
    description: 'Nobody is signed in.',
    demonstrates: 'The sign-in page with the demo accounts; a wrong password is refused with a clear message.',
    startSession: 'signedOut',
  },
  'support-agent': {
    ...base,
    name: 'support-agent',
    description: 'Signed in as a read-only support agent (support@reseller.test).',
    demonstrates:
      'Every order and its timeline, but no action buttons, no credentials, and a 403 from the API for any change.',
    startSession: 'support',
  },
  'smartvps-out-of-stock': {
    ...base,
    name: 'smartvps-out-of-stock',
    description: 'SmartVPS has no stock for 20 minutes: a permanent failure, not retried.',
    demonstrates:
      'ORD-1007 fails at its first automatic attempt and says why it was not retried; a Retry inside the 20 min fails the same way; after it succeeds.',
    providers: smartVps({
      buyVps: {
        latencyMs: [2_000, 5_000],
        phases: [
          {
            untilMs: 20 * MINUTE_MS,
            outcome: { kind: 'fail', error: 'out of stock for this package', permanent: true },
          },
          { outcome: { kind: 'succeed' } },
        ],
      },
    }),
  },
  'bulk-backlog': {
    ...base,
    name: 'bulk-backlog',
    description: 'A backlog of 100 paid SmartVPS 2GB orders that were never provisioned (ORD-2001 to ORD-2100).',
    demonstrates:
      'Retrying them all at once buys each order exactly once, one purchase of the package at a time (the upstream journal shows the queue); all are active within 7 minutes.',
    orders: () => [...defaultOrderSpecs(), ...backlogOrders(2001, 100, 'smartvps-2gb', 30)],
  },
  empty: {
    ...base,
    name: 'empty',
    description: 'No orders at all.',
    demonstrates: 'The designed empty state.',
    orders: () => [],
    autoRunOrderIds: [],
  },
  large: {
    ...base,
    name: 'large',
    description: '10,000 orders: years of history plus the brief examples.',
    demonstrates: 'The console stays fast with a big list (performance work).',
    orders: () => [...defaultOrderSpecs(), ...historicalOrders(20_000, 10_000 - defaultOrderSpecs().length, 77)],
  },
  huge: {
    ...base,
    name: 'huge',
    description: '100,000 orders: a reseller with years of history.',
    demonstrates: "The benchmark's big data set: the list, search and scrolling stay instant.",
    orders: () => [...defaultOrderSpecs(), ...historicalOrders(200_000, 100_000 - defaultOrderSpecs().length, 78)],
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;
export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

export function findScenario(name: string): Scenario | undefined {
  return Object.hasOwn(scenarios, name) ? scenarios[name as ScenarioName] : undefined;
}
