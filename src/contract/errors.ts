import { z } from '@/lib/zod';

/**
 * The largest JSON body an `/api/` request may carry; a larger one is `400 INVALID_REQUEST`, refused
 * before it is parsed: no legitimate request of this API comes near it.
 */
export const MAX_BODY_BYTES = 10_000;

export const errorCodes = [
  'INVALID_REQUEST',
  'NOT_FOUND',
  'INVALID_CURSOR',
  'UNKNOWN_SCENARIO',
  'INVALID_SCENARIO',
  'SCENARIO_EXISTS',
  'BUILT_IN_SCENARIO',
  'NOTHING_SCHEDULED',
  'ORDER_NOT_FOUND',
  'NOT_ELIGIBLE',
  'PROVISIONING_IN_PROGRESS',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;
export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * Every error body carries a machine `code` and a human `message`. The mock answers only the codes
 * above; clients accept any string, so a backend may add codes without breaking them.
 */
export const ApiErrorBodySchema = z.object({
  success: z.literal(false),
  code: z.string(),
  message: z.string(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
