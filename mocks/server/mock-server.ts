import type { ScenarioDocument } from '@/contract/scenario-document';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { MAX_BODY_BYTES } from '@/contract/errors';
import { MAX_CONTROL_BODY_BYTES } from '@/contract/mock-control';
import { bodyTooLargeResponse, errorResponse } from '../handlers/http-helpers';
import { isBodyTooLarge, sendResponse, toFetchRequest } from './http-adapter';
import { TENANT_HEADER, TenantPool, tenantOf } from './tenants';

export const DEFAULT_PORT = 4010;
export const DEFAULT_MAX_TENANTS = 50;

export type MockServerOptions = {
  port: number;
  /** Loopback unless told otherwise: the control API lets anyone who reaches it rewrite the backend. */
  host: string;
  stateDir: string;
  /** How many tenants' backends are held in memory at once (the rest wait on disk). */
  maxTenants: number;
  /** What a tenant without saved state starts from instead of `default` (see `TenantPool`). */
  scenario?: ScenarioDocument;
};

export type RunningMockServer = { url: string; tenants: TenantPool; close: () => Promise<void> };

/**
 * The mock backend as an HTTP server: the handlers the browser worker and Node tests use, one
 * backend per tenant (`X-Mock-Tenant`), each saved to its file after every change.
 */
export async function startMockServer({
  port,
  host,
  stateDir,
  maxTenants,
  scenario,
}: MockServerOptions): Promise<RunningMockServer> {
  const tenants = new TenantPool(stateDir, maxTenants, scenario);
  const server = createServer((req, res) => void answerSafely(tenants, req, res));
  // `Expect: 100-continue` (curl's habit for large bodies): a body refused on its length is never sent.
  server.on('checkContinue', (req, res) => void answerSafely(tenants, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    tenants,
    close: () =>
      new Promise<void>((resolve) => {
        tenants.close();
        server.close(() => resolve());
        // Open keep-alive connections and requests held by a `hang` fault would keep it open.
        server.closeAllConnections();
      }),
  };
}

/** One request that fails, whatever the reason, is a 500 (or a dropped connection) for that request alone, never the server's end. */
async function answerSafely(tenants: TenantPool, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await answer(tenants, req, res);
  } catch (error) {
    console.error(`Mock server: could not answer ${req.method} ${req.url}`, error);
    if (res.headersSent) return void res.destroy();
    await sendResponse(
      req,
      res,
      errorResponse(500, 'INTERNAL_ERROR', 'The mock server failed to answer; see the server log'),
    ).catch(() => res.destroy());
  }
}

/** Methods a fetch Request cannot carry, so no handler could see them. */
const UNSERVED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

async function answer(tenants: TenantPool, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const abort = new AbortController();
  // The client went away before its answer: the handler's `request.signal` aborts (a `hang` fault stops waiting).
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const send = (response: Response) => sendResponse(req, res, response);

  const url = requestUrl(req.url ?? '');
  if (!url) return send(errorResponse(400, 'INVALID_REQUEST', 'The request target must be a path'));
  const tenant = tenantOf(req.headers[TENANT_HEADER]);
  if (!tenant.ok) return send(errorResponse(400, 'INVALID_REQUEST', tenant.message));
  const limitBytes = url.pathname.startsWith('/__mock/') ? MAX_CONTROL_BODY_BYTES : MAX_BODY_BYTES;
  // Refused on its declared length, before a byte of it is read.
  if (Number(req.headers['content-length']) > limitBytes) return send(bodyTooLargeResponse(limitBytes));
  if (UNSERVED_METHODS.has(req.method ?? '')) {
    return send(errorResponse(404, 'NOT_FOUND', `No such endpoint: ${req.method} ${url.pathname}`));
  }
  if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue();

  const lease = tenants.acquire(tenant.tenant);
  try {
    const request = toFetchRequest(req, url, { limitBytes, signal: abort.signal });
    let response: Response | undefined;
    try {
      response = await getResponse(lease.handlers, request);
    } catch (error) {
      if (isBodyTooLarge(error)) return await send(bodyTooLargeResponse(limitBytes));
      if (abort.signal.aborted) return;
      console.error(`Mock server: a handler failed on ${req.method} ${url.pathname}`, error);
      return await send(errorResponse(500, 'INTERNAL_ERROR', 'The mock backend failed to answer; see the server log'));
    }
    // The handler list ends with JSON 404s for /api/* and /__mock/*; this is for any other path.
    if (!response)
      return await send(errorResponse(404, 'NOT_FOUND', `No such endpoint: ${req.method} ${url.pathname}`));
    // `HttpResponse.error()`, the mock's simulated network failure: the connection drops without an answer.
    if (response.type === 'error') return void res.destroy();
    await send(response);
  } finally {
    lease.release();
  }
}

/** The request's URL from its target, which must be a path (`//api` stays a path, not a host). */
function requestUrl(target: string): URL | null {
  if (!target.startsWith('/')) return null;
  try {
    return new URL(`http://mock-server${target}`);
  } catch {
    return null;
  }
}
