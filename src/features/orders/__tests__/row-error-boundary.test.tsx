import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { Order } from '@/contract/order';
import { renderUnderRouter } from '@/testing/render-app';
import { OrdersTable } from '../components/orders-table';

const order = (id: string): Order => ({
  _id: id,
  customer: { name: 'Asha Verma', email: 'asha.verma@example.com' },
  product: 'SmartVPS 4GB',
  packageId: 'smartvps-4gb',
  provider: 'smartvps',
  priceCents: 2_400,
  currency: 'USD',
  status: 'confirmed',
  autoProvisioned: false,
  provisioningStatus: null,
  ipAddress: null,
  provisioningError: null,
  provisioningErrorClass: null,
  lastProvisionAttempt: null,
  upstreamId: null,
  activeRun: null,
  resolution: null,
  createdAt: '2026-11-24T11:00:00.000Z',
  paidAt: '2026-11-24T11:01:00.000Z',
  updatedAt: '2026-11-24T11:01:00.000Z',
});

test('a render bug in one row shows a recoverable error in that row; the others stay usable', async () => {
  // React reports the caught error on console.error: expected here, and cleared below.
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  let broken = true;
  const renderAction = (current: Order) => {
    if (current._id === 'ORD-2' && broken) throw new Error('cannot read the action of ORD-2');
    return <button type="button">Act on {current._id}</button>;
  };
  const user = userEvent.setup();
  // The table alone, under a router of its own: its order ids are links.
  const table = () => (
    <OrdersTable
      list={{
        orders: [order('ORD-1'), order('ORD-2'), order('ORD-3')],
        total: 3,
        serverTime: '2026-11-24T12:00:00.000Z',
      }}
      stale={false}
      renderAction={renderAction}
      loadingMore={false}
      onNearEnd={undefined}
    />
  );
  renderUnderRouter(table);
  await screen.findByRole('table', { name: 'Orders' });

  const brokenRow = screen.getByRole('rowheader', { name: 'ORD-2' }).closest('tr');
  if (!brokenRow) throw new Error('ORD-2 has no row');
  expect(within(brokenRow).getByRole('alert')).toHaveTextContent(
    'This order could not be shown: cannot read the action of ORD-2',
  );
  expect(screen.getByRole('button', { name: 'Act on ORD-1' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Act on ORD-3' })).toBeInTheDocument();
  expect(consoleError).toHaveBeenCalled();
  consoleError.mockClear();

  broken = false;
  await user.click(screen.getByRole('button', { name: 'Show again' }));
  expect(screen.getByRole('button', { name: 'Act on ORD-2' })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});
