export const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * "12 min ago", measured against `now`, which callers take from the server (`serverTime`) so a
 * skewed browser clock cannot make a stuck order look fresh.
 */
export function formatRelativeTime(time: string, now: string): string {
  const elapsedMs = Date.parse(now) - Date.parse(time);
  if (elapsedMs < MINUTE_MS) return 'just now';
  if (elapsedMs < HOUR_MS) return `${Math.floor(elapsedMs / MINUTE_MS)} min ago`;
  if (elapsedMs < DAY_MS) return `${Math.floor(elapsedMs / HOUR_MS)} h ago`;
  const days = Math.floor(elapsedMs / DAY_MS);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

const exactTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The exact moment in the admin's locale and time zone. */
export function formatExactTime(time: string): string {
  return exactTimeFormat.format(new Date(time));
}

/** A wait rounded up, so "retry in 7 min" is never too early. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.ceil(seconds / 60)} min`;
}

/** "25 min", "3 h 20 min", "4 days": how long something has lasted, for waits and stuck orders. */
export function formatDuration(ms: number): string {
  if (ms < HOUR_MS) return `${Math.max(0, Math.floor(ms / MINUTE_MS))} min`;
  if (ms < DAY_MS) {
    const hours = Math.floor(ms / HOUR_MS);
    const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(ms / DAY_MS);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

const clockTimeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const clockTimeWithSecondsFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * "11:35" in the admin's time zone: when something happened today. With seconds, "11:35:07", for
 * clocks and journals where several things happen within a minute.
 */
export function formatClockTime(time: number | string, { seconds = false }: { seconds?: boolean } = {}): string {
  return (seconds ? clockTimeWithSecondsFormat : clockTimeFormat).format(new Date(time));
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** The weekday and the date, in the admin's locale and time zone. */
export function formatDay(time: number | string): string {
  return dayFormat.format(new Date(time));
}

/** "06:59": minutes and seconds left, rounded up so it never reads 00:00 while time is left. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1_000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
