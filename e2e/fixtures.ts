import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import {
  MockResetResponseSchema,
  MockSessionResponseSchema,
  MockStateSchema,
  RequestLogResponseSchema,
  type MockStartSession,
  UpstreamCallsResponseSchema,
  type MockState,
  type RequestLogEntry,
  type UpstreamCall,
} from '../src/contract/mock-control';
import { readFileSync } from 'node:fs';
import { parseScenarioDocument, type ScenarioDocument } from '../src/contract/scenario-document';
import { SESSION_TOKEN_STORAGE_KEY } from '../src/lib/session-token';

/**
 * Playwright fixtures for suites that drive the console on the mock backend. Each test gets its own
 * browser context, hence its own backend: parallel workers and pages never share mock state. Against
 * the standalone mock server (`mockBackend: 'server'`), the context's requests carry an
 * `X-Mock-Tenant` of the test's own, which gives it a backend of its own on the shared server.
 *
 *   test.use({ scenario: 'smartvps-down' });
 *   test('…', async ({ page }) => { await advanceClock(page, '10m'); expect(await upstreamCalls(page)).toHaveLength(3); });
 *
 * A scenario document works as well as a name: `test.use({ scenario: scenarioFile('e2e/scenarios/x.json') })`
 * or a document object; it is registered with the test's backend, then started.
 */
export type MockBackendOption = {
  /** Where the console's backend runs: in the page (a mock build), or the standalone server a server-mode build reaches. */
  mockBackend: 'page' | 'server';
};

type MockOptions = {
  /** The scenario the page starts in, from its seed: a name, or a scenario document to register first. */
  scenario: string | ScenarioDocument;
  /** Paused by default so tests move time explicitly with `advanceClock`; 'running' runs at the scenario's speed. */
  clock: 'paused' | 'running';
  /** Who the page starts signed in as, overriding the scenario (which signs in the admin unless it says otherwise). */
  as: MockStartSession | undefined;
};

/**
 * Browser messages that are the expected echo of a scenario, not a bug: Chromium logs every non-2xx
 * answer and every dropped connection, which the fault scenarios produce on purpose.
 */
const EXPECTED_CONSOLE_ERRORS = [/Failed to load resource/, /net::ERR_FAILED/];

export const test = base.extend<MockOptions & MockBackendOption>({
  scenario: ['default', { option: true }],
  clock: ['paused', { option: true }],
  as: [undefined, { option: true }],
  mockBackend: ['page', { option: true }],
  context: async ({ context, mockBackend }, use, testInfo) => {
    // Every request of the context, the console's and the fixtures' control calls alike (they go through the page's fetch).
    if (mockBackend === 'server') await context.setExtraHTTPHeaders({ 'x-mock-tenant': tenantOf(testInfo) });
    await use(context);
  },
  page: async ({ page, scenario, clock, as }, use) => {
    // An uncaught error, an unexpected console error or a blocked resource (CSP) fails the test.
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !EXPECTED_CONSOLE_ERRORS.some((pattern) => pattern.test(message.text()))) {
        problems.push(`console.error: ${message.text()}`);
      }
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    await openScenario(page, { scenario, clock, as });
    await use(page);
    expect(problems, 'the page reported errors').toEqual([]);
  },
});

export { expect };

