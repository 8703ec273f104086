import type { BrowserContext, Page } from '@playwright/test';
import { oneFreshOrder } from '../src/testing/sample-scenarios';
import {
  advanceClock,
  expect,
  mockState,
  openConsole,
  openScenario,
  orderRow,
  purchases,
  test,
  toast,
} from './fixtures';

/*
 * One backend for every tab of a browser profile (a SharedWorker, saved in IndexedDB), and one per
 * Playwright browser context, since contexts share no storage.
 */

/** Another tab of the same profile on `path`, as a middle click on a link opens it: no session of its own. */
async function openTab(context: BrowserContext, path: string): Promise<Page> {
  const tab = await context.newPage();
  await openConsole(tab, path);
  return tab;
}

test.describe('two tabs of one profile', () => {
  test.use({ scenario: 'smartvps-down' });

  test('a tab opened from a link sees the same orders, clock and journals, signed in as the first', async ({
    page,
    context,
  }) => {
    await advanceClock(page, '30m');
    await expect(orderRow(page, 'ORD-1007')).toContainText('SmartVPS buyVps timeout after 3 attempts');

    const tab = await openTab(context, '/admin/manageOrders/ORD-1007');
    await expect(tab.getByRole('dialog', { name: /ORD-1007/ })).toContainText(
      'SmartVPS buyVps timeout after 3 attempts',
    );
    expect(await mockState(tab)).toEqual(await mockState(page));
    await expect(tab.getByText('Ada Admin')).toBeVisible();
  });

  test('a reset in one tab reaches every tab: their lists refresh, each signed in as the new scenario says', async ({
    page,
    context,
  }) => {
    const tab = await openTab(context, '/admin/manageOrders');
    await expect(orderRow(tab, 'ORD-1001')).toBeVisible();

    await openScenario(page, { scenario: 'empty' });
    await expect(tab.getByRole('heading', { name: 'No orders yet' })).toBeVisible();

    await openScenario(page, { scenario: 'support-agent' });
    await expect(tab.getByText('Sol Support')).toBeVisible();
    await expect(orderRow(tab, 'ORD-1001')).toBeVisible();
    await expect(tab.getByRole('button', { name: 'Provision' })).toHaveCount(0);
    expect(new URL(tab.url()).pathname).toBe('/admin/manageOrders');
  });
});

test('two tabs clicking one order at the same instant buy it exactly once', async ({ page, context }) => {
  const tab = await openTab(context, '/admin/manageOrders');
  const buttons = [page, tab].map((each) => orderRow(each, 'ORD-1001').getByRole('button', { name: 'Provision' }));
  await Promise.all(buttons.map((button) => button.click()));
  await expect(toast(page, /Provisioning started|currently being provisioned/)).toBeVisible();
  await expect(toast(tab, /Provisioning started|currently being provisioned/)).toBeVisible();
  // One tab's click started the run; the other's was refused by the backend's guard.
  const started = await Promise.all([page, tab].map((each) => toast(each, 'Provisioning started').count()));
  const refused = await Promise.all([page, tab].map((each) => toast(each, 'currently being provisioned').count()));
  expect(started.toSorted()).toEqual([0, 1]);
  expect(refused).toEqual(started.map((count) => 1 - count));
  await advanceClock(page, '5m');
  expect(await purchases(page, 'ORD-1001')).toHaveLength(1);
});

