import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { OrderListResponseSchema, type OrderFilters, type OrderListResponse } from '@/contract/orders-api';
import { apiRequest } from '@/lib/api-client';
import { orderKeys } from './order-keys';

/** Runs move on their own server-side; the list follows them only while one is under way. */
const POLL_WHILE_RUNNING_MS = 2_000;

export function getOrders(filters: OrderFilters, signal?: AbortSignal): Promise<OrderListResponse> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return apiRequest(query ? `/api/orders?${query}` : '/api/orders', OrderListResponseSchema, { signal });
}

export function getOrdersQueryOptions(filters: OrderFilters) {
  return queryOptions({
    queryKey: orderKeys.list(filters),
    queryFn: ({ signal }) => getOrders(filters, signal),
    // Typing in the search box must not blank the table between two answers.
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.orders.some((order) => order.activeRun !== null) ? POLL_WHILE_RUNNING_MS : false,
  });
}

export function useOrders(filters: OrderFilters) {
  return useQuery(getOrdersQueryOptions(filters));
}
