import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';

const MAX_QUERY_RETRIES = 1;

/** A 4xx will not change by asking again; a network blip or a 5xx might. */
function retryUnlessClientError(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status !== null && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_QUERY_RETRIES;
}

/** Tests pass `retry: false` so a failing answer shows at once. */
export function createQueryClient({ retry = true }: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, retry: retry ? retryUnlessClientError : false },
      // A provision request is not idempotent from the admin's view: never send it twice on our own.
      mutations: { retry: false },
    },
  });
}
