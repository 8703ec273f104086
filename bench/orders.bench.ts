import { expect, test } from '@playwright/test';
import { startRun, writeReadmeTable } from './readme-table';
import { formatTable } from './report';
import { runBenchmark } from './suite';

test('orders page benchmark', async ({ browser, baseURL }) => {
  if (!baseURL) throw new Error('The bench config sets baseURL');
  const run = startRun(browser.version());
  const { figures, errors } = await runBenchmark(browser, {
    baseURL,
    listScenario: 'large',
    bigScenario: 'huge',
    firstVisits: 3,
    reloads: 5,
    secondTabs: 3,
    keystrokes: 30,
    filterChanges: 30,
    clicks: 5,
    bigScrollRows: 5_000,
    lighthouse: ['mobile', 'desktop'],
  });
  console.info(`\n${formatTable(figures)}\n`);
  // Written even when a measurement failed: its line says n/a and why.
  writeReadmeTable(figures, run);
  expect(errors).toEqual([]);
});
