/**
 * Milliseconds on a monotonic clock (`performance.now` in the browser and in Node): what the
 * index's idle slices spend their budget on. Injected, so tests decide how far a slice gets.
 */
export type BudgetClock = () => number;
