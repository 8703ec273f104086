import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { MockStateSchema, ScenarioListResponseSchema, UpstreamCallsResponseSchema } from '@/contract/mock-control';
import { scenarioNames } from '../../scenarios/catalogue';
import { createMockServer } from '../../node';

const { server, backend } = createMockServer();
const ORIGIN = 'http://console.test';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => backend.reset());
afterAll(() => server.close());

const post = (path: string, body: unknown) =>
  fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...backend.authorization() },
    body: JSON.stringify(body),
  });

describe('the /__mock control API', () => {
  test('GET /__mock/state tells the scenario and the clock', async () => {
    expect(MockStateSchema.parse(await (await fetch(`${ORIGIN}/__mock/state`)).json())).toEqual({
      scenario: 'default',
      runsIn: 'server',
      now: '2026-11-24T12:00:00.000Z',
      speed: 1,
      paused: true,
      notice: null,
    });
  });

  test('GET /__mock/scenarios lists the catalogue', async () => {
    const { scenarios } = ScenarioListResponseSchema.parse(await (await fetch(`${ORIGIN}/__mock/scenarios`)).json());
    expect(scenarios.map((scenario) => scenario.name)).toEqual(scenarioNames);
  });

  test('advance fires what falls due and answers once settled', async () => {
    await post('/api/orders/provision', { orderId: 'ORD-1001' });
    const state = MockStateSchema.parse(await (await post('/__mock/clock/advance', { ms: 10 * 60_000 })).json());
    expect(state.now).toBe('2026-11-24T12:10:00.000Z');
    const { calls } = UpstreamCallsResponseSchema.parse(await (await fetch(`${ORIGIN}/__mock/upstream-calls`)).json());
    expect(calls.filter((call) => call.orderId === 'ORD-1001').map((call) => call.operation)).toContain('buyVps');
  });

  test('speed and pause change how the clock runs', async () => {
    expect(await (await post('/__mock/clock', { speed: 60 })).json()).toMatchObject({ speed: 60 });
    expect(await (await post('/__mock/clock', { paused: false })).json()).toMatchObject({ paused: false });
  });

  test('reset goes back to a scenario seed on a fresh clock', async () => {
    await post('/__mock/clock/advance', { ms: 60_000 });
    expect(await (await post('/__mock/reset', { scenario: 'empty' })).json()).toMatchObject({
      scenario: 'empty',
      now: '2026-11-24T12:00:00.000Z',
    });
  });

  test.each([
    ['/__mock/reset', { scenario: 'no-such-scenario' }, 'UNKNOWN_SCENARIO'],
    ['/__mock/clock/advance', { ms: -1 }, 'INVALID_REQUEST'],
    ['/__mock/clock/advance', { ms: '10m' }, 'INVALID_REQUEST'],
    ['/__mock/clock', { speed: 0 }, 'INVALID_REQUEST'],
    ['/__mock/clock', { speed: 2, paused: true }, 'INVALID_REQUEST'],
  ])('%s refuses %j with a 400 and changes nothing', async (path, body, code) => {
    const before = backend.state();
    const response = await post(path, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ success: false, code });
    expect(backend.state()).toEqual(before);
  });
});
