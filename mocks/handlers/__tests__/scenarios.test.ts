import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { ApiErrorBodySchema } from '@/contract/errors';
import {
  MockResetResponseSchema,
  MockStateSchema,
  ScenarioListResponseSchema,
  ScheduleResponseSchema,
} from '@/contract/mock-control';
import { OrderListResponseSchema } from '@/contract/orders-api';
import {
  InvalidScenarioBodySchema,
  RegisterScenarioResponseSchema,
  ScenarioDocumentSchema,
  type ScenarioDocument,
} from '@/contract/scenario-document';
import { builtInDocument, scenarioNames } from '../../scenarios/catalogue';
import { mockApi } from './api-test-kit';

const { api, backend } = mockApi();

const json = async (response: Response): Promise<unknown> => response.json();

/** A small hand-written scenario: thirty failed Hostycare orders with a long error text. */
const thirtyFailed: ScenarioDocument = {
  version: 1,
  name: 'thirty-failed-hostycare',
  description: 'Thirty failed Hostycare orders with a long error text.',
  demonstrates: 'How Needs attention reads when one provider failed many orders at once.',
  generatedOrders: [
    {
      kind: 'batch',
      firstNumber: 3001,
      count: 30,
      firstMinutesAgo: 45,
      order: {
        packageId: 'hostycare-cloud-m',
        status: 'confirmed',
        autoProvisioned: true,
        provisioningStatus: 'failed',
        provisioningError: `Hostycare createService failed after 3 attempts: ${'the datacentre refused the request; '.repeat(6)}`,
        lastAttemptMinutesAgo: 20,
      },
    },
  ],
  providers: { hostycare: { createService: { phases: [{ outcome: { kind: 'fail', error: 'API returned 503' } }] } } },
};

const register = (document: unknown) => api('POST', '/__mock/scenarios', { body: document });
const reset = async (scenario: string) =>
  MockResetResponseSchema.parse(await json(await api('POST', '/__mock/reset', { body: { scenario } })));

describe('the built-in catalogue', () => {
  test.each(scenarioNames)('%s is a valid document, served as written', async (name) => {
    const response = await api('GET', `/__mock/scenarios/${name}`);
    expect(response.status).toBe(200);
    const document = ScenarioDocumentSchema.parse(await json(response));
    expect(document).toEqual(builtInDocument(name));
  });

  test('the published JSON Schema accepts every built-in and refuses a broken one', async () => {
    const schema = await json(await api('GET', '/__mock/scenario.schema.json'));
    if (typeof schema !== 'object' || schema === null) throw new Error('The schema is not an object');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(scenarioNames.filter((name) => !validate(builtInDocument(name)))).toEqual([]);
    expect(validate({ ...thirtyFailed, orders: [{ id: 'ORD-1' }] })).toBe(false);
  });
});

