import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ResolveResponseSchema, type ResolveRequest } from '@/contract/provision-api';
import { orderKeys } from '@/features/orders';
import { apiRequest } from '@/lib/api-client';

export function resolveOrder(request: ResolveRequest) {
  return apiRequest('/api/orders/resolve', ResolveResponseSchema, { method: 'POST', body: request });
}

export function useResolveOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveOrder,
    // A refusal (409) also means the console's copy was out of date. Returning the promise keeps the
    // mutation pending until the list and the detail show the outcome.
    onSettled: (_answer, _error, { orderId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) }),
      ]),
  });
}
