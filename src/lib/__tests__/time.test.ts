import { describe, expect, test } from 'vitest';
import { formatCountdown, formatDuration, formatRelativeTime, formatWait } from '../time';

describe('formatRelativeTime', () => {
  const now = '2026-11-24T12:00:00.000Z';
  const before = (ms: number) => new Date(Date.parse(now) - ms).toISOString();

  test.each([
    ['the same instant', before(0), 'just now'],
    ['59 s earlier', before(59_000), 'just now'],
    ['a later time (server ahead of the order clock)', before(-30_000), 'just now'],
    ['exactly 1 min earlier', before(60_000), '1 min ago'],
    ['12.9 min earlier', before(12.9 * 60_000), '12 min ago'],
    ['25 min earlier', before(25 * 60_000), '25 min ago'],
    ['59 min earlier', before(59 * 60_000), '59 min ago'],
    ['1 h earlier', before(60 * 60_000), '1 h ago'],
    ['23.5 h earlier', before(23.5 * 3_600_000), '23 h ago'],
    ['1 day earlier', before(24 * 3_600_000), '1 day ago'],
    ['3 days earlier', before(3 * 24 * 3_600_000), '3 days ago'],
  ])('%s reads "%s"', (_name, time, expected) => {
    expect(formatRelativeTime(time, now)).toBe(expected);
  });

  test('measures against the given time, not the machine clock', () => {
    expect(formatRelativeTime('2001-01-01T00:00:00Z', '2001-01-01T00:12:00+00:00')).toBe('12 min ago');
  });
});

describe('formatWait', () => {
  test.each([
    [0, '0 s'],
    [45, '45 s'],
    [60, '1 min'],
    [61, '2 min'],
    [420, '7 min'],
    [599, '10 min'],
  ])('%i s reads "%s"', (seconds, expected) => {
    expect(formatWait(seconds)).toBe(expected);
  });
});

describe('formatDuration', () => {
  test.each([
    ['nothing', 0, '0 min'],
    ['a negative skew', -5_000, '0 min'],
    ['25 min', 25 * 60_000, '25 min'],
    ['exactly an hour', 60 * 60_000, '1 h'],
    ['3 h 20 min', 200 * 60_000, '3 h 20 min'],
    ['a day', 24 * 60 * 60_000, '1 day'],
    ['4.5 days', 4.5 * 24 * 60 * 60_000, '4 days'],
  ])('%s', (_name, ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('formatCountdown', () => {
  test.each([
    [7 * 60_000, '07:00'],
    [7 * 60_000 - 1_000, '06:59'],
    [61_500, '01:02'],
    [400, '00:01'],
    [0, '00:00'],
    [-5_000, '00:00'],
    [12 * 60_000, '12:00'],
  ])('%i ms reads %s', (ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected);
  });
});
