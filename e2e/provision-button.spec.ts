import { advanceClock, confirmRetry, expect, orderRow, purchases, requestJournal, test, toast } from './fixtures';

/** The testing checklist of the product brief, one test each, on the default scenario. */

test('a fresh order shows "Provision"', async ({ page }) => {
  const button = orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('data-variant', 'default');
});

test('a failed SmartVPS order shows "Retry" (destructive)', async ({ page }) => {
  const button = orderRow(page, 'ORD-1002').getByRole('button', { name: 'Retry' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('data-variant', 'destructive');
  await expect(orderRow(page, 'ORD-1002')).toContainText('SmartVPS buyVps timeout after 3 attempts');
});

test('a confirmed SmartVPS order without IP shows the button', async ({ page }) => {
  const button = orderRow(page, 'ORD-1003').getByRole('button', { name: 'Retry' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('data-variant', 'default');
});

test('a provisioned order has no button', async ({ page }) => {
  const row = orderRow(page, 'ORD-1004');
  await expect(row).toContainText('103.177.114.195');
  await expect(row.getByRole('button')).toHaveCount(0);
});

test('clicking several times causes no duplicate', async ({ page }) => {
  const button = orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' });
  await button.click();
  await button.click({ force: true });
  await button.click({ force: true });
  await expect(toast(page, 'Provisioning started')).toBeVisible();

  const posts = (await requestJournal(page)).filter((entry) => entry.method === 'POST');
  expect(posts).toHaveLength(1);
  await advanceClock(page, '5m');
  await expect(toast(page, 'ORD-1001 is active')).toBeVisible();
  expect(await purchases(page, 'ORD-1001')).toHaveLength(1);
});

test('the button disables with a spinner while provisioning', async ({ page }) => {
  const button = orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' });
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleName('Provision');

  await advanceClock(page, '5m');
  await expect(toast(page, 'ORD-1001 is active')).toBeVisible();
  await expect(orderRow(page, 'ORD-1001').getByRole('button')).toHaveCount(0);
});

test('works for SmartVPS and Hostycare', async ({ page }) => {
  for (const orderId of ['ORD-1002', 'ORD-1005']) {
    await orderRow(page, orderId).getByRole('button', { name: 'Retry' }).click();
    await confirmRetry(page, orderId);
    // Each answer its own toast (checked one at a time: the first may be gone by the second confirmation).
    await expect(toast(page, 'Provisioning started').filter({ hasText: orderId })).toBeVisible();
  }
  await advanceClock(page, '5m');
  await expect(toast(page, 'ORD-1002 is active')).toBeVisible();
  await expect(toast(page, 'ORD-1005 is active')).toBeVisible();
  expect((await purchases(page)).map((call) => [call.orderId, call.operation]).toSorted()).toEqual(
    expect.arrayContaining([
      ['ORD-1002', 'buyVps'],
      ['ORD-1005', 'createService'],
    ]),
  );
});

test.describe('when SmartVPS is down', () => {
  test.use({ scenario: 'smartvps-down' });

  test('the label follows the provisioning status: Provision, then Retry once it failed', async ({ page }) => {
    const row = orderRow(page, 'ORD-1001');
    await row.getByRole('button', { name: 'Provision' }).click();
    await expect(toast(page, 'Provisioning started')).toBeVisible();
    await advanceClock(page, '30m');
    await expect(toast(page, 'Provisioning ORD-1001 failed')).toBeVisible();
    const retry = row.getByRole('button', { name: 'Retry' });
    await expect(retry).toHaveAttribute('data-variant', 'destructive');
    await expect(retry).not.toHaveAttribute('aria-busy', 'true');
  });
});
