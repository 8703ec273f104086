import { SeededRandom } from '../simulator/random';
import type { OrderSpec } from './seed-builder';
import { packageIds, type PackageId } from './products';

/** The five example orders of the product brief, with the ids the tests and README refer to. */
export const briefExamples: readonly OrderSpec[] = [
  // 1. Fresh order: Provision (blue).
  {
    id: 'ORD-1001',
    customer: 'Asha Verma',
    packageId: 'smartvps-4gb',
    status: 'confirmed',
    createdMinutesAgo: 42,
    paidMinutesAgo: 40,
    autoProvisioned: false,
  },
  // 2. Failed SmartVPS order: Retry (red).
  {
    id: 'ORD-1002',
    customer: 'Daniel Okafor',
    packageId: 'smartvps-4gb',
    status: 'confirmed',
    createdMinutesAgo: 95,
    paidMinutesAgo: 94,
    autoProvisioned: true,
    provisioningStatus: 'failed',
    provisioningError: 'SmartVPS buyVps timeout after 3 attempts',
    lastAttemptMinutesAgo: 80,
  },
  // 3. SmartVPS bought, status check timed out, stuck for 25 min: Retry resumes the status check.
  {
    id: 'ORD-1003',
    customer: 'Mei Lin',
    packageId: 'smartvps-2gb',
    status: 'confirmed',
    createdMinutesAgo: 31,
    paidMinutesAgo: 30,
    autoProvisioned: true,
    provisioningStatus: 'provisioning',
    lastAttemptMinutesAgo: 25,
    provisioningError: 'SmartVPS status check timed out after 5 min: VPS svps-70412 bought, no IP yet',
    upstream: { id: 'svps-70412', ipAddress: '103.177.52.18', ipReadyInMinutes: -5 },
  },
  // 4. Provisioned: no button.
  {
    id: 'ORD-1004',
    customer: 'Lucas Pereira',
    packageId: 'smartvps-8gb',
    status: 'active',
    createdMinutesAgo: 600,
    paidMinutesAgo: 599,
    autoProvisioned: true,
    provisioningStatus: 'active',
    ipAddress: '103.177.114.195',
    lastAttemptMinutesAgo: 598,
    upstream: { id: 'svps-69980', ipAddress: '103.177.114.195', ipReadyInMinutes: -597 },
  },
  // 5. Failed Hostycare order: Retry (red), works for every provider.
  {
    id: 'ORD-1005',
    customer: 'Fatima Zahra',
    packageId: 'hostycare-cloud-m',
    status: 'confirmed',
    createdMinutesAgo: 130,
    paidMinutesAgo: 129,
    autoProvisioned: true,
    provisioningStatus: 'failed',
    provisioningError: 'Hostycare createService failed after 3 attempts: API returned 503',
    lastAttemptMinutesAgo: 110,
  },
];

const customers = [
  'Noah Schmidt',
  'Priya Nair',
  'Kenji Watanabe',
  'Sofia Rossi',
  'Omar Haddad',
  'Emily Carter',
  'Tomás García',
  'Aylin Demir',
  'Jonas Berg',
  'Chloé Martin',
  'Ravi Patel',
  'Zanele Dlamini',
  'Ivan Petrov',
  'Hannah Kim',
  'Mateo Silva',
  'Grace Mensah',
  'Lars Eriksen',
  'Nadia Rahman',
  'Ethan Brooks',
  'Yuki Tanaka',
] as const;

