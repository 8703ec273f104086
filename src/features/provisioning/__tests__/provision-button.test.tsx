import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { setupMockBackend } from '@/testing/mock-backend';
import { findOrderRow, findToast, renderApp } from '@/testing/render-app';

const { server, backend } = setupMockBackend();

const MINUTE = 60_000;
/** Long enough for any run of the default scenario to settle. */
const SETTLE_MS = 5 * MINUTE;

const provisionPosts = () =>
  backend.requests().filter((request) => request.method === 'POST' && request.path === '/api/orders/provision');
const upstreamCalls = (orderId: string, operation: string) =>
  backend.upstreamCalls().filter((call) => call.orderId === orderId && call.operation === operation);

/** The page filtered to one order: a small table keeps role queries fast in jsdom. */
async function openOrder(orderId: string) {
  const { user } = renderApp(`/admin/manageOrders?q=${orderId}`);
  const row = await findOrderRow(orderId);
  return { user, row };
}

/** A failed order's Retry asks first: confirms in the dialog, with a reason when given. */
async function confirmRetry(user: UserEvent, orderId: string, reason?: string) {
  const dialog = await screen.findByRole('dialog', { name: `Retry ${orderId}?` });
  if (reason) await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), reason);
  await user.click(within(dialog).getByRole('button', { name: `Retry ${orderId}` }));
}

async function expectIdle(orderId: string, label: string) {
  const button = within(await findOrderRow(orderId)).getByRole('button', { name: label });
  await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'false'));
  expect(button).toHaveAttribute('aria-disabled', 'false');
}

