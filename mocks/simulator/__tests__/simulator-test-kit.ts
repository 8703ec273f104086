import { buildSeed } from '../../data/seed-builder';
import type { ListedOrder } from '@/contract/scenario-document';
import { worldAround, type World } from '../../backend/world';
import { ProvisioningSimulator, type SimulatorBehaviour } from '../simulator';
import {
  healthyProviders,
  type CallOutcome,
  type OperationBehaviour,
  type ProvidersBehaviour,
} from '../provider-behaviour';

export const START = Date.parse('2026-11-24T12:00:00.000Z');

export function freshOrder(id: string, overrides: Partial<ListedOrder> = {}): ListedOrder {
  return {
    id,
    customer: 'Test Customer',
    packageId: 'smartvps-4gb',
    status: 'confirmed',
    createdMinutesAgo: 5,
    paidMinutesAgo: 4,
    autoProvisioned: false,
    ...overrides,
  };
}

/** A SmartVPS order whose automatic run failed half an hour ago. */
export const failedOrder = (id: string, overrides: Partial<ListedOrder> = {}) =>
  freshOrder(id, {
    autoProvisioned: true,
    provisioningStatus: 'failed',
    provisioningError: 'SmartVPS buyVps timeout after 3 attempts',
    lastAttemptMinutesAgo: 30,
    ...overrides,
  });

/** A SmartVPS order bought upstream that never got its IP: stuck for 25 minutes. */
export const stuckOrder = (id: string, overrides: Partial<ListedOrder> = {}) =>
  freshOrder(id, {
    autoProvisioned: true,
    provisioningStatus: 'provisioning',
    lastAttemptMinutesAgo: 25,
    upstream: { id: `svps-${id}`, ipAddress: '103.177.52.18', ipReadyInMinutes: -5 },
    ...overrides,
  });

/** A provisioned SmartVPS order. */
export const activeOrder = (id: string, overrides: Partial<ListedOrder> = {}) =>
  freshOrder(id, {
    status: 'active',
    autoProvisioned: true,
    provisioningStatus: 'active',
    ipAddress: '103.177.114.195',
    lastAttemptMinutesAgo: 60,
    upstream: { id: `svps-${id}`, ipAddress: '103.177.114.195', ipReadyInMinutes: -50 },
    ...overrides,
  });

export function behaviour(
  outcome: CallOutcome,
  latencyMs: readonly [number, number] = [2_000, 2_000],
): OperationBehaviour {
  return { latencyMs, phases: [{ outcome }] };
}

export function providersWith(changes: {
  buyVps?: OperationBehaviour;
  statusCheck?: OperationBehaviour;
  ipAssignedAfterMs?: number;
  createService?: OperationBehaviour;
}): ProvidersBehaviour {
  return {
    smartvps: {
      buyVps: changes.buyVps ?? healthyProviders.smartvps.buyVps,
      statusCheck: changes.statusCheck ?? healthyProviders.smartvps.statusCheck,
      ipAssignedAfterMs: changes.ipAssignedAfterMs ?? healthyProviders.smartvps.ipAssignedAfterMs,
    },
    hostycare: { createService: changes.createService ?? healthyProviders.hostycare.createService },
  };
}

type SeedOptions = Partial<SimulatorBehaviour> & { autoRunOrderIds?: string[]; randomSeed?: number };

export function simulatorWith(specs: ListedOrder[], options: SeedOptions = {}): ProvisioningSimulator {
  const { orders, servers } = buildSeed(specs, START);
  return ProvisioningSimulator.seed(
    {
      scenario: 'test',
      start: START,
      randomSeed: options.randomSeed ?? 7,
      orders,
      servers,
      autoRunOrderIds: options.autoRunOrderIds ?? [],
    },
    {
      providers: options.providers ?? healthyProviders,
      ...(options.concurrentAdmin ? { concurrentAdmin: options.concurrentAdmin } : {}),
    },
  );
}

/** A simulator with the list index over its orders, as the backend wires them. */
export function worldWith(specs: ListedOrder[], options: SeedOptions = {}): World {
  return worldAround(simulatorWith(specs, options), [], () => performance.now());
}

export function orderOf(simulator: ProvisioningSimulator, id: string) {
  const found = simulator.getOrder(id);
  if (!found) throw new Error(`no order ${id}`);
  return found;
}

export function purchasesOf(simulator: ProvisioningSimulator, orderId?: string) {
  return simulator
    .upstreamCalls()
    .filter(
      (call) =>
        call.operation !== 'statusCheck' && call.outcome === 'succeeded' && (!orderId || call.orderId === orderId),
    );
}
