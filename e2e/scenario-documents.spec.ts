import { oneFreshOrder } from '../src/testing/sample-scenarios';
import { advanceClock, confirmRetry, expect, orderRow, purchases, scenarioFile, test, toast } from './fixtures';

/* Suites start scenario documents as they start built-ins: a file of the repository, or an object. */

test.describe('a scenario file', () => {
  test.use({ scenario: scenarioFile('e2e/scenarios/stuck-then-outage.json') });

  test('starts as the file says: the stuck order resumes without a second purchase, the outage ends at minute 20', async ({
    page,
  }) => {
    await expect(orderRow(page, 'ORD-7001').getByRole('button', { name: 'Retry' })).toBeVisible();
    await orderRow(page, 'ORD-7001').getByRole('button', { name: 'Retry' }).click();
    await expect(toast(page, 'Provisioning started')).toBeVisible();
    await advanceClock(page, '1m');
    await expect(orderRow(page, 'ORD-7001')).toContainText('Active');
    expect(await purchases(page, 'ORD-7001')).toEqual([]);

    await advanceClock(page, '30m');
    await expect(orderRow(page, 'ORD-7002')).toContainText('SmartVPS buyVps failed after 3 attempts: API returned 503');
    await orderRow(page, 'ORD-7002').getByRole('button', { name: 'Retry' }).click();
    await confirmRetry(page, 'ORD-7002');
    await advanceClock(page, '5m');
    await expect(orderRow(page, 'ORD-7002')).toContainText('Active');
    expect(await purchases(page, 'ORD-7002')).toHaveLength(1);
  });
});

test.describe('a scenario object', () => {
  test.use({ scenario: oneFreshOrder });

  test('is registered and started like a built-in', async ({ page }) => {
    await expect(page.getByText(/^1 order$/)).toBeVisible();
    await orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' }).click();
    await advanceClock(page, '1m');
    await expect(orderRow(page, 'ORD-1001')).toContainText('Active');
  });
});
