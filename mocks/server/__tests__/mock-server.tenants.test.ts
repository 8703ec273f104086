import { readdirSync } from 'node:fs';
import { expect, test, vi } from 'vitest';
import { RequestLogResponseSchema } from '@/contract/mock-control';
import { MINUTE_MS } from '@/lib/time';
import { errorOf, startTestServer } from './server-test-kit';

test('a request without X-Mock-Tenant is the default tenant; a named tenant has a backend of its own', async () => {
  const server = await startTestServer();
  await server.reset(undefined, 'empty');
  await server.reset('alice', 'smartvps-down');

  expect((await server.state()).scenario).toBe('empty');
  expect((await server.state('default')).scenario).toBe('empty');
  expect((await server.state('alice')).scenario).toBe('smartvps-down');
  expect((await server.state('bob')).scenario).toBe('default');
  expect((await server.state()).runsIn).toBe('server');
});

test.each([
  ['empty', ''],
  ['65 characters', 'a'.repeat(65)],
  ['a space', 'my tenant'],
  ['a letter outside ASCII', 'café'],
  ['a dot', 'a.b'],
])('a tenant header with %s is refused 400 INVALID_REQUEST, and no backend is made for it', async (_, tenant) => {
  const server = await startTestServer();
  const before = readdirSync(server.tenants.stateDir);

  const response = await server.call('GET', '/__mock/state', { tenant });

  expect(await errorOf(response)).toEqual({
    status: 400,
    success: false,
    code: 'INVALID_REQUEST',
    message: 'X-Mock-Tenant must be 1 to 64 characters: letters, digits, "-" or "_"',
  });
  expect(server.tenants.liveTenants()).toEqual([]);
  expect(readdirSync(server.tenants.stateDir)).toEqual(before);
});

test('64 letters, digits, "-" and "_" make a tenant, and tenants differing only in case are two', async () => {
  const server = await startTestServer();
  const long = `${'a1-_'.repeat(15)}Abcd`;
  await server.reset(long, 'empty');
  await server.reset('abcd', 'bulk-backlog');

  expect((await server.state(long)).scenario).toBe('empty');
  expect((await server.state('ABCD')).scenario).toBe('default');
  expect((await server.state('abcd')).scenario).toBe('bulk-backlog');
});

test('20 tenants × 20 simultaneous provisions of one order: one run and one purchase per order per tenant, and no tenant sees another’s', async () => {
  const server = await startTestServer();
  const tenants = Array.from({ length: 20 }, (_, index) => `load-${index}`);
  // Half provision a fresh SmartVPS order, half retry a failed Hostycare one: each must see only its own purchase.
  const orderOf = (index: number) => (index % 2 === 0 ? 'ORD-1001' : 'ORD-1005');
  const tokens = await Promise.all(tenants.map((tenant) => server.reset(tenant)));

  const statuses = await Promise.all(
    tenants.map(async (tenant, index) =>
      (
        await Promise.all(
          Array.from({ length: 20 }, () => server.provision(orderOf(index), tokens[index] ?? null, tenant)),
        )
      ).toSorted(),
    ),
  );
  for (const perTenant of statuses) expect(perTenant).toEqual([202, ...Array<number>(19).fill(409)]);

  await Promise.all(tenants.map((tenant) => server.advance(10 * MINUTE_MS, tenant)));
  for (const [index, tenant] of tenants.entries()) {
    // ORD-1007 and ORD-1008 provision themselves in the default scenario.
    expect(await server.purchases(tenant)).toEqual([orderOf(index), 'ORD-1007', 'ORD-1008'].toSorted());
    expect((await server.order(orderOf(index), tokens[index] ?? null, tenant)).status).toBe('active');
  }

  await server.reset('load-0', 'empty');
  expect((await server.state('load-0')).scenario).toBe('empty');
  expect((await server.state('load-1')).scenario).toBe('default');
  expect(await server.purchases('load-1')).toEqual(['ORD-1005', 'ORD-1007', 'ORD-1008']);
  // About 2 s on an idle machine (seeding 20 backends, 400 provisions, a file save each); far more when tests share the cores.
}, 30_000);

test('beyond --max-tenants the tenant idle longest is unloaded, logged, and comes back from its file as it was', async () => {
  const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
  const server = await startTestServer({ maxTenants: 2 });
  const token = await server.reset('first');
  expect(await server.provision('ORD-1001', token, 'first')).toBe(202);

  await server.state('second');
  await server.state('third');

  expect(server.tenants.liveTenants()).toEqual(['second', 'third']);
  expect(info).toHaveBeenCalledWith(expect.stringContaining('unloaded tenant "first"'));

  // Its journal, its run, its session and its paused clock are as they were: the run completes with one purchase.
  const { requests } = RequestLogResponseSchema.parse(
    await (await server.call('GET', '/__mock/requests', { tenant: 'first' })).json(),
  );
  expect(requests).toContainEqual(expect.objectContaining({ path: '/api/orders/provision', status: 202 }));
  await server.advance(10 * MINUTE_MS, 'first');
  expect(await server.purchases('first')).toEqual(['ORD-1001', 'ORD-1007', 'ORD-1008']);
  expect((await server.order('ORD-1001', token, 'first')).status).toBe('active');
  expect(await server.provision('ORD-1001', token, 'first')).toBe(200);
  expect(server.tenants.liveTenants()).toEqual(['third', 'first']);
  expect(info).toHaveBeenCalledWith(expect.stringContaining('unloaded tenant "second"'));
});

test('a tenant answering a request is not unloaded, even when it is the one idle longest', async () => {
  const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
  const server = await startTestServer({ maxTenants: 1 });
  const token = await server.reset('busy');
  await server.call('POST', '/__mock/faults', {
    tenant: 'busy',
    body: { route: 'listOrders', fault: { kind: 'hang' } },
  });
  const client = new AbortController();
  const hanging = fetch(`${server.url}/api/orders`, {
    headers: { 'x-mock-tenant': 'busy', authorization: `Bearer ${token}` },
    signal: client.signal,
  }).catch(() => 'aborted');
  await vi.waitFor(() => expect(server.tenants.requestsInFlight('busy')).toBe(1));

  // Two copies of one tenant would write one file: the newcomer makes room instead, once it has answered.
  expect((await server.state('other')).scenario).toBe('default');
  expect(server.tenants.liveTenants()).toEqual(['busy']);
  expect(info).toHaveBeenCalledWith(expect.stringContaining('unloaded tenant "other"'));
  expect(info).not.toHaveBeenCalledWith(expect.stringContaining('unloaded tenant "busy"'));

  client.abort();
  expect(await hanging).toBe('aborted');
  await vi.waitFor(() => expect(server.tenants.requestsInFlight('busy')).toBe(0));
});
