import { describe, expect, test } from 'vitest';
import type { ActiveRun } from '@/contract/order';
import {
  blockedReason,
  LIVE_RUN_RETRY_AFTER_SECONDS,
  provisionAction,
  provisionGuard,
  type BlockedInput,
  type GuardInput,
  type ProvisionRuleInput,
} from '../provisioning-rules';

const base: ProvisionRuleInput = {
  status: 'confirmed',
  autoProvisioned: false,
  provisioningStatus: null,
  ipAddress: null,
};
const provision = { kind: 'provision', variant: 'default' } as const;
const retry = { kind: 'retry', variant: 'default' } as const;
const retryRed = { kind: 'retry', variant: 'destructive' } as const;
const resolution = {
  by: 'admin@reseller.test',
  at: '2026-11-24T11:59:00.000Z',
  reason: 'Built by hand in the SmartVPS panel',
};

describe('provisionAction: the button rule', () => {
  test.each<[string, Partial<ProvisionRuleInput>, ReturnType<typeof provisionAction>]>([
    // Row 1: only paid or confirmed orders ever get a button.
    ['pending order', { status: 'pending' }, null],
    [
      'active order',
      { status: 'active', provisioningStatus: 'active', ipAddress: '103.177.114.195', autoProvisioned: true },
      null,
    ],
    ['cancelled order', { status: 'cancelled' }, null],
    ['cancelled order whose provisioning failed', { status: 'cancelled', provisioningStatus: 'failed' }, null],
    ['pending order never auto-provisioned', { status: 'pending', autoProvisioned: undefined }, null],
    // Row 2: failed provisioning, any provider, any auto flag.
    ['confirmed, auto-provisioned, failed', { autoProvisioned: true, provisioningStatus: 'failed' }, retryRed],
    [
      'paid, auto-provisioned, failed',
      { status: 'paid', autoProvisioned: true, provisioningStatus: 'failed' },
      retryRed,
    ],
    ['confirmed, manual, failed', { autoProvisioned: false, provisioningStatus: 'failed' }, retryRed],
    // Row 3: confirmed, auto-provisioned, no IP.
    ['confirmed, auto, stuck provisioning', { autoProvisioned: true, provisioningStatus: 'provisioning' }, retry],
    ['confirmed, auto, never started', { autoProvisioned: true, provisioningStatus: null }, retry],
    [
      'confirmed, auto, active without IP',
      { autoProvisioned: true, provisioningStatus: 'active', ipAddress: null },
      retry,
    ],
    // Row 4: not auto-provisioned.
    ['fresh confirmed order (brief example 1)', {}, provision],
    ['fresh paid order', { status: 'paid' }, provision],
    ['autoProvisioned absent', { autoProvisioned: undefined }, provision],
    ['paid, manual run provisioning', { status: 'paid', provisioningStatus: 'provisioning' }, provision],
    // Row 5: anything else.
    [
      'paid with automatic provisioning under way',
      { status: 'paid', autoProvisioned: true, provisioningStatus: 'provisioning' },
      null,
    ],
    [
      'confirmed, auto, has an IP',
      { autoProvisioned: true, provisioningStatus: 'provisioning', ipAddress: '10.0.0.1' },
      null,
    ],
    // Marked resolved: fixed outside the console, whatever row it would have matched.
    ['resolved after a failure', { autoProvisioned: true, provisioningStatus: 'failed', resolution }, null],
    [
      'resolved, confirmed, auto, no IP',
      { autoProvisioned: true, provisioningStatus: 'provisioning', resolution },
      null,
    ],
    ['resolved, never provisioned', { resolution }, null],
    ['resolution null is not resolved', { resolution: null }, provision],
  ])('%s', (_name, overrides, expected) => {
    expect(provisionAction({ ...base, ...overrides })).toEqual(expected);
  });

  test.each(['smartvps', 'hostycare'] as const)('does not depend on the provider (%s)', (provider) => {
    const failed = { ...base, provider, autoProvisioned: true, provisioningStatus: 'failed' as const };
    expect(provisionAction(failed)).toEqual(retryRed);
  });
});

