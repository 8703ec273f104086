import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import {
  apiRoutes,
  type ApiFault,
  type ApiFaultKind,
  type ApiRoute,
  type MockStartSession,
} from '@/contract/mock-control';
import { overrideRequestTimeoutForTests } from '@/lib/api-client';
import { readSessionToken } from '@/lib/session-token';
import { setupMockBackend, userWithRole } from '@/testing/mock-backend';
import { findOrderRow, findToast, renderApp } from '@/testing/render-app';

/**
 * Every API call of the console × every fault the mock can inject, generated from the contract's
 * list of routes: a route added to `apiRoutes` fails the type-check below until it has a driver.
 * Each case shows that the console names the failure in its own words, leaves nothing spinning,
 * keeps the rest of the page working, lets the admin try again, and that the backend is unchanged.
 */

const { backend } = setupMockBackend();

/** A fresh confirmed order (Provision) and a failed one (red Retry, Needs attention, can be resolved). */
const FRESH = 'ORD-1001';
const FAILED = 'ORD-1002';
const admin = userWithRole('admin');

/**
 * The client's patience in the hang cases, until the failure shows: long enough for the page's
 * other requests on a busy machine, short enough to keep eight hangs cheap.
 */
const HANG_TEST_TIMEOUT_MS = 750;

type FaultCase = { fault: ApiFault; shows: string };

/** What each fault makes the console say: each kind its own words, the server's where it sent some. */
const faults = {
  'HTTP 500': {
    fault: { kind: 'status', status: 500, code: 'INTERNAL_ERROR', message: 'The API crashed (injected HTTP 500)' },
    shows: 'The API crashed (injected HTTP 500)',
  },
  'HTTP 502': {
    fault: {
      kind: 'status',
      status: 502,
      code: 'SERVICE_UNAVAILABLE',
      message: 'Bad gateway in front of the API (injected HTTP 502)',
    },
    shows: 'Bad gateway in front of the API (injected HTTP 502)',
  },
  'HTTP 503': {
    fault: {
      kind: 'status',
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The API is down for maintenance (injected HTTP 503)',
    },
    shows: 'The API is down for maintenance (injected HTTP 503)',
  },
  'a network error': { fault: { kind: 'networkError' }, shows: 'Could not reach the server: check your connection' },
  'a hang': { fault: { kind: 'hang' }, shows: `The server did not answer within ${HANG_TEST_TIMEOUT_MS / 1000} s` },
  'malformed JSON': { fault: { kind: 'malformedJson' }, shows: 'The server sent an unreadable answer (HTTP 200)' },
  'a contract violation': { fault: { kind: 'contractViolation' }, shows: 'The server answered in an unexpected shape' },
} as const satisfies Record<string, FaultCase>;
type FaultName = keyof typeof faults;

// A fault kind added to the contract fails the type-check here until the table above has a row for it.
type UncoveredKinds = Exclude<ApiFaultKind, (typeof faults)[FaultName]['fault']['kind']>;
const everyFaultKindCovered: [UncoveredKinds] extends [never] ? true : UncoveredKinds = true;

type Driver = {
  /** The page the call is made from: one-row tables keep jsdom fast. */
  url: string;
  /** Who the page opens as; the admin unless said otherwise. */
  as?: MockStartSession;
  /** The order whose detail (and audit) must not change. */
  orderId: string;
  /**
   * 'load': the page makes the call as it opens, so the fault goes in first. Otherwise the page
   * loads, `prepare` gets the action ready, the fault goes in, and `act` makes the call.
   */
  sentOnLoad?: true;
  prepare?: (user: UserEvent) => Promise<void>;
  act?: (user: UserEvent) => Promise<void>;
  /** Where the console reports the failure: its text must carry the fault's message. */
  findFailure: () => Promise<HTMLElement>;
  /** Another part of the page, or the state the admin had entered, survived the failure. */
  stillWorks: (user: UserEvent) => Promise<void>;
  /** The admin tries again, the fault is gone, and it works. */
  retry: (user: UserEvent) => Promise<void>;
};

const banner = () => screen.findByRole('banner');

async function signInForm() {
  return screen.findByRole('form', { name: 'Sign in' });
}

/** Pasted, not typed: the fields' contents matter here, not keystrokes. */
async function fillSignIn(user: UserEvent) {
  const form = await signInForm();
  await user.click(within(form).getByLabelText('Email'));
  await user.paste(admin.email);
  await user.click(within(form).getByLabelText('Password'));
  await user.paste(admin.password);
}

async function submitSignIn(user: UserEvent) {
  await user.click(within(await signInForm()).getByRole('button', { name: 'Sign in' }));
}

async function provisionButton(orderId: string, name: string) {
  return within(await findOrderRow(orderId)).findByRole('button', { name });
}

