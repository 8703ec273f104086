import { z } from '@/lib/zod';
import { OrderFiltersSchema, type OrderFilters } from '@/contract/orders-api';

const { shape } = OrderFiltersSchema;

/** Lenient twin of `OrderFiltersSchema` for URLs: a bad value drops that one filter, never the page. */
const UrlFiltersSchema = z.object({
  status: shape.status.catch(undefined),
  provider: shape.provider.catch(undefined),
  provisioning: shape.provisioning.catch(undefined),
  q: shape.q.catch(undefined),
});

/**
 * Every filter comes back, `undefined` when absent or invalid: the router merges this over the raw
 * search, so a key left out would let the raw (invalid) value through.
 */
export function parseOrderFilters(search: Record<string, unknown>): OrderFilters {
  const { status, provider, provisioning, q } = UrlFiltersSchema.parse(search);
  return { status, provider, provisioning, q: q || undefined };
}

export const noFilters = {
  status: undefined,
  provider: undefined,
  provisioning: undefined,
  q: undefined,
} satisfies Record<keyof OrderFilters, undefined>;

export function hasFilters(filters: OrderFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}
