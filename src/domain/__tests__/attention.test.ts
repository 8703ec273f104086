import { describe, expect, test } from 'vitest';
import type { ActiveRun } from '@/contract/order';
import {
  attentionReason,
  longestWaitingFirst,
  waitedMs,
  type AttentionInput,
  type AttentionReason,
} from '../attention';
import { STUCK_AFTER_MS } from '../provisioning-rules';

const now = Date.parse('2026-11-24T12:00:00Z');
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
const run: ActiveRun = {
  id: 'run-1',
  trigger: 'manual',
  triggeredBy: 'admin@reseller.test',
  attempt: 2,
  maxAttempts: 3,
  step: 'retryDelay',
  startedAt: minutesAgo(4),
  nextStepAt: minutesAgo(-2),
};
const resolution = { by: 'admin@reseller.test', at: minutesAgo(1), reason: 'Built by hand in the SmartVPS panel' };
const base: AttentionInput = {
  status: 'confirmed',
  provisioningStatus: null,
  ipAddress: null,
  lastProvisionAttempt: null,
  activeRun: null,
  resolution: null,
};

describe('attentionReason: which orders need an admin', () => {
  test.each<[string, Partial<AttentionInput>, AttentionReason | null]>([
    ['failed', { provisioningStatus: 'failed', lastProvisionAttempt: minutesAgo(1) }, 'failed'],
    [
      'failed on a paid order',
      { status: 'paid', provisioningStatus: 'failed', lastProvisionAttempt: minutesAgo(30) },
      'failed',
    ],
    [
      'provisioning, no IP, last attempt 25 min ago, no live run',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(25) },
      'stuck',
    ],
    [
      'provisioning, no IP, exactly at the window edge',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: new Date(now - STUCK_AFTER_MS).toISOString() },
      'stuck',
    ],
    [
      'provisioning, no IP, one second inside the window',
      {
        provisioningStatus: 'provisioning',
        lastProvisionAttempt: new Date(now - STUCK_AFTER_MS + 1_000).toISOString(),
      },
      null,
    ],
    ['provisioning, no IP, never attempted', { provisioningStatus: 'provisioning' }, 'stuck'],
    [
      'provisioning with an IP, past the window',
      { provisioningStatus: 'provisioning', ipAddress: '103.177.1.2', lastProvisionAttempt: minutesAgo(25) },
      null,
    ],
    ['paid, never provisioned', { status: 'paid' }, 'neverProvisioned'],
    ['confirmed, never provisioned', {}, 'neverProvisioned'],
    ['failed but marked resolved', { provisioningStatus: 'failed', resolution }, null],
    [
      'stuck but marked resolved',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(25), resolution },
      null,
    ],
    ['never provisioned but marked resolved', { resolution }, null],
    ['failed with a live run waiting to retry', { provisioningStatus: 'failed', activeRun: run }, null],
    [
      'provisioning past the window with a live run (queued for its package)',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(25), activeRun: run },
      null,
    ],
    ['unpaid', { status: 'pending' }, null],
    ['cancelled after a failure', { status: 'cancelled', provisioningStatus: 'failed' }, null],
    ['active', { status: 'active', provisioningStatus: 'active', ipAddress: '103.177.114.195' }, null],
    ['active without an IP', { status: 'active', provisioningStatus: 'active' }, null],
  ])('%s', (_name, overrides, expected) => {
    expect(attentionReason({ ...base, ...overrides }, now)).toBe(expected);
  });
});

describe('waitedMs: how long the customer has waited', () => {
  test.each<[string, { paidAt: string | null; createdAt: string }, number]>([
    ['since payment', { paidAt: minutesAgo(40), createdAt: minutesAgo(42) }, 40 * 60_000],
    ['since the order when it is not paid', { paidAt: null, createdAt: minutesAgo(12) }, 12 * 60_000],
    ['never negative when paid after the server clock', { paidAt: minutesAgo(-1), createdAt: minutesAgo(1) }, 0],
  ])('%s', (_name, order, expected) => {
    expect(waitedMs(order, now)).toBe(expected);
  });
});

describe('longestWaitingFirst: the order of Needs attention', () => {
  const order = (_id: string, paidMinutesAgo: number | null, createdMinutesAgo: number) => ({
    _id,
    paidAt: paidMinutesAgo === null ? null : minutesAgo(paidMinutesAgo),
    createdAt: minutesAgo(createdMinutesAgo),
  });

  test('puts the earliest payment first, falls back to the order time, and breaks ties by id', () => {
    const orders = [
      order('ORD-1012', 19, 20),
      order('ORD-1011', 299, 300),
      order('ORD-B', 50, 50),
      order('ORD-UNPAID', null, 100),
      order('ORD-A', 50, 90),
    ];
    expect(orders.toSorted(longestWaitingFirst).map((o) => o._id)).toEqual([
      'ORD-1011',
      'ORD-UNPAID',
      'ORD-A',
      'ORD-B',
      'ORD-1012',
    ]);
  });

  test('an order compares equal to itself, so sorting is stable', () => {
    const a = order('ORD-A', 5, 6);
    expect(longestWaitingFirst(a, { ...a })).toBe(0);
  });
});
