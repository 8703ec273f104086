import { useQuery } from '@tanstack/react-query';
import { getOrderQueryOptions, POLL_WHILE_RUNNING_MS } from '@/features/orders';

/** A run moves on its own server-side; the detail follows it only while one is under way, like the list. */
export function useOrderDetail(orderId: string) {
  return useQuery({
    ...getOrderQueryOptions(orderId),
    refetchInterval: (query) => (query.state.data?.order.activeRun ? POLL_WHILE_RUNNING_MS : false),
  });
}
