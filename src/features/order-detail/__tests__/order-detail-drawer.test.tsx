import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test, vi } from 'vitest';
import { getOrders } from '@/features/orders';
import { setupMockBackend } from '@/testing/mock-backend';
import { findOrderRow, findToast, renderApp } from '@/testing/render-app';

const { server, backend } = setupMockBackend();

const MINUTE = 60_000;

/** The drawer of one order over a list filtered to it: a small table keeps role queries fast in jsdom. */
async function openDetail(orderId: string, search = `?q=${orderId}`) {
  const { router, user } = renderApp(`/admin/manageOrders/${orderId}${search}`);
  const drawer = await screen.findByRole('dialog', { name: `Order ${orderId}` });
  return { router, user, drawer };
}

/** Waits for the order's answer: until then the drawer shows a skeleton. */
async function loaded(drawer: HTMLElement): Promise<void> {
  await within(drawer).findByRole('list', { name: 'Provisioning progress' });
}

function progressSteps(drawer: HTMLElement): HTMLElement[] {
  return within(within(drawer).getByRole('list', { name: 'Provisioning progress' })).getAllByRole('listitem');
}

function timeline(drawer: HTMLElement): HTMLElement {
  return within(drawer).getByRole('list', { name: 'Timeline' });
}

const resolvePosts = () =>
  backend.requests().filter((request) => request.method === 'POST' && request.path === '/api/orders/resolve');

