import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, orderRow, test, toast } from './fixtures';

/** Serious and critical violations only: the ones that block someone from using the console. */
async function blockingViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('the orders page has no serious accessibility violations, light and dark', async ({ page }) => {
  // axe over the whole table takes seconds on two busy cores.
  test.slow();
  await expect(orderRow(page, 'ORD-1001')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await blockingViolations(page)).toEqual([]);
});

test('a toast and a busy button have no serious accessibility violations', async ({ page }) => {
  test.slow();
  await orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' }).click();
  await expect(toast(page, 'Provisioning started')).toBeVisible();
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
  test('the error state has no serious accessibility violations', async ({ page }) => {
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
  });
});

test('the console works from the keyboard: tab to a Retry button and press Enter', async ({ page }) => {
  await expect(orderRow(page, 'ORD-1002')).toBeVisible();
  const retry = orderRow(page, 'ORD-1002').getByRole('button', { name: 'Retry' });
  for (let presses = 0; presses < 40 && !(await retry.evaluate((button) => button === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(retry).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toast(page, 'Provisioning started')).toBeVisible();
  await expect(retry).toBeFocused();
});
