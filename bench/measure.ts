import { type Browser, type BrowserContext, type Page } from '@playwright/test';
import { orderRow, resetScenario } from '../e2e/fixtures';
import { SESSION_TOKEN_STORAGE_KEY } from '../src/lib/session-token';
import {
  installProbe,
  type Expectation,
  type FilterName,
  type FilterValues,
  type FirstRowTiming,
  type InteractionTiming,
  type ProbeEvent,
  type ProbeFrame,
  type ScrollOptions,
} from './probe';

/** Longest wait for one page load or interaction: a guard against a hang, never part of a measurement. */
const STEP_TIMEOUT_MS = 60_000;

export type OpenConsole = { context: BrowserContext; page: Page };

/** A fresh browser context (its own sessionStorage, hence its own mock backend) with the probe installed. */
export async function openConsole(browser: Browser, baseURL: string): Promise<OpenConsole> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
  await context.addInitScript(installProbe);
  return { context, page: await context.newPage() };
}

export const firstVisitUrl = (scenario: string) => `/?scenario=${encodeURIComponent(scenario)}&clock=paused`;
export const ORDERS_URL = '/admin/manageOrders';

export type LoadTiming = FirstRowTiming & {
  /** DOMContentLoaded ended: the entry chunk and its static imports have run (the mock is then still starting). */
  scriptsAt: number;
  /** The first list request left (the mock had started and React had mounted) and was answered. */
  requestAt: number;
  responseAt: number;
  /** Long tasks before the first row was painted. */
  longestTask: number;
  /** Orders in the list (the table's aria-rowcount less the header row). */
  total: number;
};

/** Navigates (first visit, reload or plain visit) and times the first order row, from navigation start. */
export async function measureLoad(page: Page, what: string, navigate: () => Promise<unknown>): Promise<LoadTiming> {
  // From the top, as an admin opens the page: a reload or a visit of the same URL would restore the scroll position.
  await page.evaluate(() => window.scrollTo(0, 0));
  await navigate();
  return within(page, `the first order row (${what})`, () =>
    page.evaluate(async () => {
      const probe = window.benchProbe;
      if (!probe) throw new Error('The bench probe is not installed');
      const firstRow = await probe.firstRow;
      const request = probe.fetches.find((record) => new URL(record.url, location.origin).pathname === '/api/orders');
      const tasks = probe.longTasks.filter((task) => task.start < firstRow.paintedAt);
      const navigation = performance.getEntriesByType('navigation')[0];
      return {
        ...firstRow,
        scriptsAt: navigation instanceof PerformanceNavigationTiming ? navigation.domContentLoadedEventEnd : Number.NaN,
        requestAt: request?.start ?? Number.NaN,
        responseAt: request?.end ?? Number.NaN,
        longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
        total: Number(document.querySelector('main table')?.getAttribute('aria-rowcount') ?? Number.NaN) - 1,
      };
    }),
  );
}

export type Interaction = InteractionTiming & {
  /** The longest Event Timing entry of the interaction's events; entries under 16 ms are not reported, so 16 stands for them. */
  eventDuration: number;
  /** Time in the event handlers of all the interaction's reported entries (processingStart → processingEnd); 0 when none was reported. */
  eventProcessing: number;
};

/** Arms the probe, acts, and waits until the expected result is on screen. */
async function interact(
  page: Page,
  expectation: Expectation,
  startEvent: string,
  act: () => Promise<void>,
): Promise<InteractionTiming> {
  await page.evaluate((armed) => window.benchProbe?.arm(armed.expectation, armed.startEvent), {
    expectation,
    startEvent,
  });
  await act();
  return within(page, `the result of ${JSON.stringify(expectation)}`, () =>
    page.evaluate(() => window.benchProbe?.settled ?? Promise.reject(new Error('The bench probe is not armed'))),
  );
}

