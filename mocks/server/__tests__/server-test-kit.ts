import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { ApiErrorBodySchema } from '@/contract/errors';
import {
  MockResetResponseSchema,
  MockStateSchema,
  UpstreamCallsResponseSchema,
  type MockStartSession,
} from '@/contract/mock-control';
import { OrderDetailResponseSchema } from '@/contract/orders-api';
import type { ScenarioDocument } from '@/contract/scenario-document';
import { startMockServer, type RunningMockServer } from '../mock-server';

/**
 * The real server, in this process, on a free port and a state folder of its own; everything a test
 * started is stopped and removed after it.
 */
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).toReversed()) await cleanup();
});

export function temporaryStateDir(): string {
  const stateDir = mkdtempSync(join(tmpdir(), 'mock-server-test-'));
  cleanups.push(() => rmSync(stateDir, { recursive: true, force: true }));
  return stateDir;
}

export type TestServer = RunningMockServer & ReturnType<typeof clientOf>;

export async function startTestServer({
  stateDir = temporaryStateDir(),
  maxTenants = 50,
  scenario,
}: { stateDir?: string; maxTenants?: number; scenario?: ScenarioDocument } = {}): Promise<TestServer> {
  const server = await startMockServer({
    port: 0,
    host: '127.0.0.1',
    stateDir,
    maxTenants,
    ...(scenario ? { scenario } : {}),
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  cleanups.push(close);
  return { ...server, close, ...clientOf(server.url) };
}

/** Requests to a server as one tenant (none: the default one) would send them. */
export function clientOf(url: string) {
  function call(
    method: string,
    path: string,
    { tenant, token, body }: { tenant?: string; token?: string | null; body?: unknown } = {},
  ): Promise<Response> {
    return fetch(`${url}${path}`, {
      method,
      headers: {
        ...(tenant === undefined ? {} : { 'x-mock-tenant': tenant }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function ok(response: Response): Promise<unknown> {
    if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }

  return {
    call,
    /** The scenario's seed on a paused clock, signed in as it says (or `as`): the session's token. */
    async reset(tenant?: string, scenario = 'default', as?: MockStartSession) {
      const { sessionToken } = MockResetResponseSchema.parse(
        await ok(await call('POST', '/__mock/reset', { tenant, body: { scenario, ...(as ? { as } : {}) } })),
      );
      await ok(await call('POST', '/__mock/clock', { tenant, body: { paused: true } }));
      return sessionToken;
    },
    async state(tenant?: string) {
      return MockStateSchema.parse(await ok(await call('GET', '/__mock/state', { tenant })));
    },
    async advance(ms: number, tenant?: string) {
      return MockStateSchema.parse(await ok(await call('POST', '/__mock/clock/advance', { tenant, body: { ms } })));
    },
    /** Successful purchases (buyVps, createService), by order id. */
    async purchases(tenant?: string) {
      const { calls } = UpstreamCallsResponseSchema.parse(
        await ok(await call('GET', '/__mock/upstream-calls', { tenant })),
      );
      return calls
        .filter(({ operation, outcome }) => operation !== 'statusCheck' && outcome === 'succeeded')
        .map(({ orderId }) => orderId)
        .toSorted();
    },
    async order(orderId: string, token: string | null, tenant?: string) {
      return OrderDetailResponseSchema.parse(await ok(await call('GET', `/api/orders/${orderId}`, { tenant, token })))
        .order;
    },
    async provision(orderId: string, token: string | null, tenant?: string) {
      return (await call('POST', '/api/orders/provision', { tenant, token, body: { orderId } })).status;
    },
  };
}

/** The error body every refusal carries. */
export async function errorOf(response: Response) {
  return { status: response.status, ...ApiErrorBodySchema.parse(await response.json()) };
}
