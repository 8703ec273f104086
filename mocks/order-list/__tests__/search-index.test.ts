import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../search-index';

/**
 * A clock that moves 1 ms each time the index looks at it: a slice of `SLICE_BUDGET_MS` then does
 * exactly one chunk of work (500 texts), whatever the machine's speed.
 */
const SLICE_BUDGET_MS = 1.5;
function stepClock(): () => number {
  let now = 0;
  return () => (now += 1);
}

/** For tests that give a slice no budget or all the time there is: the clock never moves. */
const stoppedClock = () => 0;

/** Slices until the index is ready; how many it took. */
function slicesUntilReady(index: SearchIndex, betweenSlices: (slice: number) => void = () => undefined): number {
  let slices = 0;
  while (!index.prepareFor(SLICE_BUDGET_MS)) {
    slices += 1;
    if (slices > 1_000) throw new Error('The index is never ready');
    betweenSlices(slices);
  }
  return slices + 1;
}

/** The answer the index must give: every entry whose text contains the needle, in position order. */
function naive(texts: readonly string[], needle: string): number[] {
  return texts.flatMap((text, position) => (text.includes(needle) ? [position] : []));
}

describe('SearchIndex', () => {
  it.each([
    ['one entry, matched at its start', ['ord-1', 'ord-2'], 'ord-1', [0]],
    ['every entry that contains it, once each, in order', ['aa', 'b', 'aaaa', 'a'], 'a', [0, 2, 3]],
    ['a needle that would span two entries matches none', ['ab', 'cd'], 'bc', []],
    ['the last entry', ['x', 'y', 'zz'], 'zz', [2]],
    ['nothing', ['x', 'y'], 'q', []],
    ['a needle holding the separator', ['a\u0000b', 'a'], 'a\u0000b', [0]],
  ])('finds %s', (_label, texts, needle, expected) => {
    const index = new SearchIndex(texts.length, (position) => texts[position] ?? '', stoppedClock);
    expect(Array.from(index.positionsMatching(needle))).toEqual(expected);
  });

  it('sees a changed text at once, and after the rebuild that many changes cause', () => {
    const texts = Array.from({ length: 1_000 }, (_, position) => `ord-${position}`);
    const index = new SearchIndex(texts.length, (position) => texts[position] ?? '', stoppedClock);
    expect(Array.from(index.positionsMatching('103.177'))).toEqual([]);
    texts[7] = 'ord-7\n103.177.0.1';
    index.invalidate(7);
    expect(Array.from(index.positionsMatching('103.177'))).toEqual([7]);
    expect(Array.from(index.positionsMatching('ord-7'))).toEqual(naive(texts, 'ord-7'));
    for (let position = 0; position < 300; position += 1) {
      texts[position] = `ord-${position}\n103.177.${position}`;
      index.invalidate(position);
    }
    expect(Array.from(index.positionsMatching('103.177'))).toEqual(naive(texts, '103.177'));
  });

  it('answers a one-character search from lists rebuilt with the texts, and leaves an earlier answer as it was', () => {
    const texts = Array.from({ length: 1_000 }, (_, position) => `ord-${position}`);
    const index = new SearchIndex(texts.length, (position) => texts[position] ?? '', stoppedClock);
    index.prepareFor(Number.POSITIVE_INFINITY);
    const before = index.positionsMatching('7');
    const beforeCopy = Array.from(before);
    // Enough changes to rebuild, each giving its text a character no text had.
    for (let position = 0; position < 300; position += 1) {
      texts[position] = `ord-${position}\nq`;
      index.invalidate(position);
    }
    // The search rebuilds the joined text only, and walks it: the lists are made in later slices.
    expect(Array.from(index.positionsMatching('q'))).toEqual(naive(texts, 'q'));
    expect(index.prepareFor(0)).toBe(false);
    expect(index.prepareFor(Number.POSITIVE_INFINITY)).toBe(true);
    // From the lists now: their shared view, not a walk's new array.
    expect(index.positionsMatching('q')).toBeInstanceOf(Int32Array);
    expect(Array.from(index.positionsMatching('q'))).toEqual(naive(texts, 'q'));
    expect(Array.from(index.positionsMatching('7'))).toEqual(naive(texts, '7'));
    expect(Array.from(before)).toEqual(beforeCopy);
  });

  it('answers a one-character search from its list with the texts changed since checked as they are now', () => {
    const texts = Array.from({ length: 1_000 }, (_, position) => `ord-${position}`);
    const index = new SearchIndex(texts.length, (position) => texts[position] ?? '', stoppedClock);
    index.prepareFor(Number.POSITIVE_INFINITY);
    // Fewer changes than make a rebuild worth it: the first and last texts lose their 7s or gain
    // one, a text in the middle gains a character no text had.
    for (const [position, text] of [
      [0, 'ord-7'],
      [7, 'ord-x'],
      [500, 'ord-500 q'],
      [777, 'ord'],
      [999, 'ord-9997'],
    ] as const) {
      texts[position] = text;
      index.invalidate(position);
    }
    expect(index.positionsMatching('7')).toBeInstanceOf(Int32Array);
    expect(Array.from(index.positionsMatching('7'))).toEqual(naive(texts, '7'));
    expect(Array.from(index.positionsMatching('q'))).toEqual([500]);
    expect(Array.from(index.positionsMatching('-'))).toEqual(naive(texts, '-'));
  });

  it('reads every text once when prepared ahead, and none again for the searches after it', () => {
    const texts = ['ord-1', 'ord-2', 'ord-3'];
    let reads = 0;
    const index = new SearchIndex(
      texts.length,
      (position) => {
        reads += 1;
        return texts[position] ?? '';
      },
      stoppedClock,
    );
    index.prepare();
    expect(reads).toBe(3);
    index.prepare();
    expect(Array.from(index.positionsMatching('ord'))).toEqual([0, 1, 2]);
    expect(reads).toBe(3);
  });

  it('built in slices, answers as a scan would, changes made meanwhile included', () => {
    const clock = stepClock();
    const texts = Array.from({ length: 5_000 }, (_, position) => `ord-${position}`);
    const index = new SearchIndex(texts.length, (position) => texts[position] ?? '', clock);
    // No time at all: nothing is read, the next slice goes on.
    expect(index.prepareFor(0)).toBe(false);
    const slices = slicesUntilReady(index, (slice) => {
      // After two slices (1,000 texts read): one text already read and one not yet read change.
      if (slice === 2) {
        texts[1] = 'ord-1 moved 10.0.0.1';
        index.invalidate(1);
        texts[4_999] = 'ord-4999 moved 10.0.0.2';
        index.invalidate(4_999);
      }
    });
    // Ten slices read the texts, ten more list their characters.
    expect(slices).toBeGreaterThanOrEqual(20);
    expect(Array.from(index.positionsMatching('moved'))).toEqual([1, 4_999]);
    expect(Array.from(index.positionsMatching('ord-49'))).toEqual(naive(texts, 'ord-49'));
    // One character: read from the lists the slices made, the texts changed meanwhile checked as they are now.
    expect(Array.from(index.positionsMatching('m'))).toEqual([1, 4_999]);
    expect(Array.from(index.positionsMatching('9'))).toEqual(naive(texts, '9'));
  });

  it('finishes a build whose unread texts change meanwhile, without starting over', () => {
    const clock = stepClock();
    const texts = Array.from({ length: 5_000 }, (_, position) => `ord-${position}`);
    const index = new SearchIndex(texts.length, (position) => texts[position] ?? '', clock);
    const slices = slicesUntilReady(index, (slice) => {
      // More changes than make a rebuild worth it, all to texts the build reads later.
      if (slice !== 1) return;
      for (let position = 4_000; position < 4_300; position += 1) {
        texts[position] = `ord-${position}\nmoved`;
        index.invalidate(position);
      }
    });
    expect(slices).toBeLessThanOrEqual(21);
    expect(Array.from(index.positionsMatching('moved'))).toEqual(naive(texts, 'moved'));
    expect(Array.from(index.positionsMatching('m'))).toEqual(naive(texts, 'm'));
  });

  it('drops the lists being made when enough changes start a rebuild, and lists the new texts', () => {
    const clock = stepClock();
    const texts = Array.from({ length: 5_000 }, (_, position) => `ord-${position}`);
    const index = new SearchIndex(texts.length, (position) => texts[position] ?? '', clock);
    // Ten slices read the texts; two more list a thousand of them.
    for (let slice = 0; slice < 12; slice += 1) expect(index.prepareFor(SLICE_BUDGET_MS)).toBe(false);
    for (let position = 0; position < 300; position += 1) {
      texts[position] = `ord-${position}\nq`;
      index.invalidate(position);
    }
    slicesUntilReady(index);
    expect(index.positionsMatching('q')).toBeInstanceOf(Int32Array);
    expect(Array.from(index.positionsMatching('q'))).toEqual(naive(texts, 'q'));
    expect(Array.from(index.positionsMatching('7'))).toEqual(naive(texts, '7'));
  });

  it('answers as a scan of every text would, whatever the texts, changes and needles', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.', '1', '\u0000'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 40 }),
        fc.array(
          fc.tuple(
            fc.nat(),
            text,
            fc.string({ unit: fc.constantFrom('a', 'b', '.', '1'), minLength: 1, maxLength: 3 }),
            fc.boolean(),
          ),
        ),
        (initial, steps) => {
          const texts = [...initial];
          const index = new SearchIndex(texts.length, (position) => texts[position] ?? '', stoppedClock);
          for (const [at, replacement, needle, idleBefore] of steps) {
            // Sometimes the character lists get made between two searches, sometimes not.
            if (idleBefore) index.prepareFor(Number.POSITIVE_INFINITY);
            const position = at % texts.length;
            texts[position] = replacement;
            index.invalidate(position);
            expect(Array.from(index.positionsMatching(needle))).toEqual(naive(texts, needle));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
