import { describe, expect, test } from 'vitest';
import { answerToast, bulkRetryToast, requestFailedToast, settledRunToast } from '../components/provision-toasts';

describe('answerToast: what the provision endpoint answered', () => {
  test.each<[string, Parameters<typeof answerToast>[1], ReturnType<typeof answerToast>]>([
    [
      'a run started',
      { code: 'PROVISIONING_STARTED' },
      { tone: 'info', title: 'Provisioning started', description: 'ORD-1001' },
    ],
    [
      'already provisioned',
      { code: 'ALREADY_PROVISIONED' },
      { tone: 'success', title: 'Order already provisioned', description: 'ORD-1001' },
    ],
    [
      'in progress for 7 more minutes',
      { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 420 },
      {
        tone: 'warning',
        title: 'Order is currently being provisioned. Please wait...',
        description: 'Retry allowed in 7 min',
      },
    ],
    [
      'in progress for less than a minute',
      { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 20 },
      {
        tone: 'warning',
        title: 'Order is currently being provisioned. Please wait...',
        description: 'Retry allowed in 20 s',
      },
    ],
  ])('%s', (_name, answer, expected) => {
    expect(answerToast('ORD-1001', answer)).toEqual(expected);
  });
});

test('requestFailedToast shows the server message as an error', () => {
  expect(requestFailedToast('ORD-1001', 'Order is cancelled')).toEqual({
    tone: 'error',
    title: 'Could not provision ORD-1001',
    description: 'Order is cancelled',
  });
});

describe('settledRunToast: how a followed run ended', () => {
  const base = { _id: 'ORD-1002', ipAddress: null, provisioningError: null };
  test.each<[string, Parameters<typeof settledRunToast>[0], Partial<ReturnType<typeof settledRunToast>>]>([
    [
      'active with an IP',
      { ...base, provisioningStatus: 'active', ipAddress: '103.177.1.2' },
      { tone: 'success', title: 'ORD-1002 is active', description: 'IP address 103.177.1.2' },
    ],
    [
      'failed with the provider error',
      { ...base, provisioningStatus: 'failed', provisioningError: 'SmartVPS buyVps timeout after 3 attempts' },
      { tone: 'error', title: 'Provisioning ORD-1002 failed', description: 'SmartVPS buyVps timeout after 3 attempts' },
    ],
    [
      'failed without a reason',
      { ...base, provisioningStatus: 'failed' },
      { tone: 'error', description: 'The provider gave no reason' },
    ],
    [
      'stuck provisioning (bought, no IP)',
      { ...base, provisioningStatus: 'provisioning' },
      { tone: 'warning', title: 'ORD-1002 has no IP address yet' },
    ],
    ['ended without a status', { ...base, provisioningStatus: null }, { tone: 'warning' }],
  ])('%s', (_name, order, expected) => {
    expect(settledRunToast(order)).toMatchObject(expected);
  });

  test('a stuck order is told when a retry becomes possible', () => {
    expect(settledRunToast({ ...base, provisioningStatus: 'provisioning' }).description).toMatch(
      /bought.*retry becomes possible after 10 minutes/i,
    );
  });
});

describe('bulkRetryToast: one toast for a bulk retry', () => {
  const started = (orderId: string) => ({
    orderId,
    code: 'PROVISIONING_STARTED' as const,
    message: 'Provisioning started',
    retryAfterSeconds: null,
  });
  test.each<[string, Parameters<typeof bulkRetryToast>[0]['results'], ReturnType<typeof bulkRetryToast>]>([
    [
      'all started',
      [started('ORD-1002'), started('ORD-1005')],
      { tone: 'info', title: 'Bulk retry: 2 started', description: 'ORD-1002: started\nORD-1005: started' },
    ],
    [
      'a mix, each answer listed in the order asked',
      [
        started('ORD-1002'),
        { orderId: 'ORD-1003', code: 'PROVISIONING_IN_PROGRESS', message: 'busy', retryAfterSeconds: 420 },
        { orderId: 'ORD-1004', code: 'ALREADY_PROVISIONED', message: 'done', retryAfterSeconds: null },
        { orderId: 'ORD-1010', code: 'NOT_ELIGIBLE', message: 'Order is cancelled', retryAfterSeconds: null },
      ],
      {
        tone: 'warning',
        title: 'Bulk retry: 1 started, 1 already provisioned, 1 in progress, 1 refused',
        description:
          'ORD-1002: started\nORD-1003: in progress (retry in 7 min)\nORD-1004: already provisioned\nORD-1010: refused (Order is cancelled)',
      },
    ],
    [
      'nothing started',
      [{ orderId: 'ORD-404', code: 'ORDER_NOT_FOUND', message: 'gone', retryAfterSeconds: null }],
      { tone: 'error', title: 'Bulk retry: 1 not found', description: 'ORD-404: not found' },
    ],
  ])('%s', (_name, results, expected) => {
    expect(bulkRetryToast({ results })).toEqual(expected);
  });
});
