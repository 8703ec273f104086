import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ApiErrorBodySchema } from '@/contract/errors';
import type { UpstreamCall } from '@/contract/mock-control';
import { OrderDetailResponseSchema, OrderListResponseSchema } from '@/contract/orders-api';
import { BulkProvisionResponseSchema, ProvisionResponseSchema } from '@/contract/provision-api';
import { SignInResponseSchema } from '@/contract/session-api';
import { userWithRole } from '../../data/users';
import { createMockServer } from '../../node';
import { MINUTE_MS } from '@/lib/time';

/*
 * Many requests at the same moment, over the network, from several pages (each its own session,
 * two admins): the guard must let exactly one run start per order, and the runs must buy each
 * order once, one purchase of a package at a time. The tabs of a browser profile share one backend
 * (docs/mock-backend.md: In the browser), as a tenant's clients share one on the standalone server,
 * so one backend answering concurrent requests is the honest model of the race.
 */

const { server, backend } = createMockServer();
const ORIGIN = 'http://console.test';
const BURST = 100;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  backend.reset();
});
afterAll(() => server.close());

/** Pages of two admins, each signed in on its own: their tokens. */
async function openPages(count: number): Promise<string[]> {
  const admins = [userWithRole('admin'), { email: 'sam@reseller.test', password: 'sam-demo' }];
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const { email, password } = admins[index % admins.length] ?? userWithRole('admin');
      const response = await fetch(`${ORIGIN}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return SignInResponseSchema.parse(await response.json()).token;
    }),
  );
}

/** The pages take turns. */
function pageOf(pages: readonly string[], index: number): string {
  const page = pages[index % pages.length];
  if (page === undefined) throw new Error('no pages open');
  return page;
}

function post(token: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/** One click: the HTTP status and the answer's code, whether the contract calls it a success or an error. */
async function provision(token: string, orderId: string): Promise<{ orderId: string; status: number; code: string }> {
  const response = await post(token, '/api/orders/provision', { orderId });
  const body: unknown = await response.json();
  const answer = ProvisionResponseSchema.safeParse(body);
  return {
    orderId,
    status: response.status,
    code: answer.success ? answer.data.code : ApiErrorBodySchema.parse(body).code,
  };
}

async function bulkRetry(token: string, orderIds: readonly string[]) {
  const response = await post(token, '/api/orders/provision/bulk', { orderIds });
  return BulkProvisionResponseSchema.parse(await response.json()).results;
}

function api(path: string): Promise<Response> {
  return fetch(`${ORIGIN}${path}`, { headers: backend.authorization() });
}

const purchasesOf = (orderIds: readonly string[]) =>
  backend.upstreamCalls().filter((call) => call.operation === 'buyVps' && orderIds.includes(call.orderId));

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/**
 * Each order's purchase as a span of simulated time: from the buyVps call to the status check that
 * follows it, which starts the moment the purchase answers. The journal records when a call started.
 */
function purchaseSpans(calls: readonly UpstreamCall[]): { orderId: string; start: number; end: number }[] {
  return calls
    .filter((call) => call.operation === 'buyVps')
    .map((purchase) => {
      const start = Date.parse(purchase.at);
      const check = calls.find(
        (call) => call.orderId === purchase.orderId && call.operation === 'statusCheck' && Date.parse(call.at) >= start,
      );
      return { orderId: purchase.orderId, start, end: check ? Date.parse(check.at) : Infinity };
    })
    .toSorted((a, b) => a.start - b.start);
}

describe('concurrent provision requests', () => {
  test('100 at once for one order, from four pages: one run starts, the rest are told it is in progress, one VPS is bought', async () => {
    const pages = await openPages(4);

    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, index) => provision(pageOf(pages, index), 'ORD-1001')),
    );

    expect(countBy(answers, (answer) => `${answer.status} ${answer.code}`)).toEqual({
      '202 PROVISIONING_STARTED': 1,
      '409 PROVISIONING_IN_PROGRESS': BURST - 1,
    });
    backend.advance(10 * MINUTE_MS);
    expect(purchasesOf(['ORD-1001'])).toHaveLength(1);
    const detail = OrderDetailResponseSchema.parse(await (await api('/api/orders/ORD-1001')).json());
    expect(detail.order).toMatchObject({ status: 'active', provisioningStatus: 'active', activeRun: null });
    expect(detail.order.ipAddress).not.toBeNull();
    expect(new Set(detail.attempts.map((attempt) => attempt.runId)).size).toBe(1);
    // Every click is in the audit, with the answer it got.
    expect(countBy(detail.audit, (entry) => entry.result)).toEqual({
      PROVISIONING_STARTED: 1,
      PROVISIONING_IN_PROGRESS: BURST - 1,
    });

    // Once it is active, another burst is told so, and buys nothing.
    const later = await Promise.all(
      Array.from({ length: BURST }, (_, index) => provision(pageOf(pages, index), 'ORD-1001')),
    );
    expect(countBy(later, (answer) => `${answer.status} ${answer.code}`)).toEqual({ '200 ALREADY_PROVISIONED': BURST });
    expect(purchasesOf(['ORD-1001'])).toHaveLength(1);
  });

  test('100 orders of one package at once, clicked and bulk-retried together: each bought once, one purchase at a time, all active', async () => {
    backend.reset('bulk-backlog');
    const orderIds = Array.from({ length: BURST }, (_, index) => `ORD-${2001 + index}`);
    const pages = await openPages(4);
    const [bulkPage = '', ...clickPages] = pages;

    // One page retries all of them while three others click each one, at the same moment.
    const [bulkResults, ...clicks] = await Promise.all([
      bulkRetry(bulkPage, orderIds),
      ...orderIds.map((orderId, index) => provision(pageOf(clickPages, index), orderId)),
    ]);
    const starts = [...bulkResults, ...clicks].filter((answer) => answer.code === 'PROVISIONING_STARTED');
    expect(countBy(starts, (answer) => answer.orderId)).toEqual(
      Object.fromEntries(orderIds.map((orderId) => [orderId, 1])),
    );
    expect(starts).toHaveLength(BURST);
    const others = [...bulkResults, ...clicks].filter((answer) => answer.code !== 'PROVISIONING_STARTED');
    expect(new Set(others.map((answer) => answer.code))).toEqual(new Set(['PROVISIONING_IN_PROGRESS']));

    // Clicked again while queued for the package or buying: in progress, every one.
    const meanwhile = await Promise.all(orderIds.map((orderId, index) => provision(pageOf(pages, index), orderId)));
    expect(countBy(meanwhile, (answer) => `${answer.status} ${answer.code}`)).toEqual({
      '409 PROVISIONING_IN_PROGRESS': BURST,
    });

    backend.advance(15 * MINUTE_MS);

    const calls = backend.upstreamCalls().filter((call) => orderIds.includes(call.orderId));
    expect(countBy(purchasesOf(orderIds), (call) => call.orderId)).toEqual(
      Object.fromEntries(orderIds.map((orderId) => [orderId, 1])),
    );
    expect(new Set(purchasesOf(orderIds).map((call) => call.packageId))).toEqual(new Set(['smartvps-2gb']));
    // Never two purchases of the package at once: each starts once the one before has answered.
    const spans = purchaseSpans(calls);
    const overlaps = spans.slice(1).filter((span, index) => span.start < (spans[index]?.end ?? -Infinity));
    expect(overlaps).toEqual([]);
    expect(spans.every((span) => span.end !== Infinity)).toBe(true);

    const list = OrderListResponseSchema.parse(await (await api('/api/orders')).json());
    const backlog = list.orders.filter((order) => orderIds.includes(order._id));
    expect(backlog).toHaveLength(BURST);
    expect(
      backlog.filter((order) => order.status !== 'active' || order.ipAddress === null || order.activeRun !== null),
    ).toEqual([]);

    const later = await Promise.all(orderIds.map((orderId, index) => provision(pageOf(pages, index), orderId)));
    expect(countBy(later, (answer) => `${answer.status} ${answer.code}`)).toEqual({ '200 ALREADY_PROVISIONED': BURST });
    expect(purchasesOf(orderIds)).toHaveLength(BURST);
  });
});
