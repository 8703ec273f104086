import { z } from 'zod';
import { AttemptSchema, IsoTimeSchema, OrderSchema, OrderStatusSchema, ProviderSchema, ProvisioningStatusSchema } from './order';

/** `none` stands for "provisioning never started" (`provisioningStatus: null`), which a URL cannot spell. */
export const ProvisioningFilterSchema = z.union([ProvisioningStatusSchema, z.literal('none')]);
export type ProvisioningFilter = z.infer<typeof ProvisioningFilterSchema>;

export const SEARCH_MAX_LENGTH = 100;

/** Filters of `GET /api/orders`, the same names the console keeps in its URL. */
export const OrderFiltersSchema = z.object({
  status: OrderStatusSchema.optional(),
  provider: ProviderSchema.optional(),
  provisioning: ProvisioningFilterSchema.optional(),
  q: z.string().trim().max(SEARCH_MAX_LENGTH).optional(),
});
export type OrderFilters = z.infer<typeof OrderFiltersSchema>;

export const OrderListResponseSchema = z.object({
  orders: z.array(OrderSchema),
  /** Orders matching the filters; equals `orders.length` until the list is paginated. */
  total: z.number().int().nonnegative(),
  /** The backend's clock: ages ("stuck for 12 min") are measured against it, never against the browser's. */
  serverTime: IsoTimeSchema,
});
export type OrderListResponse = z.infer<typeof OrderListResponseSchema>;

export const OrderDetailResponseSchema = z.object({
  order: OrderSchema,
  attempts: z.array(AttemptSchema),
  serverTime: IsoTimeSchema,
});
export type OrderDetailResponse = z.infer<typeof OrderDetailResponseSchema>;
