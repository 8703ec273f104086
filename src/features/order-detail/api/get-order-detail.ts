import { useQuery } from '@tanstack/react-query';
import { getOrderQueryOptions } from '@/features/orders';

/** A run moves on its own server-side; the detail follows it only while one is under way. */
const POLL_WHILE_RUNNING_MS = 2_000;

export function useOrderDetail(orderId: string) {
  return useQuery({
    ...getOrderQueryOptions(orderId),
    refetchInterval: (query) => (query.state.data?.order.activeRun ? POLL_WHILE_RUNNING_MS : false),
  });
}
