import { z } from '@/lib/zod';
import {
  AttemptSchema,
  AuditEntrySchema,
  OrderSchema,
  RunStepSchema,
  TriggerSchema,
  UpstreamOperationSchema,
} from '@/contract/order';
import { UpstreamCallSchema } from '@/contract/mock-control';
import { CallOutcomeDocumentSchema } from '@/contract/scenario-document';

/**
 * Everything the simulator knows, as plain data: it is saved after every change and validated when
 * loaded, so a reload resumes runs where they were and corrupt data is caught.
 */

export const StoredOrderSchema = z.omit(OrderSchema, { activeRun: true });
export type StoredOrder = z.infer<typeof StoredOrderSchema>;

/** A provisioning run in flight. Its locks are derived from it, so a run that ends cannot leave one behind. */
export const RunSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  trigger: TriggerSchema,
  triggeredBy: z.nullable(z.string()),
  attempt: z.int().check(z.positive()),
  maxAttempts: z.int().check(z.positive()),
  step: RunStepSchema,
  startedAt: z.number(),
  /** When the run moves next; null while it queues for its package. */
  wakeAt: z.nullable(z.number()),
  /** When it joined the package queue: the queue is first come, first served. */
  queuedAt: z.nullable(z.number()),
  attemptId: z.string(),
  /** The upstream call under way; its outcome is drawn when the call is made. */
  call: z.nullable(
    z.object({ operation: UpstreamOperationSchema, startedAt: z.number(), outcome: CallOutcomeDocumentSchema }),
  ),
  statusCheckDeadline: z.nullable(z.number()),
  /** Why the admin asked for this run; null for automatic ones. */
  reason: z.nullable(z.string()),
});
export type Run = z.infer<typeof RunSchema>;

/** A server the upstream provider built for an order: the provider's side of the story. */
export const UpstreamServerSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  packageId: z.string(),
  boughtAt: z.number(),
  ipReadyAt: z.number(),
  ipAddress: z.string(),
  rootPassword: z.string(),
});
export type UpstreamServer = z.infer<typeof UpstreamServerSchema>;

export const SIMULATOR_STATE_VERSION = 3;

export const SimulatorStateSchema = z.object({
  version: z.literal(SIMULATOR_STATE_VERSION),
  scenario: z.string(),
  scenarioStartedAt: z.number(),
  cursor: z.number(),
  nextId: z.int().check(z.nonnegative()),
  randomState: z.int(),
  orders: z.array(StoredOrderSchema),
  /** Orders changed since the seed: storage keeps only these and rebuilds the rest from the seed. */
  changedOrderIds: z.array(z.string()),
  runs: z.array(RunSchema),
  attempts: z.array(AttemptSchema),
  audit: z.array(AuditEntrySchema),
  servers: z.array(UpstreamServerSchema),
  /** The first servers are the seed's; storage keeps only those bought after them. */
  seededServerCount: z.int().check(z.nonnegative()),
  upstreamCalls: z.array(UpstreamCallSchema),
});
export type SimulatorState = z.infer<typeof SimulatorStateSchema>;
