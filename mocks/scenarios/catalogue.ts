import { defaultOrderSpecs } from '../data/default-orders';
import { healthyProviders } from '../engine/provider-behaviour';
import type { Scenario } from './scenario';

const defaultScenario: Scenario = {
  name: 'default',
  description: 'A realistic mixed day: the five brief examples, healthy providers.',
  demonstrates: 'Provision and Retry buttons for every case of the button rule; two fresh orders auto-provision as you watch.',
  randomSeed: 1,
  orders: defaultOrderSpecs,
  autoRunOrderIds: ['ORD-1007', 'ORD-1008'],
  providers: healthyProviders,
  clock: { speed: 1, paused: false },
  api: {},
};

/** Every scenario the mock can run, by name. The README's table is checked against it by a test. */
export const scenarios = {
  default: defaultScenario,
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;
export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

export function findScenario(name: string): Scenario | undefined {
  return Object.hasOwn(scenarios, name) ? scenarios[name as ScenarioName] : undefined;
}
