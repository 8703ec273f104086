import { AxeBuilder } from '@axe-core/playwright';
import { expect, orderRow, test, upstreamCalls } from './fixtures';

/** The scenario panel drives the simulated backend from the page, as designers and QA use it. */

test('picks a scenario, moves the clock and reads the upstream journal from the panel', async ({ page }) => {
  const launcher = page.getByRole('button', { name: 'Scenarios: default' });
  await expect(launcher).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(launcher).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Scenarios' });
  await expect(panel).toBeFocused();

  const scenarios = panel.getByRole('region', { name: 'Scenario', exact: true });
  await scenarios.getByRole('button', { name: 'Start smartvps-down' }).click();
  const picked = scenarios.getByRole('listitem', { name: 'smartvps-down' });
  await expect(picked).toHaveAttribute('aria-current', 'true');
  await expect(picked).toContainText('Every SmartVPS purchase times out.');
  await expect(page.getByRole('button', { name: 'Scenarios: smartvps-down' })).toBeVisible();

  // Long enough for all three automatic attempts, whatever their seeded delays.
  await panel.getByRole('button', { name: '+30 min' }).click();

  await expect(orderRow(page, 'ORD-1007')).toContainText('SmartVPS buyVps timeout after 3 attempts');
  await expect(orderRow(page, 'ORD-1007').getByRole('button', { name: 'Retry' })).toHaveAttribute(
    'data-variant',
    'destructive',
  );
  const upstream = panel.getByRole('region', { name: 'Upstream calls' });
  await expect(upstream.getByRole('row', { name: /buyVps SmartVPS ORD-1007 .* Timed out/ }).first()).toBeVisible();
  // ORD-1008 is a Hostycare order, bought while SmartVPS is down.
  await expect(upstream.getByText('1 successful purchase', { exact: true })).toBeVisible();
  expect((await upstreamCalls(page)).filter((call) => call.orderId === 'ORD-1007')).toHaveLength(3);
});

test('the launcher is named by its visible text, so what a voice-control user says is its name', async ({ page }) => {
  const launcher = page.getByRole('button', { name: 'Scenarios: default', exact: true });
  await expect(launcher).toBeVisible();
  await expect(launcher).not.toHaveAttribute('aria-label');
  const { violations } = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
  expect(violations).toEqual([]);
});
