import { resolve } from 'node:path';
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
  -h, --help         show this help`;

function parseOptions(args: string[]): MockServerOptions | 'help' {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'state-dir': { type: 'string', default: DEFAULT_STATE_DIR },
      'max-tenants': { type: 'string', default: String(DEFAULT_MAX_TENANTS) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  return {
    port: integerOption('--port', values.port, 0, 65_535),
    host: values.host,
    stateDir: resolve(values['state-dir']),
    maxTenants: integerOption('--max-tenants', values['max-tenants'], 1, 100_000),
  };
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
