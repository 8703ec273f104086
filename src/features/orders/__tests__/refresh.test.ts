import { describe, expect, test } from 'vitest';
import type { ActiveRun, Order } from '@/contract/order';
import { listRefreshDelay, POLL_WHILE_RUNNING_MS } from '../refresh';

type Input = Pick<Order, 'activeRun' | 'provisioningStatus' | 'ipAddress' | 'lastProvisionAttempt'>;

const now = Date.parse('2026-11-24T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
const run: ActiveRun = {
  id: 'run-1',
  trigger: 'manual',
  triggeredBy: 'admin@reseller.test',
  attempt: 1,
  maxAttempts: 3,
  step: 'buyVps',
  startedAt: minutesAgo(1),
  nextStepAt: null,
};
const idle: Input = {
  activeRun: null,
  provisioningStatus: 'active',
  ipAddress: '103.177.1.2',
  lastProvisionAttempt: minutesAgo(60),
};
const provisioning = (minutes: number): Input => ({
  activeRun: null,
  provisioningStatus: 'provisioning',
  ipAddress: null,
  lastProvisionAttempt: minutesAgo(minutes),
});

describe('listRefreshDelay: when the list refreshes itself', () => {
  test.each<[string, Input[], number | false]>([
    ['an empty list never polls', [], false],
    ['nothing provisioning: no polling', [idle, { ...idle, provisioningStatus: 'failed', ipAddress: null }], false],
    ['a run under way: every 2 s', [idle, { ...idle, activeRun: run }], POLL_WHILE_RUNNING_MS],
    [
      'a run under way wins over a later window end',
      [provisioning(3), { ...idle, activeRun: run }],
      POLL_WHILE_RUNNING_MS,
    ],
    ['provisioning for 3 min with no run: once, when it turns stuck in 7 min', [provisioning(3)], 7 * 60_000],
    ['the earliest window end of several', [provisioning(3), provisioning(8)], 2 * 60_000],
    ['a window ending within 2 s waits 2 s, never a busy loop', [provisioning(9.99)], POLL_WHILE_RUNNING_MS],
    ['stuck already (window over): no polling, it is in Needs attention', [provisioning(25)], false],
    ['provisioning with an IP is not waiting for anything', [{ ...provisioning(3), ipAddress: '103.177.1.2' }], false],
  ])('%s', (_name, orders, expected) => {
    expect(listRefreshDelay(orders, now)).toBe(expected);
  });
});
