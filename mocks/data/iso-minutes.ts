import { MINUTE_MS } from '@/lib/time';

const DAY_MS = 24 * 60 * MINUTE_MS;

/** "HH:MM:00.000Z" for each minute of a day. */
const TIMES_OF_DAY = Array.from(
  { length: DAY_MS / MINUTE_MS },
  (_, minute) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`,
);

/**
 * `new Date(ms).toISOString()` for whole minutes, without a Date per call: a big seed formats
 * several dates per order on the path to the first row. A scenario's orders fall on a few hundred
 * days, so each day's "YYYY-MM-DDT" is made once and joined to the minute's time. Anything else
 * (seconds, milliseconds) goes to `toISOString`.
 */
export function isoMinuteFormatter(): (ms: number) => string {
  const days = new Map<number, string>();
  return (ms) => {
    if (ms % MINUTE_MS !== 0) return new Date(ms).toISOString();
    const day = Math.floor(ms / DAY_MS);
    let date = days.get(day);
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 'YYYY-MM-DDT'.length);
      days.set(day, date);
    }
    return date + TIMES_OF_DAY[(ms - day * DAY_MS) / MINUTE_MS];
  };
}
