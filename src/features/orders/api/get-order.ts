import { queryOptions } from '@tanstack/react-query';
import { OrderDetailResponseSchema, type OrderDetailResponse } from '@/contract/orders-api';
import { apiRequest } from '@/lib/api-client';
import { orderKeys } from './order-keys';

export function getOrder(orderId: string, signal?: AbortSignal): Promise<OrderDetailResponse> {
  return apiRequest(`/api/orders/${encodeURIComponent(orderId)}`, OrderDetailResponseSchema, { signal });
}

export function getOrderQueryOptions(orderId: string) {
  return queryOptions({
    queryKey: orderKeys.detail(orderId),
    queryFn: ({ signal }) => getOrder(orderId, signal),
  });
}
