import { expect, test } from '@playwright/test';
import { formatTable } from './report';
import { runBenchmark } from './suite';

test('orders page benchmark (issue 6)', async ({ browser, baseURL }) => {
  if (!baseURL) throw new Error('The bench config sets baseURL');
  const { figures, errors } = await runBenchmark(browser, {
    baseURL,
    listScenario: 'large',
    bigScenario: 'huge',
    firstVisits: 3,
    reloads: 5,
    keystrokes: 30,
    filterChanges: 30,
    clicks: 5,
    bigScrollRows: 5_000,
    lighthouse: ['mobile', 'desktop'],
  });
  console.info(`\n${formatTable(figures)}\n`);
  expect(errors).toEqual([]);
});
