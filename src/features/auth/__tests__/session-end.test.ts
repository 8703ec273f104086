import { describe, expect, test } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { sessionEndReason } from '../session-end';

describe('sessionEndReason', () => {
  test.each([
    ['an expired session', new ApiError('server', 401, 'SESSION_EXPIRED', 'expired'), 'expired'],
    ['a missing or unknown token', new ApiError('server', 401, 'UNAUTHENTICATED', 'unknown'), 'invalid'],
    ['a wrong password, which is a failed sign-in', new ApiError('server', 401, 'INVALID_CREDENTIALS', 'wrong'), null],
    ['a support agent refused an action', new ApiError('server', 403, 'FORBIDDEN', 'read-only'), null],
    ['a 401 code on another status', new ApiError('server', 500, 'SESSION_EXPIRED', 'odd'), null],
    ['a network failure', new ApiError('network', null, 'NETWORK_ERROR', 'offline'), null],
    ['an error that is not from the API', new Error('render failed'), null],
  ])('%s', (_case, error, expected) => {
    expect(sessionEndReason(error)).toBe(expected);
  });
});
