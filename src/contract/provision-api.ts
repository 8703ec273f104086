import { z } from '@/lib/zod';
import { OrderSchema, REASON_MAX_LENGTH } from './order';

export const ORDER_ID_MAX_LENGTH = 64;

/** An order's `_id`, as requests name it. */
export const OrderIdSchema = z.string().check(z.minLength(1), z.maxLength(ORDER_ID_MAX_LENGTH));
/** Optional on a retry: why the admin is trying again, kept in the order's timeline. */
const ReasonSchema = z.string().check(z.trim(), z.maxLength(REASON_MAX_LENGTH));

/** Body of `POST /api/orders/provision`. Strict: unknown keys are a malformed request, not ignored. */
export const ProvisionRequestSchema = z.strictObject({
  orderId: OrderIdSchema,
  reason: z.optional(ReasonSchema),
});
export type ProvisionRequest = z.infer<typeof ProvisionRequestSchema>;

export const ProvisioningStartedSchema = z.object({
  success: z.literal(true),
  code: z.literal('PROVISIONING_STARTED'),
  message: z.string(),
  order: OrderSchema,
});

export const AlreadyProvisionedSchema = z.object({
  success: z.literal(true),
  code: z.literal('ALREADY_PROVISIONED'),
  message: z.string(),
  order: OrderSchema,
});

export const ProvisioningInProgressSchema = z.object({
  success: z.literal(false),
  code: z.literal('PROVISIONING_IN_PROGRESS'),
  message: z.string(),
  retryAfterSeconds: z.int().check(z.nonnegative()),
});

/** Every answer of the provision endpoint that is not a plain error (see `ApiErrorBodySchema`). */
export const ProvisionResponseSchema = z.discriminatedUnion('code', [
  ProvisioningStartedSchema,
  AlreadyProvisionedSchema,
  ProvisioningInProgressSchema,
]);
export type ProvisionResponse = z.infer<typeof ProvisionResponseSchema>;

export const provisionMessages = {
  started: 'Provisioning started',
  alreadyProvisioned: 'Order already provisioned',
  inProgress: 'Order is currently being provisioned. Please wait...',
  resolved: 'Order marked resolved',
} as const;

export const BULK_RETRY_MAX = 100;

/** Body of `POST /api/orders/provision/bulk`: each order goes through the same guard as one click. */
export const BulkProvisionRequestSchema = z.strictObject({
  orderIds: z.array(OrderIdSchema).check(
    z.minLength(1),
    z.maxLength(BULK_RETRY_MAX),
    z.refine((ids) => new Set(ids).size === ids.length, 'orderIds must not repeat an id'),
  ),
  reason: z.optional(ReasonSchema),
});
export type BulkProvisionRequest = z.infer<typeof BulkProvisionRequestSchema>;

/** Every answer a provision request can get, one click or one order of a bulk retry (README: Guard answers). */
export const provisionOutcomeCodes = [
  'PROVISIONING_STARTED',
  'ALREADY_PROVISIONED',
  'PROVISIONING_IN_PROGRESS',
  'NOT_ELIGIBLE',
  'ORDER_NOT_FOUND',
] as const;
export const ProvisionOutcomeCodeSchema = z.enum(provisionOutcomeCodes);
export type ProvisionOutcomeCode = z.infer<typeof ProvisionOutcomeCodeSchema>;

export const BulkProvisionResponseSchema = z.object({
  results: z.array(
    z.object({
      orderId: z.string(),
      code: ProvisionOutcomeCodeSchema,
      message: z.string(),
      retryAfterSeconds: z.nullable(z.int().check(z.nonnegative())),
    }),
  ),
});
export type BulkProvisionResponse = z.infer<typeof BulkProvisionResponseSchema>;

/** Body of `POST /api/orders/resolve`: the reason is required, it is all the timeline will know. */
export const ResolveRequestSchema = z.strictObject({
  orderId: OrderIdSchema,
  reason: ReasonSchema.check(z.minLength(1, 'A reason is required')),
});
export type ResolveRequest = z.infer<typeof ResolveRequestSchema>;

export const ResolveResponseSchema = z.object({
  success: z.literal(true),
  code: z.literal('MARKED_RESOLVED'),
  message: z.string(),
  order: OrderSchema,
});
