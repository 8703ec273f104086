import { z } from '@/lib/zod';
import { RequestLogEntrySchema } from '@/contract/mock-control';
import { jsonPath, ScenarioDocumentSchema, type ScenarioIssue } from '@/contract/scenario-document';
import { buildSeed, type SeedData } from '../data/seed-builder';
import type { BudgetClock } from '../order-list/budget-clock';
import type { Scenario } from '../scenarios/scenario';
import { ProvisioningSimulator, type SimulatorBehaviour } from '../simulator/simulator';
import { SimulatorStateSchema, StoredOrderSchema, type SimulatorState } from '../simulator/simulator-state';
import { ClockStateSchema } from './clock';
import { FaultPlanStateSchema } from './faults';
import { SessionsSchema } from './sessions';
import { simulatorBehaviour, worldAround, type World } from './world';

/** Where the backend keeps its data between loads (IndexedDB or a tab's storage in the browser, a file on the server). */
export type SnapshotStore = { load(): string | null; save(serialized: string): void };

/**
 * A running backend beyond what its scenario's seed rebuilds: what storage keeps after every change,
 * and what a snapshot document holds as its `state`.
 */
export const BackendStateSchema = z.strictObject({
  /** The simulator's changes since the seed (`changesSinceSeed`). */
  simulator: SimulatorStateSchema,
  /** The old copies the list still serves. */
  staleListEntries: z.array(StoredOrderSchema),
  clock: ClockStateSchema,
  sessions: SessionsSchema,
  faults: FaultPlanStateSchema,
  /** Where the API latency's random source stands, so the next draw is the one it would have been. */
  latencyRandomState: z.int(),
  requests: z.array(RequestLogEntrySchema),
});
export type BackendState = z.infer<typeof BackendStateSchema>;

const SavedBackendSchema = z.object({
  state: BackendStateSchema,
  /** The scenarios registered with this backend, so a reload can still start them. */
  registeredScenarios: z.array(ScenarioDocumentSchema),
  /**
   * The running scenario's settings, when it is a registered one: its seed is rebuilt from these, as
   * they were when it started, even if a document registered under its name since says otherwise.
   */
  activeScenario: z.optional(ScenarioDocumentSchema),
  /** Wall time of the save: a running clock counts the time the page was away. */
  savedAtWall: z.number(),
});
export type SavedBackend = z.infer<typeof SavedBackendSchema>;

/** Reads the saved backend; corrupt or old data is reported, never trusted. */
export function loadSavedBackend(store: SnapshotStore | undefined): SavedBackend | 'absent' | 'corrupt' {
  const serialized = store?.load();
  if (!serialized) return 'absent';
  try {
    const parsed = SavedBackendSchema.safeParse(JSON.parse(serialized));
    return parsed.success ? parsed.data : 'corrupt';
  } catch {
    return 'corrupt';
  }
}

/** The problems of a snapshot document's `state`, each at its JSON path in the document. */
export function backendStateProblems(state: Record<string, unknown>): ScenarioIssue[] {
  const parsed = BackendStateSchema.safeParse(state);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: jsonPath(['state', ...issue.path]), message: issue.message }));
}

/**
 * A simulator from its `changesSinceSeed()` and the seed it started from. Takes ownership of both,
 * which are built fresh for it: 100,000 seeded orders are not copied again.
 */
export function restoreFromChanges(
  changes: SimulatorState,
  seed: SeedData,
  behaviour: SimulatorBehaviour,
): ProvisioningSimulator {
  const changed = new Map(changes.orders.map((order) => [order._id, order]));
  return ProvisioningSimulator.restore(
    {
      ...changes,
      orders: seed.orders.map((order) => changed.get(order._id) ?? order),
      servers: [...seed.servers, ...changes.servers],
    },
    behaviour,
  );
}

/** A saved or snapshot state, on top of its scenario's seed rebuilt. */
export function restoreWorld(state: BackendState, scenario: Scenario, budgetClock: BudgetClock): World {
  const seed = buildSeed(scenario.orders(), state.simulator.scenarioStartedAt);
  // Under the scenario's own name: a snapshot's state carries the name of the scenario it was taken from.
  const changes = { ...structuredClone(state.simulator), scenario: scenario.name };
  const simulator = restoreFromChanges(changes, seed, simulatorBehaviour(scenario));
  return worldAround(simulator, structuredClone(state.staleListEntries), budgetClock);
}
