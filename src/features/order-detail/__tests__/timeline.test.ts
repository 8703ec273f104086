import { describe, expect, test } from 'vitest';
import type { Attempt, AuditEntry } from '@/contract/order';
import { buildTimeline } from '../timeline';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 12, minute)).toISOString();

function attempt(id: string, minute: number): Attempt {
  return {
    id,
    orderId: 'ORD-1',
    runId: 'run-1',
    trigger: 'manual',
    triggeredBy: 'admin@reseller.test',
    attempt: 1,
    step: 'buyVps',
    startedAt: at(minute),
    endedAt: null,
    outcome: 'running',
    error: null,
    errorClass: null,
    upstreamId: null,
    reason: null,
  };
}

function audit(id: string, minute: number): AuditEntry {
  return {
    id,
    orderId: 'ORD-1',
    at: at(minute),
    actor: 'admin@reseller.test',
    action: 'retry',
    bulk: false,
    reason: null,
    result: 'PROVISIONING_STARTED',
  };
}

const ids = (attempts: Attempt[], entries: AuditEntry[]) =>
  buildTimeline(attempts, entries).map((item) => (item.kind === 'attempt' ? item.attempt.id : item.entry.id));

describe('buildTimeline', () => {
  test.each([
    ['nothing recorded', [], [], []],
    ['attempts only, newest first', [attempt('a1', 1), attempt('a2', 5)], [], ['a2', 'a1']],
    ['audit only, newest first', [], [audit('r1', 2), audit('r2', 3)], ['r2', 'r1']],
    [
      'both merged by time',
      [attempt('a1', 1), attempt('a2', 4)],
      [audit('r1', 3), audit('r2', 6)],
      ['r2', 'a2', 'r1', 'a1'],
    ],
    ['a request and the attempt it started: the attempt above', [attempt('a1', 2)], [audit('r1', 2)], ['a1', 'r1']],
    ['two requests in one moment: the later-logged above', [], [audit('r1', 2), audit('r2', 2)], ['r2', 'r1']],
  ])('%s', (_name, attempts, entries, expected) => {
    expect(ids(attempts, entries)).toEqual(expected);
  });
});
