import type { GeneratedOrders, ListedOrder, ScenarioDocument, ScenarioIssue } from '@/contract/scenario-document';
import { MINUTE_MS } from '@/lib/time';
import { generatedOrders } from '../data/generated-orders';
import { findUser } from '../data/users';
import {
  healthyProviders,
  type CallOutcome,
  type OperationBehaviour,
  type ProvidersBehaviour,
} from '../simulator/provider-behaviour';
import type { Scenario } from './scenario';

type ProvidersDocument = NonNullable<ScenarioDocument['providers']>;
type OperationDocument = NonNullable<NonNullable<ProvidersDocument['smartvps']>['buyVps']>;

/** Every setting of a scenario, given or inherited, its orders flattened (no `ordersOf` left to look up). */
type Settings = {
  randomSeed: number;
  orders: ListedOrder[];
  generatedOrders: GeneratedOrders[];
  autoRunOrderIds: string[];
  staleListOrders: ListedOrder[];
  providers: ProvidersDocument;
  api: NonNullable<ScenarioDocument['api']>;
  clock: NonNullable<ScenarioDocument['clock']>;
  startSession: NonNullable<ScenarioDocument['startSession']>;
  concurrentAdmin: string | undefined;
};

/** What a document that says nothing more gets: no orders, healthy providers, a clock at real speed. */
const NOTHING_SAID: Settings = {
  randomSeed: 1,
  orders: [],
  generatedOrders: [],
  autoRunOrderIds: [],
  staleListOrders: [],
  providers: {},
  api: {},
  clock: {},
  startSession: 'admin',
  concurrentAdmin: undefined,
};

const MAX_ORDERS = 200_000;

export type ScenarioResolution = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/**
 * A document made ready to run: `extends` and `ordersOf` looked up among the built-in documents,
 * defaults filled in, minutes made milliseconds, and what the schema alone cannot check checked,
 * each problem at its JSON path: every order id once, the automatic runs and stale copies naming
 * orders of the scenario, provider phases in time order, latencies from low to high, a concurrent
 * admin who is one.
 */
export function resolveScenario(
  document: ScenarioDocument,
  builtIn: (name: string) => ScenarioDocument | undefined,
): ScenarioResolution {
  const issues: ScenarioIssue[] = [];
  const inherited = (name: string, path: string): ScenarioDocument | undefined => {
    const found = name === document.name ? undefined : builtIn(name);
    if (!found) issues.push({ path, message: `No built-in scenario is called "${name}"` });
    return found;
  };
  const base = document.extends === undefined ? NOTHING_SAID : settingsOf(inherited(document.extends, '$.extends'));
  const ownOrders =
    document.ordersOf !== undefined || document.orders !== undefined || document.generatedOrders !== undefined;
  const fromOrdersOf =
    document.ordersOf === undefined ? NOTHING_SAID : settingsOf(inherited(document.ordersOf, '$.ordersOf'));
  const settings: Settings = {
    randomSeed: document.randomSeed ?? base.randomSeed,
    orders: ownOrders ? withListed(fromOrdersOf.orders, document.orders ?? []) : base.orders,
    generatedOrders: ownOrders
      ? [...fromOrdersOf.generatedOrders, ...(document.generatedOrders ?? [])]
      : base.generatedOrders,
    autoRunOrderIds: document.autoRunOrderIds ?? base.autoRunOrderIds,
    staleListOrders: document.staleListOrders ?? base.staleListOrders,
    providers: document.providers ?? base.providers,
    api: document.api ?? base.api,
    clock: { ...base.clock, ...document.clock },
    startSession: document.startSession ?? base.startSession,
    concurrentAdmin: document.concurrentAdmin ?? base.concurrentAdmin,
  };
  issues.push(...problemsOf(document, settings));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, scenario: scenarioOf(document, settings) };

  /** A built-in's settings; built-ins are checked by a test, so they resolve without problems. */
  function settingsOf(found: ScenarioDocument | undefined): Settings {
    if (!found) return NOTHING_SAID;
    const resolved = resolveScenario(found, builtIn);
    if (!resolved.ok) throw new Error(`The built-in scenario "${found.name}" does not resolve`);
    const { document: flat } = resolved.scenario;
    return {
      randomSeed: resolved.scenario.randomSeed,
      orders: flat.orders ?? [],
      generatedOrders: flat.generatedOrders ?? [],
      autoRunOrderIds: [...resolved.scenario.autoRunOrderIds],
      staleListOrders: [...resolved.scenario.staleListOrders],
      providers: flat.providers ?? {},
      api: flat.api ?? {},
      clock: flat.clock ?? {},
      startSession: resolved.scenario.startSession,
      concurrentAdmin: resolved.scenario.concurrentAdmin,
    };
  }
}