/** Event Timing entries arrive after the next paint: read them once a series is over. */
async function withEventDurations(
  page: Page,
  timings: readonly InteractionTiming[],
  names: readonly string[],
): Promise<Interaction[]> {
  const events: ProbeEvent[] = await page.evaluate(() => window.benchProbe?.events ?? []);
  return timings.map((timing) => {
    const own = events.filter(
      (event) => names.includes(event.name) && event.start >= timing.inputAt - 1 && event.start <= timing.commitAt,
    );
    return {
      ...timing,
      eventDuration: Math.max(16, ...own.map((event) => event.duration)),
      eventProcessing: own.reduce((sum, event) => sum + event.processingEnd - event.processingStart, 0),
    };
  });
}

const KEY_EVENTS = ['keydown', 'keypress', 'beforeinput', 'input', 'keyup', 'change'];

/**
 * Search characters, each matching many orders (ids, names, emails, IPs): every keystroke asks for
 * a query never asked before, so no answer comes from React Query's cache.
 */
const SEARCH_KEYS = [
  'a',
  'e',
  'o',
  'i',
  'n',
  'r',
  's',
  't',
  'm',
  'l',
  'h',
  'd',
  'u',
  'k',
  '.',
  '@',
  '-',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  'c',
  'p',
  'y',
];

/** Keystrokes in the search box (select all, then one character): each replaces the query and waits for its rows. */
export async function measureSearch(page: Page, keystrokes: number): Promise<Interaction[]> {
  if (keystrokes > SEARCH_KEYS.length) throw new Error(`At most ${SEARCH_KEYS.length} keystrokes`);
  const box = page.getByRole('main').getByRole('searchbox', { name: 'Search orders' });
  await box.focus();
  const timings: InteractionTiming[] = [];
  for (const key of SEARCH_KEYS.slice(0, keystrokes)) {
    await page.keyboard.press('ControlOrMeta+A');
    timings.push(
      await interact(page, { kind: 'rows', filters: { q: key } }, 'keydown', () => page.keyboard.press(key)),
    );
  }
  return withEventDurations(page, timings, KEY_EVENTS);
}

const SELECTS = [
  { name: 'Status', param: 'status' },
  { name: 'Provider', param: 'provider' },
  { name: 'Provisioning', param: 'provisioning' },
] as const satisfies readonly { name: string; param: FilterName }[];

/**
 * Filter changes with the keyboard (arrow keys on a closed select change its value at once), along a
 * path of filter combinations that all have orders and are each visited once: every change asks for
 * a list never asked before, and the table (not the empty state) shows the answer.
 */
export async function measureFilterChanges(page: Page, changes: number): Promise<Interaction[]> {
  const main = page.getByRole('main');
  const options = await Promise.all(
    SELECTS.map(({ name }) =>
      main
        .getByRole('combobox', { name })
        .evaluate((select) =>
          select instanceof HTMLSelectElement ? [...select.options].map((option) => option.value) : [],
        ),
    ),
  );
  const path = await filterPath(page, options, changes);
  const timings: InteractionTiming[] = [];
  for (const step of path) {
    await main.getByRole('combobox', { name: step.name }).focus();
    // Raw key presses: no locator work in the page while the interaction is timed.
    timings.push(
      await interact(page, { kind: 'rows', filters: step.filters }, 'keydown', () => page.keyboard.press(step.key)),
    );
  }
  return withEventDurations(page, timings, KEY_EVENTS);
}

type FilterStep = { name: string; key: 'ArrowDown' | 'ArrowUp'; filters: FilterValues };

