import { waitFor, within } from '@testing-library/react';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { ScheduleResponseSchema, type ScheduleEvent } from '@/contract/mock-control';
import { formatClockTime } from '@/lib/time';
import { setupMockBackend } from '@/testing/mock-backend';
import { renderApp } from '@/testing/render-app';
import { openPanel } from './open-panel';

// The console as a mock build renders it: the flag is read once, when the app's modules load.
vi.hoisted(() => vi.stubEnv('VITE_API_MOCKING', 'enabled'));
afterAll(() => vi.unstubAllEnvs());

const { backend } = setupMockBackend();

/** What the backend has due, read over the network as the panel reads it. */
async function schedule(): Promise<ScheduleEvent[]> {
  const response = await fetch(new URL('/__mock/schedule', location.origin));
  return ScheduleResponseSchema.parse(await response.json()).events;
}

const line = (event: ScheduleEvent) => `${formatClockTime(event.at, { seconds: true })} ${event.description}`;

describe('Scenario panel: coming up', () => {
  test('lists the next five events in words, soonest first, and Advance to next plays the first', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);
    const comingUp = section('Coming up');
    const events = await schedule();
    const [first] = events;
    if (!first) throw new Error('The default scenario has nothing due at its start');

    await waitFor(() =>
      expect(
        within(comingUp)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual(events.slice(0, 5).map(line)),
    );
    // The description starts with the order it concerns: "12:00:05 ORD-1007: …".
    expect(first.description).toMatch(/^ORD-100[78]: /);

    await user.click(within(comingUp).getByRole('button', { name: 'Advance to next' }));

    await waitFor(() => expect(backend.state().now).toBe(first.at));
    const [next] = await schedule();
    if (!next) throw new Error('Nothing is due after the first event');
    await waitFor(() => expect(within(comingUp).getAllByRole('listitem')[0]).toHaveTextContent(line(next)));
    expect(await within(section('Clock')).findByText(formatClockTime(first.at, { seconds: true }))).toBeInTheDocument();
  });

  test('with nothing due, says so, and Advance to next is unavailable, saying why', async () => {
    backend.reset('empty');
    const { user } = renderApp('/admin/manageOrders');
    const { section } = await openPanel(user);
    const comingUp = section('Coming up');

    expect(await within(comingUp).findByText('Nothing is due on the clock.')).toBeInTheDocument();
    const advance = within(comingUp).getByRole('button', { name: 'Advance to next' });
    expect(advance).toHaveAttribute('aria-disabled', 'true');
    expect(advance).toHaveAccessibleDescription('Nothing is due on the clock.');

    await user.click(advance);
    expect(backend.state().now).toBe('2026-11-24T12:00:00.000Z');
  });
});
