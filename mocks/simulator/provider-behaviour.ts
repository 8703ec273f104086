import type { Provider, UpstreamOperation } from '@/contract/order';
import type { z } from '@/lib/zod';
import type { CallOutcomeDocumentSchema } from '@/contract/scenario-document';

/**
 * What one upstream call does. A timeout takes `UPSTREAM_TIMEOUT_MS` and leaves nothing behind
 * upstream. A failure is transient (retried by automatic runs) unless its class is permanent. The
 * scenario documents' outcomes, as they are.
 */
export type CallOutcome = z.infer<typeof CallOutcomeDocumentSchema>;

/** An outcome that holds until `untilMs` after the scenario started (for ever when absent). */
export type BehaviourPhase = { untilMs?: number; outcome: CallOutcome };

export type OperationBehaviour = {
  latencyMs: readonly [min: number, max: number];
  /** Phases in time order; the first whose `untilMs` lies ahead decides. */
  phases: readonly BehaviourPhase[];
};

export type SmartVpsBehaviour = {
  buyVps: OperationBehaviour;
  statusCheck: OperationBehaviour;
  /** How long after a purchase the VPS gets its IP; a status check before that answers "no IP yet". */
  ipAssignedAfterMs: number;
};

export type HostycareBehaviour = { createService: OperationBehaviour };

export type ProvidersBehaviour = { smartvps: SmartVpsBehaviour; hostycare: HostycareBehaviour };

export const UPSTREAM_TIMEOUT_MS = 30_000;

const succeed: CallOutcome = { kind: 'succeed' };

export const healthyProviders: ProvidersBehaviour = {
  smartvps: {
    buyVps: { latencyMs: [2_000, 5_000], phases: [{ outcome: succeed }] },
    statusCheck: { latencyMs: [500, 1_500], phases: [{ outcome: succeed }] },
    ipAssignedAfterMs: 30_000,
  },
  hostycare: {
    createService: { latencyMs: [4_000, 9_000], phases: [{ outcome: succeed }] },
  },
};

export function outcomeAt(behaviour: OperationBehaviour, elapsedMs: number): CallOutcome {
  const phase = behaviour.phases.find((candidate) => candidate.untilMs === undefined || elapsedMs < candidate.untilMs);
  return phase?.outcome ?? succeed;
}

export function operationBehaviour(
  providers: ProvidersBehaviour,
  provider: Provider,
  operation: UpstreamOperation,
): OperationBehaviour {
  if (provider === 'hostycare') return providers.hostycare.createService;
  return operation === 'statusCheck' ? providers.smartvps.statusCheck : providers.smartvps.buyVps;
}

export const providerNames: Record<Provider, string> = { smartvps: 'SmartVPS', hostycare: 'Hostycare' };