/** The test's own tenant on the mock server: its id, which repeats and retries of it make distinct. */
function tenantOf({ testId, repeatEachIndex, retry }: TestInfo): string {
  return `${testId}-${repeatEachIndex}-${retry}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(-64);
}

/** A scenario document from a file, checked as the mock will check it; a broken file fails with every problem. */
export function scenarioFile(path: string): ScenarioDocument {
  const parsed = parseScenarioDocument(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`${path} is not a scenario document: ${JSON.stringify(parsed.issues)}`);
  return parsed.document;
}

/**
 * Opens the console on a scenario's seed and waits until its mock answers. A document is registered
 * first, through the console's own page: in the browser the backend lives behind it.
 */
export async function openScenario(
  page: Page,
  { scenario: nameOrDocument, clock = 'paused', as }: Partial<MockOptions> & { scenario: string | ScenarioDocument },
): Promise<void> {
  let scenario = nameOrDocument;
  if (typeof scenario !== 'string') {
    await openConsole(page, '/');
    await control(page, '/__mock/scenarios', scenario);
    scenario = scenario.name;
  }
  await page.goto(`/?scenario=${encodeURIComponent(scenario)}&clock=${clock}${as ? `&as=${as}` : ''}`);
  // Seeding `huge` (100,000 orders) in the mock's worker takes seconds on two busy cores.
  await expect
    .poll(async () => (await mockState(page)).scenario, { intervals: [50, 100, 200], timeout: 30_000 })
    .toBe(scenario);
}

/** Opens a console path without starting a scenario: the backend goes on as it is, as in a tab opened from a link. */
export async function openConsole(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await mockReady(page);
}

/** Waits until the page's mock intercepts requests: right after a reload it does not yet, and a request would reach the static server. */
async function mockReady(page: Page): Promise<void> {
  await page.locator('html[data-mock="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
}

async function control(page: Page, path: string, body?: unknown): Promise<unknown> {
  await mockReady(page);
  return page.evaluate(
    async (request) => {
      const init =
        request.body === undefined
          ? {}
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) };
      const response = await fetch(request.path, init);
      if (!response.ok) throw new Error(`${request.path} answered ${response.status}: ${await response.text()}`);
      return response.json();
    },
    { path, body },
  );
}

/** The row of an order in the orders table (the order id is the row's header cell). */
export function orderRow(page: Page, orderId: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: orderId, exact: true }) });
}

/**
 * A toast by its title. Scoped to the notifications region because Radix also renders a hidden
 * live-region copy of every toast's text elsewhere in the page.
 */
export function toast(page: Page, title: string | RegExp) {
  return page.getByRole('region', { name: /Notifications/ }).getByRole('status', { name: title });
}

export async function mockState(page: Page): Promise<MockState> {
  return MockStateSchema.parse(await control(page, '/__mock/state'));
}

const UNITS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** Parses '90s', '10m', '2h' or a number of milliseconds. */
export function durationMs(duration: string | number): number {
  if (typeof duration === 'number') return duration;
  const match = /^(\d+)(s|m|h)$/.exec(duration);
  if (!match?.[1] || !match[2]) throw new Error(`Unreadable duration "${duration}": use e.g. 90s, 10m, 2h`);
  return Number(match[1]) * UNITS[match[2] as keyof typeof UNITS];
}

/** Advances the simulated clock; resolves once the backend has settled. */
export async function advanceClock(page: Page, duration: string | number): Promise<MockState> {
  return MockStateSchema.parse(await control(page, '/__mock/clock/advance', { ms: durationMs(duration) }));
}

export async function setClock(page: Page, change: { speed: number } | { paused: boolean }): Promise<MockState> {
  return MockStateSchema.parse(await control(page, '/__mock/clock', change));
}

/** Hands the console the session the mock started, as the scenario panel does. */
async function useSession(page: Page, token: string | null): Promise<void> {
  await page.evaluate(
    ({ key, value }) => (value === null ? sessionStorage.removeItem(key) : sessionStorage.setItem(key, value)),
    { key: SESSION_TOKEN_STORAGE_KEY, value: token },
  );
}

/**
 * Back to the scenario's seed (or another scenario's) on a fresh clock, signed in as it says.
 * Reload the page (or navigate) afterwards: the console reads the new session on its next request.
 */
export async function resetScenario(page: Page, scenario?: string): Promise<MockState> {
  const { sessionToken, ...state } = MockResetResponseSchema.parse(
    await control(page, '/__mock/reset', scenario === undefined ? {} : { scenario }),
  );
  await useSession(page, sessionToken);
  return state;
}

/** Switches who is signed in, without the sign-in page; reload or navigate to see the page as them. */
export async function signInAs(page: Page, as: MockStartSession): Promise<void> {
  await useSession(page, MockSessionResponseSchema.parse(await control(page, '/__mock/session', { as })).sessionToken);
}

/** Confirms the retry of a failed order (its red Retry asks first), with a reason when given. */
export async function confirmRetry(page: Page, orderId: string, reason?: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `Retry ${orderId}?` });
  if (reason) await dialog.getByRole('textbox', { name: /Reason/ }).fill(reason);
  await dialog.getByRole('button', { name: `Retry ${orderId}`, exact: true }).click();
}

export async function upstreamCalls(page: Page): Promise<UpstreamCall[]> {
  return UpstreamCallsResponseSchema.parse(await control(page, '/__mock/upstream-calls')).calls;
}

/** Purchases (buyVps, createService) that succeeded, optionally for one order. */
export async function purchases(page: Page, orderId?: string): Promise<UpstreamCall[]> {
  return (await upstreamCalls(page)).filter(
    (call) =>
      call.operation !== 'statusCheck' && call.outcome === 'succeeded' && (!orderId || call.orderId === orderId),
  );
}

export async function requestJournal(page: Page): Promise<RequestLogEntry[]> {
  return RequestLogResponseSchema.parse(await control(page, '/__mock/requests')).requests;
}
