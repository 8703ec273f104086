/**
 * What the benchmark observes inside the page. `installProbe` runs as an init script, before the
 * console's own scripts, so every observer sees the whole page life. Times are `performance.now()`
 * values: milliseconds since the navigation started.
 */

export type FilterName = 'q' | 'status' | 'provider' | 'provisioning';
export type FilterValues = Partial<Record<FilterName, string>>;

export type ProbeFetch = { url: string; start: number; end: number | null };
/** An Event Timing entry: `duration` runs from the event's timestamp to the next paint (8 ms steps, ≥ 16 ms only). */
export type ProbeEvent = {
  name: string;
  start: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
};
export type ProbeLongTask = { start: number; duration: number };
/** A script of a long animation frame; `forcedLayout` is the part spent on style and layout it forced (e.g. reading scrollY). */
export type ProbeScript = { source: string; duration: number; forcedLayout: number };
/** A Long Animation Frame entry, with the scripts that cost the most in it. */
export type ProbeFrame = { start: number; duration: number; blocking: number; scripts: ProbeScript[] };
export type ProbeInput = { type: string; at: number };

export type FirstRowTiming = {
  /** The first order row entered the DOM (React committed it). */
  insertedAt: number;
  /** The frame after that commit finished on the main thread (rAF, then the task after it). */
  frameAt: number;
  /** The row's text was painted: its Element Timing `renderTime`. */
  paintedAt: number;
};

/** What a measured interaction waits for. */
export type Expectation =
  /** The list answered for exactly these filters (first page) and the table shows that answer. */
  | { kind: 'rows'; filters: FilterValues }
  /** The action button in this order's row shows its spinner. */
  | { kind: 'busy'; orderId: string };

export type InteractionTiming = {
  /** Timestamp of the interaction's first event (keydown, click). */
  inputAt: number;
  /** The list request left (fetch called); null for 'busy'. */
  requestAt: number | null;
  responseAt: number | null;
  /** The DOM showed the result (MutationObserver callback after React's commit). */
  commitAt: number;
  frameAt: number;
};

export type ScrollOptions = { stepPx: number; untilRow: number; maxMs: number };
export type ScrollResult = {
  start: number;
  end: number;
  frames: number;
  /** The last order row rendered (1-based), and the list's total. */
  lastRow: number;
  total: number;
  maxRowsInDom: number;
  reachedTarget: boolean;
};

export type Probe = {
  firstRow: Promise<FirstRowTiming>;
  fetches: ProbeFetch[];
  events: ProbeEvent[];
  longTasks: ProbeLongTask[];
  frames: ProbeFrame[];
  inputs: ProbeInput[];
  /** Starts watching for an expectation; `settled` resolves once it is met and painted. */
  arm(expectation: Expectation, startEvent: string): void;
  settled: Promise<InteractionTiming> | null;
  /** Scrolls the window by `stepPx` every frame until row `untilRow` (or the list's end) is rendered. */
  scroll(options: ScrollOptions): Promise<ScrollResult>;
};

declare global {
  interface Window {
    benchProbe?: Probe;
  }
  /** Event Timing's threshold, missing from TypeScript's DOM library. */
  interface PerformanceObserverInit {
    durationThreshold?: number;
  }
}

/** The parts of Element Timing and Long Animation Frame entries the probe reads (not in TypeScript's DOM library). */
type ElementTimingEntry = PerformanceEntry & { identifier: string; renderTime: number };
type LongAnimationFrameEntry = PerformanceEntry & {
  blockingDuration: number;
  scripts: {
    sourceURL: string;
    sourceFunctionName: string;
    invoker: string;
    duration: number;
    forcedStyleAndLayoutDuration: number;
  }[];
};

