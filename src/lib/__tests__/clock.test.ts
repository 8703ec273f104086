import { describe, expect, test } from 'vitest';
import { clockNow } from '../clock';

const NOON = '2026-11-24T12:00:00.000Z';
const READ_AT = 1_000_000;

describe('clockNow', () => {
  test.each<{ case: string; speed: number; paused: boolean; wallElapsedMs: number; expected: string }>([
    {
      case: 'a running clock at real speed moves with the wall clock',
      speed: 1,
      paused: false,
      wallElapsedMs: 5_000,
      expected: '2026-11-24T12:00:05.000Z',
    },
    {
      case: 'a running clock at 60× moves a minute per second',
      speed: 60,
      paused: false,
      wallElapsedMs: 1_000,
      expected: '2026-11-24T12:01:00.000Z',
    },
    { case: 'a paused clock stands still', speed: 60, paused: true, wallElapsedMs: 10_000, expected: NOON },
    {
      case: 'a tick from before the read never runs the clock backwards',
      speed: 10,
      paused: false,
      wallElapsedMs: -500,
      expected: NOON,
    },
  ])('$case', ({ speed, paused, wallElapsedMs, expected }) => {
    const reading = { time: NOON, readAt: READ_AT, speed, paused };
    expect(new Date(clockNow(reading, READ_AT + wallElapsedMs)).toISOString()).toBe(expected);
  });
});
