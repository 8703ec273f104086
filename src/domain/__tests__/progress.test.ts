import { describe, expect, test } from 'vitest';
import type { ActiveRun } from '@/contract/order';
import { stepStates, type ProgressInput, type ProgressStep, type StepState } from '../progress';

const run: ActiveRun = {
  id: 'run-1',
  trigger: 'auto',
  triggeredBy: null,
  attempt: 1,
  maxAttempts: 3,
  step: 'buyVps',
  startedAt: '2026-11-24T11:58:00.000Z',
  nextStepAt: '2026-11-24T12:00:03.000Z',
};
const now = Date.parse('2026-11-24T12:00:00.000Z');
const paidOrder: ProgressInput = {
  paidAt: '2026-11-24T11:50:00.000Z',
  status: 'confirmed',
  provisioningStatus: null,
  upstreamId: null,
  ipAddress: null,
  activeRun: null,
  lastProvisionAttempt: null,
};

/** paid, purchased, ipAssigned, active, in that order. */
type Row = [StepState, StepState, StepState, StepState];
const asRecord = ([paid, purchased, ipAssigned, active]: Row): Record<ProgressStep, StepState> => ({
  paid,
  purchased,
  ipAssigned,
  active,
});

describe('stepStates: provisioning as four steps', () => {
  test.each<[string, Partial<ProgressInput>, Row]>([
    ['not paid yet', { paidAt: null, status: 'pending' }, ['todo', 'todo', 'todo', 'todo']],
    ['paid, never purchased', {}, ['done', 'todo', 'todo', 'todo']],
    ['purchase under way', { provisioningStatus: 'provisioning', activeRun: run }, ['done', 'current', 'todo', 'todo']],
    [
      'purchased, polling for the IP',
      { provisioningStatus: 'provisioning', upstreamId: 'svps-70412', activeRun: { ...run, step: 'statusCheck' } },
      ['done', 'done', 'current', 'todo'],
    ],
    ['failed before the purchase', { provisioningStatus: 'failed' }, ['done', 'blocked', 'todo', 'todo']],
    [
      'failed, waiting to retry the purchase',
      { provisioningStatus: 'failed', activeRun: { ...run, step: 'retryDelay' } },
      ['done', 'current', 'todo', 'todo'],
    ],
    [
      'purchased but no IP, run given up (stuck)',
      {
        provisioningStatus: 'provisioning',
        upstreamId: 'svps-70412',
        lastProvisionAttempt: '2026-11-24T11:35:00.000Z',
      },
      ['done', 'done', 'blocked', 'todo'],
    ],
    [
      'provisioning for 3 min, no run known: presumed alive',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: '2026-11-24T11:57:00.000Z' },
      ['done', 'current', 'todo', 'todo'],
    ],
    [
      'provisioning for exactly 10 min: stuck',
      { provisioningStatus: 'provisioning', lastProvisionAttempt: '2026-11-24T11:50:00.000Z' },
      ['done', 'blocked', 'todo', 'todo'],
    ],
    [
      'active',
      { status: 'active', provisioningStatus: 'active', upstreamId: 'svps-69980', ipAddress: '103.177.114.195' },
      ['done', 'done', 'done', 'done'],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(stepStates({ ...paidOrder, ...overrides }, now)).toEqual(asRecord(expected));
  });
});
