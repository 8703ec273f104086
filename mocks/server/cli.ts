import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenarioDocument, type ScenarioDocument } from '@/contract/scenario-document';
import { backendStateProblems } from '../backend/persistence';
import { ScenarioRegistry } from '../backend/scenario-registry';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DEFAULT_MAX_TENANTS,
  DEFAULT_PORT,
  startMockServer,
  type MockServerOptions,
  type RunningMockServer,
} from './mock-server';

/** The mock server's command line, for `npm run mock:server` and `npm run dev:server` alike. */

const DEFAULT_STATE_DIR = fileURLToPath(new URL('../../.mock-server', import.meta.url));

const OPTIONS_HELP = `Serves the mock backend (/api/*, /__mock/*) over HTTP. A request with the header
X-Mock-Tenant: <id> (1-64 letters, digits, "-", "_") gets that tenant's own backend;
without it, the "default" tenant. Every tenant's state is saved to its file after each change.

Options:
  --port N           port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST        address to listen on (default 127.0.0.1, this machine only)
  --state-dir DIR    where the tenants' files are kept (default .mock-server/ in the project)
  --max-tenants N    tenants held in memory at once; the one idle longest is unloaded
                     to its file when another is needed (default ${DEFAULT_MAX_TENANTS})
  --scenario FILE    a scenario document (JSON): the default tenant starts from it now,
                     and every tenant without saved state starts from it instead of default
  -h, --help         show this help`;

function parseOptions(args: string[]): MockServerOptions | 'help' {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'state-dir': { type: 'string', default: DEFAULT_STATE_DIR },
      'max-tenants': { type: 'string', default: String(DEFAULT_MAX_TENANTS) },
      scenario: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  return {
    port: integerOption('--port', values.port, 0, 65_535),
    host: values.host,
    stateDir: resolve(values['state-dir']),
    maxTenants: integerOption('--max-tenants', values['max-tenants'], 1, 100_000),
    ...(values.scenario === undefined ? {} : { scenario: scenarioFile(values.scenario) }),
  };
}

/** The document in `path`, checked as `POST /__mock/scenarios` would check it: every problem at its JSON path. */
function scenarioFile(path: string): ScenarioDocument {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`--scenario ${path}: ${messageOf(error)}`, { cause: error });
  }
  const registration = new ScenarioRegistry(backendStateProblems).register(json);
  if (registration.ok) {
    const parsed = parseScenarioDocument(json);
    if (parsed.ok) return parsed.document;
  }
  const problems = registration.ok
    ? []
    : registration.problem === 'builtIn'
      ? [`"${registration.name}" is a built-in scenario: give the document another name`]
      : registration.issues.map(({ path: where, message }) => `${where}: ${message}`);
  throw new Error(`--scenario ${path} is not a scenario this mock can start:\n  ${problems.join('\n  ')}`);
}

function integerOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Starts the server as `args` say and prints where it listens. Undefined after `--help`; a bad
 * option or a port in use ends the process with a message, not a stack trace.
 */
export async function startFromCommandLine(
  args: string[],
  { usage, description }: { usage: string; description: string },
): Promise<RunningMockServer | undefined> {
  const help = `Usage: ${usage}\n\n${description}${OPTIONS_HELP}`;
  let options: MockServerOptions | 'help';
  try {
    options = parseOptions(args);
  } catch (error) {
    console.error(`${messageOf(error)}\n\n${help}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.info(help);
    return undefined;
  }
  let server: RunningMockServer;
  try {
    server = await startMockServer(options);
  } catch (error) {
    console.error(`Mock server: cannot listen on ${options.host}:${options.port}: ${messageOf(error)}`);
    process.exit(1);
  }
  console.info(
    `Mock server listening on ${server.url} (state in ${options.stateDir}, at most ${options.maxTenants} tenants in memory)`,
  );
  if (!['127.0.0.1', '::1', 'localhost'].includes(options.host)) {
    console.warn(`Mock server: reachable from other machines on ${options.host}; anyone who reaches it can reset it.`);
  }
  return server;
}
