import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { setupMockBackend } from '@/testing/mock-backend';
import { findOrderRow, findToast, queryOrderRow, renderApp } from '@/testing/render-app';

const { backend } = setupMockBackend();

/** The default scenario's orders that need an admin, the longest-waiting customer first. */
const attentionOrders = ['ORD-1011', 'ORD-1005', 'ORD-1002', 'ORD-1001', 'ORD-1003', 'ORD-1012'];

const orderIdsShown = () =>
  screen
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent)
    .filter((id) => id?.startsWith('ORD-'));

describe('Needs attention', () => {
  test('lists failed, stuck and never-provisioned orders, longest wait first, with the count in its tab', async () => {
    const { router } = renderApp('/admin/manageOrders?view=attention');

    const tab = await screen.findByRole('link', { name: /Needs attention/ });
    await waitFor(() => expect(tab).toHaveAccessibleName('Needs attention 6'));
    expect(tab).toHaveAttribute('aria-current', 'page');
    await findOrderRow('ORD-1012');
    expect(orderIdsShown()).toEqual(attentionOrders);
    expect(
      within(await findOrderRow('ORD-1011')).getByText(/^Provisioning failed · waiting 4 h 59 min$/),
    ).toBeInTheDocument();
    expect(
      within(await findOrderRow('ORD-1003')).getByText(/^Stuck without an IP · waiting 30 min$/),
    ).toBeInTheDocument();
    expect(
      within(await findOrderRow('ORD-1012')).getByText(/^Paid, never provisioned · waiting 19 min$/),
    ).toBeInTheDocument();

    const allOrders = screen.getByRole('link', { name: 'All orders' });
    await screen.findByText('6 orders');
    allOrders.click();
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    await findOrderRow('ORD-1004');
    // The count stays in view on every tab.
    expect(screen.getByRole('link', { name: /Needs attention/ })).toHaveAccessibleName('Needs attention 6');
  });

  test('a filter narrows the view and keeps the tab; clearing it keeps the tab too', async () => {
    const { router, user } = renderApp('/admin/manageOrders?view=attention&provider=hostycare');

    await findOrderRow('ORD-1012');
    expect(orderIdsShown()).toEqual(['ORD-1005', 'ORD-1012']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await waitFor(() => expect(router.state.location.search).toEqual({ view: 'attention' }));
    await findOrderRow('ORD-1011');
  });

  test('says so when nothing needs attention', async () => {
    backend.reset('empty');
    renderApp('/admin/manageOrders?view=attention');

    expect(await screen.findByRole('heading', { name: 'Nothing needs attention' })).toBeInTheDocument();
  });

  test('each row says why it has no button, or why its retry would be refused, and how far it got', async () => {
    renderApp('/admin/manageOrders?q=ORD-10');

    const cases = [
      ['ORD-1006', 'In progress for 3 min, retry in 7 min'],
      ['ORD-1009', 'Order is not paid yet'],
      ['ORD-1010', 'Order is cancelled'],
      ['ORD-1007', 'In progress, retry in 10 min'],
      ['ORD-1003', 'Step 2 of 4: purchased upstream, no IP yet'],
      ['ORD-1002', 'Step 1 of 4: paid, never purchased upstream'],
      ['ORD-1007', 'Step 1 of 4: paid, purchase under way'],
    ] as const;
    for (const [orderId, text] of cases) {
      expect(within(await findOrderRow(orderId)).getByText(text)).toBeInTheDocument();
    }
    expect(within(await findOrderRow('ORD-1003')).getByText(/^Stuck since .+ \(25 min\)$/)).toBeInTheDocument();
    expect(within(await findOrderRow('ORD-1011')).getByText('Permanent:')).toBeInTheDocument();
    expect(within(await findOrderRow('ORD-1002')).getByText('Temporary:')).toBeInTheDocument();
  });

  test('bulk retry: tick orders, confirm once, one request, one toast listing every answer', async () => {
    const { user } = renderApp('/admin/manageOrders?view=attention');
    await findOrderRow('ORD-1012');

    for (const orderId of ['ORD-1002', 'ORD-1005', 'ORD-1003']) {
      await user.click(screen.getByRole('checkbox', { name: `Select ${orderId}` }));
    }
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(bar).toHaveTextContent('3 selected');
    await user.click(within(bar).getByRole('button', { name: 'Retry selected' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retry 3 orders?' });
    expect(dialog).toHaveTextContent('SmartVPS buyVps timeout after 3 attempts');
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'SmartVPS is back');
    await user.tripleClick(within(dialog).getByRole('button', { name: 'Retry 3 orders' }));

    const toast = await findToast('Bulk retry: 3 started');
    expect(toast).toHaveTextContent('ORD-1002: started');
    const bulkPosts = backend.requests().filter((request) => request.path === '/api/orders/provision/bulk');
    expect(bulkPosts).toEqual([expect.objectContaining({ status: 200 })]);
    // Started orders are followed like a single click: busy until their runs settle.
    backend.advance(5 * 60_000);
    expect(await findToast('ORD-1005 is active')).toBeInTheDocument();
    // The stuck order resumed its status check: still one purchase per order.
    expect(
      backend.upstreamCalls().filter((call) => call.orderId === 'ORD-1003' && call.operation === 'buyVps'),
    ).toEqual([]);
  });

  test('select all ticks every order that can be retried; nothing ticked, no bar', async () => {
    const { user } = renderApp('/admin/manageOrders?view=attention');
    await findOrderRow('ORD-1012');

    await user.click(screen.getByRole('checkbox', { name: 'Select every order that can be retried' }));
    expect(screen.getByRole('region', { name: 'Bulk actions' })).toHaveTextContent('6 selected');
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument();
    expect(queryOrderRow('ORD-1004')).toBeUndefined();
  });

  test('support agents get no checkboxes and no bulk actions', async () => {
    backend.signInAs('support');
    renderApp('/admin/manageOrders?view=attention');
    await findOrderRow('ORD-1012');
    // Once the role is known: before it, nobody gets buttons, so their absence would prove nothing.
    await screen.findByText('Support (read-only)');

    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retry|Provision/ })).not.toBeInTheDocument();
  });
});
