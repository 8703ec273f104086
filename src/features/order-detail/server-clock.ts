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
