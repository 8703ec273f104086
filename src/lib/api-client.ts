import type { z } from '@/lib/zod';
import { ApiErrorBodySchema } from '@/contract/errors';
import { readSessionToken } from './session-token';

/** What went wrong, in the words the console shows: the server's own code and message where it sent one. */
export type ApiErrorKind = 'server' | 'network' | 'timeout' | 'malformed';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number | null,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const REQUEST_TIMEOUT_MS = 20_000;
let requestTimeoutMs = REQUEST_TIMEOUT_MS;

/**
 * Tests only: how long a request may take before the client gives up, so a test of a server that
 * never answers takes milliseconds, not 20 s. Returns the function that restores the previous value.
 */
export function overrideRequestTimeoutForTests(ms: number): () => void {
  const previous = requestTimeoutMs;
  requestTimeoutMs = ms;
  return () => {
    requestTimeoutMs = previous;
  };
}

type RequestOptions = { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown; signal?: AbortSignal };

/**
 * Calls the API and parses the answer with the contract. Answers the contract allows on a non-2xx
 * status (e.g. 409 PROVISIONING_IN_PROGRESS) come back as data; any other failure throws `ApiError`.
 */
export async function apiRequest<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  { method = 'GET', body, signal }: RequestOptions = {},
): Promise<z.infer<S>> {
  const url = new URL(path, globalThis.location.origin);
  const timeoutMs = requestTimeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const token = readSessionToken();
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) {
      throw new ApiError('timeout', null, 'TIMEOUT', `The server did not answer within ${timeoutMs / 1000} s`);
    }
    throw new ApiError('network', null, 'NETWORK_ERROR', 'Could not reach the server: check your connection');
  }

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(
      'malformed',
      response.status,
      'MALFORMED_RESPONSE',
      `The server sent an unreadable answer (HTTP ${response.status})`,
    );
  }

  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;

  const errorBody = ApiErrorBodySchema.safeParse(json);
  if (errorBody.success) {
    throw new ApiError('server', response.status, errorBody.data.code, errorBody.data.message);
  }
  if (!response.ok) {
    throw new ApiError(
      'server',
      response.status,
      `HTTP_${response.status}`,
      `The server failed (HTTP ${response.status})`,
    );
  }
  throw new ApiError('malformed', response.status, 'UNEXPECTED_RESPONSE', 'The server answered in an unexpected shape');
}