/** Self-contained: Playwright sends its source to the page, so it may use nothing from outside. */
export function installProbe(): void {
  const afterNextFrame = (done: (at: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.addEventListener('message', () => done(performance.now()), { once: true });
      channel.port1.start();
      channel.port2.postMessage(null);
    });
  const observe = (type: string, onEntry: (entry: PerformanceEntry) => void, durationThreshold?: number) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
    new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({
      type,
      buffered: true,
      ...(durationThreshold ? { durationThreshold } : {}),
    });
  };
  const isElementTiming = (entry: PerformanceEntry): entry is ElementTimingEntry => entry.entryType === 'element';
  const isLongAnimationFrame = (entry: PerformanceEntry): entry is LongAnimationFrameEntry =>
    entry.entryType === 'long-animation-frame';

  const fetches: ProbeFetch[] = [];
  const events: ProbeEvent[] = [];
  const longTasks: ProbeLongTask[] = [];
  const frames: ProbeFrame[] = [];
  const inputs: ProbeInput[] = [];

  const recordFetches = () => {
    const patchedFetch = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const record: ProbeFetch = { url, start: performance.now(), end: null };
      fetches.push(record);
      const response = patchedFetch(input, init);
      const finish = () => {
        record.end = performance.now();
      };
      response.then(finish, finish);
      return response;
    };
  };
  // The mock replaces window.fetch as it starts, then marks <html data-mock="ready">: the probe wraps
  // the mock's fetch at that moment (a microtask before the console's first request).
  const mockReady = new MutationObserver(() => {
    if (document.documentElement?.dataset['mock'] !== 'ready') return;
    mockReady.disconnect();
    recordFetches();
  });
  // The document, not <html>: an init script runs before <html> exists.
  mockReady.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-mock'] });

  for (const type of ['keydown', 'input', 'change', 'pointerdown', 'click']) {
    window.addEventListener(type, (event) => inputs.push({ type, at: event.timeStamp }), {
      capture: true,
      passive: true,
    });
  }

  observe('longtask', (entry) => longTasks.push({ start: entry.startTime, duration: entry.duration }));
  observe(
    'event',
    (entry) => {
      if (entry instanceof PerformanceEventTiming) {
        events.push({
          name: entry.name,
          start: entry.startTime,
          duration: entry.duration,
          processingStart: entry.processingStart,
          processingEnd: entry.processingEnd,
        });
      }
    },
    16,
  );
  observe('long-animation-frame', (entry) => {
    if (!isLongAnimationFrame(entry)) return;
    const scripts = entry.scripts
      .map((script) => ({
        source: `${script.invoker} ${script.sourceFunctionName}@${script.sourceURL.split('/').at(-1) ?? ''}`,
        duration: script.duration,
        forcedLayout: script.forcedStyleAndLayoutDuration,
      }))
      .toSorted((a, b) => b.duration - a.duration)
      .slice(0, 3);
    frames.push({ start: entry.startTime, duration: entry.duration, blocking: entry.blockingDuration, scripts });
  });

  const firstRow = new Promise<FirstRowTiming>((resolve) => {
    const found = new MutationObserver(() => {
      const cells = document.querySelectorAll('main tbody th[scope="row"]');
      if (cells.length === 0) return;
      found.disconnect();
      const insertedAt = performance.now();
      // Set before the rows are painted, so Element Timing reports that paint. All of them: the first
      // in the DOM may be an overscan row above the screen, which is never painted.
      for (const cell of cells) cell.setAttribute('elementtiming', 'bench:first-row');
      afterNextFrame((frameAt) => {
        if (!PerformanceObserver.supportedEntryTypes.includes('element')) {
          resolve({ insertedAt, frameAt, paintedAt: frameAt });
          return;
        }
        observe('element', (entry) => {
          if (isElementTiming(entry) && entry.identifier === 'bench:first-row')
            resolve({ insertedAt, frameAt, paintedAt: entry.renderTime || entry.startTime });
        });
      });
    });
    found.observe(document, { childList: true, subtree: true });
  });

  function buttonOf(orderId: string): Element | null {
    const row = [...document.querySelectorAll('main tbody tr')].find(
      (tr) => tr.querySelector('th')?.textContent === orderId,
    );
    return row?.querySelector('button') ?? null;
  }

  function listRequest(filters: FilterValues, after: number): ProbeFetch | undefined {
    return fetches.find((record) => {
      if (record.start < after) return false;
      const url = new URL(record.url, location.origin);
      if (url.pathname !== '/api/orders' || url.searchParams.has('cursor')) return false;
      return (['q', 'status', 'provider', 'provisioning'] as const).every(
        (name) => (url.searchParams.get(name) ?? undefined) === filters[name],
      );
    });
  }

  const probe: Probe = {
    firstRow,
    fetches,
    events,
    longTasks,
    frames,
    inputs,
    settled: null,
    arm(expectation, startEvent) {
      const armedAt = performance.now();
      probe.settled = new Promise((resolve) => {
        let request: ProbeFetch | undefined;
        const met = (): boolean => {
          if (expectation.kind === 'busy') return buttonOf(expectation.orderId)?.getAttribute('aria-busy') === 'true';
          request ??= listRequest(expectation.filters, armedAt);
          return (
            request !== undefined &&
            request.end !== null &&
            document.querySelector('main table')?.getAttribute('aria-busy') === 'false'
          );
        };
        const check = () => {
          if (!met()) return;
          const commitAt = performance.now();
          watcher.disconnect();
          afterNextFrame((frameAt) => {
            const input = inputs.find((candidate) => candidate.type === startEvent && candidate.at >= armedAt);
            resolve({
              inputAt: input?.at ?? Number.NaN,
              requestAt: request?.start ?? null,
              responseAt: request?.end ?? null,
              commitAt,
              frameAt,
            });
          });
        };
        const watcher = new MutationObserver(check);
        watcher.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['aria-busy'],
        });
      });
    },
    scroll({ stepPx, untilRow, maxMs }) {
      return new Promise((resolve) => {
        const start = performance.now();
        let frameCount = 0;
        let maxRowsInDom = 0;
        const tick = () => {
          frameCount += 1;
          const table = document.querySelector('main table');
          const rows = table?.querySelectorAll('tbody tr[aria-rowindex]') ?? [];
          maxRowsInDom = Math.max(maxRowsInDom, table?.querySelectorAll('tr').length ?? 0);
          // aria-rowindex counts the header row: order row n has index n + 1.
          const lastRow = Number(rows[rows.length - 1]?.getAttribute('aria-rowindex') ?? 1) - 1;
          const total = Number(table?.getAttribute('aria-rowcount') ?? 1) - 1;
          const reachedTarget = lastRow >= Math.min(untilRow, total);
          if (reachedTarget || performance.now() - start > maxMs) {
            resolve({ start, end: performance.now(), frames: frameCount, lastRow, total, maxRowsInDom, reachedTarget });
            return;
          }
          window.scrollBy(0, stepPx);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
  };
  window.benchProbe = probe;
}
