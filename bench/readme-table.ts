import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { markdownTable, type Figure } from './report';

/**
 * Keeps bench/README.md's one table current. Only the full bench (orders.bench.ts) calls it: the e2e
 * smoke test runs the same suite at tiny counts inside `npm test`, and a test that wrote here would
 * leave the clone dirty (CI fails on that) and replace real figures with a smoke run's.
 */

const README = fileURLToPath(new URL('./README.md', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TABLE_START = '<!-- bench-table:start -->';
export const TABLE_END = '<!-- bench-table:end -->';

export type RunContext = {
  startedAt: Date;
  /** The 1-minute load average when the run started: how busy the shared machine was. */
  loadAtStart: number;
  /** Chromium's version, as Playwright's browser reports it. */
  browserVersion: string;
};

export function startRun(browserVersion: string): RunContext {
  return { startedAt: new Date(), loadAtStart: loadavg()[0] ?? Number.NaN, browserVersion };
}

/** Replaces what lies between the markers of bench/README.md with the date, the machine and the table. */
export function writeReadmeTable(figures: readonly Figure[], run: RunContext): void {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`bench/README.md has no ${TABLE_START} … ${TABLE_END} block`);
  const block = ['', describeRun(run), '', markdownTable(figures), ''].join('\n');
  writeFileSync(README, `${readme.slice(0, start + TABLE_START.length)}${block}${readme.slice(end)}`);
}

function describeRun(run: RunContext): string {
  const date = run.startedAt.toISOString().slice(0, 10);
  const gib = Math.round(totalmem() / 2 ** 30);
  const load = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
  return (
    `Measured ${date} at ${commit()} on a ${cpus().length}-core, ${gib} GiB ${isVirtualMachine() ? 'virtual machine' : 'machine'}` +
    ` (load average ${load(run.loadAtStart)} at the start, ${load(loadavg()[0] ?? Number.NaN)} at the end):` +
    ` Node ${process.version.replace(/^v/, '')}, Chromium ${run.browserVersion} headless, production build with the mock.`
  );
}

/** The commit measured, and whether the console's sources differed from it. */
function commit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  try {
    const head = `commit ${git('rev-parse', '--short', 'HEAD')}`;
    return git('status', '--porcelain', '--', 'src', 'mocks', 'index.html', 'vite.config.ts') === ''
      ? head
      : `${head} with uncommitted changes`;
  } catch {
    return 'an unknown commit';
  }
}

function isVirtualMachine(): boolean {
  try {
    return /^flags\s*:.*\bhypervisor\b/m.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}
