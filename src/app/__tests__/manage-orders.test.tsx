import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { ORDERS_PAGE_SIZE } from '@/features/orders';
import { setupMockBackend } from '@/testing/mock-backend';
import { findOrderRow, queryOrderRow, renderApp } from '@/testing/render-app';

const { server, backend } = setupMockBackend();

const listRequests = () =>
  backend
    .requests()
    .filter((request) => request.method === 'GET' && request.path.startsWith('/api/orders?'))
    .map((request) => request.path);

// A whole page over the network with 44 orders: seconds per test in jsdom, not milliseconds.
describe('Manage orders', () => {
  test('opens from / and shows the brief examples with the button each one gets', async () => {
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Manage orders' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/manageOrders');
    expect(screen.getByRole('table', { name: 'Orders' })).toBeInTheDocument();
    const expected = [
      ['ORD-1001', 'Provision', 'default'],
      ['ORD-1002', 'Retry', 'destructive'],
      ['ORD-1003', 'Retry', 'default'],
      ['ORD-1005', 'Retry', 'destructive'],
    ] as const;
    for (const [orderId, label, variant] of expected) {
      const button = within(await findOrderRow(orderId)).getByRole('button', { name: label });
      expect(button).toHaveAttribute('data-variant', variant);
      expect(button).toHaveAttribute('aria-busy', 'false');
    }
    const provisioned = await findOrderRow('ORD-1004');
    expect(within(provisioned).queryByRole('button')).not.toBeInTheDocument();
    expect(within(provisioned).getByText('103.177.114.195')).toBeInTheDocument();
  });

  test('shows skeleton rows while the list loads', async () => {
    backend.reset('slow-network');
    renderApp('/admin/manageOrders?q=ORD-1001');

    const table = await screen.findByRole('table', { name: 'Orders' });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(queryOrderRow('ORD-1001')).toBeUndefined();
    expect(await findOrderRow('ORD-1001')).toBeInTheDocument();
    expect(table).toHaveAttribute('aria-busy', 'false');
  });

  test('names each row by its order, so a row can be found by role', async () => {
    renderApp('/admin/manageOrders?q=ORD-1002');

    const row = await screen.findByRole('row', { name: /ORD-1002/ });
    expect(within(row).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  test('shows what went wrong and how long ago, measured by the server clock', async () => {
    renderApp('/admin/manageOrders?q=ORD-100');

    const failed = await findOrderRow('ORD-1002');
    expect(within(failed).getByText('SmartVPS buyVps timeout after 3 attempts')).toBeInTheDocument();
    expect(within(failed).getByText('Failed')).toBeInTheDocument();
    const lastAttempt = within(await findOrderRow('ORD-1003')).getByText('25 min ago');
    expect(lastAttempt.tagName).toBe('TIME');
    expect(lastAttempt).toHaveAttribute('dateTime', '2026-11-24T11:35:00.000Z');
    expect(lastAttempt).toHaveAttribute('title');
    expect(within(await findOrderRow('ORD-1001')).getByText('Not started')).toBeInTheDocument();
  });

  test('applies the filters of the URL on the server', async () => {
    renderApp('/admin/manageOrders?provider=hostycare');

    expect(await findOrderRow('ORD-1005')).toBeInTheDocument();
    expect(queryOrderRow('ORD-1002')).toBeUndefined();
    expect(screen.getByRole('combobox', { name: 'Provider' })).toHaveValue('hostycare');
    expect(listRequests()).toEqual([`/api/orders?provider=hostycare&limit=${ORDERS_PAGE_SIZE}`]);
  });

  test('ignores an invalid filter in the URL and keeps the valid ones', async () => {
    renderApp('/admin/manageOrders?status=bogus&provider=hostycare');

    expect(await findOrderRow('ORD-1005')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('');
    expect(listRequests()).toEqual([`/api/orders?provider=hostycare&limit=${ORDERS_PAGE_SIZE}`]);
  });

  test('keeps a numeric search as text', async () => {
    renderApp('/admin/manageOrders?q=1003');

    expect(await findOrderRow('ORD-1003')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search orders' })).toHaveValue('1003');
    expect(screen.getByText('1 order')).toBeInTheDocument();
  });

  test('writes the filters into the URL as the admin changes them, and clears them', async () => {
    const { router, user } = renderApp('/admin/manageOrders');
    await findOrderRow('ORD-1001');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Provisioning' }), 'Failed');
    await screen.findByText('3 orders');
    expect(router.state.location.search).toEqual({ provisioning: 'failed' });
    expect(queryOrderRow('ORD-1001')).toBeUndefined();

    await user.type(screen.getByRole('searchbox', { name: 'Search orders' }), 'fatima');
    await screen.findByText('1 order');
    expect(screen.getByRole('searchbox', { name: 'Search orders' })).toHaveValue('fatima');
    expect(router.state.location.search).toEqual({ provisioning: 'failed', q: 'fatima' });
    expect(queryOrderRow('ORD-1005')).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await findOrderRow('ORD-1001')).toBeInTheDocument();
    expect(router.state.location.search).toEqual({});
    expect(screen.getByRole('searchbox', { name: 'Search orders' })).toHaveValue('');
  });

  test('searches at every keystroke, and typing ahead of the URL never loses a character', async () => {
    const { router } = renderApp('/admin/manageOrders');
    await findOrderRow('ORD-1001');
    const box = screen.getByRole('searchbox', { name: 'Search orders' });

    // Each change before the URL of the one before has come back.
    for (const text of ['f', 'fa', 'fat', 'fati', 'fatim', 'fatima'])
      fireEvent.change(box, { target: { value: text } });
    expect(box).toHaveValue('fatima');
    await screen.findByText('1 order');
    expect(box).toHaveValue('fatima');
    expect(router.state.location.search).toEqual({ q: 'fatima' });

    // A trailing space searches nothing new, and stays in the box as typed.
    fireEvent.change(box, { target: { value: 'fatima ' } });
    expect(box).toHaveValue('fatima ');
    expect(router.state.location.search).toEqual({ q: 'fatima' });
  });

  test('tells the admin when nothing matches, with a way back to every order', async () => {
    const { user } = renderApp('/admin/manageOrders?q=nobody-by-that-name');

    const empty = await screen.findByRole('heading', { name: 'No orders match these filters' });
    expect(screen.getByText('0 orders')).toBeInTheDocument();
    const [, inEmptyState] = screen.getAllByRole('button', { name: 'Clear filters' });
    expect(inEmptyState).toBeDefined();
    if (inEmptyState) await user.click(inEmptyState);
    expect(await findOrderRow('ORD-1001')).toBeInTheDocument();
    expect(empty).not.toBeInTheDocument();
  });

  test('says so when there are no orders at all', async () => {
    backend.reset('empty');
    renderApp('/admin/manageOrders');

    expect(await screen.findByRole('heading', { name: 'No orders yet' })).toBeInTheDocument();
    expect(screen.getByText('0 orders')).toBeInTheDocument();
  });

  test('shows the server error when the list fails, and recovers with Try again', async () => {
    server.use(
      http.get(
        '*/api/orders',
        () =>
          HttpResponse.json(
            { success: false, code: 'INTERNAL_ERROR', message: 'Database unavailable' },
            { status: 500 },
          ),
        {
          once: true,
        },
      ),
    );
    const { user } = renderApp('/admin/manageOrders');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load orders');
    expect(alert).toHaveTextContent('Database unavailable');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await findOrderRow('ORD-1001')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('shows a not-found page for an unknown address', async () => {
    renderApp('/admin/nowhere');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Manage orders' })).toBeInTheDocument();
  });
});
