import type { ApiFault, ApiRoute, MockStartSession } from '@/contract/mock-control';
import type { OrderSpec } from '../data/seed-builder';
import type { ProvidersBehaviour } from '../simulator/provider-behaviour';

export type Scenario = {
  name: string;
  /** One line for the scenario panel. */
  description: string;
  /** What QA or a designer sees when walking it. */
  demonstrates: string;
  randomSeed: number;
  orders: () => OrderSpec[];
  /** Orders paid as the scenario starts: their automatic run begins at once. */
  autoRunOrderIds: readonly string[];
  /** Old versions of orders the list endpoint serves until a write touches them. */
  staleListOrders?: () => OrderSpec[];
  providers: ProvidersBehaviour;
  /** A second admin who retries the same order a moment before this one does. */
  concurrentAdmin?: string;
  /** Who the console starts signed in as; the admin unless said otherwise. */
  startSession?: MockStartSession;
  clock: { speed: number; paused: boolean };
  api: {
    /** Extra wall-clock latency of every API answer, drawn in [min, max]. */
    latencyMs?: readonly [number, number];
    /** Faults per route, taken in turn by successive requests, round and round. */
    faults?: Partial<Record<ApiRoute, readonly ApiFault[]>>;
  };
};
