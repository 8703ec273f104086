import { z } from '@/lib/zod';
import { OrderSchema } from './order';

export const ORDER_ID_MAX_LENGTH = 64;

/** Body of `POST /api/orders/provision`. Strict: unknown keys are a malformed request, not ignored. */
export const ProvisionRequestSchema = z.strictObject({
  orderId: z.string().min(1).max(ORDER_ID_MAX_LENGTH),
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
  retryAfterSeconds: z.number().int().nonnegative(),
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
} as const;
