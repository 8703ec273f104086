import type { BudgetClock } from './budget-clock';

/**
 * Substring search over many short texts (one per order), answered without a scan per keystroke:
 * the texts are joined into one string and searched with `indexOf`, which V8 runs as a fast string
 * search over the whole block, so a query costs about its hits, not one `includes` per order.
 *
 * A one-character needle, the first keystroke of every search, matches nearly every text, and
 * walking its hits is the slowest search there is. Once the joined text is built, further slices
 * list the texts that hold each character, so that search becomes a list already made. The lists
 * come second: they cost as much again as the joined text, and a search typed just after a reload
 * waits for the joined text only.
 *
 * A text that changes is checked on its own until enough have changed to make rebuilding worth it,
 * so a provisioning run (an IP assigned) does not rebuild 100,000 texts. Until that rebuild, a
 * search copies its hits around the changed positions in runs.
 */
const SEPARATOR = '\u0000';
const REBUILD_AFTER_CHANGES = 256;
/** Texts read between two looks at the clock while building in slices. */
const READ_SLICE = 500;

/** Positions in ascending order: an array, or a typed array's view that must not be changed. */
export type Positions = ArrayLike<number>;

/** The index of the first value at or after `value` in ascending positions (their length when none is). */
export function firstAtOrAfter(sorted: Positions, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? Infinity) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class SearchIndex {
  private joined: string | null = null;
  /** Where each entry starts in `joined`, by position. */
  private starts = new Int32Array(0);
  /**
   * Which entries held each character when `joined` was built, by character code (see
   * `CharacterLists`); null until they are all listed.
   */
  private byCharacterCode: readonly (PositionList | undefined)[] | null = null;
  /** The character lists being made from the texts of the last build, null when none are. */
  private listing: { texts: readonly string[]; lists: CharacterLists; next: number } | null = null;
  /** Positions whose text changed since `joined` was built; their copy in it is out of date. */
  private readonly changed = new Set<number>();
  /** What a build done in slices (`prepareFor`) has read so far, null when none is under way. */
  private pending: string[] | null = null;

  /**
   * `textAt(position)` is the lower-case text of the entry at each position, 0 to `size - 1`;
   * `budgetClock` is what `prepareFor` spends its budget on.
   */
  constructor(
    private readonly size: number,
    private readonly textAt: (position: number) => string,
    private readonly budgetClock: BudgetClock,
  ) {}

  /** The entry at `position` has a new text. */
  invalidate(position: number): void {
    // A build under way reads that text later as it is now. Counting it would let the changes made
    // during one build (a busy clock at 100,000 orders) start the next rebuild as soon as it ends,
    // over and over, and the character lists would never be made.
    if (this.pending !== null && position >= this.pending.length) return;
    if (this.joined !== null || this.pending !== null) this.changed.add(position);
  }

  /** Positions (ascending) whose text contains `needle`, which must be lower-case and not empty. */
  positionsMatching(needle: string): Positions {
    if (needle.includes(SEPARATOR)) return this.scan(needle);
    this.prepare();
    const built = this.builtHits(needle);
    return this.changed.size === 0 ? built : this.withChangedTexts(built, needle);
  }

  /** Positions (ascending) whose text held `needle` when the index was built: a character's list once made. */
  private builtHits(needle: string): Int32Array {
    if (needle.length !== 1 || !this.byCharacterCode) return this.joinedHits(needle);
    // A character with no list: no text held it when the lists were made.
    return this.byCharacterCode[needle.charCodeAt(0)]?.view() ?? new Int32Array(0);
  }

  /**
   * Hits as of the build, with the changed texts checked as they are now (the build read them
   * before they changed). The runs of hits between two changed positions are copied whole, not
   * one position at a time: most of a large result is unchanged.
   */
  private withChangedTexts(built: Int32Array, needle: string): Int32Array {
    const result = new Int32Array(built.length + this.changed.size);
    let length = 0;
    let from = 0;
    for (const position of [...this.changed].toSorted((a, b) => a - b)) {
      const at = firstAtOrAfter(built, position);
      result.set(built.subarray(from, at), length);
      length += at - from;
      from = built[at] === position ? at + 1 : at;
      if (this.textAt(position).includes(needle)) {
        result[length] = position;
        length += 1;
      }
    }
    result.set(built.subarray(from), length);
    length += built.length - from;
    return result.subarray(0, length);
  }

  /** Positions (ascending) whose text contained `needle` when `joined` was built. */
  private joinedHits(needle: string): Int32Array {
    const joined = this.joined ?? '';
    const hits = new PositionList();
    let position = 0;
    for (let offset = joined.indexOf(needle); offset !== -1;) {
      position = this.positionAtFrom(offset, position);
      // A hit that runs past its entry's end spans the separator, which the needle cannot contain.
      hits.push(position);
      const next = this.starts[position + 1];
      offset = next === undefined ? -1 : joined.indexOf(needle, next);
    }
    return hits.view();
  }

  /** Builds the joined text now if the next search would; the character lists are left to `prepareFor`. */
  prepare(): void {
    this.buildJoined(Number.POSITIVE_INFINITY);
  }

  /**
   * Works on the index for about `budgetMs` of the budget clock: reads texts for the next build and builds the joined
   * text once all are read, then lists the characters; true when all of it is ready. For slices
   * between requests: 100,000 texts are read over many short slices, not in one long task. A text
   * that changes meanwhile is checked on its own, as after any build.
   */
  prepareFor(budgetMs: number): boolean {
    const until = this.budgetClock() + budgetMs;
    return this.buildJoined(until) && this.listCharacters(until);
  }

  /** True once `joined` is built and still worth using. */
  private buildJoined(until: number): boolean {
    if (this.pending === null) {
      if (this.joined !== null && this.changed.size <= REBUILD_AFTER_CHANGES) return true;
      this.pending = [];
      this.changed.clear();
      // Lists of the build being replaced, made or in the making, would describe older texts.
      this.byCharacterCode = null;
      this.listing = null;
    }
    const texts = this.pending;
    while (texts.length < this.size && this.budgetClock() < until) {
      const end = Math.min(this.size, texts.length + READ_SLICE);
      for (let position = texts.length; position < end; position += 1) texts.push(this.textAt(position));
    }
    if (texts.length < this.size) return false;
    this.build(texts);
    this.listing = { texts, lists: new CharacterLists(), next: 0 };
    this.pending = null;
    return true;
  }

  /** True once every text of the last build is listed under its characters. */
  private listCharacters(until: number): boolean {
    const listing = this.listing;
    if (!listing) return true;
    while (listing.next < listing.texts.length && this.budgetClock() < until) {
      const end = Math.min(listing.texts.length, listing.next + READ_SLICE);
      for (; listing.next < end; listing.next += 1) listing.lists.add(listing.next, listing.texts[listing.next] ?? '');
    }
    if (listing.next < listing.texts.length) return false;
    this.byCharacterCode = listing.lists.lists;
    this.listing = null;
    return true;
  }

  private build(texts: readonly string[]): void {
    this.starts = new Int32Array(this.size);
    let offset = 0;
    texts.forEach((text, position) => {
      this.starts[position] = offset;
      offset += text.length + SEPARATOR.length;
    });
    this.joined = texts.join(SEPARATOR);
  }

  /**
   * The entry an offset of `joined` falls in, walking on from `position` (an entry at or before it):
   * hits come in order and the next search starts at the next entry, so a walk is mostly one step
   * where a binary search would take seventeen at 100,000 entries.
   */
  private positionAtFrom(offset: number, position: number): number {
    let at = position;
    while (at + 1 < this.size && (this.starts[at + 1] ?? Number.POSITIVE_INFINITY) <= offset) at += 1;
    return at;
  }

  private scan(needle: string): number[] {
    return Array.from({ length: this.size }, (_, position) => position).filter((position) =>
      this.textAt(position).includes(needle),
    );
  }
}

/** Which texts hold each character (UTF-16 code unit), listed in position order. Only `lists` outlives the listing. */
class CharacterLists {
  /** By character code; sparse, since the texts use a few dozen characters. */
  readonly lists: PositionList[] = [];
  /** The last position listed under each code, so a text that repeats a character is listed once. */
  private readonly lastListed = new Int32Array(0x10000).fill(-1);

  add(position: number, text: string): void {
    for (let unit = 0; unit < text.length; unit += 1) {
      const code = text.charCodeAt(unit);
      if (this.lastListed[code] === position) continue;
      this.lastListed[code] = position;
      (this.lists[code] ??= new PositionList()).push(position);
    }
  }
}

/**
 * Ascending positions in a typed array that doubles as it fills: millions of positions at 100,000
 * orders, which an array of numbers grows to several times more slowly. Searches get a view, not a
 * copy, since a copy of 100,000 positions would cost more than the search.
 */
class PositionList {
  private items = new Int32Array(64);
  private length = 0;

  push(position: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length] = position;
    this.length += 1;
  }

  /** The positions so far, shared: valid until the next `push`; a character's list is never pushed to once its listing is done. */
  view(): Int32Array {
    return this.items.subarray(0, this.length);
  }
}