describe('Order detail drawer', () => {
  test('opens from the order id in the list, keeping the filters; the link works as an address too', async () => {
    const { router, user } = renderApp('/admin/manageOrders?q=ORD-1004&status=active');
    const link = within(await findOrderRow('ORD-1004')).getByRole('link', { name: 'ORD-1004' });
    expect(link).toHaveAttribute('href', '/admin/manageOrders/ORD-1004?q=ORD-1004&status=active');

    // The href follows the filters as they change.
    await router.navigate({ to: '/admin/manageOrders', search: { q: 'ORD-1004' } });
    await waitFor(() => expect(link).toHaveAttribute('href', '/admin/manageOrders/ORD-1004?q=ORD-1004'));

    await user.click(link);
    expect(await screen.findByRole('dialog', { name: 'Order ORD-1004' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/manageOrders/ORD-1004');
    expect(router.state.location.search).toEqual({ q: 'ORD-1004' });
  });

  test('shows a stuck order as bought without an IP, since when, and that a retry is allowed', async () => {
    const { drawer } = await openDetail('ORD-1003');
    await loaded(drawer);

    const [paid, purchased, ip, active] = progressSteps(drawer);
    expect(paid).toHaveTextContent(/^Paid: /);
    expect(purchased).toHaveTextContent('Purchased upstream: svps-70412');
    expect(ip).toHaveTextContent('IP address: waiting, no IP assigned');
    expect(ip).toHaveAttribute('aria-current', 'step');
    expect(active).toHaveTextContent('Server active: not yet');
    expect(within(drawer).getByText(/^Stuck since/)).toHaveTextContent(/\(25 min\)$/);
    expect(within(drawer).getByRole('timer')).toHaveTextContent('Retry allowed now');
    expect(
      within(drawer).getByText('Temporary failure: the provider may recover; retrying is safe'),
    ).toBeInTheDocument();
    expect(within(drawer).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  test('counts down, once a second, to the end of the window in which a retry is refused', async () => {
    const { drawer } = await openDetail('ORD-1006');

    const timer = await within(drawer).findByRole('timer');
    expect(timer).toHaveTextContent(/^Retry allowed in 0[67]:\d\d$/);
    // Inside the window the order is not called stuck yet.
    expect(within(drawer).getByText(/^Provisioning since/)).toHaveTextContent(/\(3 min\)$/);
    expect(within(drawer).queryByText(/^Stuck since/)).not.toBeInTheDocument();
    const first = timer.textContent;
    await waitFor(() => expect(timer.textContent).not.toBe(first));
    expect(timer).toHaveTextContent(/^Retry allowed in 0[67]:\d\d$/);
    // Inside the window the attempt is presumed alive (as the guard presumes), not failed.
    expect(progressSteps(drawer)[1]).toHaveTextContent('Purchased upstream: in progress');
  });

  test('after a manual provision, the timeline shows the attempt, who triggered it and the audit entry, then the credentials', async () => {
    const { user, drawer } = await openDetail('ORD-1001');
    await loaded(drawer);
    expect(within(drawer).getByText('No attempts or actions recorded for this order yet.')).toBeInTheDocument();

    await user.click(within(drawer).getByRole('button', { name: 'Provision' }));

    await within(drawer).findByRole('heading', { name: 'Attempt 1: Running' });
    // Newest first: the attempt, then the admin's request that started it.
    const [attempt, request] = within(timeline(drawer)).getAllByRole('listitem');
    expect(attempt).toHaveTextContent('Manual by admin@reseller.test');
    expect(attempt).toHaveTextContent(/Step(Buying the VPS|Queued behind another purchase)/);
    expect(
      within(request ?? drawer).getByRole('heading', { name: 'Provision requested by admin@reseller.test' }),
    ).toBeInTheDocument();
    expect(request).toHaveTextContent('ResultRun started');

    backend.advance(5 * MINUTE);

    expect(
      await within(drawer).findByRole('heading', { name: 'Attempt 1: Succeeded' }, { timeout: 8_000 }),
    ).toBeInTheDocument();
    expect(await within(drawer).findByRole('button', { name: 'Reveal password' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(progressSteps(drawer)[3]).toHaveTextContent('Server active: ready for the customer');
  });

  test('says a permanent failure needs fixing at the provider, with the provider error', async () => {
    const { drawer } = await openDetail('ORD-1011');
    await loaded(drawer);

    const lastError = within(drawer).getByRole('region', { name: 'Last error' });
    expect(lastError).toHaveTextContent('SmartVPS buyVps failed: insufficient upstream balance');
    expect(
      within(lastError).getByText(
        'Permanent failure: fix the cause at the provider (stock, balance or configuration) before retrying, or mark the order resolved',
      ),
    ).toBeInTheDocument();
  });

  test('masks the root password until revealed, and copies it', async () => {
    const { user, drawer } = await openDetail('ORD-1004');
    await loaded(drawer);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const access = within(drawer).getByRole('region', { name: 'Server access' });
    expect(access).toHaveTextContent('103.177.114.195');
    expect(access).toHaveTextContent('root');
    expect(access).toHaveTextContent('••••••••');
    expect(access).not.toHaveTextContent('seeded-ord-1004');

    const reveal = within(access).getByRole('button', { name: 'Reveal password' });
    await user.click(reveal);
    expect(reveal).toHaveAttribute('aria-pressed', 'true');
    expect(access).toHaveTextContent('seeded-ord-1004');
    await user.click(reveal);
    expect(access).not.toHaveTextContent('seeded-ord-1004');

    await user.click(within(access).getByRole('button', { name: 'Copy password' }));
    expect(writeText).toHaveBeenCalledWith('seeded-ord-1004');
    const copied = await findToast('Password copied');
    expect(copied).not.toHaveTextContent('seeded-ord-1004');
    // The toast stays usable over the drawer, and dismissing it leaves the drawer open.
    await user.click(within(copied).getByRole('button', { name: 'Dismiss notification' }));
    await waitFor(() => expect(copied).not.toBeInTheDocument());
    expect(drawer).toBeInTheDocument();
  });

  test('says so when the browser refuses the clipboard', async () => {
    const { user, drawer } = await openDetail('ORD-1004');
    await loaded(drawer);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));

    await user.click(within(drawer).getByRole('button', { name: 'Copy password' }));

    expect(await findToast('Could not copy the password')).toHaveTextContent(/copy it by hand/);
  });

  test('shows a support agent no password and no action buttons', async () => {
    backend.signInAs('support');
    const { router, drawer } = await openDetail('ORD-1004');

    const access = await within(drawer).findByText('Credentials are visible to admins only.');
    expect(drawer).not.toHaveTextContent('seeded-ord-1004');
    expect(access).toBeInTheDocument();
    expect(
      within(drawer)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label') ?? button.textContent),
    ).toEqual(['Close']);

    await router.navigate({
      to: '/admin/manageOrders/$orderId',
      params: { orderId: 'ORD-1002' },
      search: { q: 'ORD-1002' },
    });
    const failed = await screen.findByRole('dialog', { name: 'Order ORD-1002' });
    await within(failed).findByRole('region', { name: 'Last error' });
    expect(
      within(failed)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label') ?? button.textContent),
    ).toEqual(['Close']);
  });

  test('marks a failed order resolved with a reason: the resolution shows and it leaves Needs attention', async () => {
    const attentionIds = async () => (await getOrders({ view: 'attention' })).orders.map((order) => order._id);
    expect(await attentionIds()).toContain('ORD-1011');
    const { user, drawer } = await openDetail('ORD-1011');
    await loaded(drawer);

    await user.click(within(drawer).getByRole('button', { name: 'Mark resolved' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark ORD-1011 resolved' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Reason (required)' }),
      'Refunded; the customer bought elsewhere',
    );
    await user.dblClick(within(dialog).getByRole('button', { name: 'Mark resolved' }));

    expect(await findToast('Order marked resolved')).toHaveTextContent('ORD-1011');
    expect(resolvePosts()).toHaveLength(1);
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Mark ORD-1011 resolved' })).not.toBeInTheDocument(),
    );
    const resolution = await within(drawer).findByRole('heading', { name: 'Resolved outside the console' });
    expect(resolution.closest('section')).toHaveTextContent('By admin@reseller.test');
    expect(resolution.closest('section')).toHaveTextContent('Reason: Refunded; the customer bought elsewhere');
    expect(within(drawer).queryByRole('button', { name: 'Mark resolved' })).not.toBeInTheDocument();
    expect(
      within(timeline(drawer)).getByRole('heading', { name: 'Marked resolved by admin@reseller.test' }),
    ).toBeInTheDocument();
    expect(await attentionIds()).not.toContain('ORD-1011');
  });

  test('refuses a blank reason inline, without asking the server', async () => {
    const { user, drawer } = await openDetail('ORD-1002');
    await loaded(drawer);

    await user.click(within(drawer).getByRole('button', { name: 'Mark resolved' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark ORD-1002 resolved' });
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' });
    await user.type(reason, '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Mark resolved' }));

    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/A reason is required/);
    expect(reason).toHaveFocus();
    expect(resolvePosts()).toEqual([]);
  });

  test('closes with Escape, back to the list with its search, and the page stays usable', async () => {
    const { router, user, drawer } = await openDetail('ORD-1004', '?q=ORD-1004&status=active');
    await loaded(drawer);

    await user.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(router.state.location.pathname).toBe('/admin/manageOrders');
    expect(router.state.location.search).toEqual({ q: 'ORD-1004', status: 'active' });
    expect(await findOrderRow('ORD-1004')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  test('says an unknown order was not found and offers the way back', async () => {
    const { router, user, drawer } = await openDetail('ORD-9999', '?q=1004');

    expect(await within(drawer).findByText('Order ORD-9999 not found')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Back to orders' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(router.state.location.pathname).toBe('/admin/manageOrders');
    expect(router.state.location.search).toEqual({ q: '1004' });
  });

  test('shows a failed load with Try again, which loads the order', async () => {
    server.use(
      http.get(
        '*/api/orders/:orderId',
        () =>
          HttpResponse.json(
            { success: false, code: 'INTERNAL_ERROR', message: 'The order service failed' },
            { status: 500 },
          ),
        {
          once: true,
        },
      ),
    );
    const { user, drawer } = await openDetail('ORD-1004');

    const alert = await within(drawer).findByRole('alert');
    expect(alert).toHaveTextContent('The order service failed');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await within(drawer).findByRole('region', { name: 'Server access' })).toBeInTheDocument();
  });
});