const orderDrawer = (orderId: string) => screen.findByRole('dialog', { name: `Order ${orderId}` });
const resolveDialog = () => screen.findByRole('dialog', { name: `Mark ${FAILED} resolved` });
const RESOLVE_REASON = 'Provisioned by hand in the SmartVPS panel';

async function retrySelected(user: UserEvent) {
  await user.click(screen.getByRole('button', { name: 'Retry selected' }));
  const dialog = await screen.findByRole('dialog', { name: `Retry ${FAILED}?` });
  await user.click(within(dialog).getByRole('button', { name: `Retry ${FAILED}` }));
}

const drivers: Record<ApiRoute, Driver> = {
  listOrders: {
    url: `/admin/manageOrders?q=${FRESH}`,
    orderId: FRESH,
    sentOnLoad: true,
    findFailure: async () => {
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Could not load orders');
      return alert;
    },
    stillWorks: async () => {
      expect(await within(await banner()).findByText(admin.name)).toBeInTheDocument();
      expect(screen.getByRole('link', { name: /Needs attention/ })).toBeInTheDocument();
    },
    retry: async (user) => {
      await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Try again' }));
      await provisionButton(FRESH, 'Provision');
    },
  },
  getOrder: {
    url: `/admin/manageOrders/${FRESH}?q=${FRESH}`,
    orderId: FRESH,
    sentOnLoad: true,
    findFailure: async () => within(await orderDrawer(FRESH)).findByRole('alert'),
    stillWorks: async (user) => {
      // The drawer closes and the list behind it is there.
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      await provisionButton(FRESH, 'Provision');
    },
    retry: async (user) => {
      await user.click(within(await findOrderRow(FRESH)).getByRole('link', { name: FRESH }));
      expect(await within(await orderDrawer(FRESH)).findByText('Asha Verma')).toBeInTheDocument();
    },
  },
  provision: {
    url: `/admin/manageOrders?q=${FRESH}`,
    orderId: FRESH,
    prepare: async () => void (await provisionButton(FRESH, 'Provision')),
    act: async (user) => user.click(await provisionButton(FRESH, 'Provision')),
    findFailure: () => findToast(`Could not provision ${FRESH}`),
    stillWorks: async () => {
      // The list refetched after the failure; the order is still there, as it was.
      const row = await findOrderRow(FRESH);
      expect(within(row).getByText('Confirmed')).toBeInTheDocument();
    },
    retry: async (user) => {
      await user.click(await provisionButton(FRESH, 'Provision'));
      await findToast('Provisioning started');
    },
  },
  bulkProvision: {
    url: `/admin/manageOrders?view=attention&q=${FAILED}`,
    orderId: FAILED,
    prepare: async (user) => {
      await user.click(within(await findOrderRow(FAILED)).getByRole('checkbox', { name: `Select ${FAILED}` }));
      await screen.findByRole('button', { name: 'Retry selected' });
    },
    act: retrySelected,
    findFailure: () => findToast('Could not retry 1 order'),
    stillWorks: async () => {
      // The selection is kept for another try.
      expect(within(await findOrderRow(FAILED)).getByRole('checkbox', { name: `Select ${FAILED}` })).toBeChecked();
      expect(screen.getByRole('region', { name: 'Bulk actions' })).toHaveTextContent('1 selected');
    },
    retry: async (user) => {
      await retrySelected(user);
      await findToast('Bulk retry: 1 started');
    },
  },
  resolve: {
    url: `/admin/manageOrders/${FAILED}?q=${FAILED}`,
    orderId: FAILED,
    prepare: async (user) => {
      await user.click(await within(await orderDrawer(FAILED)).findByRole('button', { name: 'Mark resolved' }));
      await user.click(within(await resolveDialog()).getByRole('textbox', { name: /Reason/ }));
      await user.paste(RESOLVE_REASON);
    },
    act: async (user) => user.click(within(await resolveDialog()).getByRole('button', { name: 'Mark resolved' })),
    findFailure: () => findToast(`Could not resolve ${FAILED}`),
    stillWorks: async () => {
      // The dialog stays open with the reason the admin wrote.
      expect(within(await resolveDialog()).getByRole('textbox', { name: /Reason/ })).toHaveValue(RESOLVE_REASON);
    },
    retry: async (user) => {
      await user.click(within(await resolveDialog()).getByRole('button', { name: 'Mark resolved' }));
      await findToast('Order marked resolved');
    },
  },
  signIn: {
    url: `/sign-in?redirect=${encodeURIComponent(`/admin/manageOrders?q=${FRESH}`)}`,
    as: 'signedOut',
    orderId: FRESH,
    prepare: fillSignIn,
    act: submitSignIn,
    findFailure: async () => {
      const alert = await within(await signInForm()).findByRole('alert');
      expect(alert).toHaveTextContent('Could not sign in');
      return alert;
    },
    stillWorks: async () => {
      const form = await signInForm();
      expect(within(form).getByLabelText('Email')).toHaveValue(admin.email);
      expect(within(form).getByLabelText('Password')).toHaveValue(admin.password);
      expect(readSessionToken()).toBeNull();
    },
    retry: async (user) => {
      await submitSignIn(user);
      await provisionButton(FRESH, 'Provision');
    },
  },
  getSession: {
    url: `/admin/manageOrders?q=${FRESH}`,
    orderId: FRESH,
    sentOnLoad: true,
    findFailure: async () => within(await banner()).findByRole('alert'),
    stillWorks: async () => {
      // The orders still load; without knowing the role, the console offers no action meanwhile.
      const row = await findOrderRow(FRESH);
      expect(within(row).queryByRole('button', { name: 'Provision' })).not.toBeInTheDocument();
      expect(within(await banner()).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    },
    retry: async (user) => {
      await user.click(within(await banner()).getByRole('button', { name: 'Try again' }));
      expect(await within(await banner()).findByText(admin.name)).toBeInTheDocument();
      await provisionButton(FRESH, 'Provision');
    },
  },
  /**
   * Sign out always signs this tab out, whatever the server answered: an admin who asked to leave
   * must not stay signed in because the network failed. The console says the server did not
   * confirm it (the session may live on there); "trying again" is signing in and out once more.
   */
  signOut: {
    url: `/admin/manageOrders?q=${FRESH}`,
    orderId: FRESH,
    prepare: async () => void (await within(await banner()).findByRole('button', { name: 'Sign out' })),
    act: async (user) => user.click(within(await banner()).getByRole('button', { name: 'Sign out' })),
    findFailure: () => findToast('Signed out on this device only'),
    stillWorks: async () => {
      await signInForm();
      expect(readSessionToken()).toBeNull();
    },
    retry: async (user) => {
      await fillSignIn(user);
      await submitSignIn(user);
      await user.click(await within(await banner()).findByRole('button', { name: 'Sign out' }));
      await signInForm();
      await waitFor(() =>
        expect(
          backend
            .requests()
            .filter((request) => request.method === 'DELETE')
            .at(-1),
        ).toMatchObject({ status: 200 }),
      );
    },
  },
};

/**
 * What a failed call must leave as it was: the list, the order's detail (its audit included) and
 * the upstream journal, read through the API with the session the backend started. Signed out
 * (the sign-in route), the reads are refused alike before and after; the journal still counts.
 */
async function backendState(orderId: string) {
  const read = async (path: string) => {
    const response = await fetch(new URL(path, location.origin), { headers: backend.authorization() });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return {
    orders: await read('/api/orders'),
    detail: await read(`/api/orders/${orderId}`),
    upstream: backend.upstreamCalls(),
  };
}

/** Nothing left turning or greyed out anywhere on the page; CSS because no role query can ask "any element". */
async function expectNothingBusy() {
  await waitFor(() => {
    expect(document.querySelectorAll('[aria-busy="true"]')).toHaveLength(0);
    expect(document.querySelectorAll('[aria-disabled="true"]')).toHaveLength(0);
  });
}

let restoreTimeout: (() => void) | undefined;
function restoreClientTimeout() {
  restoreTimeout?.();
  restoreTimeout = undefined;
}
afterEach(restoreClientTimeout);

const faultNames = Object.keys(faults) as FaultName[];
const cases = apiRoutes.flatMap((route) => faultNames.map((fault) => [route, fault] as const));

describe('fault matrix', () => {
  test('covers every fault kind of the contract', () => {
    expect(everyFaultKindCovered).toBe(true);
    expect(new Set(faultNames.map((name) => faults[name].shows)).size).toBe(faultNames.length);
  });

  test.each(cases)(
    '%s with %s: a specific message, nothing busy, the page works, a retry succeeds, the backend unchanged',
    async (route, faultName) => {
      const driver = drivers[route];
      const { fault, shows } = faults[faultName];
      if (fault.kind === 'hang') restoreTimeout = overrideRequestTimeoutForTests(HANG_TEST_TIMEOUT_MS);
      if (driver.as) backend.signInAs(driver.as);
      const before = await backendState(driver.orderId);

      let user: UserEvent;
      if (driver.sentOnLoad) {
        backend.injectFault(route, fault);
        ({ user } = renderApp(driver.url));
      } else {
        ({ user } = renderApp(driver.url));
        await driver.prepare?.(user);
        backend.injectFault(route, fault);
        await driver.act?.(user);
      }

      const failure = await driver.findFailure();
      // The rest of the case waits as the console normally would.
      restoreClientTimeout();
      expect(failure).toHaveTextContent(shows);
      for (const other of faultNames.filter((name) => name !== faultName))
        expect(failure).not.toHaveTextContent(faults[other].shows);
      expect(failure).not.toHaveTextContent(/something went wrong/i);
      await expectNothingBusy();
      expect(await backendState(driver.orderId)).toEqual(before);

      await driver.stillWorks(user);
      await driver.retry(user);
    },
  );
});
