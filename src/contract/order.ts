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

/**
 * Transient failures (timeouts, 5xx, a provider that is down) may pass on their own: automatic runs
 * retry them. Permanent ones (out of stock, insufficient upstream balance, invalid configuration)
 * will fail the same way until someone fixes the cause, so a run stops at the first one.
 */
export const errorClasses = ['transient', 'permanent'] as const;
export const ErrorClassSchema = z.enum(errorClasses);
export type ErrorClass = z.infer<typeof ErrorClassSchema>;

export const REASON_MAX_LENGTH = 500;

/** An order an admin fixed outside the console: it leaves Needs attention and is never provisioned here. */
export const ResolutionSchema = z.object({
  by: z.string(),
  at: IsoTimeSchema,
  reason: z.string(),
});
export type Resolution = z.infer<typeof ResolutionSchema>;

export const ActiveRunSchema = z.object({
  id: z.string(),
  trigger: TriggerSchema,
  triggeredBy: z.nullable(z.string()),
  attempt: z.int().check(z.positive()),
  maxAttempts: z.int().check(z.positive()),
  step: RunStepSchema,
  startedAt: IsoTimeSchema,
  /** When the run next moves on its own (end of a retry delay or of an upstream call); null while queued. */
  nextStepAt: z.nullable(IsoTimeSchema),
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
  priceCents: z.int().check(z.nonnegative()),
  currency: z.string().check(z.length(3)),
  status: OrderStatusSchema,
  autoProvisioned: z.optional(z.boolean()),
  provisioningStatus: z.nullable(ProvisioningStatusSchema),
  ipAddress: z.nullable(z.string()),
  provisioningError: z.nullable(z.string()),
  /** Which kind of failure `provisioningError` is; null when there is none. */
  provisioningErrorClass: z.nullable(ErrorClassSchema),
  lastProvisionAttempt: z.nullable(IsoTimeSchema),
  /** The provider's id for the bought VPS or service; set once the purchase succeeded, never bought again. */
  upstreamId: z.nullable(z.string()),
  activeRun: z.nullable(ActiveRunSchema),
  resolution: z.nullable(ResolutionSchema),
  createdAt: IsoTimeSchema,
  paidAt: z.nullable(IsoTimeSchema),
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
  triggeredBy: z.nullable(z.string()),
  attempt: z.int().check(z.positive()),
  step: RunStepSchema,
  startedAt: IsoTimeSchema,
  endedAt: z.nullable(IsoTimeSchema),
  outcome: AttemptOutcomeSchema,
  error: z.nullable(z.string()),
  errorClass: z.nullable(ErrorClassSchema),
  upstreamId: z.nullable(z.string()),
  /** Why the admin retried, as typed in the confirmation; null for automatic runs. */
  reason: z.nullable(z.string()),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const auditActions = ['provision', 'retry', 'markResolved'] as const;
export const AuditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** Every manual action on an order, allowed or refused: who, when, why, and what the backend answered. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  orderId: z.string(),
  at: IsoTimeSchema,
  actor: z.string(),
  action: AuditActionSchema,
  /** True when it came with others in one bulk retry. */
  bulk: z.boolean(),
  reason: z.nullable(z.string()),
  /** The answer's code, e.g. PROVISIONING_STARTED, PROVISIONING_IN_PROGRESS, MARKED_RESOLVED. */
  result: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The server's root login, served to admins only and never written to a list, log or journal. */
export const CredentialsSchema = z.object({ username: z.string(), password: z.string() });
export type Credentials = z.infer<typeof CredentialsSchema>;
