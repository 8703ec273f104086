import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { readSessionToken } from '@/lib/session-token';
import { setupMockBackend } from '@/testing/mock-backend';
import { renderApp } from '@/testing/render-app';

// A mock build, for the demo accounts: the flag is read once, when the app's modules load.
vi.hoisted(() => vi.stubEnv('VITE_API_MOCKING', 'enabled'));
afterAll(() => vi.unstubAllEnvs());

const { server, backend } = setupMockBackend();

const EXPIRED = 'Your session has expired. Sign in again to continue.';

const signInRequests = () =>
  backend.requests().filter((request) => request.method === 'POST' && request.path === '/api/session');

async function signIn(user: UserEvent, email: string, password: string) {
  const form = await screen.findByRole('form', { name: 'Sign in' });
  await user.type(within(form).getByLabelText('Email'), email);
  await user.type(within(form).getByLabelText('Password'), password);
  await user.click(within(form).getByRole('button', { name: 'Sign in' }));
}

const banner = () => screen.getByRole('banner');

/** Every alert that appears from now on, however briefly: a flash is gone before any assertion runs. */
function watchAlerts(): () => string[] {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    for (const alert of screen.queryAllByRole('alert')) seen.push(alert.textContent ?? '');
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    return seen;
  };
}

describe('Sign-in', () => {
  test('signs the admin in and lands on the page it was asked for', async () => {
    backend.signInAs('signedOut');
    const { router, user } = renderApp('/sign-in?redirect=%2Fadmin%2FmanageOrders%3Fq%3DORD-1001');

    await signIn(user, 'admin@reseller.test', 'admin-demo');

    expect(await screen.findByRole('heading', { name: 'Manage orders' })).toBeInTheDocument();
    expect(router.state.location.href).toBe('/admin/manageOrders?q=ORD-1001');
    expect(within(banner()).getByText('Ada Admin')).toBeInTheDocument();
    expect(within(banner()).getByText('Admin')).toBeInTheDocument();
    expect(readSessionToken()).not.toBeNull();
    // The sign-in page was replaced: Back does not return to it.
    expect(router.history.length).toBe(1);
  });

  test('a wrong password says so and stays on the sign-in page', async () => {
    backend.signInAs('signedOut');
    const { router, user } = renderApp('/sign-in');

    await signIn(user, 'admin@reseller.test', 'not-the-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password do not match an account');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(screen.getByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-disabled', 'true');
    expect(readSessionToken()).toBeNull();
  });

  test('checks the fields before sending anything, next to each field', async () => {
    backend.signInAs('signedOut');
    const { user } = renderApp('/sign-in');

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password');
    expect(email).toHaveFocus();
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');

    await user.type(email, 'admin');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(email).toHaveAccessibleDescription('Enter an email address, like name@example.com');
    expect(signInRequests()).toEqual([]);
  });

  test('says that signing in failed when the server cannot be reached', async () => {
    backend.signInAs('signedOut');
    server.use(http.post('*/api/session', () => HttpResponse.error()));
    const { router, user } = renderApp('/sign-in');

    await signIn(user, 'admin@reseller.test', 'admin-demo');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not sign in: Could not reach the server: check your connection',
    );
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  test('sends one request however fast the button is clicked', async () => {
    backend.signInAs('signedOut');
    const { user } = renderApp('/sign-in');
    const form = await screen.findByRole('form', { name: 'Sign in' });
    await user.type(within(form).getByLabelText('Email'), 'admin@reseller.test');
    await user.type(within(form).getByLabelText('Password'), 'admin-demo');

    // Two clicks before React hears that the first one is pending: no user-event pause between them.
    const button = within(form).getByRole('button', { name: 'Sign in' });
    fireEvent.click(button);
    fireEvent.click(button);

    expect(await screen.findByRole('heading', { name: 'Manage orders' })).toBeInTheDocument();
    expect(signInRequests()).toHaveLength(1);
  });

  test.each([
    ['an absolute URL', 'https://evil.test/admin'],
    ['a protocol-relative URL', '//evil.test/admin'],
  ])('refuses to send the admin to another site after signing in: %s', async (_case, target) => {
    backend.signInAs('signedOut');
    const { router, user } = renderApp(`/sign-in?redirect=${encodeURIComponent(target)}`);

    await signIn(user, 'admin@reseller.test', 'admin-demo');

    expect(await screen.findByRole('heading', { name: 'Manage orders' })).toBeInTheDocument();
    expect(router.state.location.href).toBe('/admin/manageOrders');
  });

  test('a visit while signed out goes to sign-in, sends no request, and comes back after', async () => {
    backend.signInAs('signedOut');
    const { router, user } = renderApp('/admin/manageOrders?q=ORD-1002');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toEqual({ redirect: '/admin/manageOrders?q=ORD-1002' });
    expect(backend.requests().filter((request) => request.path.startsWith('/api/'))).toEqual([]);
    // Nobody was signed out: there is nothing to explain.
    expect(screen.queryByText(EXPIRED)).not.toBeInTheDocument();

    await signIn(user, 'admin@reseller.test', 'admin-demo');
    await waitFor(() => expect(router.state.location.href).toBe('/admin/manageOrders?q=ORD-1002'));
  });

  test('an expired session sends the admin to sign in, says why, and brings them back with their filters', async () => {
    backend.reset('session-expired');
    const alertsShown = watchAlerts();
    const { router, user } = renderApp('/admin/manageOrders?status=paid');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText(EXPIRED)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toEqual({ redirect: '/admin/manageOrders?status=paid', reason: 'expired' });
    expect(readSessionToken()).toBeNull();
    // The orders page's own error never showed, not even for a moment, before the redirect.
    expect(alertsShown()).toEqual([]);

    await signIn(user, 'admin@reseller.test', 'admin-demo');

    expect(await screen.findByRole('heading', { name: 'Manage orders' })).toBeInTheDocument();
    expect(router.state.location.href).toBe('/admin/manageOrders?status=paid');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('paid');
  });

  test('already signed in, the sign-in page goes straight on', async () => {
    const { router } = renderApp('/sign-in?redirect=%2Fadmin%2FmanageOrders%3Fq%3DORD-1003');

    expect(await screen.findByRole('heading', { name: 'Manage orders' })).toBeInTheDocument();
    expect(router.state.location.href).toBe('/admin/manageOrders?q=ORD-1003');
  });

  test('in a mock build, a demo account signs in with one click', async () => {
    backend.signInAs('signedOut');
    const { router, user } = renderApp('/sign-in');

    const demo = await screen.findByRole('region', { name: 'Demo accounts' });
    expect(demo).toHaveTextContent('admin@reseller.test / admin-demo');
    expect(demo).toHaveTextContent('support@reseller.test / support-demo');
    await user.click(await within(demo).findByRole('button', { name: 'Sign in as Sol Support' }));

    expect(await within(banner()).findByText('Support (read-only)')).toBeInTheDocument();
    expect(within(banner()).getByText('Sol Support')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/manageOrders');
  });
});

describe('The signed-in user in the header', () => {
  test('a support agent sees their name and that they can only read', async () => {
    backend.signInAs('support');
    renderApp('/admin/manageOrders?q=ORD-1001');

    const header = await screen.findByRole('banner');
    expect(await within(header).findByText('Sol Support')).toBeInTheDocument();
    expect(within(header).getByText('Support (read-only)')).toBeInTheDocument();
  });

  test('Sign out ends the session on the server and in the tab, then shows the sign-in page', async () => {
    const { router, user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const signOut = await within(await screen.findByRole('banner')).findByRole('button', { name: 'Sign out' });

    signOut.focus();
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(readSessionToken()).toBeNull();
    expect(within(banner()).queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(backend.requests().filter((request) => request.method === 'DELETE')).toMatchObject([
      { path: '/api/session', status: 200 },
    ]);
  });
});
