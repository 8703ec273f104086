import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { advanceClock, expect, orderRow, test, toast } from './fixtures';

/**
 * Serious and critical violations only: the ones that block someone from using the console. `within`
 * scans one part (a dialog) whose page the other tests scan already: axe over a table is slow.
 */
async function blockingViolations(page: Page, within?: string) {
  // A colour scheme just switched is still fading in (`transition-colors`): axe would measure the
  // contrast of a colour half-way between the light and the dark one. Transitions only: a busy
  // button's spinner turns for ever.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        // A transition cancelled by another rejects: it is over either way.
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const builder = new AxeBuilder({ page });
  const { violations } = await (within ? builder.include(within) : builder).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

// In order, in one worker: two axe runs at once on two cores take minutes instead of seconds.
test.describe.configure({ mode: 'default' });

// Let the default scenario's two automatic runs finish first: while a run is under way the list
// re-renders every 2 s, and axe, which reads every element's styles, takes minutes instead of seconds.
test.beforeEach(async ({ page }) => {
  await advanceClock(page, '5m');
});

/** The brief's examples and the cases around them (ORD-1001 to ORD-1009): every kind of row, few rows. */
const EVERY_KIND_OF_ROW = '/admin/manageOrders?q=ORD-100';

test('the orders page has no serious accessibility violations, light, and dark with a busy button and a toast', async ({
  page,
}) => {
  // axe over a table takes seconds on two busy cores.
  test.slow();
  await page.goto(EVERY_KIND_OF_ROW);
  await expect(orderRow(page, 'ORD-1001')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' }).click();
  await expect(toast(page, 'Provisioning started')).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await blockingViolations(page)).toEqual([]);
});

test.describe('empty', () => {
  test.use({ scenario: 'empty' });
  test('the empty state has no serious accessibility violations', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'No orders yet' })).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
  });
});

test.describe('session-expired', () => {
  test.use({ scenario: 'session-expired' });
  test('the sign-in page, with its expiry notice, has no serious accessibility violations, light and dark', async ({
    page,
  }) => {
    await expect(page.getByText('Your session has expired. Sign in again to continue.')).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await blockingViolations(page)).toEqual([]);
  });
});

test('Needs attention, with rows ticked for a bulk retry, has no serious accessibility violations (dark: the orders page test)', async ({
  page,
}) => {
  test.slow();
  await page.getByRole('link', { name: /Needs attention/ }).click();
  await page.getByRole('checkbox', { name: 'Select ORD-1002' }).check();
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toContainText('1 selected');
  expect(await blockingViolations(page)).toEqual([]);
});

test('the retry confirmation has no serious accessibility violations', async ({ page }) => {
  await orderRow(page, 'ORD-1011').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('dialog', { name: 'Retry ORD-1011?' })).toBeVisible();
  expect(await blockingViolations(page, '[role="dialog"]')).toEqual([]);
});

test('the order drawer has no serious accessibility violations, stuck and provisioned, light and dark', async ({
  page,
}) => {
  test.slow();
  await orderRow(page, 'ORD-1003').getByRole('link', { name: 'ORD-1003' }).click();
  await expect(page.getByRole('dialog', { name: /ORD-1003/ })).toContainText('Stuck since');
  expect(await blockingViolations(page, '[role="dialog"]')).toEqual([]);
  await page.goto('/admin/manageOrders/ORD-1004');
  await expect(page.getByRole('button', { name: 'Reveal password' })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await blockingViolations(page, '[role="dialog"]')).toEqual([]);
});

test('the scenario panel has no serious accessibility violations', async ({ page }) => {
  test.slow();
  await expect(orderRow(page, 'ORD-1001')).toBeVisible();
  await page.getByRole('button', { name: /^Scenarios: / }).click();
  await expect(page.getByRole('region', { name: 'Scenario', exact: true })).toBeVisible();
  expect(await blockingViolations(page, 'dialog')).toEqual([]);
});

test('the console works from the keyboard: tab to a Retry button and press Enter', async ({ page }) => {
  await expect(orderRow(page, 'ORD-1002')).toBeVisible();
  const retry = orderRow(page, 'ORD-1002').getByRole('button', { name: 'Retry' });
  // From the order's link (first in its row) one Tab reaches its button: the row has nothing between.
  await orderRow(page, 'ORD-1002').getByRole('link', { name: 'ORD-1002' }).focus();
  await page.keyboard.press('Tab');
  await expect(retry).toBeFocused();
  await page.keyboard.press('Enter');
  // A failed order asks first; the confirmation is reached and answered from the keyboard too.
  const dialog = page.getByRole('dialog', { name: 'Retry ORD-1002?' });
  await expect(dialog).toBeVisible();
  // Focus is trapped in the dialog: Tab walks close → reason → Cancel → confirm.
  const reason = dialog.getByRole('textbox', { name: /Reason/ });
  for (
    let presses = 0;
    presses < 5 && !(await reason.evaluate((field) => field === document.activeElement));
    presses++
  ) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('Provider is back');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Retry ORD-1002', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toast(page, 'Provisioning started')).toBeVisible();
  await expect(retry).toBeFocused();
});
