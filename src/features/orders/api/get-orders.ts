import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  OrderListResponseSchema,
  type OrderFilters,
  type OrderListResponse,
  type OrdersQuery,
} from '@/contract/orders-api';
import { apiRequest } from '@/lib/api-client';
import { listRefreshDelay } from '../refresh';
import { orderKeys } from './order-keys';

/** Enough rows to fill a tall screen twice; further pages load as the admin scrolls. */
export const ORDERS_PAGE_SIZE = 50;

export function getOrders(query: OrdersQuery, signal?: AbortSignal): Promise<OrderListResponse> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return apiRequest(`/api/orders?${params.toString()}`, OrderListResponseSchema, { signal });
}

export function getOrdersQueryOptions(filters: OrderFilters) {
  return infiniteQueryOptions({
    queryKey: orderKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      getOrders({ ...filters, limit: ORDERS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Typing in the search box must not blank the table between two answers.
    placeholderData: keepPreviousData,
    refetchInterval: (query) => {
      const pages = query.state.data?.pages;
      const first = pages?.[0];
      if (!pages || !first) return false;
      return listRefreshDelay(
        pages.flatMap((page) => page.orders),
        Date.parse(first.serverTime),
      );
    },
  });
}

export function useOrders(filters: OrderFilters) {
  return useInfiniteQuery(getOrdersQueryOptions(filters));
}
