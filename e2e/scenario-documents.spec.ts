import type { ScenarioDocument } from '../src/contract/scenario-document';
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

const emptyButOne: ScenarioDocument = {
  version: 1,
  name: 'one-fresh-order',
  description: 'A single order, paid and never provisioned.',
  demonstrates: 'The smallest world a test can start.',
  orders: [
    {
      id: 'ORD-1',
      customer: 'Ana Lima',
      packageId: 'hostycare-cloud-s',
      status: 'confirmed',
      createdMinutesAgo: 3,
      paidMinutesAgo: 2,
      autoProvisioned: false,
    },
  ],
};

test.describe('a scenario object', () => {
  test.use({ scenario: emptyButOne });

  test('is registered and started like a built-in', async ({ page }) => {
    await expect(page.getByText(/^1 order$/)).toBeVisible();
    await orderRow(page, 'ORD-1').getByRole('button', { name: 'Provision' }).click();
    await advanceClock(page, '1m');
    await expect(orderRow(page, 'ORD-1')).toContainText('Active');
  });
});
