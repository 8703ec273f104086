import { within } from '@testing-library/react';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { setupMockBackend } from '@/testing/mock-backend';
import { renderApp } from '@/testing/render-app';
import { openPanel } from './open-panel';

// The console as a mock build renders it: the flag is read once, when the app's modules load.
vi.hoisted(() => vi.stubEnv('VITE_API_MOCKING', 'enabled'));
afterAll(() => vi.unstubAllEnvs());

const { backend } = setupMockBackend();

/**
 * The order detail, asked straight: the page shown (the list) never asks for it, so the faults
 * wait for these requests.
 */
async function getOrder(orderId: string) {
  const response = await fetch(new URL(`/api/orders/${orderId}`, location.origin), {
    headers: backend.authorization(),
  });
  const body: unknown = await response.json().catch(() => 'not JSON');
  return { status: response.status, body };
}

describe('Scenario panel: inject a fault', () => {
  test('an HTTP error asks for its status, code and message, and hits exactly the next requests of the route', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);
    const faults = section('Inject a fault');
    const field = (name: string) => within(faults).getByRole('combobox', { name });

    await user.selectOptions(field('Route'), 'Order detail (GET /api/orders/:id)');
    expect(field('Fault')).toHaveDisplayValue('HTTP error');
    expect(field('Fault')).toHaveAccessibleDescription(/error status with a code and a message/);
    await user.selectOptions(field('HTTP status'), '502');
    expect(field('Code')).toHaveDisplayValue('INTERNAL_ERROR');
    await user.selectOptions(field('HTTP status'), '503');
    expect(field('Code')).toHaveDisplayValue('SERVICE_UNAVAILABLE');
    const message = within(faults).getByRole('textbox', { name: 'Message' });
    await user.clear(message);
    await user.paste('SmartVPS API is down for maintenance');
    const times = within(faults).getByRole('textbox', { name: 'Number of requests' });
    await user.clear(times);
    await user.type(times, '2');

    await user.click(within(faults).getByRole('button', { name: 'Inject fault' }));

    expect(await within(faults).findByRole('status')).toHaveTextContent(
      'The next 2 requests to Order detail get HTTP 503 SERVICE_UNAVAILABLE “SmartVPS API is down for maintenance”.',
    );
    const failed = {
      status: 503,
      body: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', message: 'SmartVPS API is down for maintenance' }),
    };
    expect(await getOrder('ORD-1001')).toEqual(failed);
    expect(await getOrder('ORD-1002')).toEqual(failed);
    expect((await getOrder('ORD-1001')).status).toBe(200);
  });

  test('the other kinds need no more than the route and a count', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);
    const faults = section('Inject a fault');

    await user.selectOptions(within(faults).getByRole('combobox', { name: 'Route' }), 'getOrder');
    await user.selectOptions(within(faults).getByRole('combobox', { name: 'Fault' }), 'Unreadable answer');

    expect(within(faults).queryByRole('combobox', { name: 'HTTP status' })).not.toBeInTheDocument();
    expect(within(faults).queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
    await user.click(within(faults).getByRole('button', { name: 'Inject fault' }));
    expect(await within(faults).findByRole('status')).toHaveTextContent(
      'The next request to Order detail gets HTTP 200 with a body that is not JSON.',
    );
    expect(await getOrder('ORD-1001')).toEqual({ status: 200, body: 'not JSON' });
  });

  test('says what is missing, on the field, and queues nothing', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);
    const faults = section('Inject a fault');
    await user.selectOptions(within(faults).getByRole('combobox', { name: 'Route' }), 'getOrder');
    const message = within(faults).getByRole('textbox', { name: 'Message' });
    await user.clear(message);
    const times = within(faults).getByRole('textbox', { name: 'Number of requests' });
    await user.clear(times);
    await user.type(times, '101');

    await user.click(within(faults).getByRole('button', { name: 'Inject fault' }));

    expect(message).toHaveFocus();
    expect(message).toHaveAttribute('aria-invalid', 'true');
    expect(message).toHaveAccessibleDescription('Write the message the console will show, up to 200 characters.');
    expect(times).toHaveAccessibleDescription(/A whole number from 1 to 100\.$/);
    expect(within(faults).getByRole('status')).toBeEmptyDOMElement();
    expect((await getOrder('ORD-1001')).status).toBe(200);
  });
});
