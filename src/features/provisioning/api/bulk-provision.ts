import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  BulkProvisionResponseSchema,
  type BulkProvisionRequest,
  type BulkProvisionResponse,
} from '@/contract/provision-api';
import { orderKeys } from '@/features/orders';
import { apiRequest } from '@/lib/api-client';

export function bulkProvision(request: BulkProvisionRequest): Promise<BulkProvisionResponse> {
  return apiRequest('/api/orders/provision/bulk', BulkProvisionResponseSchema, { method: 'POST', body: request });
}

export function useBulkProvision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkProvision,
    // Pending until the list shows the new states, so the bar never offers a second click on stale rows.
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}
