import type { ScenarioDocument } from '@/contract/scenario-document';

/*
 * Scenario documents as a designer writes them by hand, shared by the component tests and the e2e
 * suites that register them.
 */

/** Two fresh orders, paid a minute ago: a Provision button on each, nothing under way. */
export const twoFreshOrders: ScenarioDocument = {
  version: 1,
  name: 'two-fresh-orders',
  description: 'Two fresh orders, paid a minute ago.',
  demonstrates: 'A Provision button on each.',
  orders: [
    {
      id: 'ORD-5001',
      customer: 'Ana Lopes',
      packageId: 'smartvps-2gb',
      status: 'confirmed',
      createdMinutesAgo: 3,
      paidMinutesAgo: 1,
      autoProvisioned: false,
    },
    {
      id: 'ORD-5002',
      customer: 'Ben Okafor',
      packageId: 'hostycare-cloud-s',
      status: 'confirmed',
      createdMinutesAgo: 2,
      paidMinutesAgo: 1,
      autoProvisioned: false,
    },
  ],
};

/**
 * The smallest world: one order paid and never provisioned, nothing under way, so no list refreshes
 * on its own.
 */
export const oneFreshOrder: ScenarioDocument = {
  version: 1,
  name: 'one-fresh-order',
  description: 'One order paid and never provisioned, nothing under way.',
  demonstrates: 'The smallest world a test can start; what one tab does reaches another only through the backend.',
  orders: [
    {
      id: 'ORD-1001',
      customer: 'Asha Verma',
      packageId: 'smartvps-4gb',
      status: 'confirmed',
      createdMinutesAgo: 42,
      paidMinutesAgo: 40,
      autoProvisioned: false,
    },
  ],
};
