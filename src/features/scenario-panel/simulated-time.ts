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
