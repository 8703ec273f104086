import { describe, expect, test } from 'vitest';
import { SimulatedClock, type ClockState } from '../clock';

const SIM_START = Date.parse('2026-11-24T12:00:00.000Z');
const WALL_START = 1_000_000;

function clockAt(state: Partial<ClockState> = {}) {
  let wall = WALL_START;
  const clock = new SimulatedClock(() => wall, { simTime: SIM_START, speed: 1, paused: false, ...state });
  return { clock, pass: (ms: number) => (wall += ms) };
}

describe('SimulatedClock', () => {
  test.each([
    ['real time', 1, 90_000, 90_000],
    ['60x', 60, 1_000, 60_000],
    ['10,000x, the fastest allowed', 10_000, 360, 3_600_000],
    ['half speed, rounded down to the millisecond', 0.5, 3, 1],
    ['no wall time passed', 60, 0, 0],
  ])('at %s (speed %s), %i ms of wall time move it %i ms', (_name, speed, wallMs, simMs) => {
    const { clock, pass } = clockAt({ speed });
    pass(wallMs);
    expect(clock.now()).toBe(SIM_START + simMs);
  });

  test.each([
    ['created paused', { paused: true }, () => undefined],
    ['paused later', {}, (clock: SimulatedClock) => clock.setPaused(true)],
  ])('stands still while paused (%s)', (_name, state, pause) => {
    const { clock, pass } = clockAt({ ...state, speed: 60 });
    pause(clock);
    pass(10 * 60_000);
    expect(clock.now()).toBe(SIM_START);
    expect(clock.paused).toBe(true);
  });

  test('resumes from where it was paused, without counting the pause', () => {
    const { clock, pass } = clockAt({ speed: 2 });
    pass(1_000);
    clock.setPaused(true);
    pass(60_000);
    clock.setPaused(false);
    pass(500);
    expect(clock.now()).toBe(SIM_START + 2_000 + 1_000);
  });

  test.each([
    ['running', false, SIM_START + 5 * 60_000 + 3_000],
    ['paused', true, SIM_START + 5 * 60_000],
  ])('advance adds to the time, %s', (_name, paused, expected) => {
    const { clock, pass } = clockAt({ speed: 3, paused });
    clock.advance(5 * 60_000);
    pass(1_000);
    expect(clock.now()).toBe(expected);
  });

  test('setSpeed counts the time so far at the old speed and what follows at the new one', () => {
    const { clock, pass } = clockAt({ speed: 1 });
    pass(10_000);
    clock.setSpeed(60);
    expect(clock.now()).toBe(SIM_START + 10_000);
    pass(1_000);
    expect(clock.now()).toBe(SIM_START + 10_000 + 60_000);
    expect(clock.speed).toBe(60);
  });

  test.each([
    ['a time ahead, at real time', 1, SIM_START + 30_000, 30_000],
    ['a time ahead, at 60x', 60, SIM_START + 60_000, 1_000],
    ['a time ahead, at 4x, in fractions of a millisecond', 4, SIM_START + 10, 2.5],
    ['the current time', 60, SIM_START, 0],
    ['a time already past', 60, SIM_START - 60_000, 0],
  ])('wallDelayUntil %s', (_name, speed, simTime, wallMs) => {
    expect(clockAt({ speed }).clock.wallDelayUntil(simTime)).toBe(wallMs);
  });

  test('wallDelayUntil has no answer while paused: nothing will happen until it resumes', () => {
    expect(clockAt({ paused: true }).clock.wallDelayUntil(SIM_START + 1)).toBeNull();
  });

  test('wallDelayUntil counts from the time already reached', () => {
    const { clock, pass } = clockAt({ speed: 10 });
    pass(2_000);
    expect(clock.wallDelayUntil(SIM_START + 30_000)).toBe(1_000);
  });

  test('a snapshot restored on a later wall clock goes on from the same time', () => {
    const { clock, pass } = clockAt({ speed: 60 });
    pass(1_000);
    const saved = clock.snapshot();
    expect(saved).toEqual({ simTime: SIM_START + 60_000, speed: 60, paused: false });
    const restored = new SimulatedClock(() => WALL_START + 50_000, saved);
    expect(restored.now()).toBe(saved.simTime);
  });
});
