import * as fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ApiErrorBodySchema } from '@/contract/errors';
import { OrderDetailResponseSchema, OrderListResponseSchema } from '@/contract/orders-api';
import { BulkProvisionResponseSchema, type ProvisionOutcomeCode } from '@/contract/provision-api';
import { SessionResponseSchema } from '@/contract/session-api';
import { createMockServer } from '../../node';

import {
  admin,
  auth,
  endpoints,
  existingIds,
  hostileBody,
  REFUSED_FOR_RESOLVE,
  UNTOUCHABLE,
  type Auth,
  type EndpointName,
  type HostileBody,
  type Verdict,
} from './hostile-requests';

/*
 * Hostile bodies for every endpoint that takes one: malformed JSON, wrong content types, missing,
 * extra, oversized and mistyped fields, prototype-pollution keys, unknown ids and ids of other
 * shapes, with and without a valid session. Each must be refused with an error body, and none may
 * change the backend: the list, the upstream journal, the orders' details. Only the audit trail
 * may grow, by the refusals of well-formed requests it exists to record.
 */

const { server, backend } = createMockServer();
const ORIGIN = 'http://console.test';
const NUM_RUNS = 200;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  backend.reset();
});
afterAll(() => server.close());

function send(path: string, request: HostileBody, caller: Auth): Promise<Response> {
  const headers: Record<string, string> = {
    ...(request.contentType === null ? {} : { 'content-type': request.contentType }),
    ...(caller.kind === 'admin'
      ? backend.authorization()
      : caller.kind === 'garbage'
        ? { authorization: caller.header }
        : {}),
  };
  // Bytes, so that no content type is added when the case has none.
  return fetch(`${ORIGIN}${path}`, { method: 'POST', headers, body: new TextEncoder().encode(request.body) });
}

/** The status a request must get, and the codes allowed in its answer (a bulk retry answers per order). */
function expectedAnswer(
  endpoint: EndpointName,
  verdict: Verdict,
  caller: Auth,
): { status: number; codes: readonly string[] } {
  if (endpoints[endpoint].adminOnly && caller.kind !== 'admin') return { status: 401, codes: ['UNAUTHENTICATED'] };
  switch (verdict) {
    case 'invalid':
      return { status: 400, codes: ['INVALID_REQUEST'] };
    case 'wrongCredentials':
      return { status: 401, codes: ['INVALID_CREDENTIALS'] };
    case 'unknownOrder':
      return endpoint === 'bulkProvision'
        ? { status: 200, codes: bulkRefusals }
        : { status: 404, codes: ['ORDER_NOT_FOUND'] };
    case 'refused':
      return endpoint === 'bulkProvision'
        ? { status: 200, codes: bulkRefusals }
        : { status: 409, codes: ['NOT_ELIGIBLE', 'PROVISIONING_IN_PROGRESS'] };
  }
}

/** Answers of a bulk retry that start nothing. */
const bulkRefusals: readonly ProvisionOutcomeCode[] = [
  'ALREADY_PROVISIONED',
  'PROVISIONING_IN_PROGRESS',
  'NOT_ELIGIBLE',
  'ORDER_NOT_FOUND',
];

/** The codes an answer carries: an error body's (with a message), or each order's of a bulk retry. */
function answerCodes(body: unknown): string[] {
  const error = ApiErrorBodySchema.safeParse(body);
  if (error.success) return [error.data.message.trim() === '' ? 'an error body without a message' : error.data.code];
  const bulk = BulkProvisionResponseSchema.safeParse(body);
  return bulk.success ? bulk.data.results.map((result) => result.code) : ['neither an error body nor a bulk answer'];
}

function api(path: string): Promise<Response> {
  return fetch(`${ORIGIN}${path}`, { headers: backend.authorization() });
}

async function detailOf(orderId: string) {
  return OrderDetailResponseSchema.parse(await (await api(`/api/orders/${orderId}`)).json());
}

/** The list as served (text: any change at all shows) and the upstream journal. */
async function observableState() {
  return { orders: await (await api('/api/orders')).text(), upstream: backend.upstreamCalls() };
}

describe.each(Object.keys(endpoints) as EndpointName[])('hostile bodies for %s', (endpoint) => {
  // About a second each; the margin is for a machine busy with other suites.
  test('are refused with an error body and change nothing but the audit of refusals', { timeout: 20_000 }, async () => {
    const list = OrderListResponseSchema.parse(await (await api('/api/orders')).json());
    existingIds.clear();
    for (const order of list.orders) existingIds.add(order._id);
    const before = await observableState();
    const untouchedBefore = await Promise.all(UNTOUCHABLE.map(detailOf));
    const refusedBefore = await Promise.all(REFUSED_FOR_RESOLVE.map(detailOf));
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);

    await fc.assert(
      fc.asyncProperty(hostileBody(endpoints[endpoint]), auth, async (request, caller) => {
        const response = await send(endpoints[endpoint].path, request, caller);
        const expected = expectedAnswer(endpoint, request.verdict, caller);
        expect(response.status).toBe(expected.status);
        expect(expected.codes).toEqual(expect.arrayContaining(answerCodes(await response.json())));
        expect(await observableState()).toEqual(before);
      }),
      { numRuns: NUM_RUNS },
    );

    // The orders a hostile request could have acted on are exactly as they were; the refused ones
    // only gained audit lines, each saying the request was refused.
    expect(await Promise.all(UNTOUCHABLE.map(detailOf))).toEqual(untouchedBefore);
    const refusedAfter = await Promise.all(REFUSED_FOR_RESOLVE.map(detailOf));
    expect(
      refusedAfter.map((detail, index) => ({
        ...detail,
        audit: detail.audit.slice(0, refusedBefore[index]?.audit.length),
      })),
    ).toEqual(refusedBefore);
    const addedAudit = refusedAfter.flatMap((detail, index) => detail.audit.slice(refusedBefore[index]?.audit.length));
    expect(bulkRefusals).toEqual(expect.arrayContaining(addedAudit.map((entry) => entry.result)));
    // Well-formed requests did reach the guard (sign-in has no audit).
    expect(addedAudit.length > 0).toBe(endpoint !== 'signIn');
    // The admin's session is intact, and no sign-in attempt let anyone in.
    expect(SessionResponseSchema.parse(await (await api('/api/session')).json()).user.email).toBe(admin.email);
    // JSON.parse makes `__proto__` an own key; nothing along the way may have merged it into a prototype.
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect('polluted' in {}).toBe(false);
    expect('isAdmin' in {}).toBe(false);
  });
});
