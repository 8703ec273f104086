import { describe, expect, test } from 'vitest';
import type { MockFaultRequest } from '@/contract/mock-control';
import { faultFormProblems, queuedFaultInWords } from '../fault-words';

const MESSAGE_PROBLEM = 'Write the message the console will show, up to 200 characters.';
const TIMES_PROBLEM = 'A whole number from 1 to 100.';

describe('faultFormProblems', () => {
  test.each([
    ['an HTTP error with a message, once', { kind: 'status', message: 'Down', times: '1' }, {}],
    ['an HTTP error without a message', { kind: 'status', message: '  ', times: '1' }, { message: MESSAGE_PROBLEM }],
    [
      'an HTTP error with a message too long',
      { kind: 'status', message: 'x'.repeat(201), times: '1' },
      { message: MESSAGE_PROBLEM },
    ],
    ['a dropped connection needs no message', { kind: 'networkError', message: '', times: '100' }, {}],
    ['no count', { kind: 'hang', message: '', times: '' }, { times: TIMES_PROBLEM }],
    ['a count of 0', { kind: 'hang', message: '', times: '0' }, { times: TIMES_PROBLEM }],
    ['a count over 100', { kind: 'hang', message: '', times: '101' }, { times: TIMES_PROBLEM }],
    ['a count that is not whole', { kind: 'hang', message: '', times: '1.5' }, { times: TIMES_PROBLEM }],
    ['both at once', { kind: 'status', message: '', times: 'two' }, { message: MESSAGE_PROBLEM, times: TIMES_PROBLEM }],
  ] as const)('%s', (_, form, problems) => {
    expect(faultFormProblems(form)).toEqual(problems);
  });
});

describe('queuedFaultInWords', () => {
  test.each<[MockFaultRequest, string]>([
    [
      {
        route: 'listOrders',
        fault: { kind: 'status', status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Down for maintenance' },
        times: 2,
      },
      'The next 2 requests to List orders get HTTP 503 SERVICE_UNAVAILABLE “Down for maintenance”.',
    ],
    [
      { route: 'provision', fault: { kind: 'networkError' } },
      'The next request to Provision or retry gets a dropped connection, with no answer at all.',
    ],
    [
      { route: 'getOrder', fault: { kind: 'hang' }, times: 1 },
      'The next request to Order detail gets no answer for 30 s, then HTTP 503.',
    ],
    [
      { route: 'getSession', fault: { kind: 'malformedJson' }, times: 3 },
      'The next 3 requests to Current session get HTTP 200 with a body that is not JSON.',
    ],
    [
      { route: 'resolve', fault: { kind: 'contractViolation' } },
      'The next request to Mark resolved gets HTTP 200 with JSON in the wrong shape.',
    ],
  ])('%j', (request, words) => {
    expect(queuedFaultInWords(request)).toBe(words);
  });
});