test.describe('two tabs of a quiet profile', () => {
  test.use({ scenario: oneFreshOrder });

  test('a click in one tab is refused in the other while its run is alive, and both lists follow it', async ({
    page,
    context,
  }) => {
    const tab = await openTab(context, '/admin/manageOrders');
    await expect(orderRow(tab, 'ORD-1001').getByRole('button', { name: 'Provision' })).toBeVisible();

    await orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' }).click();
    await expect(toast(page, 'Provisioning started')).toBeVisible();
    // The other tab still shows the button it loaded; its click reaches the same backend.
    await orderRow(tab, 'ORD-1001').getByRole('button', { name: 'Provision' }).click();
    await expect(toast(tab, 'Order is currently being provisioned. Please wait...')).toBeVisible();
    await expect(orderRow(tab, 'ORD-1001').getByRole('button', { name: 'Provision' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(await purchases(page, 'ORD-1001')).toEqual([]);
  });
});

test('the state outlives every tab: a browser opened again on the saved profile goes on', async ({
  page,
  context,
  browser,
}) => {
  await orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' }).click();
  await expect(toast(page, 'Provisioning started')).toBeVisible();
  const before = await mockState(page);
  // Everything the profile keeps, IndexedDB included, as a browser restarted on it would find it.
  const profile = await context.storageState({ indexedDB: true });
  const reopened = await browser.newContext({ storageState: profile });
  try {
    const tab = await reopened.newPage();
    await openConsole(tab, '/admin/manageOrders');
    expect(await mockState(tab)).toMatchObject({ scenario: before.scenario, now: before.now });
    await advanceClock(tab, '5m');
    await expect(orderRow(tab, 'ORD-1001')).toContainText('Active');
    expect(await purchases(tab, 'ORD-1001')).toHaveLength(1);
  } finally {
    await reopened.close();
  }
});

test('unreadable saved data is replaced by the seed, with a visible notice', async ({ page, context, browser }) => {
  await expect(orderRow(page, 'ORD-1001')).toBeVisible();
  const profile = await context.storageState({ indexedDB: true });
  // The saved backend is the one string the profile's IndexedDB holds.
  const corrupted: typeof profile = JSON.parse(JSON.stringify(profile), (key, value: unknown) =>
    key === 'value' && typeof value === 'string' && value.startsWith('{') ? '{"simulator": corrupt' : value,
  );
  const reopened = await browser.newContext({ storageState: corrupted });
  try {
    const tab = await reopened.newPage();
    await openConsole(tab, '/admin/manageOrders');
    await expect(tab.getByRole('alert')).toContainText('The saved mock data could not be read');
    await expect(orderRow(tab, 'ORD-1001')).toBeVisible();
  } finally {
    await reopened.close();
  }
});

test('two browser contexts never share a backend', async ({ page, browser }) => {
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await openScenario(otherPage, { scenario: 'empty' });
    await expect(otherPage.getByRole('heading', { name: 'No orders yet' })).toBeVisible();

    await expect(orderRow(page, 'ORD-1001')).toBeVisible();
    await page.reload();
    await expect(orderRow(page, 'ORD-1001')).toBeVisible();
    expect((await mockState(page)).scenario).toBe('default');
    expect((await mockState(otherPage)).scenario).toBe('empty');
  } finally {
    await other.close();
  }
});

test('where the browser has no SharedWorker, each tab keeps its own backend, and the panel says so', async ({
  browser,
}) => {
  const context = await browser.newContext();
  try {
    await context.addInitScript(() => Reflect.deleteProperty(window, 'SharedWorker'));
    const [first, second] = [await context.newPage(), await context.newPage()];
    await openScenario(first, { scenario: 'empty' });
    await openScenario(second, { scenario: 'default' });
    await first.reload();
    await openConsole(first, '/admin/manageOrders');
    await expect(first.getByRole('heading', { name: 'No orders yet' })).toBeVisible();
    await expect(orderRow(second, 'ORD-1001')).toBeVisible();
    expect((await mockState(first)).runsIn).toBe('browserTab');
    await first.getByRole('button', { name: /^Scenarios/ }).click();
    await expect(first.getByRole('dialog', { name: 'Scenarios' })).toContainText('this browser has no SharedWorker');
  } finally {
    await context.close();
  }
});

test('requests the backend does not claim reach the network intact; unknown API paths are a JSON 404', async ({
  page,
}) => {
  await page.route('**/somewhere-else', (route) => route.fulfill({ json: { received: route.request().postData() } }));
  const answers = await page.evaluate(async () => {
    const send = async (path: string) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"hello":"world"}',
      });
      return { status: response.status, body: await response.json() };
    };
    return Promise.all(['/somewhere-else', '/api/nope', '/__mock/nope'].map(send));
  });
  expect(answers).toEqual([
    { status: 200, body: { received: '{"hello":"world"}' } },
    { status: 404, body: { success: false, code: 'NOT_FOUND', message: 'No such endpoint: POST /api/nope' } },
    { status: 404, body: { success: false, code: 'NOT_FOUND', message: 'No such endpoint: POST /__mock/nope' } },
  ]);
});

test.describe('huge', () => {
  test.use({ scenario: 'huge' });

  test('a second tab shows the 100,000 orders from the running backend', async ({ page, context }) => {
    // Seeding 100,000 orders takes seconds on two busy cores; the second tab does not seed again.
    test.slow();
    await expect(page.getByText('100,000 orders')).toBeVisible({ timeout: 20_000 });
    const tab = await openTab(context, '/admin/manageOrders');
    await expect(tab.getByText('100,000 orders')).toBeVisible();
    await expect(orderRow(tab, 'ORD-1001')).toBeVisible();
  });
});