describe('POST /__mock/scenarios', () => {
  test('registers a hand-written document, lists it as registered, and starts it like a built-in', async () => {
    const registered = await register(thirtyFailed);
    expect(registered.status).toBe(201);
    expect(RegisterScenarioResponseSchema.parse(await json(registered))).toEqual({ name: thirtyFailed.name });
    const { scenarios } = ScenarioListResponseSchema.parse(await json(await api('GET', '/__mock/scenarios')));
    expect(scenarios.at(-1)).toEqual({
      name: thirtyFailed.name,
      description: thirtyFailed.description,
      demonstrates: thirtyFailed.demonstrates,
      source: 'registered',
    });
    expect(scenarios.filter((scenario) => scenario.source === 'builtIn')).toHaveLength(scenarioNames.length);
    expect(await json(await api('GET', `/__mock/scenarios/${thirtyFailed.name}`))).toEqual(thirtyFailed);

    const { sessionToken } = await reset(thirtyFailed.name);
    const list = await api('GET', '/api/orders?view=attention', { as: sessionToken });
    const page = OrderListResponseSchema.parse(await json(list));
    expect(page).toMatchObject({ total: 30, attentionCount: 30 });
    expect(page.orders[0]?.provisioningError).toContain('the datacentre refused the request');
  });

  test('the name of a built-in is refused, and nothing changes', async () => {
    const before = await json(await api('GET', '/__mock/scenarios'));
    const refused = await register({ ...thirtyFailed, name: 'default' });
    expect(refused.status).toBe(409);
    expect(ApiErrorBodySchema.parse(await json(refused)).code).toBe('SCENARIO_EXISTS');
    expect(await json(await api('GET', '/__mock/scenarios'))).toEqual(before);
  });

  test.each<[string, unknown, { path: string; message: RegExp }[]]>([
    ['not a document', 'orders', [{ path: '$.version', message: /version/ }]],
    [
      'an unknown version',
      { ...thirtyFailed, version: 2 },
      [{ path: '$.version', message: /Version 2 is not one this mock reads/ }],
    ],
    ['no version', { name: 'x' }, [{ path: '$.version', message: /says its version/ }]],
    [
      'three mistakes at once',
      {
        ...thirtyFailed,
        name: 'Not A Name',
        clock: { speed: 0 },
        orders: [{ id: 'ORD-1', customer: 'Ana', packageId: 'smartvps-64gb', status: 'paid', createdMinutesAgo: 5 }],
      },
      [
        { path: '$.name', message: /lower-case letters/ },
        { path: '$.orders[0].packageId', message: /./ },
        { path: '$.clock.speed', message: /./ },
      ],
    ],
    ['an unknown key', { ...thirtyFailed, colour: 'blue' }, [{ path: '$', message: /colour/ }]],
    [
      'an order listed twice, and a batch over it',
      {
        ...thirtyFailed,
        orders: [
          { id: 'ORD-3005', customer: 'Ana', packageId: 'smartvps-2gb', status: 'paid', createdMinutesAgo: 5 },
          { id: 'ORD-3005', customer: 'Ben', packageId: 'smartvps-2gb', status: 'paid', createdMinutesAgo: 6 },
        ],
      },
      [
        { path: '$.orders[1].id', message: /listed twice/ },
        { path: '$.generatedOrders[0]', message: /overlap/ },
      ],
    ],
    [
      'phases out of order, an unknown base and a latency upside down',
      {
        ...thirtyFailed,
        extends: 'no-such-scenario',
        providers: {
          smartvps: {
            buyVps: {
              latencyMs: [5_000, 1_000],
              phases: [
                { untilMinute: 30, outcome: { kind: 'timeout' } },
                { untilMinute: 10, outcome: { kind: 'succeed' } },
              ],
            },
          },
        },
      },
      [
        { path: '$.extends', message: /No built-in scenario is called "no-such-scenario"/ },
        { path: '$.providers.smartvps.buyVps.latencyMs', message: /lower latency comes first/ },
        { path: '$.providers.smartvps.buyVps.phases[1].untilMinute', message: /later and later/ },
      ],
    ],
    [
      'automatic runs inherited for orders it no longer has',
      { ...thirtyFailed, extends: 'default', generatedOrders: undefined, orders: [] },
      [
        {
          path: '$.autoRunOrderIds',
          message: /ORD-1007 \(inherited from default\) is not one of this scenario's orders/,
        },
      ],
    ],
    [
      'a concurrent admin who is not one',
      { ...thirtyFailed, concurrentAdmin: 'support@reseller.test' },
      [{ path: '$.concurrentAdmin', message: /not one of the seeded admins/ }],
    ],
    [
      'a snapshot state that is not one',
      { ...thirtyFailed, state: { simulator: {} } },
      [{ path: '$.state.simulator.version', message: /./ }],
    ],
  ])('%s is refused with every problem at its JSON path, and nothing changes', async (_, document, expected) => {
    const before = { scenarios: await json(await api('GET', '/__mock/scenarios')), state: backend.state() };
    const refused = await register(document);
    expect(refused.status).toBe(400);
    const body = InvalidScenarioBodySchema.parse(await json(refused));
    expect(body.issues).toEqual(
      expect.arrayContaining(expected.map(({ path, message }) => ({ path, message: expect.stringMatching(message) }))),
    );
    expect({ scenarios: await json(await api('GET', '/__mock/scenarios')), state: backend.state() }).toEqual(before);
  });

  test('a body that is not JSON is an INVALID_REQUEST', async () => {
    const response = await fetch('http://console.test/__mock/scenarios', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"version": 1,',
    });
    expect(ApiErrorBodySchema.parse(await json(response))).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

describe('DELETE /__mock/scenarios/:name', () => {
  const removable = { ...thirtyFailed, name: 'removable' };
  const remove = (name: string) => api('DELETE', `/__mock/scenarios/${name}`);
  const listedNames = async () =>
    ScenarioListResponseSchema.parse(await json(await api('GET', '/__mock/scenarios'))).scenarios.map(
      (scenario) => scenario.name,
    );

  test('forgets a registered scenario: no longer listed, served or started', async () => {
    expect((await register(removable)).status).toBe(201);

    const removed = await remove(removable.name);
    expect(removed.status).toBe(200);
    const { scenarios } = ScenarioListResponseSchema.parse(await json(removed));
    expect(scenarios.map((scenario) => scenario.name)).toEqual(await listedNames());
    expect(await listedNames()).not.toContain(removable.name);
    expect((await api('GET', `/__mock/scenarios/${removable.name}`)).status).toBe(404);
    const refused = await api('POST', '/__mock/reset', { body: { scenario: removable.name } });
    expect(ApiErrorBodySchema.parse(await json(refused)).code).toBe('UNKNOWN_SCENARIO');
  });

  test('a built-in cannot be removed, and a name nobody registered is a 404; neither changes anything', async () => {
    const before = await listedNames();
    const builtIn = await remove('default');
    expect(builtIn.status).toBe(409);
    expect(ApiErrorBodySchema.parse(await json(builtIn))).toMatchObject({
      code: 'BUILT_IN_SCENARIO',
      message: '"default" is a built-in scenario: it cannot be removed',
    });
    const unknown = await remove('never-registered');
    expect(unknown.status).toBe(404);
    expect(ApiErrorBodySchema.parse(await json(unknown)).code).toBe('UNKNOWN_SCENARIO');
    expect(await listedNames()).toEqual(before);
  });

  test('the running scenario may be removed: it runs on until another is started', async () => {
    expect((await register(removable)).status).toBe(201);
    const { sessionToken } = await reset(removable.name);

    expect((await remove(removable.name)).status).toBe(200);
    expect(MockStateSchema.parse(await json(await api('GET', '/__mock/state'))).scenario).toBe(removable.name);
    const page = OrderListResponseSchema.parse(
      await json(await api('GET', '/api/orders?view=attention', { as: sessionToken })),
    );
    expect(page.total).toBe(30);
  });
});

describe('GET /__mock/snapshot', () => {
  test('registering the snapshot and starting it puts the backend back to that moment, and the same future follows', async () => {
    await reset('smartvps-outage-30min');
    backend.advance(7 * 60_000);
    const snapshot = ScenarioDocumentSchema.parse(await json(await api('GET', '/__mock/snapshot')));
    expect(snapshot.name).toMatch(/^smartvps-outage-30min-at-\d{4}-\d{2}-\d{2}-\d{4}$/);
    const ahead = async () => {
      backend.advance(40 * 60_000);
      return {
        orders: await json(await api('GET', '/api/orders?limit=20')),
        calls: backend.upstreamCalls(),
      };
    };
    const original = await ahead();

    expect((await register(snapshot)).status).toBe(201);
    await reset(snapshot.name);
    expect(MockStateSchema.parse(await json(await api('GET', '/__mock/state'))).scenario).toBe(snapshot.name);
    expect(await ahead()).toEqual(original);
  });
});

describe('the schedule', () => {
  test('says what is due, soonest first, and advancing to the next event fires it', async () => {
    await reset('smartvps-outage-30min');
    const { events } = ScheduleResponseSchema.parse(await json(await api('GET', '/__mock/schedule')));
    expect(events.map((event) => event.at)).toEqual(events.map((event) => event.at).toSorted());
    expect(events).toContainEqual({
      at: '2026-11-24T12:30:00.000Z',
      kind: 'providerPhase',
      orderId: null,
      description: 'SmartVPS buyVps succeeds, after it failed (API returned 503)',
    });
    const first = events[0];
    expect(first?.orderId).toMatch(/^ORD-100[78]$/);

    const advanced = await api('POST', '/__mock/clock/advance', { body: { to: 'nextEvent' } });
    expect(MockStateSchema.parse(await json(advanced)).now).toBe(first?.at);
    const after = ScheduleResponseSchema.parse(await json(await api('GET', '/__mock/schedule'))).events;
    expect(after).not.toContainEqual(first);
  });

  test('with nothing due, advancing to the next event is refused and the clock stays', async () => {
    await reset('empty');
    const before = backend.state().now;
    const refused = await api('POST', '/__mock/clock/advance', { body: { to: 'nextEvent' } });
    expect(refused.status).toBe(409);
    expect(ApiErrorBodySchema.parse(await json(refused)).code).toBe('NOTHING_SCHEDULED');
    expect(backend.state().now).toBe(before);
  });
});
