import type { ApiFault, ApiRoute, MockStartSession } from '@/contract/mock-control';
import type { ListedOrder, ScenarioDocument } from '@/contract/scenario-document';
import type { ProvidersBehaviour } from '../simulator/provider-behaviour';

/** A scenario ready to run: its document resolved (docs/scenarios.md: Scenarios as files). */
export type Scenario = {
  name: string;
  /** One line for the scenario panel. */
  description: string;
  /** What QA or a designer sees when walking it. */
  demonstrates: string;
  randomSeed: number;
  /** The orders at the start, built when asked for (100,000 of them in `huge`). */
  orders: () => ListedOrder[];
  /** Orders paid as the scenario starts: their automatic run begins at once. */
  autoRunOrderIds: readonly string[];
  /** Old versions of orders the list endpoint serves until a write touches them. */
  staleListOrders: readonly ListedOrder[];
  providers: ProvidersBehaviour;
  /** A second admin who retries the same order a moment before this one does. */
  concurrentAdmin?: string;
  /** Who the console starts signed in as. */
  startSession: MockStartSession;
  clock: { speed: number; paused: boolean };
  api: {
    /** Extra wall-clock latency of every API answer, drawn in [min, max]. */
    latencyMs?: readonly [number, number];
    /** Faults per route, taken in turn by successive requests, round and round. */
    faults?: Partial<Record<ApiRoute, readonly ApiFault[]>>;
  };
  /** The document it came from, with nothing left to look up elsewhere: what a snapshot is written from. */
  document: ScenarioDocument;
  /** Where a snapshot's scenario starts: the exact state it holds, still to be checked by the backend. */
  state?: Record<string, unknown>;
};
