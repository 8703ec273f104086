import { z } from '@/lib/zod';
import {
  AttemptSchema,
  AuditEntrySchema,
  CredentialsSchema,
  IsoTimeSchema,
  OrderSchema,
  OrderStatusSchema,
  ProviderSchema,
  ProvisioningStatusSchema,
} from './order';

/** `none` stands for "provisioning never started" (`provisioningStatus: null`), which a URL cannot spell. */
export const ProvisioningFilterSchema = z.union([ProvisioningStatusSchema, z.literal('none')]);
export type ProvisioningFilter = z.infer<typeof ProvisioningFilterSchema>;

export const SEARCH_MAX_LENGTH = 100;

/** The message of every `404 ORDER_NOT_FOUND`. */
export function orderNotFoundMessage(orderId: string): string {
  return `Order ${orderId} not found`;
}

/**
 * `attention`: only the orders an admin must act on (failed, stuck, paid but never provisioned),
 * the customer who has waited longest first. Without it: every order, newest first.
 */
export const OrdersViewSchema = z.enum(['attention']);
export type OrdersView = z.infer<typeof OrdersViewSchema>;

/** Filters of `GET /api/orders`, the same names the console keeps in its URL. */
export const OrderFiltersSchema = z.object({
  view: z.optional(OrdersViewSchema),
  status: z.optional(OrderStatusSchema),
  provider: z.optional(ProviderSchema),
  provisioning: z.optional(ProvisioningFilterSchema),
  q: z.optional(z.string().check(z.trim(), z.maxLength(SEARCH_MAX_LENGTH))),
});
export type OrderFilters = z.infer<typeof OrderFiltersSchema>;

export const ORDERS_PAGE_MAX = 500;

/**
 * Query of `GET /api/orders`: the filters plus cursor pagination. Without `limit` every match comes
 * back, as before pagination existed, so older clients keep working.
 */
export const OrdersQuerySchema = z.extend(OrderFiltersSchema, {
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(ORDERS_PAGE_MAX))),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type OrdersQuery = z.infer<typeof OrdersQuerySchema>;

export const OrderListResponseSchema = z.object({
  orders: z.array(OrderSchema),
  /** Every order matching the filters, across all pages. */
  total: z.int().check(z.nonnegative()),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.nullable(z.string()),
  /** How many orders need attention, whatever the filters: the badge every view shows. */
  attentionCount: z.int().check(z.nonnegative()),
  /** The backend's clock: ages ("stuck for 12 min") are measured against it, never against the browser's. */
  serverTime: IsoTimeSchema,
});
export type OrderListResponse = z.infer<typeof OrderListResponseSchema>;

export const OrderDetailResponseSchema = z.object({
  order: OrderSchema,
  attempts: z.array(AttemptSchema),
  audit: z.array(AuditEntrySchema),
  /** Admins only, once the server is ready; null for support agents and unfinished orders. */
  credentials: z.nullable(CredentialsSchema),
  serverTime: IsoTimeSchema,
});
export type OrderDetailResponse = z.infer<typeof OrderDetailResponseSchema>;
