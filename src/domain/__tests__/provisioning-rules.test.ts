import { describe, expect, test } from 'vitest';
import type { ActiveRun } from '@/contract/order';
import {
  LIVE_RUN_RETRY_AFTER_SECONDS,
  provisionAction,
  provisionGuard,
  type GuardInput,
  type ProvisionRuleInput,
} from '../provisioning-rules';

const base: ProvisionRuleInput = { status: 'confirmed', autoProvisioned: false, provisioningStatus: null, ipAddress: null };
const provision = { kind: 'provision', variant: 'default' } as const;
const retry = { kind: 'retry', variant: 'default' } as const;
const retryRed = { kind: 'retry', variant: 'destructive' } as const;

describe('provisionAction: the button rule', () => {
  test.each<[string, Partial<ProvisionRuleInput>, ReturnType<typeof provisionAction>]>([
    // Row 1: only paid or confirmed orders ever get a button.
    ['pending order', { status: 'pending' }, null],
    ['active order', { status: 'active', provisioningStatus: 'active', ipAddress: '103.177.114.195', autoProvisioned: true }, null],
    ['cancelled order', { status: 'cancelled' }, null],
    ['cancelled order whose provisioning failed', { status: 'cancelled', provisioningStatus: 'failed' }, null],
    ['pending order never auto-provisioned', { status: 'pending', autoProvisioned: undefined }, null],
    // Row 2: failed provisioning, any provider, any auto flag.
    ['confirmed, auto-provisioned, failed', { autoProvisioned: true, provisioningStatus: 'failed' }, retryRed],
    ['paid, auto-provisioned, failed', { status: 'paid', autoProvisioned: true, provisioningStatus: 'failed' }, retryRed],
    ['confirmed, manual, failed', { autoProvisioned: false, provisioningStatus: 'failed' }, retryRed],
    // Row 3: confirmed, auto-provisioned, no IP.
    ['confirmed, auto, stuck provisioning', { autoProvisioned: true, provisioningStatus: 'provisioning' }, retry],
    ['confirmed, auto, never started', { autoProvisioned: true, provisioningStatus: null }, retry],
    ['confirmed, auto, active without IP', { autoProvisioned: true, provisioningStatus: 'active', ipAddress: null }, retry],
    // Row 4: not auto-provisioned.
    ['fresh confirmed order (brief example 1)', {}, provision],
    ['fresh paid order', { status: 'paid' }, provision],
    ['autoProvisioned absent', { autoProvisioned: undefined }, provision],
    ['paid, manual run provisioning', { status: 'paid', provisioningStatus: 'provisioning' }, provision],
    // Row 5: anything else.
    ['paid with automatic provisioning under way', { status: 'paid', autoProvisioned: true, provisioningStatus: 'provisioning' }, null],
    ['confirmed, auto, has an IP', { autoProvisioned: true, provisioningStatus: 'provisioning', ipAddress: '10.0.0.1' }, null],
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
    id: 'run-1', trigger: 'auto', triggeredBy: null, attempt: 1, maxAttempts: 3,
    step: 'buyVps', startedAt: minutesAgo(3), nextStepAt: null,
  };
  const guardBase: GuardInput = { status: 'confirmed', provisioningStatus: null, ipAddress: null, lastProvisionAttempt: null, activeRun: null };

  test.each<[string, Partial<GuardInput>, ReturnType<typeof provisionGuard>]>([
    ['fresh order', {}, { code: 'ALLOWED' }],
    ['failed order', { provisioningStatus: 'failed', lastProvisionAttempt: minutesAgo(1) }, { code: 'ALLOWED' }],
    ['active with IP', { status: 'active', provisioningStatus: 'active', ipAddress: '103.177.114.195' }, { code: 'ALREADY_PROVISIONED' }],
    ['pending', { status: 'pending' }, { code: 'NOT_ELIGIBLE', reason: 'Order is not paid yet' }],
    ['cancelled', { status: 'cancelled' }, { code: 'NOT_ELIGIBLE', reason: 'Order is cancelled' }],
    ['active without IP', { status: 'active', provisioningStatus: 'active' }, { code: 'NOT_ELIGIBLE', reason: 'Order is active without a provisioned server; fix it upstream' }],
    ['provisioning for 3 min, no live run', { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(3) }, { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 420 }],
    ['provisioning for 9m59s', { provisioningStatus: 'provisioning', lastProvisionAttempt: new Date(now - 599_000).toISOString() }, { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 1 }],
    ['provisioning for exactly 10 min (stuck)', { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(10) }, { code: 'ALLOWED' }],
    ['stuck for 25 min', { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(25) }, { code: 'ALLOWED' }],
    ['live run, 3 min old', { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(3), activeRun: run }, { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 420 }],
    ['live run queued for 25 min', { provisioningStatus: 'provisioning', lastProvisionAttempt: minutesAgo(25), activeRun: run }, { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: LIVE_RUN_RETRY_AFTER_SECONDS }],
    ['live run on a failed order (retry delay)', { provisioningStatus: 'failed', lastProvisionAttempt: minutesAgo(2), activeRun: run }, { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: 480 }],
  ])('%s', (_name, overrides, expected) => {
    expect(provisionGuard({ ...guardBase, ...overrides }, now)).toEqual(expected);
  });
});
