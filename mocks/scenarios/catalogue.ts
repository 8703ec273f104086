import { parseScenarioDocument, type ScenarioDocument } from '@/contract/scenario-document';
import alreadyActive from './catalogue/already-active.json';
import bulkBacklog from './catalogue/bulk-backlog.json';
import defaultFile from './catalogue/default.json';
import doubleClickRace from './catalogue/double-click-race.json';
import empty from './catalogue/empty.json';
import hostycareFailed from './catalogue/hostycare-failed.json';
import huge from './catalogue/huge.json';
import large from './catalogue/large.json';
import serverError from './catalogue/server-error.json';
import sessionExpired from './catalogue/session-expired.json';
import signedOut from './catalogue/signed-out.json';
import slowNetwork from './catalogue/slow-network.json';
import smartvpsDown from './catalogue/smartvps-down.json';
import smartvpsOutOfStock from './catalogue/smartvps-out-of-stock.json';
import smartvpsOutage from './catalogue/smartvps-outage-30min.json';
import statusCheckTimeout from './catalogue/status-check-timeout.json';
import supportAgent from './catalogue/support-agent.json';
import { resolveScenario } from './resolve';
import type { Scenario } from './scenario';

/**
 * The built-in scenarios, one document each in catalogue/ (docs/scenarios.md: Scenarios as files),
 * in the order the scenario panel and the README's table list them. They are data: a new one is a new
 * file here and a line below. The README's table is checked against them by a test.
 */
const files: unknown[] = [
  defaultFile,
  smartvpsDown,
  statusCheckTimeout,
  smartvpsOutage,
  hostycareFailed,
  alreadyActive,
  doubleClickRace,
  slowNetwork,
  serverError,
  sessionExpired,
  signedOut,
  supportAgent,
  smartvpsOutOfStock,
  bulkBacklog,
  empty,
  large,
  huge,
];

const documents = new Map<string, ScenarioDocument>(
  files.map((file) => {
    const parsed = parseScenarioDocument(file);
    if (!parsed.ok) throw new Error(`A built-in scenario is invalid: ${JSON.stringify(parsed.issues)}`);
    return [parsed.document.name, parsed.document];
  }),
);

/** A built-in scenario's document, as written. */
export function builtInDocument(name: string): ScenarioDocument | undefined {
  return documents.get(name);
}

/** Every built-in scenario, resolved, by name. */
export const scenarios: ReadonlyMap<string, Scenario> = new Map(
  [...documents.values()].map((document) => {
    const resolved = resolveScenario(document, builtInDocument);
    if (!resolved.ok)
      throw new Error(`The built-in scenario ${document.name} is invalid: ${JSON.stringify(resolved.issues)}`);
    return [document.name, resolved.scenario];
  }),
);

export const scenarioNames = [...scenarios.keys()];

export function findScenario(name: string): Scenario | undefined {
  return scenarios.get(name);
}

function defaultOfCatalogue(): Scenario {
  const found = scenarios.get('default');
  if (!found) throw new Error('The catalogue has no default scenario');
  return found;
}

/** The scenario a backend starts with when nothing else is asked for. */
export const defaultScenario = defaultOfCatalogue();