describe('Provision button', () => {
  test('provisions a fresh order: busy while the run is under way, then active with its IP', async () => {
    const { user, row } = await openOrder('ORD-1001');
    const button = within(row).getByRole('button', { name: 'Provision' });

    await user.click(button);

    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleName('Provision');
    expect(await findToast('Provisioning started')).toHaveTextContent('ORD-1001');
    expect(button).toHaveAttribute('aria-busy', 'true');

    backend.advance(SETTLE_MS);

    const done = await findToast('ORD-1001 is active');
    const ip = /IP address (\d+\.\d+\.\d+\.\d+)/.exec(done.textContent ?? '')?.[1] ?? 'no IP in the toast';
    await waitFor(() => expect(within(row).queryByRole('button')).not.toBeInTheDocument());
    expect(within(row).getByText(ip)).toBeInTheDocument();
  });

  test('retries a failed SmartVPS order and shows the new IP', async () => {
    const { user, row } = await openOrder('ORD-1002');

    await user.click(within(row).getByRole('button', { name: 'Retry' }));
    await confirmRetry(user, 'ORD-1002');
    await findToast('Provisioning started');
    backend.advance(SETTLE_MS);

    expect(await findToast('ORD-1002 is active')).toHaveTextContent(/IP address 103\.177\./);
    await waitFor(() => expect(within(row).queryByRole('button')).not.toBeInTheDocument());
    expect(within(row).getByText(/^103\.177\./)).toBeInTheDocument();
    expect(upstreamCalls('ORD-1002', 'buyVps')).toHaveLength(1);
  });

  test('retries a stuck order by finishing the status check, without buying the VPS again', async () => {
    const { user, row } = await openOrder('ORD-1003');

    await user.click(within(row).getByRole('button', { name: 'Retry' }));
    await findToast('Provisioning started');
    backend.advance(SETTLE_MS);

    expect(await findToast('ORD-1003 is active')).toHaveTextContent('IP address 103.177.52.18');
    expect(upstreamCalls('ORD-1003', 'buyVps')).toEqual([]);
    expect(upstreamCalls('ORD-1003', 'statusCheck').length).toBeGreaterThan(0);
  });

  test('sends one request for a double click', async () => {
    const { user, row } = await openOrder('ORD-1001');

    await user.dblClick(within(row).getByRole('button', { name: 'Provision' }));

    await findToast('Provisioning started');
    expect(provisionPosts()).toHaveLength(1);
  });

  test('sends one request for a rapid triple click on the confirmation, and buys one VPS', async () => {
    const { user, row } = await openOrder('ORD-1002');

    await user.tripleClick(within(row).getByRole('button', { name: 'Retry' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retry ORD-1002?' });
    await user.tripleClick(within(dialog).getByRole('button', { name: 'Retry ORD-1002' }));

    await findToast('Provisioning started');
    expect(provisionPosts()).toHaveLength(1);
    backend.advance(SETTLE_MS);
    await findToast('ORD-1002 is active');
    expect(upstreamCalls('ORD-1002', 'buyVps')).toHaveLength(1);
  });

  test('keeps a paid order busy until its run settles, although the rule hides its button meanwhile', async () => {
    const { user, row } = await openOrder('ORD-1011');

    await user.click(within(row).getByRole('button', { name: 'Retry' }));
    await confirmRetry(user, 'ORD-1011');
    await findToast('Provisioning started');
    // The list now shows the run; a paid, auto-provisioned order under way gets no button by the rule.
    await waitFor(() => expect(within(row).getByText('Provisioning', { selector: 'span' })).toBeInTheDocument());
    const button = within(row).getByRole('button', { name: 'Retry' });
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveAttribute('data-variant', 'destructive');

    backend.advance(SETTLE_MS);

    await findToast('ORD-1011 is active');
    await waitFor(() => expect(within(row).queryByRole('button')).not.toBeInTheDocument());
  });

  test('keeps following a run after the page is reloaded', async () => {
    const { user, row } = await openOrder('ORD-1001');
    await user.click(within(row).getByRole('button', { name: 'Provision' }));
    await findToast('Provisioning started');

    cleanup();
    const reloaded = await openOrder('ORD-1001');
    expect(within(reloaded.row).getByRole('button', { name: 'Provision' })).toHaveAttribute('aria-busy', 'true');
    backend.advance(SETTLE_MS);

    await findToast('ORD-1001 is active');
  });

  test('keeps following through a failed status poll and still reports the result', async () => {
    const { user, row } = await openOrder('ORD-1001');
    server.use(http.get('*/api/orders/:orderId', () => HttpResponse.error(), { once: true }));
    const button = within(row).getByRole('button', { name: 'Provision' });

    await user.click(button);
    await findToast('Provisioning started');
    backend.advance(SETTLE_MS);

    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(await findToast('ORD-1001 is active')).toBeInTheDocument();
  });

  test('reports a run that failed upstream with the provider error, and offers a retry', async () => {
    backend.reset('smartvps-down');
    const { user, row } = await openOrder('ORD-1001');

    await user.click(within(row).getByRole('button', { name: 'Provision' }));
    await findToast('Provisioning started');
    backend.advance(30 * MINUTE);

    expect(await findToast('Provisioning ORD-1001 failed')).toHaveTextContent(/SmartVPS/);
    await expectIdle('ORD-1001', 'Retry');
    expect(within(row).getByRole('button', { name: 'Retry' })).toHaveAttribute('data-variant', 'destructive');
  });

  test('warns when the VPS was bought but has no IP yet', async () => {
    backend.reset('status-check-timeout');
    const { user, row } = await openOrder('ORD-1001');

    await user.click(within(row).getByRole('button', { name: 'Provision' }));
    await findToast('Provisioning started');
    backend.advance(10 * MINUTE);

    expect(await findToast('ORD-1001 has no IP address yet')).toHaveTextContent(
      /retry becomes possible after 10 minutes/,
    );
  });

  test('stops following an order that no longer exists', async () => {
    const { user, row } = await openOrder('ORD-1001');

    await user.click(within(row).getByRole('button', { name: 'Provision' }));
    await findToast('Provisioning started');
    server.use(
      http.get('*/api/orders/:orderId', () =>
        HttpResponse.json(
          { success: false, code: 'ORDER_NOT_FOUND', message: 'Order ORD-1001 not found' },
          { status: 404 },
        ),
      ),
    );

    expect(await findToast('Stopped following ORD-1001')).toHaveTextContent('Order ORD-1001 not found');
  });

  test('answers "already provisioned" for an order the list showed out of date, and updates the row', async () => {
    backend.reset('already-active');
    const { user, row } = await openOrder('ORD-1002');

    await user.click(within(row).getByRole('button', { name: 'Retry' }));
    await confirmRetry(user, 'ORD-1002');

    expect(await findToast('Order already provisioned')).toHaveTextContent('ORD-1002');
    await waitFor(() => expect(within(row).queryByRole('button')).not.toBeInTheDocument());
    expect(within(row).getByText('103.177.20.44')).toBeInTheDocument();
    expect(upstreamCalls('ORD-1002', 'buyVps')).toEqual([]);
  });

  test('says when an order is already being provisioned and when a retry is allowed', async () => {
    const { user, row } = await openOrder('ORD-1006');

    await user.click(within(row).getByRole('button', { name: 'Retry' }));

    expect(await findToast('Order is currently being provisioned. Please wait...')).toHaveTextContent(
      'Retry allowed in 7 min',
    );
    await expectIdle('ORD-1006', 'Retry');
  });

  test('shows why an order is not eligible and leaves it idle', async () => {
    server.use(
      http.post('*/api/orders/provision', () =>
        HttpResponse.json({ success: false, code: 'NOT_ELIGIBLE', message: 'Order is cancelled' }, { status: 409 }),
      ),
    );
    const { user, row } = await openOrder('ORD-1001');

    await user.click(within(row).getByRole('button', { name: 'Provision' }));

    expect(await findToast('Could not provision ORD-1001')).toHaveTextContent('Order is cancelled');
    await expectIdle('ORD-1001', 'Provision');
  });

  test('reports a server failure, then a lost connection, and stays usable', async () => {
    backend.reset('server-error');
    const { user, row } = await openOrder('ORD-1001');
    const button = within(row).getByRole('button', { name: 'Provision' });

    await user.click(button);
    const serverFailure = await findToast('Could not provision ORD-1001');
    expect(serverFailure).toHaveTextContent('The provisioning service failed unexpectedly');
    await expectIdle('ORD-1001', 'Provision');
    await user.click(within(serverFailure).getByRole('button', { name: 'Dismiss notification' }));
    await waitFor(() => expect(serverFailure).not.toBeInTheDocument());

    await user.click(button);
    expect(await findToast('Could not provision ORD-1001')).toHaveTextContent('Could not reach the server');
    await expectIdle('ORD-1001', 'Provision');
    expect(provisionPosts()).toHaveLength(2);
  });

  test('asks before retrying a failed order: the last error, what its class means, an optional reason', async () => {
    const { user, row } = await openOrder('ORD-1011');

    await user.click(within(row).getByRole('button', { name: 'Retry' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retry ORD-1011?' });
    expect(dialog).toHaveTextContent('insufficient upstream balance');
    expect(dialog).toHaveTextContent(/Permanent failure: fix the cause at the provider .* or mark the order resolved/);

    // A reason typed and then cancelled is not kept for the next confirmation.
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Not sure yet');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(provisionPosts()).toEqual([]);
    await waitFor(() => expect(within(row).getByRole('button', { name: 'Retry' })).toHaveFocus());

    await user.click(within(row).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('textbox', { name: /Reason/ })).toHaveValue('');
    await confirmRetry(user, 'ORD-1011', 'Balance topped up at SmartVPS');
    await findToast('Provisioning started');
    expect(backend.upstreamCalls()).toEqual([]);
    const detail = await (
      await fetch('http://console.test/api/orders/ORD-1011', { headers: backend.authorization() })
    ).json();
    expect(detail.audit).toEqual([
      expect.objectContaining({
        action: 'retry',
        reason: 'Balance topped up at SmartVPS',
        result: 'PROVISIONING_STARTED',
      }),
    ]);
  });

  test('retries a stuck order without asking: it resumes and cannot buy twice', async () => {
    const { user, row } = await openOrder('ORD-1003');

    await user.click(within(row).getByRole('button', { name: 'Retry' }));

    await findToast('Provisioning started');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  test('gives a support agent no button, only the reason', async () => {
    backend.signInAs('support');
    renderApp('/admin/manageOrders?q=ORD-100');
    const row = await findOrderRow('ORD-1006');
    // Once the role is known: before it, nobody gets buttons, so their absence would prove nothing.
    await screen.findByText('Support (read-only)');

    await waitFor(() => expect(within(row).getByText('In progress for 3 min, retry in 7 min')).toBeInTheDocument());
    for (const orderId of ['ORD-1001', 'ORD-1002', 'ORD-1006']) {
      expect(within(await findOrderRow(orderId)).queryByRole('button')).not.toBeInTheDocument();
    }
  });
});
