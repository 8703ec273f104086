import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import type { Order } from '@/contract/order';
import { setupMockBackend } from '@/testing/mock-backend';
import { findOrderRow, renderApp } from '@/testing/render-app';

const { server } = setupMockBackend();

const payloads = {
  name: '<img src=x onerror="window.__pwned=1">Eve',
  email: '"><script>window.__pwned=2</script>@example.com',
  product: '<b>SmartVPS</b> 4GB RAM',
  error: '<iframe src="javascript:window.__pwned=3"></iframe> buyVps failed',
};

const hostileOrder: Order = {
  _id: 'ORD-6666',
  customer: { name: payloads.name, email: payloads.email },
  product: payloads.product,
  packageId: 'smartvps-4gb',
  provider: 'smartvps',
  priceCents: 2_400,
  currency: 'USD',
  status: 'confirmed',
  autoProvisioned: true,
  provisioningStatus: 'failed',
  ipAddress: null,
  provisioningError: payloads.error,
  provisioningErrorClass: 'permanent',
  lastProvisionAttempt: '2026-11-24T11:50:00.000Z',
  upstreamId: null,
  activeRun: null,
  resolution: null,
  createdAt: '2026-11-24T11:40:00.000Z',
  paidAt: '2026-11-24T11:41:00.000Z',
  updatedAt: '2026-11-24T11:50:00.000Z',
};

test('customer, product and provider error payloads render as text, never as markup', async () => {
  server.use(
    http.get('*/api/orders', () =>
      HttpResponse.json({
        orders: [hostileOrder],
        total: 1,
        nextCursor: null,
        attentionCount: 1,
        serverTime: '2026-11-24T12:00:00.000Z',
      }),
    ),
  );
  renderApp('/admin/manageOrders');
  const row = await findOrderRow('ORD-6666');

  for (const text of Object.values(payloads)) expect(within(row).getByText(text)).toBeInTheDocument();
  expect(row.querySelector('img, script, iframe, b')).toBeNull();
  expect(screen.getByRole('table', { name: 'Orders' }).querySelector('script')).toBeNull();
  expect(Reflect.get(window, '__pwned')).toBeUndefined();
});
