import { useEffect, useState } from 'react';

const TICK_MS = 1_000;

/**
 * The server's time now, ticking once a second: the `serverTime` of the last answer plus the wall
 * time since it arrived, so a skewed browser clock cannot shorten a countdown.
 */
export function useServerNow(serverTime: string, receivedAt: number): number {
  const [wallNow, setWallNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setWallNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  // A tick taken just before the answer arrived must not run the clock backwards.
  return Date.parse(serverTime) + Math.max(0, wallNow - receivedAt);
}

/** "06:59": minutes and seconds left, rounded up so it never reads 00:00 while time is left. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1_000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
