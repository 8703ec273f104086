import { formatTable, isMeasured } from '../bench/report';
import { runBenchmark } from '../bench/suite';
import { expect, test } from './fixtures';

/** `npm run bench` at tiny run counts on small lists, so it cannot rot: numbers only, no thresholds. */
test('the benchmark measures every figure and prints its table', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('The e2e config sets baseURL');
  const { figures, errors } = await runBenchmark(browser, {
    baseURL,
    listScenario: 'default',
    bigScenario: 'large',
    firstVisits: 1,
    reloads: 1,
    secondTabs: 1,
    keystrokes: 2,
    filterChanges: 2,
    clicks: 1,
    bigScrollRows: 300,
    lighthouse: ['desktop'],
  });
  expect(errors).toEqual([]);
  expect(figures.filter((figure) => !isMeasured(figure)).map((figure) => figure.label)).toEqual([]);
  expect(new Set(figures.map((figure) => figure.id))).toEqual(new Set(['1', '2', '3', '4', '5', '6', '7']));
  const table = formatTable(figures);
  console.info(table);
  expect(table.split('\n')).toHaveLength(figures.length + 2);
});
