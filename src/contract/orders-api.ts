import { z } from '@/lib/zod';
import { AttemptSchema, AuditEntrySchema, CredentialsSchema, IsoTimeSchema, OrderSchema, OrderStatusSchema, ProviderSchema, ProvisioningStatusSchema } from './order';

/** `none` stands for "provisioning never started" (`provisioningStatus: null`), which a URL cannot spell. */
export const ProvisioningFilterSchema = z.union([ProvisioningStatusSchema, z.literal('none')]);
export type ProvisioningFilter = z.infer<typeof ProvisioningFilterSchema>;

export const SEARCH_MAX_LENGTH = 100;

/**
 * `attention`: only the orders an admin must act on (failed, stuck, paid but never provisioned),
 * the customer who has waited longest first. Without it: every order, newest first.
 */
export const OrdersViewSchema = z.enum(['attention']);
export type OrdersView = z.infer<typeof OrdersViewSchema>;

/** Filters of `GET /api/orders`, the same names the console keeps in its URL. */
export const OrderFiltersSchema = z.object({
  view: OrdersViewSchema.optional(),
  status: OrderStatusSchema.optional(),
  provider: ProviderSchema.optional(),
  provisioning: ProvisioningFilterSchema.optional(),
  q: z.string().trim().max(SEARCH_MAX_LENGTH).optional(),
});
export type OrderFilters = z.infer<typeof OrderFiltersSchema>;

export const ORDERS_PAGE_MAX = 500;

/**
 * Query of `GET /api/orders`: the filters plus cursor pagination. Without `limit` every match comes
 * back, as before pagination existed, so older clients keep working.
 */
export const OrdersQuerySchema = OrderFiltersSchema.extend({
  limit: z.coerce.number().int().min(1).max(ORDERS_PAGE_MAX).optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
});
export type OrdersQuery = z.infer<typeof OrdersQuerySchema>;

export const OrderListResponseSchema = z.object({
  orders: z.array(OrderSchema),
  /** Every order matching the filters, across all pages. */
  total: z.number().int().nonnegative(),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
  /** How many orders need attention, whatever the filters: the badge every view shows. */
  attentionCount: z.number().int().nonnegative(),
  /** The backend's clock: ages ("stuck for 12 min") are measured against it, never against the browser's. */
  serverTime: IsoTimeSchema,
});
export type OrderListResponse = z.infer<typeof OrderListResponseSchema>;

export const OrderDetailResponseSchema = z.object({
  order: OrderSchema,
  attempts: z.array(AttemptSchema),
  audit: z.array(AuditEntrySchema),
  /** Admins only, once the server is ready; null for support agents and unfinished orders. */
  credentials: CredentialsSchema.nullable(),
  serverTime: IsoTimeSchema,
});
export type OrderDetailResponse = z.infer<typeof OrderDetailResponseSchema>;
