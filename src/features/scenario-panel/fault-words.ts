import {
  FAULT_MESSAGE_MAX_LENGTH,
  FAULT_TIMES_MAX,
  HANG_MS,
  type ApiFault,
  type ApiFaultKind,
  type ApiRoute,
  type MockFaultRequest,
} from '@/contract/mock-control';
import type { ErrorCode } from '@/contract/errors';

/**
 * The fault form's words and rules, apart from its fields: the routes and kinds in words, the
 * defaults, what a filled form lacks, and what a queued fault will do.
 */

export type FaultStatus = Extract<ApiFault, { kind: 'status' }>['status'];

export const routeWords: Record<ApiRoute, { name: string; request: string }> = {
  listOrders: { name: 'List orders', request: 'GET /api/orders' },
  getOrder: { name: 'Order detail', request: 'GET /api/orders/:id' },
  provision: { name: 'Provision or retry', request: 'POST /api/orders/provision' },
  bulkProvision: { name: 'Bulk retry', request: 'POST /api/orders/provision/bulk' },
  resolve: { name: 'Mark resolved', request: 'POST /api/orders/resolve' },
  signIn: { name: 'Sign in', request: 'POST /api/session' },
  getSession: { name: 'Current session', request: 'GET /api/session' },
  signOut: { name: 'Sign out', request: 'DELETE /api/session' },
};

const HANG_SECONDS = HANG_MS / 1_000;

export const kindWords: Record<ApiFaultKind, { label: string; explanation: string }> = {
  status: { label: 'HTTP error', explanation: 'An error status with a code and a message, as a failing server sends.' },
  networkError: { label: 'Dropped connection', explanation: 'The connection drops: no answer at all.' },
  hang: {
    label: 'No answer',
    explanation: `Nothing for ${HANG_SECONDS} s, then a 503 (sooner if the console gives up first).`,
  },
  malformedJson: { label: 'Unreadable answer', explanation: 'HTTP 200 with a body that is not JSON.' },
  contractViolation: {
    label: 'Answer in the wrong shape',
    explanation: 'HTTP 200 with JSON that does not match the contract.',
  },
};

/** Every kind the contract has, in the order the form offers them: `kindWords` must name each one. */
export const faultKinds = Object.keys(kindWords) as ApiFaultKind[];

/** The code a server would send with each status; the admin can pick another. */
export const defaultCodes: Record<FaultStatus, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  500: 'INTERNAL_ERROR',
  502: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

export type FaultFormProblems = { message?: string; times?: string };

/** What the form lacks, per field; empty when it can be sent. `times` is the field's text. */
export function faultFormProblems({
  kind,
  message,
  times,
}: {
  kind: ApiFaultKind;
  message: string;
  times: string;
}): FaultFormProblems {
  const count = Number(times);
  const text = message.trim();
  return {
    ...(kind === 'status' && (text === '' || text.length > FAULT_MESSAGE_MAX_LENGTH)
      ? { message: `Write the message the console will show, up to ${FAULT_MESSAGE_MAX_LENGTH} characters.` }
      : {}),
    ...(times.trim() !== '' && Number.isInteger(count) && count >= 1 && count <= FAULT_TIMES_MAX
      ? {}
      : { times: `A whole number from 1 to ${FAULT_TIMES_MAX}.` }),
  };
}

/** What the faulted requests get: "HTTP 503 SERVICE_UNAVAILABLE “Down for maintenance”". */
function effectOf(fault: ApiFault): string {
  switch (fault.kind) {
    case 'status':
      return `HTTP ${fault.status} ${fault.code} “${fault.message}”`;
    case 'networkError':
      return 'a dropped connection, with no answer at all';
    case 'hang':
      return `no answer for ${HANG_SECONDS} s, then HTTP 503`;
    case 'malformedJson':
      return 'HTTP 200 with a body that is not JSON';
    case 'contractViolation':
      return 'HTTP 200 with JSON in the wrong shape';
  }
}

/** "The next 2 requests to List orders get HTTP 503 …": what a queued fault will do, in words. */
export function queuedFaultInWords({ route, fault, times = 1 }: MockFaultRequest): string {
  const name = routeWords[route].name;
  return times === 1
    ? `The next request to ${name} gets ${effectOf(fault)}.`
    : `The next ${times} requests to ${name} get ${effectOf(fault)}.`;
}