/** Depth-first search from "no filters" over combinations one arrow key apart, through non-empty ones only. */
async function filterPath(page: Page, options: readonly (readonly string[])[], length: number): Promise<FilterStep[]> {
  const filtersOf = (position: readonly number[]): FilterValues => {
    const filters: FilterValues = {};
    SELECTS.forEach(({ param }, select) => {
      const value = options[select]?.[position[select] ?? 0];
      if (value) filters[param] = value;
    });
    return filters;
  };
  const all = combinations(options.map((values) => values.length));
  const queries = all.map((position) =>
    new URLSearchParams([
      ...Object.entries(filtersOf(position)).flatMap(([name, value]) => (value ? [[name, value]] : [])),
      ['limit', '1'],
    ]).toString(),
  );
  const totals = await page.evaluate(
    ({ queryStrings, tokenKey }) =>
      Promise.all(
        queryStrings.map(async (query) => {
          // As the signed-in console asks: with the session the mock started.
          const headers = { authorization: `Bearer ${sessionStorage.getItem(tokenKey)}` };
          const answer: unknown = await (await fetch(`/api/orders?${query}`, { headers })).json();
          return typeof answer === 'object' && answer !== null && 'total' in answer && typeof answer.total === 'number'
            ? answer.total
            : 0;
        }),
      ),
    { queryStrings: queries, tokenKey: SESSION_TOKEN_STORAGE_KEY },
  );
  const nonEmpty = new Set(all.filter((_, index) => (totals[index] ?? 0) > 0).map((position) => position.join()));

  const visited = new Set<string>();
  const search = (position: readonly number[], steps: FilterStep[]): FilterStep[] | null => {
    if (steps.length === length) return steps;
    visited.add(position.join());
    for (const [select, { name }] of SELECTS.entries()) {
      for (const [key, move] of [
        ['ArrowDown', 1],
        ['ArrowUp', -1],
      ] as const) {
        const next = position.map((index, which) => (which === select ? index + move : index));
        if (visited.has(next.join()) || !nonEmpty.has(next.join())) continue;
        const found = search(next, [...steps, { name, key, filters: filtersOf(next) }]);
        if (found) return found;
      }
    }
    visited.delete(position.join());
    return null;
  };
  const path = search(
    options.map(() => 0),
    [],
  );
  if (!path) throw new Error(`No path of ${length} filter changes through non-empty lists`);
  return path;
}

function combinations(sizes: readonly number[]): number[][] {
  return sizes.reduce<number[][]>(
    (partial, size) => partial.flatMap((prefix) => Array.from({ length: size }, (_, index) => [...prefix, index])),
    [[]],
  );
}

/** Clicks on Provision / Retry buttons of different orders, each timed to the frame showing its spinner. */
export async function measureProvisionClicks(page: Page, clicks: number): Promise<Interaction[]> {
  const timings: InteractionTiming[] = [];
  while (timings.length < clicks) {
    if (timings.length > 0) {
      // Every one-click order on screen has been provisioned: back to the seed for the next round.
      await resetScenario(page);
      await measureLoad(page, 'after a reset, before more provision clicks', () => page.reload());
    }
    // A failed order's red Retry asks first (aria-haspopup): only buttons that act at once are timed.
    const orderIds = await page.evaluate(() =>
      [...document.querySelectorAll('main tbody tr')].flatMap((row) => {
        const id = row.querySelector('th')?.textContent;
        return id && row.querySelector('button[aria-busy="false"]:not([aria-haspopup])') ? [id] : [];
      }),
    );
    if (orderIds.length === 0) throw new Error('No order on screen can be provisioned in one click');
    for (const orderId of orderIds.slice(0, clicks - timings.length)) {
      const timing = await interact(page, { kind: 'busy', orderId }, 'click', await pressButton(page, orderId));
      timings.push(timing);
      // The provision request and the list refresh it causes are answered before the next click.
      await page.waitForFunction(
        (clickedAt) => {
          const fetches = window.benchProbe?.fetches ?? [];
          const pathOf = (url: string) => new URL(url, location.origin).pathname;
          const post = fetches.find(
            (record) => record.start >= clickedAt && pathOf(record.url) === '/api/orders/provision',
          );
          const refreshed =
            post?.end != null &&
            fetches.some((record) => record.start >= (post.end ?? Infinity) && pathOf(record.url) === '/api/orders');
          return refreshed && fetches.every((record) => record.end !== null);
        },
        timing.inputAt,
        { timeout: STEP_TIMEOUT_MS },
      );
    }
  }
  return withEventDurations(page, timings, ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
}

/**
 * Brings the order's row to the top of the window (away from the toasts, bottom right), rests the
 * pointer on its button and presses it; returns the release, the click to time. No locator work runs
 * in the page while the click is timed.
 */
async function pressButton(page: Page, orderId: string): Promise<() => Promise<void>> {
  const button = orderRow(page, orderId).getByRole('button');
  await button.evaluate((element) => element.closest('tr')?.scrollIntoView({ block: 'start' }));
  // The virtualised table has rendered for the new scroll position.
  await afterFrames(page, 2);
  const box = await button.boundingBox();
  if (!box) throw new Error(`The action button of ${orderId} is not rendered`);
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const hit = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('tr')?.querySelector('th')?.textContent,
    point,
  );
  if (hit !== orderId)
    throw new Error(`The action button of ${orderId} is covered (a click there reaches ${hit ?? 'nothing'})`);
  // As a hand clicks: the pointer rests on the button, then presses and releases it. Sent at once
  // (mouse.click), the move's hover work and the press queue ahead of the click and count as its delay.
  await page.mouse.move(point.x, point.y);
  await afterFrames(page, 2);
  await page.mouse.down();
  await afterFrames(page, 1);
  return () => page.mouse.up();
}

