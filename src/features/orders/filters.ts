import { z } from '@/lib/zod';
import { OrderFiltersSchema, type OrderFilters } from '@/contract/orders-api';

const { shape } = OrderFiltersSchema;

/** Lenient twin of `OrderFiltersSchema` for URLs: a bad value drops that one filter, never the page. */
const UrlFiltersSchema = z.object({
  view: z.catch(shape.view, undefined),
  status: z.catch(shape.status, undefined),
  provider: z.catch(shape.provider, undefined),
  provisioning: z.catch(shape.provisioning, undefined),
  q: z.catch(shape.q, undefined),
});

/**
 * Every filter comes back, `undefined` when absent or invalid: the router merges this over the raw
 * search, so a key left out would let the raw (invalid) value through.
 */
export function parseOrderFilters(search: Record<string, unknown>): OrderFilters {
  const { view, status, provider, provisioning, q } = UrlFiltersSchema.parse(search);
  return { view, status, provider, provisioning, q: q || undefined };
}

/** What "Clear filters" clears: the view (all orders or Needs attention) is a tab, not a filter. */
export const noFilters = {
  status: undefined,
  provider: undefined,
  provisioning: undefined,
  q: undefined,
} satisfies Record<Exclude<keyof OrderFilters, 'view'>, undefined>;

export function hasFilters({ view: _view, ...filters }: OrderFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}
