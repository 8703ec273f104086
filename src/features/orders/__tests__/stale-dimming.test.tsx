import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import { renderUnderRouter } from '@/testing/render-app';
import { OrdersTable } from '../components/orders-table';

const list = { orders: [], total: 0, serverTime: '2026-11-24T12:00:00.000Z' };

/** The table (under a router: its order ids are links), with a switch for whether its rows are an older answer. */
function TableWithStaleSwitch() {
  const [stale, setStale] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setStale(!stale)}>
        {stale ? 'Answer arrives' : 'Ask again'}
      </button>
      <OrdersTable list={list} stale={stale} renderAction={() => null} loadingMore={false} onNearEnd={undefined} />
    </>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

test('an older answer dims the table only once it has stood in for 300 ms, and undims the moment the new one arrives', async () => {
  renderUnderRouter(TableWithStaleSwitch);
  const table = await screen.findByRole('table', { name: 'Orders' });
  vi.useFakeTimers();

  fireEvent.click(screen.getByRole('button', { name: 'Ask again' }));
  expect(table).toHaveAttribute('aria-busy', 'true');
  act(() => vi.advanceTimersByTime(299));
  expect(table).not.toHaveClass('opacity-60');
  act(() => vi.advanceTimersByTime(1));
  expect(table).toHaveClass('opacity-60');

  fireEvent.click(screen.getByRole('button', { name: 'Answer arrives' }));
  expect(table).not.toHaveClass('opacity-60');
  expect(table).toHaveAttribute('aria-busy', 'false');

  // A second wait counts from its own start, not from the first.
  fireEvent.click(screen.getByRole('button', { name: 'Ask again' }));
  act(() => vi.advanceTimersByTime(299));
  expect(table).not.toHaveClass('opacity-60');
  act(() => vi.advanceTimersByTime(1));
  expect(table).toHaveClass('opacity-60');
});