/** Resolves once the page has run `count` animation frames. */
function afterFrames(page: Page, count: number): Promise<void> {
  return page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
        next(frames);
      }),
    count,
  );
}

export type ScrollRun = {
  durationMs: number;
  frames: number;
  lastRow: number;
  total: number;
  reachedTarget: boolean;
  maxRowsInDom: number;
  longTasks: number[];
  /** List requests while scrolling: pages loaded, plus any refresh. */
  listRequests: number;
  /** The Long Animation Frames over 50 ms, longest first, with their costliest scripts. */
  worstFrames: ProbeFrame[];
};

/** Scrolls the window one step per frame until `untilRow` is rendered, loading pages as the table asks for them. */
export async function measureScroll(page: Page, options: ScrollOptions): Promise<ScrollRun> {
  return page.evaluate(async (scrollOptions) => {
    const probe = window.benchProbe;
    if (!probe) throw new Error('The bench probe is not installed');
    const run = await probe.scroll(scrollOptions);
    const during = <T extends { start: number }>(entries: readonly T[]) =>
      entries.filter((entry) => entry.start >= run.start && entry.start <= run.end);
    return {
      durationMs: run.end - run.start,
      frames: run.frames,
      lastRow: run.lastRow,
      total: run.total,
      reachedTarget: run.reachedTarget,
      maxRowsInDom: run.maxRowsInDom,
      longTasks: during(probe.longTasks).map((task) => task.duration),
      listRequests: during(probe.fetches).filter(
        (record) => new URL(record.url, location.origin).pathname === '/api/orders',
      ).length,
      worstFrames: during(probe.frames)
        .toSorted((a, b) => b.duration - a.duration)
        .slice(0, 3),
    };
  }, options);
}

/** Used JS heap after a forced garbage collection, in MB (CDP Performance.getMetrics, JSHeapUsedSize). */
export async function jsHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('CDP reported no JSHeapUsedSize');
    return used / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

export const rowsInDom = (page: Page) => page.locator('main tr').count();

const TIMED_OUT = Symbol('timed out');

async function within<T>(page: Page, what: string, run: () => Promise<T>): Promise<T> {
  const running = run();
  // Once timed out, its late rejection (the page closed) is expected: keep it from going unhandled.
  running.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), STEP_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([running, timeout]);
    if (result !== TIMED_OUT) return result;
  } finally {
    clearTimeout(timer);
  }
  throw new Error(
    `Timed out after ${STEP_TIMEOUT_MS / 1000} s waiting for ${what}; the page: ${await describePage(page)}`,
  );
}

function describePage(page: Page): Promise<string> {
  return page
    .evaluate(() =>
      JSON.stringify({
        url: `${location.pathname}${location.search}`,
        orderRows: document.querySelectorAll('main tbody th[scope="row"]').length,
        tableBusy: document.querySelector('main table')?.getAttribute('aria-busy') ?? null,
        main: (document.querySelector('main')?.textContent ?? '').slice(0, 160),
      }),
    )
    .catch((error: unknown) => `unreadable (${String(error)})`);
}
