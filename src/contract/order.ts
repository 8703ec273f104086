import { z } from '@/lib/zod';

export const orderStatuses = ['pending', 'paid', 'confirmed', 'active', 'cancelled'] as const;
export const OrderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const providers = ['smartvps', 'hostycare'] as const;
export const ProviderSchema = z.enum(providers);
export type Provider = z.infer<typeof ProviderSchema>;

export const provisioningStatuses = ['provisioning', 'failed', 'active'] as const;
export const ProvisioningStatusSchema = z.enum(provisioningStatuses);
export type ProvisioningStatus = z.infer<typeof ProvisioningStatusSchema>;

export const IsoTimeSchema = z.iso.datetime({ offset: true });

export const triggers = ['auto', 'manual'] as const;
export const TriggerSchema = z.enum(triggers);
export type Trigger = z.infer<typeof TriggerSchema>;

/** The upstream operations a run performs; SmartVPS buys then polls, Hostycare creates in one call. */
export const upstreamOperations = ['buyVps', 'statusCheck', 'createService'] as const;
export const UpstreamOperationSchema = z.enum(upstreamOperations);
export type UpstreamOperation = z.infer<typeof UpstreamOperationSchema>;

/** Where a live run is: queued behind another purchase of the same package, calling upstream, or waiting to retry. */
export const runSteps = ['waitingForPackage', ...upstreamOperations, 'retryDelay'] as const;
export const RunStepSchema = z.enum(runSteps);
export type RunStep = z.infer<typeof RunStepSchema>;

export const ActiveRunSchema = z.object({
  id: z.string(),
  trigger: TriggerSchema,
  triggeredBy: z.string().nullable(),
  attempt: z.number().int().positive(),
  maxAttempts: z.number().int().positive(),
  step: RunStepSchema,
  startedAt: IsoTimeSchema,
  /** When the run next moves on its own (end of a retry delay or of an upstream call); null while queued. */
  nextStepAt: IsoTimeSchema.nullable(),
});
export type ActiveRun = z.infer<typeof ActiveRunSchema>;

/**
 * An order as the API serves it. Field names follow the product brief (`_id`, `autoProvisioned`,
 * `provisioningStatus`…) so the console could sit on the original backend unchanged.
 */
export const OrderSchema = z.object({
  _id: z.string(),
  customer: z.object({ name: z.string(), email: z.string() }),
  product: z.string(),
  /** The upstream package a purchase draws from; purchases of one package are serialised. */
  packageId: z.string(),
  provider: ProviderSchema,
  priceCents: z.number().int().nonnegative(),
  currency: z.string().length(3),
  status: OrderStatusSchema,
  autoProvisioned: z.boolean().optional(),
  provisioningStatus: ProvisioningStatusSchema.nullable(),
  ipAddress: z.string().nullable(),
  provisioningError: z.string().nullable(),
  lastProvisionAttempt: IsoTimeSchema.nullable(),
  /** The provider's id for the bought VPS or service; set once the purchase succeeded, never bought again. */
  upstreamId: z.string().nullable(),
  activeRun: ActiveRunSchema.nullable(),
  createdAt: IsoTimeSchema,
  paidAt: IsoTimeSchema.nullable(),
  updatedAt: IsoTimeSchema,
});
export type Order = z.infer<typeof OrderSchema>;

export const attemptOutcomes = ['running', 'succeeded', 'failed', 'timedOut', 'stuck'] as const;
export const AttemptOutcomeSchema = z.enum(attemptOutcomes);
export type AttemptOutcome = z.infer<typeof AttemptOutcomeSchema>;

/** One attempt of one run: the provisioning log served with an order. */
export const AttemptSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  runId: z.string(),
  trigger: TriggerSchema,
  triggeredBy: z.string().nullable(),
  attempt: z.number().int().positive(),
  step: RunStepSchema,
  startedAt: IsoTimeSchema,
  endedAt: IsoTimeSchema.nullable(),
  outcome: AttemptOutcomeSchema,
  error: z.string().nullable(),
  upstreamId: z.string().nullable(),
});
export type Attempt = z.infer<typeof AttemptSchema>;
