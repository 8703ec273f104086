import type { ScheduleEvent } from '@/contract/mock-control';
import type { UpstreamOperation } from '@/contract/order';
import type { OrderTable } from './order-table';
import { operationBehaviour, providerNames, type CallOutcome, type ProvidersBehaviour } from './provider-behaviour';
import type { Run, SimulatorState } from './simulator-state';

const operationWords: Record<UpstreamOperation, string> = {
  buyVps: 'buyVps',
  statusCheck: 'status check',
  createService: 'createService',
};

/**
 * What is due on the clock after `state.cursor`, soonest first, in words for the scenario panel's
 * "Coming up" (docs/scenarios.md: Coming up): run steps, the IPs providers will assign, and the ends
 * of provider phases. Read from the state; nothing is played.
 */
export function upcomingEvents(
  state: SimulatorState,
  orders: OrderTable,
  providers: ProvidersBehaviour,
): ScheduleEvent[] {
  const now = state.cursor;
  const events: (Omit<ScheduleEvent, 'at'> & { atMs: number })[] = [];
  for (const run of state.runs) {
    if (run.wakeAt === null) continue;
    const order = orders.withId(run.orderId);
    if (!order) continue;
    events.push({
      atMs: run.wakeAt,
      orderId: run.orderId,
      ...runStep(
        run,
        providerNames[order.provider],
        (id) => state.servers.find((server) => server.id === id)?.ipReadyAt,
        order.upstreamId,
      ),
    });
  }
  for (const server of state.servers) {
    const order = orders.withId(server.orderId);
    if (server.ipReadyAt <= now || !order || order.provisioningStatus === 'active') continue;
    events.push({
      atMs: server.ipReadyAt,
      kind: 'ipAssigned',
      orderId: server.orderId,
      description: `${server.orderId}: ${providerNames[order.provider]} assigns the IP of ${server.id}`,
    });
  }
  for (const [provider, operation] of [
    ['smartvps', 'buyVps'],
    ['smartvps', 'statusCheck'],
    ['hostycare', 'createService'],
  ] as const) {
    const { phases } = operationBehaviour(providers, provider, operation);
    phases.forEach((phase, index) => {
      const next = phases[index + 1];
      if (phase.untilMs === undefined || !next) return;
      const atMs = state.scenarioStartedAt + phase.untilMs;
      if (atMs <= now) return;
      events.push({
        atMs,
        kind: 'providerPhase',
        orderId: null,
        description: `${providerNames[provider]} ${operationWords[operation]} ${outcomeWords(next.outcome)}, after it ${outcomeWords(phase.outcome, 'past')}`,
      });
    });
  }
  return events
    .toSorted((a, b) => a.atMs - b.atMs || (a.orderId ?? '').localeCompare(b.orderId ?? ''))
    .map(({ atMs, ...event }) => ({ at: new Date(atMs).toISOString(), ...event }));
}

function runStep(
  run: Run,
  provider: string,
  ipReadyAt: (serverId: string) => number | undefined,
  upstreamId: string | null,
): Pick<ScheduleEvent, 'kind' | 'description'> {
  const order = run.orderId;
  const attempt = `attempt ${run.attempt} of ${run.maxAttempts}`;
  if (run.call) {
    const { operation, outcome } = run.call;
    const ready = upstreamId !== null && (ipReadyAt(upstreamId) ?? Infinity) <= (run.wakeAt ?? 0);
    const answer =
      operation === 'statusCheck' && outcome.kind === 'succeed'
        ? ready
          ? 'finds the IP'
          : 'finds no IP yet'
        : outcomeWords(outcome);
    return {
      kind: 'upstreamAnswer',
      description: `${order}: ${provider} ${operationWords[operation]} answers: ${answer} (${attempt})`,
    };
  }
  switch (run.step) {
    case 'retryDelay':
      return {
        kind: 'retry',
        description: `${order}: ${run.trigger === 'auto' ? 'automatic retry' : 'retry'}, ${attempt}`,
      };
    case 'statusCheck':
      return { kind: 'statusCheck', description: `${order}: ${provider} status check (${attempt})` };
    default:
      return { kind: 'purchase', description: `${order}: its turn to buy in the package queue (${attempt})` };
  }
}

function outcomeWords(outcome: CallOutcome, tense: 'present' | 'past' = 'present'): string {
  switch (outcome.kind) {
    case 'succeed':
      return tense === 'present' ? 'succeeds' : 'succeeded';
    case 'fail':
      return `${tense === 'present' ? 'fails' : 'failed'} (${outcome.error}${outcome.errorClass === 'permanent' ? ', permanent' : ''})`;
    case 'timeout':
      return tense === 'present' ? 'times out' : 'timed out';
  }
}
