import { delay, HttpResponse } from 'msw';
import type { z, ZodType } from 'zod';
import type { ErrorCode } from '@/contract/errors';
import type { MockBackend } from '../backend';
import type { ApiRoute } from '../scenarios/scenario';

/** Larger bodies are refused before parsing: no legitimate request of this API comes near it. */
const MAX_BODY_BYTES = 10_000;

export function errorResponse(status: number, code: ErrorCode, message: string) {
  return HttpResponse.json({ success: false, code, message }, { status });
}

/** Parses a JSON request body against a schema; a malformed, oversized or mistyped body is a 400 with the reason. */
export async function parseJsonBody<S extends ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const invalid = (message: string) => ({ ok: false as const, response: errorResponse(400, 'INVALID_REQUEST', message) });
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    return invalid('Content-Type must be application/json');
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return invalid(`Request body is larger than ${MAX_BODY_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid('Request body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return invalid(`Invalid request: ${where}${issue?.message ?? 'unexpected shape'}`);
  }
  return { ok: true, data: parsed.data };
}

/**
 * Wraps an API handler with what the scenario says about the console's own API (latency and
 * injected faults) and writes the answer into the request journal.
 */
export function apiRoute(
  backend: MockBackend,
  route: ApiRoute,
  resolve: (request: Request, params: Record<string, string | readonly string[] | undefined>) => Promise<Response> | Response,
) {
  return async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
    const { latencyMs, faults } = backend.scenario.api;
    if (latencyMs) await delay(latencyMs[0] + Math.random() * (latencyMs[1] - latencyMs[0]));
    const fault = backend.nextFault(faults?.[route], route);
    const url = new URL(request.url);
    const path = `${url.pathname}${url.search}`;
    if (fault?.kind === 'networkError') {
      backend.recordRequest({ method: request.method, path, status: null, code: 'NETWORK_ERROR' });
      return HttpResponse.error();
    }
    const response = fault ? errorResponse(fault.status, fault.code, fault.message) : await resolve(request, params);
    backend.recordRequest({ method: request.method, path, status: response.status, code: await responseCode(response) });
    return response;
  };
}

async function responseCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' ? body.code : null;
  } catch {
    return null;
  }
}