/** The default data set: the brief's examples, the cases around them, and a realistic history. */
export function defaultOrderSpecs(): OrderSpec[] {
  const specs: OrderSpec[] = [
    ...briefExamples,
    // Provisioning for 3 minutes with nothing known to be running: Retry is refused for 7 more minutes.
    {
      id: 'ORD-1006',
      customer: 'Arjun Mehta',
      packageId: 'smartvps-2gb',
      status: 'confirmed',
      createdMinutesAgo: 6,
      paidMinutesAgo: 5,
      autoProvisioned: true,
      provisioningStatus: 'provisioning',
      lastAttemptMinutesAgo: 3,
    },
    // Paid a moment ago: the automatic runs start with the scenario. ORD-1007 is confirmed, so it shows
    // a busy Retry while its run is under way; ORD-1008 is only paid, so it shows nothing (the rule's last row).
    {
      id: 'ORD-1007',
      customer: 'Elena Popescu',
      packageId: 'smartvps-4gb',
      status: 'confirmed',
      createdMinutesAgo: 1,
      paidMinutesAgo: 0,
    },
    {
      id: 'ORD-1008',
      customer: 'Samuel Adeyemi',
      packageId: 'hostycare-cloud-s',
      status: 'paid',
      createdMinutesAgo: 1,
      paidMinutesAgo: 0,
    },
    { id: 'ORD-1009', customer: 'Olivia Brown', packageId: 'smartvps-2gb', status: 'pending', createdMinutesAgo: 12 },
    {
      id: 'ORD-1010',
      customer: 'Hugo Lefebvre',
      packageId: 'hostycare-cloud-l',
      status: 'cancelled',
      createdMinutesAgo: 2_900,
      paidMinutesAgo: 2_890,
    },
    {
      id: 'ORD-1011',
      customer: 'Carmen Ortiz',
      packageId: 'smartvps-8gb',
      status: 'paid',
      createdMinutesAgo: 300,
      paidMinutesAgo: 299,
      autoProvisioned: true,
      provisioningStatus: 'failed',
      lastAttemptMinutesAgo: 280,
      // A permanent failure: the automatic run stopped at its first attempt.
      provisioningError: 'SmartVPS buyVps failed: insufficient upstream balance (permanent: not retried)',
      permanentError: true,
    },
    {
      id: 'ORD-1012',
      customer: 'Wei Zhang',
      packageId: 'hostycare-cloud-m',
      status: 'paid',
      createdMinutesAgo: 20,
      paidMinutesAgo: 19,
      autoProvisioned: false,
    },
  ];
  return [...specs, ...historicalOrders(1013, 32)];
}

/**
 * Confirmed orders of one package that were never provisioned, paid `firstPaidMinutesAgo` and a
 * minute apart before it: a backlog for bulk retries and bursts of clicks.
 */
export function backlogOrders(
  firstNumber: number,
  count: number,
  packageId: PackageId,
  firstPaidMinutesAgo: number,
): OrderSpec[] {
  return Array.from({ length: count }, (_, index): OrderSpec => {
    const paidMinutesAgo = firstPaidMinutesAgo + index;
    const customer = customers[index % customers.length] ?? 'Noah Schmidt';
    return {
      id: `ORD-${firstNumber + index}`,
      customer,
      packageId,
      status: 'confirmed',
      createdMinutesAgo: paidMinutesAgo + 1,
      paidMinutesAgo,
      autoProvisioned: false,
    };
  });
}

/** Older orders, mostly active with a server, some unpaid or cancelled, from a fixed seed. */
export function historicalOrders(firstNumber: number, count: number, seed = 2026): OrderSpec[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, index): OrderSpec => {
    const id = `ORD-${firstNumber + index}`;
    const packageId = packageIds[random.between(0, packageIds.length - 1)] ?? 'smartvps-2gb';
    const customer = customers[random.between(0, customers.length - 1)] ?? 'Noah Schmidt';
    const createdMinutesAgo = 60 * random.between(3, 24 * 180) + index;
    const roll = random.next();
    if (roll < 0.12) return { id, customer, packageId, status: 'pending', createdMinutesAgo };
    if (roll < 0.2)
      return { id, customer, packageId, status: 'cancelled', createdMinutesAgo, paidMinutesAgo: createdMinutesAgo - 1 };
    const smartVps = packageId.startsWith('smartvps');
    const ipAddress = `${smartVps ? '103.177' : '45.76'}.${random.between(0, 255)}.${random.between(2, 254)}`;
    return {
      id,
      customer,
      packageId,
      status: 'active',
      createdMinutesAgo,
      paidMinutesAgo: createdMinutesAgo - 1,
      autoProvisioned: roll < 0.9,
      provisioningStatus: 'active',
      ipAddress,
      lastAttemptMinutesAgo: createdMinutesAgo - 2,
      upstream: {
        id: `${smartVps ? 'svps' : 'hc'}-${60_000 + index}`,
        ipAddress,
        ipReadyInMinutes: -(createdMinutesAgo - 3),
      },
    };
  });
}
