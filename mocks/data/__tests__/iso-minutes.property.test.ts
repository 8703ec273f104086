import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isoMinuteFormatter } from '../iso-minutes';

const YEAR_MS = 365 * 24 * 60 * 60_000;
const FROM = Date.parse('1990-01-01T00:00:00.000Z');

describe('isoMinuteFormatter', () => {
  test('formats every whole minute as toISOString does, across days, months, years and leap days', () => {
    const format = isoMinuteFormatter();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (60 * YEAR_MS) / 60_000 }), (minutes) => {
        const ms = FROM + minutes * 60_000;
        expect(format(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5_000 },
    );
  });

  test.each([
    ['the first minute of a day', '2026-11-24T00:00:00.000Z'],
    ['the last minute of a day', '2026-11-24T23:59:00.000Z'],
    ['a leap day', '2028-02-29T12:34:00.000Z'],
    ['before 1970', '1969-12-31T23:59:00.000Z'],
    ['a time with seconds', '2026-11-24T12:00:30.000Z'],
    ['a time with milliseconds', '2026-11-24T12:00:00.250Z'],
  ])('%s', (_, iso) => {
    expect(isoMinuteFormatter()(Date.parse(iso))).toBe(iso);
  });
});
