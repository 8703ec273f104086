import { connect } from 'node:net';
import { expect, test, vi } from 'vitest';
import { RequestLogResponseSchema } from '@/contract/mock-control';
import { MockBackend } from '../../backend/mock-backend';
import { MAX_CONTROL_BODY_BYTES } from '@/contract/mock-control';
import { errorOf, startTestServer } from './server-test-kit';

/**
 * Writes `head` and `body` on a raw connection and leaves it open: whatever the server answers
 * comes back although the request's body was never sent whole.
 */
function rawExchange(url: string, head: string, body = ''): Promise<{ status: number; body: unknown; raw: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (raw += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [, text = ''] = raw.split('\r\n\r\n');
      resolve({ status: Number(raw.split(' ')[1]), body: JSON.parse(text), raw });
    });
    socket.write(`${head.replaceAll('\n', '\r\n')}\r\n\r\n${body}`);
  });
}

const tooLarge = (limit: number) => ({
  success: false,
  code: 'INVALID_REQUEST',
  message: `Request body is larger than ${limit} bytes`,
});

test('an API body declared over 10,000 bytes is refused 400 before a byte of it is sent, as the handler words it', async () => {
  const server = await startTestServer();
  const token = await server.reset();

  const answer = await rawExchange(
    server.url,
    `POST /api/orders/provision HTTP/1.1\nHost: mock\nContent-Type: application/json\nAuthorization: Bearer ${token}\nContent-Length: 4000000`,
  );

  expect(answer).toMatchObject({ status: 400, body: tooLarge(10_000) });
  expect(answer.raw).toMatch(/connection: close/i);
  expect(await server.purchases()).toEqual([]);
});

test('a chunked API body is refused 400 as soon as it passes 10,000 bytes, while the rest is still to come', async () => {
  const server = await startTestServer();
  const token = await server.reset();
  const chunk = `{"orderId": "${'x'.repeat(12_000)}`;

  const answer = await rawExchange(
    server.url,
    `POST /api/orders/provision HTTP/1.1\nHost: mock\nContent-Type: application/json\nAuthorization: Bearer ${token}\nTransfer-Encoding: chunked`,
    `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
  );

  expect(answer).toMatchObject({ status: 400, body: tooLarge(10_000) });
  expect((await server.order('ORD-1001', token)).activeRun).toBeNull();
});

test('the control API allows larger bodies, up to its own limit', async () => {
  const server = await startTestServer();
  // A scenario document, padded well past the console API's 10,000 bytes.
  const snapshot = await (await server.call('GET', '/__mock/snapshot')).text();
  const registered = await fetch(`${server.url}/__mock/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `${snapshot}${' '.repeat(20_000)}`,
  });
  expect(registered.status).toBe(201);

  const answer = await rawExchange(
    server.url,
    `POST /__mock/reset HTTP/1.1\nHost: mock\nContent-Type: application/json\nContent-Length: ${MAX_CONTROL_BODY_BYTES + 1}`,
  );

  expect(answer).toMatchObject({ status: 400, body: tooLarge(MAX_CONTROL_BODY_BYTES) });
});

test('bad input gets the 400 the in-page backend gives, and changes nothing', async () => {
  const server = await startTestServer();
  const token = await server.reset();
  const response = await fetch(`${server.url}/api/orders/provision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{"orderId": ',
  });

  expect(await errorOf(response)).toEqual({
    status: 400,
    success: false,
    code: 'INVALID_REQUEST',
    message: 'Request body is not valid JSON',
  });
  expect((await server.order('ORD-1001', token)).activeRun).toBeNull();
});

test.each([
  ['GET', '/'],
  ['GET', '/favicon.ico'],
  ['POST', '/index.html'],
  ['GET', '/api/nothing-here'],
  ['DELETE', '/__mock/state'],
])('%s %s, which no route serves, is a JSON 404 NOT_FOUND', async (method, path) => {
  const server = await startTestServer();
  const response = await server.call(method, path);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(await errorOf(response)).toEqual({
    status: 404,
    success: false,
    code: 'NOT_FOUND',
    message: `No such endpoint: ${method} ${path}`,
  });
});

test('a simulated network error drops the connection, and the server goes on answering', async () => {
  const server = await startTestServer();
  const token = await server.reset();
  await server.call('POST', '/__mock/faults', { body: { route: 'listOrders', fault: { kind: 'networkError' } } });

  await expect(server.call('GET', '/api/orders', { token })).rejects.toThrow(TypeError);

  expect((await server.call('GET', '/api/orders', { token })).status).toBe(200);
});

test('a handler that throws answers 500 INTERNAL_ERROR and is logged', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(MockBackend.prototype, 'requests').mockImplementationOnce(() => {
    throw new Error('a bug');
  });
  const server = await startTestServer();

  expect(await errorOf(await server.call('GET', '/__mock/requests'))).toMatchObject({
    status: 500,
    code: 'INTERNAL_ERROR',
  });
  expect(logged).toHaveBeenCalledWith(expect.stringContaining('GET /__mock/requests'), new Error('a bug'));
  expect((await server.call('GET', '/__mock/requests')).status).toBe(200);
});

test('a client that gives up aborts its request in the handler: a hanging request ends at once, not after 30 s', async () => {
  const server = await startTestServer();
  const token = await server.reset();
  await server.call('POST', '/__mock/faults', { body: { route: 'listOrders', fault: { kind: 'hang' } } });
  const client = new AbortController();
  const hanging = fetch(`${server.url}/api/orders`, {
    headers: { authorization: `Bearer ${token}` },
    signal: client.signal,
  });
  await vi.waitFor(() => expect(server.tenants.requestsInFlight('default')).toBe(1));

  client.abort();
  await expect(hanging).rejects.toThrow(/abort/i);

  // The hang gave way and wrote its line in the journal.
  await vi.waitFor(async () => {
    const { requests } = RequestLogResponseSchema.parse(await (await server.call('GET', '/__mock/requests')).json());
    expect(requests).toContainEqual(expect.objectContaining({ path: '/api/orders', status: 503 }));
  });
});

test('a method no fetch request can carry is a JSON 404, and the server goes on answering', async () => {
  const server = await startTestServer();
  const answer = await rawExchange(server.url, 'TRACE /api/orders HTTP/1.1\nHost: mock\nConnection: close');
  expect(answer).toMatchObject({
    status: 404,
    body: { success: false, code: 'NOT_FOUND', message: 'No such endpoint: TRACE /api/orders' },
  });
  expect((await server.call('GET', '/__mock/state')).status).toBe(200);
});

test('a request that fails outside the handlers is a 500 for it alone, and the server goes on answering', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const server = await startTestServer();
  vi.spyOn(server.tenants, 'acquire').mockImplementationOnce(() => {
    throw new Error('a bug before the handlers');
  });

  expect(await errorOf(await server.call('GET', '/__mock/state'))).toMatchObject({
    status: 500,
    code: 'INTERNAL_ERROR',
  });
  expect(logged).toHaveBeenCalledWith(
    expect.stringContaining('GET /__mock/state'),
    new Error('a bug before the handlers'),
  );
  expect((await server.call('GET', '/__mock/state')).status).toBe(200);
});
