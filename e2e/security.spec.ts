import { expect, orderRow, test, toast } from './fixtures';

test('the built console runs under a Content-Security-Policy without inline script', async ({ page }) => {
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = new Map(
    policy?.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('style-src')).toEqual(["'self'"]);
  // Only <style> elements may be inline (Radix Dialog's scroll lock): docs/security.md.
  expect([...directives].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name)).toEqual([
    'style-src-elem',
  ]);
  // The fixture fails the test on any CSP violation; the console must still work end to end, modals included.
  await orderRow(page, 'ORD-1001').getByRole('button', { name: 'Provision' }).click();
  await expect(toast(page, 'Provisioning started')).toBeVisible();
  await orderRow(page, 'ORD-1002').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('dialog', { name: 'Retry ORD-1002?' })).toBeVisible();
});
