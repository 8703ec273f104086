import { z } from '@/lib/zod';
import { MAX_SPEED } from '@/contract/mock-control';

export const ClockStateSchema = z.object({
  simTime: z.number(),
  speed: z.number().check(z.positive(), z.maximum(MAX_SPEED)),
  paused: z.boolean(),
});
export type ClockState = z.infer<typeof ClockStateSchema>;

/**
 * The backend's own time. It runs at `speed` times the wall clock, can be paused, and can be
 * advanced by hand. The simulator never reads the wall clock itself; only this class does, through
 * the injected `wallNow`, so tests drive it with a fake.
 */
export class SimulatedClock {
  private anchorSim: number;
  private anchorWall: number;
  private speedFactor: number;
  private isPaused: boolean;

  constructor(
    private readonly wallNow: () => number,
    state: ClockState,
  ) {
    this.anchorSim = state.simTime;
    this.anchorWall = wallNow();
    this.speedFactor = state.speed;
    this.isPaused = state.paused;
  }

  now(): number {
    if (this.isPaused) return this.anchorSim;
    return Math.floor(this.anchorSim + (this.wallNow() - this.anchorWall) * this.speedFactor);
  }

  get speed(): number {
    return this.speedFactor;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  advance(ms: number): void {
    this.rebase();
    this.anchorSim += ms;
  }

  setSpeed(speed: number): void {
    this.rebase();
    this.speedFactor = speed;
  }

  setPaused(paused: boolean): void {
    this.rebase();
    this.isPaused = paused;
  }

  /** Wall-clock milliseconds until the simulated clock reaches `simTime`; null while paused. */
  wallDelayUntil(simTime: number): number | null {
    if (this.isPaused) return null;
    return Math.max(0, (simTime - this.now()) / this.speedFactor);
  }

  snapshot(): ClockState {
    return { simTime: this.now(), speed: this.speedFactor, paused: this.isPaused };
  }

  private rebase(): void {
    this.anchorSim = this.now();
    this.anchorWall = this.wallNow();
  }
}
