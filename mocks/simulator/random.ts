/**
 * A seeded random source (mulberry32) whose whole state is one number, so it is saved with the
 * backend and a scenario replays the same jitter after a reload.
 */
export class SeededRandom {
  constructor(private seedState: number) {}

  get state(): number {
    return this.seedState;
  }

  /** A float in [0, 1). */
  next(): number {
    this.seedState = (this.seedState + 0x6d2b79f5) | 0;
    let t = this.seedState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}
