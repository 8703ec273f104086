import { useEffect, useState } from 'react';

/**
 * A clock as last read from the backend: it said `time` in the answer received at `readAt`
 * (wall-clock ms), and runs at `speed` times real time unless `paused`. The server's clock runs at
 * real speed; the mock's simulated clock may run faster or stand still.
 */
export type ClockReading = { time: string; readAt: number; speed?: number; paused?: boolean };

/** The clock's time at `wallNow` (wall-clock ms), so it moves on between two reads. */
export function clockNow({ time, readAt, speed = 1, paused = false }: ClockReading, wallNow: number): number {
  const at = Date.parse(time);
  if (paused) return at;
  // A tick taken just before the answer arrived must not run the clock backwards.
  return at + Math.max(0, wallNow - readAt) * speed;
}

/** `clockNow`, ticking every `tickMs` while the clock runs. */
export function useClockNow(reading: ClockReading, tickMs: number): number {
  const [wallNow, setWallNow] = useState(() => Date.now());
  const paused = reading.paused ?? false;
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setWallNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [paused, tickMs]);
  return clockNow(reading, wallNow);
}
