import { useMutation } from '@tanstack/react-query';
import { MockFaultResponseSchema, type MockFaultRequest } from '@/contract/mock-control';
import { apiRequest } from '@/lib/api-client';

/** The next `times` requests of `route` answer with `fault`. */
export async function injectFault(request: MockFaultRequest): Promise<void> {
  await apiRequest('/__mock/faults', MockFaultResponseSchema, { method: 'POST', body: request });
}

/**
 * Not a control mutation: nothing is refetched, since a refetch would spend the faults on the
 * panel's own requests instead of leaving them for the admin's next ones.
 */
export function useInjectFault() {
  return useMutation({ mutationFn: injectFault });
}
