import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ScheduleResponseSchema, type ScheduleEvent } from '../src/contract/mock-control';
import { expect, mockState, openConsole, orderRow, test, upstreamCalls } from './fixtures';

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

/** What the backend has due, soonest first, read through the page like the panel reads it. */
async function schedule(page: Page): Promise<ScheduleEvent[]> {
  const events = await page.evaluate(async () => (await fetch('/__mock/schedule')).json());
  return ScheduleResponseSchema.parse(events).events;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('Coming up says in words what is due next, and Advance to next plays it', async ({ page }) => {
  await page.getByRole('button', { name: /^Scenarios: / }).click();
  const comingUp = page.getByRole('dialog', { name: 'Scenarios' }).getByRole('region', { name: 'Coming up' });
  const events = await schedule(page);
  const [first] = events;
  if (!first) throw new Error('The default scenario has nothing due at its start');

  // The time on the simulated clock, then the event in words: "12:00:05 PM ORD-1007: …".
  await expect(comingUp.getByRole('listitem')).toHaveText(
    events.slice(0, 5).map((event) => new RegExp(`^\\d{2}:\\d{2}:\\d{2}.* ${escapeRegExp(event.description)}$`)),
  );
  expect(first.description).toMatch(/^ORD-100[78]: /);

  await comingUp.getByRole('button', { name: 'Advance to next' }).click();

  await expect.poll(async () => (await mockState(page)).now).toBe(first.at);
  const [next] = await schedule(page);
  if (!next) throw new Error('Nothing is due after the first event');
  await expect(comingUp.getByRole('listitem').first()).toHaveText(new RegExp(`${escapeRegExp(next.description)}$`));
});

test('a fault injected from the panel shows its message in the console', async ({ page }) => {
  // An order with no run: the list does not refresh on its own, so the faults wait for the admin.
  await openConsole(page, '/admin/manageOrders?q=ORD-1001');
  await expect(orderRow(page, 'ORD-1001')).toBeVisible();
  await page.getByRole('button', { name: /^Scenarios: / }).click();
  const faults = page.getByRole('dialog', { name: 'Scenarios' }).getByRole('region', { name: 'Inject a fault' });

  await faults.getByRole('combobox', { name: 'Route' }).selectOption({ label: 'List orders (GET /api/orders)' });
  await faults.getByRole('combobox', { name: 'Fault' }).selectOption({ label: 'HTTP error' });
  await faults.getByRole('combobox', { name: 'HTTP status' }).selectOption('503');
  await expect(faults.getByRole('combobox', { name: 'Code' })).toHaveValue('SERVICE_UNAVAILABLE');
  await faults.getByRole('textbox', { name: 'Message' }).fill('SmartVPS API is down for maintenance');
  // The console asks again once after a 5xx: two requests, so the admin sees it fail.
  await faults.getByRole('textbox', { name: 'Number of requests' }).fill('2');
  await faults.getByRole('button', { name: 'Inject fault' }).click();
  await expect(faults.getByRole('status')).toHaveText(
    'The next 2 requests to List orders get HTTP 503 SERVICE_UNAVAILABLE “SmartVPS API is down for maintenance”.',
  );

  await page.keyboard.press('Escape');
  await page.getByRole('searchbox', { name: 'Search orders' }).fill('ORD-1002');

  await expect(page.getByRole('alert')).toContainText('SmartVPS API is down for maintenance');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(orderRow(page, 'ORD-1002')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
