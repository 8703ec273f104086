import type { MockState } from '@/contract/mock-control';

/**
 * The simulated time at `wallNow`, from a state read at `readAt` (both wall-clock ms), so the
 * panel's clock ticks between two reads of the backend. A paused clock stands still.
 */
export function simulatedNow({ now, speed, paused }: MockState, readAt: number, wallNow: number): number {
  const at = Date.parse(now);
  if (paused) return at;
  // A tick scheduled before the last answer arrived must not run the clock backwards.
  return at + Math.max(0, wallNow - readAt) * speed;
}

const timeOfDayFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** In the admin's locale and time zone, like every time the console shows. */
export function formatTimeOfDay(time: number | string): string {
  return timeOfDayFormat.format(new Date(time));
}

export function formatDay(time: number | string): string {
  return dayFormat.format(new Date(time));
}