/** Inherited orders with the listed ones: one with an inherited id takes its place, the others follow. */
function withListed(inherited: readonly ListedOrder[], listed: readonly ListedOrder[]): ListedOrder[] {
  const byId = new Map(listed.map((order) => [order.id, order]));
  const kept = inherited.map((order) => byId.get(order.id) ?? order);
  const inheritedIds = new Set(inherited.map((order) => order.id));
  return [...kept, ...listed.filter((order) => !inheritedIds.has(order.id))];
}

function problemsOf(document: ScenarioDocument, settings: Settings): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const generatedRanges = settings.generatedOrders.map(({ firstNumber, count }) => [firstNumber, firstNumber + count]);
  const isGenerated = (id: string) => {
    const number = /^ORD-(\d+)$/.exec(id)?.[1];
    return (
      number !== undefined &&
      generatedRanges.some(([from = 0, to = 0]) => Number(number) >= from && Number(number) < to)
    );
  };
  const listedIds = new Set<string>();
  (document.orders ?? []).forEach((order, index) => {
    if (listedIds.has(order.id)) issues.push({ path: `$.orders[${index}].id`, message: `${order.id} is listed twice` });
    listedIds.add(order.id);
    if (order.paidMinutesAgo !== undefined && order.paidMinutesAgo > order.createdMinutesAgo) {
      issues.push({ path: `$.orders[${index}].paidMinutesAgo`, message: 'An order is paid after it is placed' });
    }
  });
  const ownGenerated = document.generatedOrders ?? [];
  const firstOwn = settings.generatedOrders.length - ownGenerated.length;
  ownGenerated.forEach(({ firstNumber, count }, index) => {
    const clash =
      settings.orders.find((order) => isWithin(order.id, firstNumber, count)) ??
      settings.generatedOrders.find(
        (other, at) =>
          at !== firstOwn + index &&
          other.firstNumber < firstNumber + count &&
          firstNumber < other.firstNumber + other.count,
      );
    if (clash) {
      const what = 'id' in clash ? clash.id : `ORD-${clash.firstNumber} onwards`;
      issues.push({ path: `$.generatedOrders[${index}]`, message: `These ids overlap another order's: ${what}` });
    }
  });
  const total = settings.orders.length + settings.generatedOrders.reduce((sum, { count }) => sum + count, 0);
  if (total > MAX_ORDERS) issues.push({ path: '$', message: `At most ${MAX_ORDERS.toLocaleString('en-US')} orders` });

  const orders = new Map(settings.orders.map((order) => [order.id, order]));
  const ownAutoRuns = document.autoRunOrderIds !== undefined;
  settings.autoRunOrderIds.forEach((id, index) => {
    const order = orders.get(id);
    const path = ownAutoRuns ? `$.autoRunOrderIds[${index}]` : '$.autoRunOrderIds';
    const inheritedNote = ownAutoRuns ? '' : ` (inherited from ${document.extends ?? 'the defaults'})`;
    if (!order && !isGenerated(id))
      issues.push({ path, message: `${id}${inheritedNote} is not one of this scenario's orders` });
    else if (order && order.status !== 'paid' && order.status !== 'confirmed') {
      issues.push({
        path,
        message: `${id}${inheritedNote} is ${order.status}: only a paid order starts its automatic run`,
      });
    }
  });
  (document.staleListOrders ?? []).forEach((stale, index) => {
    if (!orders.has(stale.id) && !isGenerated(stale.id)) {
      issues.push({
        path: `$.staleListOrders[${index}].id`,
        message: `${stale.id} is not one of this scenario's orders`,
      });
    }
  });
  if (document.concurrentAdmin !== undefined && findUser(document.concurrentAdmin)?.role !== 'admin') {
    issues.push({ path: '$.concurrentAdmin', message: `${document.concurrentAdmin} is not one of the seeded admins` });
  }
  for (const [provider, operations] of Object.entries(document.providers ?? {})) {
    for (const [operation, behaviour] of Object.entries(operations ?? {})) {
      if (typeof behaviour === 'object' && behaviour !== null) {
        issues.push(...operationProblems(behaviour, `$.providers.${provider}.${operation}`));
      }
    }
  }
  const apiLatency = document.api?.latencyMs;
  if (apiLatency && apiLatency[0] > apiLatency[1]) {
    issues.push({ path: '$.api.latencyMs', message: 'The lower latency comes first' });
  }
  return issues;
}

