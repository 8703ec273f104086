import { z } from '@/lib/zod';
import { buildSeed, type SeedData } from '../data/seed-builder';
import type { BudgetClock } from '../order-list/budget-clock';
import { findScenario } from '../scenarios/catalogue';
import type { Scenario } from '../scenarios/scenario';
import { ProvisioningSimulator, type SimulatorBehaviour } from '../simulator/simulator';
import { SimulatorStateSchema, StoredOrderSchema, type SimulatorState } from '../simulator/simulator-state';
import { ClockStateSchema } from './clock';
import { InjectedFaultsSchema } from './faults';
import { SessionsSchema } from './sessions';
import { simulatorBehaviour, worldAround, type World } from './world';

/** Where the backend keeps its data between loads (the tab's storage, through the page, in the browser; nothing in Node tests). */
export type SnapshotStore = { load(): string | null; save(serialized: string): void };

/** The backend as storage keeps it: what the scenario's seed cannot rebuild. */
export const BackendSnapshotSchema = z.object({
  /** The simulator's changes since the seed (`changesSinceSeed`). */
  simulator: SimulatorStateSchema,
  /** The old copies the list still serves. */
  staleListEntries: z.array(StoredOrderSchema),
  clock: ClockStateSchema,
  sessions: SessionsSchema,
  injectedFaults: InjectedFaultsSchema,
  /** Where the API latency's random source stands, so a reload draws on from there. */
  latencyRandomState: z.int(),
  /** Wall time of the save: a running clock counts the time the page was away. */
  savedAtWall: z.number(),
});
export type BackendSnapshot = z.infer<typeof BackendSnapshotSchema>;

export type SavedBackend = { snapshot: BackendSnapshot; scenario: Scenario };

/** Reads the saved backend; corrupt, old or unknown data is reported, never trusted. */
export function loadSnapshot(store: SnapshotStore | undefined): SavedBackend | 'absent' | 'corrupt' {
  const serialized = store?.load();
  if (!serialized) return 'absent';
  let parsed: ReturnType<typeof BackendSnapshotSchema.safeParse>;
  try {
    parsed = BackendSnapshotSchema.safeParse(JSON.parse(serialized));
  } catch {
    return 'corrupt';
  }
  const scenario = parsed.success ? findScenario(parsed.data.simulator.scenario) : undefined;
  return parsed.success && scenario ? { snapshot: parsed.data, scenario } : 'corrupt';
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

/** The saved world, on top of its scenario's seed rebuilt. */
export function restoreWorld({ snapshot, scenario }: SavedBackend, budgetClock: BudgetClock): World {
  const seed = buildSeed(scenario.orders(), snapshot.simulator.scenarioStartedAt);
  const simulator = restoreFromChanges(snapshot.simulator, seed, simulatorBehaviour(scenario));
  return worldAround(simulator, snapshot.staleListEntries, budgetClock);
}
