import { waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { SignInResponseSchema } from '@/contract/session-api';
import { setupMockBackend } from '@/testing/mock-backend';
import { findOrderRow, renderApp } from '@/testing/render-app';

const { backend } = setupMockBackend();

const ORDER = 'ORD-1001';
const OTHER_CLICKS = 99;

/** Another admin's page: its own session, signed in over the API. */
async function otherPage(): Promise<string> {
  const response = await fetch(new URL('/api/session', location.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sam@reseller.test', password: 'sam-demo' }),
  });
  return SignInResponseSchema.parse(await response.json()).token;
}

function provisionFrom(token: string) {
  return fetch(new URL('/api/orders/provision', location.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ orderId: ORDER }),
  });
}

/*
 * The tabs of a browser profile share one backend (docs/mock-backend.md: In the browser), so "two
 * consoles" means other pages' requests reaching the same backend: here a colleague's 99 clicks race
 * this admin's one. Whoever wins, the row must end in one state: active with its IP, no button, one
 * purchase.
 */
test('the row ends active with one purchase when this click races 99 others on the same order', async () => {
  const colleague = await otherPage();
  const { user } = renderApp(`/admin/manageOrders?q=${ORDER}`);
  const button = await within(await findOrderRow(ORDER)).findByRole('button', { name: 'Provision' });

  await Promise.all([user.click(button), ...Array.from({ length: OTHER_CLICKS }, () => provisionFrom(colleague))]);

  const provisions = () =>
    backend.requests().filter((request) => request.method === 'POST' && request.path === '/api/orders/provision');
  await waitFor(() => expect(provisions()).toHaveLength(OTHER_CLICKS + 1));
  expect(provisions().filter((request) => request.code === 'PROVISIONING_STARTED')).toHaveLength(1);
  expect(
    provisions()
      .filter((request) => request.code !== 'PROVISIONING_STARTED')
      .every((request) => request.code === 'PROVISIONING_IN_PROGRESS'),
  ).toBe(true);

  backend.advance(10 * 60_000);

  const row = await findOrderRow(ORDER);
  await waitFor(() => expect(within(row).queryByRole('button')).not.toBeInTheDocument());
  // The order's status and its provisioning: both active.
  expect(within(row).getAllByText('Active', { selector: 'span' })).toHaveLength(2);
  expect(within(row).getByText(/^103\.177\./)).toBeInTheDocument();
  expect(backend.upstreamCalls().filter((call) => call.orderId === ORDER && call.operation === 'buyVps')).toHaveLength(
    1,
  );
});
