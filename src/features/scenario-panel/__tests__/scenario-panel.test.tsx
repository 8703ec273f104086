import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { formatClockTime } from '@/lib/time';
import { scenarios as catalogue, setupMockBackend } from '@/testing/mock-backend';
import { findOrderRow, findToast, renderApp } from '@/testing/render-app';
import { ScenarioPanelBoundary } from '../components/scenario-panel-boundary';
import { openPanel } from './open-panel';

// The console as a mock build renders it: the flag is read once, when the app's modules load.
vi.hoisted(() => vi.stubEnv('VITE_API_MOCKING', 'enabled'));
afterAll(() => vi.unstubAllEnvs());

const { server, backend } = setupMockBackend();

/** The page filtered to one order: a small table keeps role queries fast in jsdom. */
async function provision(orderId: string) {
  const { user } = renderApp(`/admin/manageOrders?q=${orderId}`);
  await user.click(within(await findOrderRow(orderId)).getByRole('button', { name: 'Provision' }));
  await findToast('Provisioning started');
  return user;
}

describe('Scenario panel', () => {
  test('opens from the keyboard, takes focus, and gives it back to its button on Escape', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const launcher = await screen.findByRole('button', { name: 'Scenarios: default' });

    await user.tab();
    await user.tab();
    expect(launcher).toHaveFocus();
    await user.keyboard('{Enter}');

    const panel = screen.getByRole('dialog', { name: 'Scenarios' });
    expect(panel).toHaveFocus();
    expect(launcher).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(panel).not.toBeInTheDocument();
    expect(launcher).toHaveFocus();
    expect(launcher).toHaveAttribute('aria-expanded', 'false');
  });

  test('the launcher is named by its visible text, with the scenario after a colon', async () => {
    renderApp('/admin/manageOrders?q=ORD-1001');
    const launcher = await screen.findByRole('button', { name: 'Scenarios: default' });

    // Named by its content, so the name holds what a voice-control user sees and says (WCAG 2.5.3).
    expect(launcher).not.toHaveAttribute('aria-label');
    expect(launcher).toHaveTextContent('Scenarios: default');
    expect(within(launcher).getByText('default')).toBeInTheDocument();
  });

  test('lists every scenario with its description and what it shows, the current one marked', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);

    const scenarios = section('Scenario');
    const smartVpsDown = await within(scenarios).findByRole('listitem', { name: 'smartvps-down' });
    expect(smartVpsDown).toHaveTextContent('Every SmartVPS purchase times out.');
    expect(smartVpsDown).toHaveTextContent('What you see: ORD-1007 auto-provisions, times out 3 times');
    expect(within(scenarios).getAllByRole('listitem')).toHaveLength(catalogue.size);
    await waitFor(() =>
      expect(within(scenarios).getByRole('listitem', { name: 'default' })).toHaveAttribute('aria-current', 'true'),
    );
    expect(smartVpsDown).not.toHaveAttribute('aria-current');
  });

  test('switching scenario restarts the backend and refreshes the page', async () => {
    const { user } = renderApp('/admin/manageOrders');
    await screen.findByText(/^\d+ orders$/);
    const { section } = await openPanel(user);

    const start = await within(section('Scenario')).findByRole('button', { name: 'Start empty' });
    await user.click(start);

    expect(await screen.findByRole('heading', { name: 'No orders yet' })).toBeInTheDocument();
    expect(backend.state().scenario).toBe('empty');
    expect(within(section('Scenario')).getByRole('listitem', { name: 'empty' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Scenarios: empty' })).toBeInTheDocument();
    // The same button, now naming the current scenario, so a keyboard user is not thrown out of the list.
    expect(start).toHaveAccessibleName('Current empty');
    expect(start).toHaveFocus();
  });

  test('Reset restarts the current scenario from its seed', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);
    const clock = section('Clock');
    await user.click(within(clock).getByRole('button', { name: '+5 min' }));
    expect(
      await within(clock).findByText(formatClockTime('2026-11-24T12:05:00.000Z', { seconds: true })),
    ).toBeInTheDocument();
    const upstream = section('Upstream calls');
    expect(await within(upstream).findByText(/^[1-9]\d* successful purchases?$/)).toBeInTheDocument();

    await user.click(within(section('Scenario')).getByRole('button', { name: 'Reset' }));

    expect(
      await within(clock).findByText(formatClockTime('2026-11-24T12:00:00.000Z', { seconds: true })),
    ).toBeInTheDocument();
    expect(await within(upstream).findByText('0 successful purchases')).toBeInTheDocument();
    expect(backend.state()).toMatchObject({ scenario: 'default', now: '2026-11-24T12:00:00.000Z' });
  });

  test('advancing the clock by 10 minutes plays what fell due and shows it at once', async () => {
    const user = await provision('ORD-1001');
    const { section } = await openPanel(user);
    const clock = section('Clock');
    expect(within(clock).getByText(formatClockTime('2026-11-24T12:00:00.000Z', { seconds: true }))).toBeInTheDocument();

    await user.click(within(clock).getByRole('button', { name: '+10 min' }));

    expect(await findToast('ORD-1001 is active')).toBeInTheDocument();
    expect(backend.state().now).toBe('2026-11-24T12:10:00.000Z');
    expect(
      await within(clock).findByText(formatClockTime('2026-11-24T12:10:00.000Z', { seconds: true })),
    ).toBeInTheDocument();
    await waitFor(async () =>
      expect(within(await findOrderRow('ORD-1001')).queryByRole('button')).not.toBeInTheDocument(),
    );
  });

  test('pauses and resumes the clock and changes its speed', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);
    const clock = section('Clock');
    expect(await within(clock).findByText('Paused')).toBeInTheDocument();

    await user.click(within(clock).getByRole('button', { name: 'Resume' }));
    expect(await within(clock).findByText('Running at 1×')).toBeInTheDocument();
    expect(backend.state().paused).toBe(false);

    const speed60 = within(clock).getByRole('button', { name: '60×' });
    expect(speed60).toHaveAttribute('aria-pressed', 'false');
    await user.click(speed60);
    expect(await within(clock).findByText('Running at 60×')).toBeInTheDocument();
    expect(speed60).toHaveAttribute('aria-pressed', 'true');
    expect(within(clock).getByRole('button', { name: '1×' })).toHaveAttribute('aria-pressed', 'false');
    expect(backend.state().speed).toBe(60);

    await user.click(within(clock).getByRole('button', { name: 'Pause' }));
    expect(await within(clock).findByRole('button', { name: 'Resume' })).toBeInTheDocument();
    expect(backend.state()).toMatchObject({ paused: true, speed: 60 });
  });

  test('shows the provision request and its answer in the request journal', async () => {
    const user = await provision('ORD-1001');
    const { section } = await openPanel(user);

    const requests = section('Requests');
    expect(
      await within(requests).findByRole('row', { name: /POST \/api\/orders\/provision PROVISIONING_STARTED 202$/ }),
    ).toBeInTheDocument();
    // Newest first: the POST comes above the page's first load of the list.
    const lines = within(requests)
      .getAllByRole('row')
      .map((row) => row.textContent);
    const firstLoad = lines.findLastIndex((line) => line.includes('GET /api/orders?q=ORD-1001'));
    expect(lines.findIndex((line) => line.includes('POST /api/orders/provision'))).toBeLessThan(firstLoad);
  });

  test('shows the purchase in the upstream journal, with the count of purchases', async () => {
    const user = await provision('ORD-1001');
    const { section } = await openPanel(user);

    await user.click(within(section('Clock')).getByRole('button', { name: '+1 min' }));

    const upstream = section('Upstream calls');
    expect(
      await within(upstream).findByRole('row', { name: /buyVps SmartVPS ORD-1001 .* Succeeded$/ }),
    ).toBeInTheDocument();
    const purchases = backend
      .upstreamCalls()
      .filter((call) => call.operation !== 'statusCheck' && call.outcome === 'succeeded');
    expect(purchases.map((call) => call.orderId)).toContain('ORD-1001');
    expect(within(upstream).getByText(`${purchases.length} successful purchases`)).toBeInTheDocument();
  });

  test('says in words why a change was refused', async () => {
    server.use(
      http.post('*/__mock/reset', () =>
        HttpResponse.json(
          { success: false, code: 'UNKNOWN_SCENARIO', message: 'Unknown scenario "empty"' },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);

    await user.click(await within(section('Scenario')).findByRole('button', { name: 'Start empty' }));

    expect(await within(section('Scenario')).findByRole('alert')).toHaveTextContent(
      'Could not start the scenario: Unknown scenario "empty"',
    );
    expect(backend.state().scenario).toBe('default');
  });

  test("shows the mock backend's notice next to the launcher until dismissed", async () => {
    const notice = 'The saved mock data could not be read, so the scenario started again from its seed.';
    server.use(
      http.get('*/__mock/state', () =>
        HttpResponse.json({
          scenario: 'default',
          runsIn: 'browserProfile',
          now: '2026-11-24T12:00:00.000Z',
          speed: 1,
          paused: true,
          notice,
        }),
      ),
    );
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(notice);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss mock notice' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('Scenario panel boundary', () => {
  test('shows why the panel failed and reloads it', async () => {
    let failing = true;
    function FlakyPanel() {
      if (failing) throw new Error('Catalogue exploded');
      return <p>Panel is back</p>;
    }
    // Caught on purpose: React would otherwise report it with console.error, which fails the test.
    render(
      <ScenarioPanelBoundary>
        <FlakyPanel />
      </ScenarioPanelBoundary>,
      { onCaughtError: () => undefined },
    );

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The scenario panel failed: Catalogue exploded');
    failing = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Reload panel' }));
    expect(screen.getByText('Panel is back')).toBeInTheDocument();
  });
});