function isWithin(id: string, firstNumber: number, count: number): boolean {
  const number = Number(/^ORD-(\d+)$/.exec(id)?.[1] ?? Number.NaN);
  return number >= firstNumber && number < firstNumber + count;
}

function operationProblems(behaviour: OperationDocument, path: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (behaviour.latencyMs && behaviour.latencyMs[0] > behaviour.latencyMs[1]) {
    issues.push({ path: `${path}.latencyMs`, message: 'The lower latency comes first' });
  }
  let previous = 0;
  (behaviour.phases ?? []).forEach((phase, index, phases) => {
    const where = `${path}.phases[${index}].untilMinute`;
    if (phase.untilMinute === undefined) {
      if (index < phases.length - 1) issues.push({ path: where, message: 'Only the last phase may last for ever' });
      return;
    }
    if (phase.untilMinute <= previous) issues.push({ path: where, message: 'Phases end later and later' });
    previous = phase.untilMinute;
  });
  return issues;
}

function scenarioOf(document: ScenarioDocument, settings: Settings): Scenario {
  const { orders, generatedOrders: generated } = settings;
  return {
    name: document.name,
    description: document.description,
    demonstrates: document.demonstrates,
    randomSeed: settings.randomSeed,
    orders: () => [...orders, ...generated.flatMap(generatedOrders)],
    autoRunOrderIds: settings.autoRunOrderIds,
    staleListOrders: settings.staleListOrders,
    providers: providersBehaviour(settings.providers),
    ...(settings.concurrentAdmin === undefined ? {} : { concurrentAdmin: settings.concurrentAdmin }),
    startSession: settings.startSession,
    clock: { speed: settings.clock.speed ?? 1, paused: settings.clock.paused ?? false },
    api: {
      ...(settings.api.latencyMs ? { latencyMs: settings.api.latencyMs } : {}),
      ...(settings.api.faults ? { faults: settings.api.faults } : {}),
    },
    document: {
      version: document.version,
      name: document.name,
      description: document.description,
      demonstrates: document.demonstrates,
      randomSeed: settings.randomSeed,
      orders,
      generatedOrders: generated,
      autoRunOrderIds: settings.autoRunOrderIds,
      staleListOrders: settings.staleListOrders,
      providers: settings.providers,
      api: settings.api,
      clock: settings.clock,
      startSession: settings.startSession,
      ...(settings.concurrentAdmin === undefined ? {} : { concurrentAdmin: settings.concurrentAdmin }),
    },
    ...(document.state ? { state: document.state } : {}),
  };
}

/** The providers' behaviour as the simulator reads it: what a document leaves out is healthy. */
function providersBehaviour({ smartvps, hostycare }: ProvidersDocument): ProvidersBehaviour {
  const healthy = healthyProviders;
  return {
    smartvps: {
      buyVps: operationBehaviour(smartvps?.buyVps, healthy.smartvps.buyVps),
      statusCheck: operationBehaviour(smartvps?.statusCheck, healthy.smartvps.statusCheck),
      ipAssignedAfterMs:
        smartvps?.ipAssignedAfterMinutes === undefined
          ? healthy.smartvps.ipAssignedAfterMs
          : smartvps.ipAssignedAfterMinutes * MINUTE_MS,
    },
    hostycare: { createService: operationBehaviour(hostycare?.createService, healthy.hostycare.createService) },
  };
}

function operationBehaviour(document: OperationDocument | undefined, healthy: OperationBehaviour): OperationBehaviour {
  return {
    latencyMs: document?.latencyMs ?? healthy.latencyMs,
    phases:
      document?.phases?.map(({ untilMinute, outcome }) => ({
        ...(untilMinute === undefined ? {} : { untilMs: untilMinute * MINUTE_MS }),
        outcome: outcome satisfies CallOutcome,
      })) ?? healthy.phases,
  };
}