describe('provisionGuard: the answers of POST /api/orders/provision', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
  const run: ActiveRun = {
    id: 'run-1',
    trigger: 'auto',
    triggeredBy: null,
    attempt: 1,
    maxAttempts: 3,
    step: 'buyVps',
    startedAt: minutesAgo(3),
    nextStepAt: null,
  };
  const guardBase: GuardInput = {
    status: 'confirmed',
    provisioningStatus: null,
    ipAddress: null,
    lastProvisionAttempt: null,
    activeRun: null,
  };

  test.each<[string, Partial<GuardInput>, ReturnType<typeof provisionGuard>]>([
    ['fresh order', {}, { code: 'ALLOWED' }],
    ['failed order', { provisioningStatus: 'failed', lastProvisionAttempt: minutesAgo(1) }, { code: 'ALLOWED' }],
    [
      'active with IP',
      { status: 'active', provisioningStatus: 'active', ipAddress: '103.177.114.195' },
      { code: 'ALREADY_PROVISIONED' },
    ],
    ['pending', { status: 'pending' }, { code: 'NOT_ELIGIBLE', reason: 'Order is not paid yet' }],
    ['cancelled', { status: 'cancelled' }, { code: 'NOT_ELIGIBLE', reason: 'Order is cancelled' }],
    [
      'active without IP',
      { status: 'active', provisioningStatus: 'active' },
      { code: 'NOT_ELIGIBLE', reason: 'Order is active without a provisioned server; fix it upstream' },
    ],
    [
      'provisioning for 3 min, no live run',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(3) },
      { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 420 },
    ],
    [
      'provisioning for 9m59s',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: new Date(now - 599_000).toISOString() },
      { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 1 },
    ],
    [
      'provisioning for exactly 10 min (stuck)',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(10) },
      { code: 'ALLOWED' },
    ],
    [
      'stuck for 25 min',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(25) },
      { code: 'ALLOWED' },
    ],
    [
      'live run, 3 min old',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(3), activeRun: run },
      { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 420 },
    ],
    [
      'live run queued for 25 min',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(25), activeRun: run },
      { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: LIVE_RUN_RETRY_AFTER_SECONDS },
    ],
    [
      'live run on a failed order (retry delay)',
      { provisioningStatus: 'failed', lastProvisionAttempt: minutesAgo(2), activeRun: run },
      { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 480 },
    ],
    [
      'resolved after a failure',
      { provisioningStatus: 'failed', lastProvisionAttempt: minutesAgo(30), resolution },
      {
        code: 'NOT_ELIGIBLE',
        reason: 'Order was marked resolved by admin@reseller.test: Built by hand in the SmartVPS panel',
      },
    ],
    [
      'resolved, never provisioned',
      { resolution },
      {
        code: 'NOT_ELIGIBLE',
        reason: 'Order was marked resolved by admin@reseller.test: Built by hand in the SmartVPS panel',
      },
    ],
    ['resolution null is not resolved', { resolution: null }, { code: 'ALLOWED' }],
    [
      'cancelled and resolved: the status speaks first',
      { status: 'cancelled', resolution },
      { code: 'NOT_ELIGIBLE', reason: 'Order is cancelled' },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(provisionGuard({ ...guardBase, ...overrides }, now)).toEqual(expected);
  });
});

describe('blockedReason: why an order has no button, or why its button would be refused now', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
  const blockedBase: BlockedInput = {
    status: 'confirmed',
    autoProvisioned: false,
    provisioningStatus: null,
    ipAddress: null,
    lastProvisionAttempt: null,
    activeRun: null,
  };
  const run: ActiveRun = {
    id: 'run-1',
    trigger: 'manual',
    triggeredBy: 'admin@reseller.test',
    attempt: 1,
    maxAttempts: 3,
    step: 'waitingForPackage',
    startedAt: minutesAgo(2),
    nextStepAt: null,
  };

  test.each<[string, Partial<BlockedInput>, string | null]>([
    [
      'already provisioned',
      { status: 'active', provisioningStatus: 'active', ipAddress: '103.177.114.195', autoProvisioned: true },
      'Already provisioned',
    ],
    ['unpaid', { status: 'pending' }, 'Order is not paid yet'],
    ['cancelled', { status: 'cancelled' }, 'Order is cancelled'],
    [
      'in progress for 3 min without a live run',
      { autoProvisioned: true, provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(3) },
      'In progress for 3 min, retry in 7 min',
    ],
    [
      'a run that started a moment ago',
      {
        provisioningStatus: 'provisioning',
        lastProvisionAttempt: minutesAgo(0),
        activeRun: { ...run, startedAt: minutesAgo(0.5) },
      },
      'In progress, retry in 10 min',
    ],
    [
      'a live run counts from its own start',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(2), activeRun: run },
      'In progress for 2 min, retry in 8 min',
    ],
    [
      'a live run queued past the window',
      {
        provisioningStatus: 'provisioning',
        lastProvisionAttempt: minutesAgo(25),
        activeRun: { ...run, startedAt: minutesAgo(25) },
      },
      'In progress for 25 min, retry in 1 min',
    ],
    [
      'resolved',
      { provisioningStatus: 'failed', resolution },
      'Order was marked resolved by admin@reseller.test: Built by hand in the SmartVPS panel',
    ],
    [
      'paid order automatic provisioning owns',
      { status: 'paid', autoProvisioned: true },
      'Automatic provisioning handles this order',
    ],
    [
      'paid order whose automatic run gave up without an IP',
      {
        status: 'paid',
        autoProvisioned: true,
        provisioningStatus: 'provisioning',
        lastProvisionAttempt: minutesAgo(25),
      },
      'Automatic provisioning stopped without an IP; a paid order gets Retry once confirmed, or mark it resolved',
    ],
    ['fresh order: Provision is allowed', {}, null],
    [
      'failed order: Retry is allowed',
      { autoProvisioned: true, provisioningStatus: 'failed', lastProvisionAttempt: minutesAgo(1) },
      null,
    ],
    [
      'stuck order: Retry is allowed',
      { autoProvisioned: true, provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(10) },
      null,
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(blockedReason({ ...blockedBase, ...overrides }, now)).toBe(expected);
  });
});
