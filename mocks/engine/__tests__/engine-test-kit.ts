import { buildSeed, type OrderSpec } from '../../data/seed-builder';
import { ProvisioningEngine, type EngineBehaviour } from '../engine';
import {
  healthyProviders,
  type CallOutcome,
  type OperationBehaviour,
  type ProvidersBehaviour,
} from '../provider-behaviour';

export const START = Date.parse('2026-11-24T12:00:00.000Z');
export const MINUTE = 60_000;

export function freshOrder(id: string, overrides: Partial<OrderSpec> = {}): OrderSpec {
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

export function engineWith(
  specs: OrderSpec[],
  options: Partial<EngineBehaviour> & { autoRunOrderIds?: string[]; randomSeed?: number } = {},
): ProvisioningEngine {
  const { orders, servers } = buildSeed(specs, START);
  return ProvisioningEngine.seed(
    {
      scenario: 'test',
      start: START,
      randomSeed: options.randomSeed ?? 7,
      orders,
      servers,
      staleListEntries: [],
      autoRunOrderIds: options.autoRunOrderIds ?? [],
    },
    {
      providers: options.providers ?? healthyProviders,
      ...(options.concurrentAdmin ? { concurrentAdmin: options.concurrentAdmin } : {}),
    },
  );
}

export function orderOf(engine: ProvisioningEngine, id: string) {
  const found = engine.getOrder(id);
  if (!found) throw new Error(`no order ${id}`);
  return found;
}

export function purchasesOf(engine: ProvisioningEngine, orderId?: string) {
  return engine
    .upstreamCalls()
    .filter(
      (call) =>
        call.operation !== 'statusCheck' && call.outcome === 'succeeded' && (!orderId || call.orderId === orderId),
    );
}
