import type { GeneratedOrders, ListedOrder } from '@/contract/scenario-document';
import { SeededRandom } from '../simulator/random';
import { packageIds } from './products';

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

/** The orders a scenario generates (docs/scenarios.md: Scenarios as files), in the order they are listed. */
export function generatedOrders(generator: GeneratedOrders): ListedOrder[] {
  switch (generator.kind) {
    case 'history':
      return historicalOrders(generator.firstNumber, generator.count, generator.seed);
    case 'batch':
      return batchOrders(generator);
  }
}

/**
 * Orders alike but for their id, customer and time, a backlog for bulk retries and bursts of clicks:
 * the first paid (or, unpaid, placed) `firstMinutesAgo`, each next one `minutesApart` earlier.
 */
function batchOrders({
  firstNumber,
  count,
  firstMinutesAgo,
  minutesApart = 1,
  order,
}: Extract<GeneratedOrders, { kind: 'batch' }>): ListedOrder[] {
  return Array.from({ length: count }, (_, index): ListedOrder => {
    const minutesAgo = firstMinutesAgo + index * minutesApart;
    const customer = customers[index % customers.length] ?? 'Noah Schmidt';
    const id = `ORD-${firstNumber + index}`;
    return order.status === 'pending'
      ? { ...order, id, customer, createdMinutesAgo: minutesAgo }
      : { ...order, id, customer, createdMinutesAgo: minutesAgo + 1, paidMinutesAgo: minutesAgo };
  });
}

/** Older orders, mostly active with a server, some unpaid or cancelled, from a fixed seed. */
function historicalOrders(firstNumber: number, count: number, seed: number): ListedOrder[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, index): ListedOrder => {
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
