import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { readSessionToken } from '@/lib/session-token';
import { setupMockBackend } from '@/testing/mock-backend';
import { findOrderRow, renderApp } from '@/testing/render-app';
import { openPanel } from './open-panel';

// The console as a mock build renders it: the flag is read once, when the app's modules load.
vi.hoisted(() => vi.stubEnv('VITE_API_MOCKING', 'enabled'));
afterAll(() => vi.unstubAllEnvs());

setupMockBackend();

async function openPanelSection(user: UserEvent, name: string) {
  return (await openPanel(user)).section(name);
}

describe('Scenario panel: signed in as', () => {
  test('switches to the support agent and back, and the page follows', async () => {
    const { router, user } = renderApp('/admin/manageOrders?q=ORD-1001');
    expect(within(await findOrderRow('ORD-1001')).getByRole('button', { name: 'Provision' })).toBeInTheDocument();
    // Before the panel opens: its sheet has a header of its own.
    const header = screen.getByRole('banner');
    const section = await openPanelSection(user, 'Signed in as');
    await waitFor(() =>
      expect(within(section).getByRole('button', { name: 'Admin' })).toHaveAttribute('aria-pressed', 'true'),
    );

    await user.click(within(section).getByRole('button', { name: 'Support' }));

    expect(await within(header).findByText('Support (read-only)')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(section).getByRole('button', { name: 'Support' })).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(section).toHaveTextContent('support@reseller.test');
    await waitFor(async () =>
      expect(
        within(await findOrderRow('ORD-1001')).queryByRole('button', { name: 'Provision' }),
      ).not.toBeInTheDocument(),
    );
    expect(router.state.location.href).toBe('/admin/manageOrders?q=ORD-1001');

    await user.click(within(section).getByRole('button', { name: 'Admin' }));

    expect(await within(header).findByText('Ada Admin')).toBeInTheDocument();
    expect(
      await within(await findOrderRow('ORD-1001')).findByRole('button', { name: 'Provision' }),
    ).toBeInTheDocument();
  });

  test('Signed out shows the sign-in page; Admin from there returns to the page', async () => {
    const { router, user } = renderApp('/admin/manageOrders?q=ORD-1001');
    await findOrderRow('ORD-1001');
    const section = await openPanelSection(user, 'Signed in as');

    await user.click(within(section).getByRole('button', { name: 'Signed out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toEqual({ redirect: '/admin/manageOrders?q=ORD-1001' });
    expect(readSessionToken()).toBeNull();
    expect(within(section).getByRole('button', { name: 'Signed out' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(section).getByRole('button', { name: 'Admin' }));

    expect(await findOrderRow('ORD-1001')).toBeInTheDocument();
    expect(router.state.location.href).toBe('/admin/manageOrders?q=ORD-1001');
  });

  test('starting the session-expired scenario sends the page to sign in, saying why', async () => {
    const { router, user } = renderApp('/admin/manageOrders?q=ORD-1001');
    await findOrderRow('ORD-1001');
    const scenarios = await openPanelSection(user, 'Scenario');

    await user.click(await within(scenarios).findByRole('button', { name: 'Start session-expired' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('Your session has expired. Sign in again to continue.')).toBeInTheDocument();
    expect(router.state.location.search).toEqual({ redirect: '/admin/manageOrders?q=ORD-1001', reason: 'expired' });
  });
});
