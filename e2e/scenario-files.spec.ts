import type { Page } from '@playwright/test';
import { advanceClock, expect, mockState, openConsole, orderRow, test } from './fixtures';
import { twoFreshOrders } from '../src/testing/sample-scenarios';

/**
 * Scenarios as files through the scenario panel: export the backend to a file, import one (chosen
 * or dropped) into another browser. In the page's mock only: a fresh browser context is a backend of
 * its own there, where on the mock server it would need a tenant of its own.
 */

async function openPanel(page: Page) {
  await page.getByRole('button', { name: /^Scenarios: / }).click();
  return page.getByRole('dialog', { name: 'Scenarios' });
}

/** The rows of the orders table, and the panel's coming-up list, as the admin reads them. */
async function whatTheAdminSees(page: Page) {
  const panel = page.getByRole('dialog', { name: 'Scenarios' });
  return {
    rows: await page.getByRole('table', { name: 'Orders' }).getByRole('row').allTextContents(),
    comingUp: await panel.getByRole('region', { name: 'Coming up' }).getByRole('listitem').allTextContents(),
  };
}

test('a state exported in one browser and imported in a fresh one shows the same rows and the same coming-up list', async ({
  page,
  browser,
}, testInfo) => {
  // Under way: ORD-1007 and ORD-1008 are being provisioned, so the state holds runs in flight.
  await advanceClock(page, '30s');
  // Loaded afresh on the paused clock, so what the page shows is the state exported.
  await openConsole(page, '/admin/manageOrders');
  await expect(orderRow(page, 'ORD-1007')).toContainText('waiting for its IP');
  const panel = await openPanel(page);
  await expect(panel.getByRole('region', { name: 'Coming up' }).getByRole('listitem').first()).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export current state' }).click(),
  ]);
  const fileName = download.suggestedFilename();
  expect(fileName).toMatch(/^default-at-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  await expect(panel.getByText(`Downloaded ${fileName}`)).toBeVisible();
  const file = testInfo.outputPath(fileName);
  await download.saveAs(file);
  const exported = await whatTheAdminSees(page);
  expect(exported.comingUp.length).toBeGreaterThan(0);

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    const problems = watchForProblems(fresh);
    await openConsole(fresh, '/admin/manageOrders');
    const freshPanel = await openPanel(fresh);
    await freshPanel.getByLabel('Import a scenario file').setInputFiles(file);

    const name = fileName.replace(/\.json$/, '');
    await expect(freshPanel.getByText(`Started ${name} from ${fileName}.`)).toBeVisible();
    await expect(fresh.getByRole('button', { name: `Scenarios: ${name}`, exact: true })).toBeVisible();
    await expect(fresh.getByRole('table', { name: 'Orders' }).getByRole('row')).toHaveText(exported.rows);
    await expect(freshPanel.getByRole('region', { name: 'Coming up' }).getByRole('listitem')).toHaveText(
      exported.comingUp,
    );
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a hand-written file with two mistakes shows each beside its path and starts nothing; the corrected one, dropped, starts', async ({
  page,
}) => {
  const panel = await openPanel(page);
  const files = panel.getByRole('region', { name: 'Scenario files' });
  const [first, second] = twoFreshOrders.orders ?? [];
  if (!first || !second) throw new Error('The document lists two orders');
  const mistaken = {
    ...twoFreshOrders,
    name: 'Two Fresh Orders',
    orders: [first, { ...second, packageId: 'hostycare-xl' }],
  };

  await files.getByLabel('Import a scenario file').setInputFiles({
    name: 'two-fresh-orders.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(mistaken, null, 2)),
  });

  await expect(files.getByRole('alert')).toHaveText(
    'Could not import two-fresh-orders.json: The scenario document has 2 problems. Nothing was started.',
  );
  await expect(files.getByRole('list', { name: /^Could not import/ }).getByRole('listitem')).toHaveText([
    /^\$\.name — A scenario name is 1 to 64 lower-case letters/,
    /^\$\.orders\[1\]\.packageId — ./,
  ]);
  expect((await mockState(page)).scenario).toBe('default');
  await expect(orderRow(page, 'ORD-1001')).toBeVisible();

  // Dropped on the section, as from the file manager.
  const dataTransfer = await page.evaluateHandle((document) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify(document)], 'two-fresh-orders.json', { type: 'application/json' }));
    return transfer;
  }, twoFreshOrders);
  await files.dispatchEvent('dragover', { dataTransfer });
  await files.dispatchEvent('drop', { dataTransfer });

  await expect(files.getByText('Started two-fresh-orders from two-fresh-orders.json.')).toBeVisible();
  await expect(files.getByRole('alert')).toHaveCount(0);
  await expect(orderRow(page, 'ORD-5001').getByRole('button', { name: 'Provision' })).toBeVisible();
  await expect(orderRow(page, 'ORD-1001')).toHaveCount(0);
  const registered = panel.getByRole('region', { name: 'Scenario', exact: true }).getByRole('listitem', {
    name: 'two-fresh-orders',
  });
  await expect(registered).toHaveAttribute('aria-current', 'true');
  await expect(registered).toContainText('Registered');
  expect((await mockState(page)).scenario).toBe('two-fresh-orders');
});

/** What the fixtures watch on their own page: uncaught errors and console errors (CSP violations among them). */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      problems.push(`console.error: ${message.text()}`);
    }
  });
  return problems;
}
