import { delay, HttpResponse } from 'msw';
import { HANG_MS, type ApiFault, type ApiRoute } from '@/contract/mock-control';
import { MAX_BODY_BYTES } from '@/contract/errors';
import type { z } from '@/lib/zod';
import type { ErrorCode } from '@/contract/errors';
import type { User } from '@/contract/session-api';
import type { MockBackend } from '../backend/mock-backend';
import type { Authentication } from '../backend/sessions';

const READ_ROUTES: ReadonlySet<ApiRoute> = new Set(['listOrders', 'getOrder', 'getSession']);

/**
 * `HttpResponse.json` without the Content-Length it measures by building a Blob: in Chromium every
 * Blob is registered with the browser process, a round trip that a page of orders cannot afford.
 */
export function jsonResponse(
  body: unknown,
  { status, headers }: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new HttpResponse(JSON.stringify(body), {
    ...(status ? { status } : {}),
    headers: { ...headers, 'content-type': 'application/json' },
  });
}

export function errorResponse(status: number, code: ErrorCode, message: string) {
  return jsonResponse({ success: false, code, message }, { status });
}

/** The answer to a body over `limitBytes`, from a handler or from the standalone server before it reads the rest. */
export function bodyTooLargeResponse(limitBytes: number) {
  return errorResponse(400, 'INVALID_REQUEST', `Request body is larger than ${limitBytes} bytes`);
}

/** Reads a JSON request body; a wrong content type, an oversized body or one that is not JSON is a 400 with the reason. */
export async function readJsonBody(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<{ ok: true; json: unknown } | { ok: false; response: Response }> {
  // The media type exactly, parameters aside: `application/jsonp` or `application/json-patch+json` is not it.
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return invalidRequest('Content-Type must be application/json');
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > maxBytes) return { ok: false, response: bodyTooLargeResponse(maxBytes) };
  const text = new TextDecoder().decode(bytes);
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return invalidRequest('Request body is not valid JSON');
  }
}

/** Parses a JSON request body against a schema; a malformed, oversized or mistyped body is a 400 with the reason. */
export async function parseJsonBody<S extends z.ZodMiniType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return invalidRequest(`Invalid request: ${where}${issue?.message ?? 'unexpected shape'}`);
  }
  return { ok: true, data: parsed.data };
}

function invalidRequest(message: string): { ok: false; response: Response } {
  return { ok: false, response: errorResponse(400, 'INVALID_REQUEST', message) };
}

type Params = Record<string, string | readonly string[] | undefined>;
type HandlerInput = { request: Request; params: Params };

/**
 * Wraps an API handler with what the scenario says about the console's own API (latency and
 * injected faults) and writes the answer into the request journal.
 */
export function publicRoute(
  backend: MockBackend,
  route: ApiRoute,
  resolve: (input: HandlerInput) => Promise<Response> | Response,
) {
  return async ({ request, params }: HandlerInput) => {
    const latencyMs = backend.apiLatencyMs();
    if (latencyMs > 0) await delay(latencyMs);
    const fault = backend.nextFault(route);
    const url = new URL(request.url);
    const path = `${url.pathname}${url.search}`;
    if (fault?.kind === 'networkError') {
      backend.recordRequest({ method: request.method, path, status: null, code: 'NETWORK_ERROR' });
      return HttpResponse.error();
    }
    const response = fault ? await faultResponse(fault, request.signal) : await resolve({ request, params });
    // A successful read's body carries no code: parsing a page of orders to find none is not worth it.
    const code = response.ok && READ_ROUTES.has(route) ? null : await responseCode(response);
    backend.recordRequest({ method: request.method, path, status: response.status, code });
    return response;
  };
}

/** What a fault answers instead of the route, which never runs: the backend stays as it was. */
async function faultResponse(
  fault: Exclude<ApiFault, { kind: 'networkError' }>,
  signal: AbortSignal,
): Promise<Response> {
  switch (fault.kind) {
    case 'status':
      return errorResponse(fault.status, fault.code, fault.message);
    case 'hang':
      // Or until the client gives up, if it does first: nobody is left to answer, and in Node tests
      // the answer would otherwise land in a later test's request journal.
      await Promise.race([delay(HANG_MS), aborted(signal)]);
      return errorResponse(503, 'SERVICE_UNAVAILABLE', `No answer within ${HANG_MS / 1000} s`);
    case 'malformedJson':
      return new HttpResponse('{"orders": [', { status: 200, headers: { 'content-type': 'application/json' } });
    case 'contractViolation':
      return jsonResponse({ unexpected: true, hint: 'this answer does not match the API contract' });
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * A route for signed-in users (reads) or admins only (every change): anyone else gets the 401 or
 * 403, whatever the console shows.
 */
export function apiRoute(
  backend: MockBackend,
  route: ApiRoute,
  access: 'signedIn' | 'admin',
  resolve: (input: HandlerInput & { user: User }) => Promise<Response> | Response,
) {
  return publicRoute(backend, route, ({ request, params }) => {
    const caller = authorize(backend.authenticate(request.headers.get('authorization')), access);
    return caller instanceof Response ? caller : resolve({ request, params, user: caller });
  });
}

/** The signed-in user, or the 401/403 that refuses the request whatever the console shows. */
function authorize(authentication: Authentication, access: 'signedIn' | 'admin'): User | Response {
  switch (authentication.kind) {
    case 'missing':
      return errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue');
    case 'unknown':
      return errorResponse(401, 'UNAUTHENTICATED', 'Your session is no longer valid. Sign in again.');
    case 'expired':
      return errorResponse(401, 'SESSION_EXPIRED', 'Your session has expired. Sign in again to continue.');
    case 'user':
      if (access === 'admin' && authentication.user.role !== 'admin') {
        return errorResponse(
          403,
          'FORBIDDEN',
          'Support agents have read-only access: only admins can provision, retry or resolve orders',
        );
      }
      return authentication.user;
  }
}

async function responseCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string'
      ? body.code
      : null;
  } catch {
    return null;
  }
}
