import { expect, orderRow, test, toast } from './fixtures';

test('the built console runs under a Content-Security-Policy without inline script', async ({ page }) => {
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  // The fixture fails the test on any CSP violation; the console must still work end to end.
  await orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' }).click();
  await expect(toast(page, 'Provisioning started')).toBeVisible();
});
