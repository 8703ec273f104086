import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProvisionResponseSchema, type ProvisionRequest, type ProvisionResponse } from '@/contract/provision-api';
import { orderKeys } from '@/features/orders';
import { apiRequest } from '@/lib/api-client';

export function provisionOrder(request: ProvisionRequest): Promise<ProvisionResponse> {
  return apiRequest('/api/orders/provision', ProvisionResponseSchema, { method: 'POST', body: request });
}

export function useProvisionOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: provisionOrder,
    // Every answer, errors included, may mean the list is out of date. Returning the promise keeps
    // the mutation pending until the refetch landed, so the button never flashes back to idle.
    onSettled: (_answer, _error, { orderId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) }),
      ]),
  });
}
