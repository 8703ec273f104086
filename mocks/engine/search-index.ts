/**
 * Substring search over many short texts (one per order), answered without a scan per keystroke:
 * the texts are joined into one string and searched with `indexOf`, which V8 runs as a fast string
 * search over the whole block, so a query costs about its hits, not one `includes` per order.
 *
 * A text that changes is checked on its own until enough have changed to make rebuilding worth it,
 * so a provisioning run (an IP assigned) does not rebuild 100,000 texts.
 */
const SEPARATOR = '\u0000';
const REBUILD_AFTER_CHANGES = 256;
/** Texts read between two looks at the clock while building in slices. */
const READ_SLICE = 500;

export class SearchIndex {
  private joined: string | null = null;
  /** Where each entry starts in `joined`, by position. */
  private starts = new Int32Array(0);
  /** Positions whose text changed since `joined` was built; their copy in it is out of date. */
  private readonly changed = new Set<number>();
  /** The texts read so far by a build done in slices (`prepareFor`), null when none is under way. */
  private pending: string[] | null = null;

  /** `textAt(position)` is the lower-case text of the entry at each position, 0 to `size - 1`. */
  constructor(
    private readonly size: number,
    private readonly textAt: (position: number) => string,
  ) {}

  /** The entry at `position` has a new text. */
  invalidate(position: number): void {
    if (this.joined !== null || this.pending !== null) this.changed.add(position);
  }

  /** Positions (ascending) whose text contains `needle`, which must be lower-case and not empty. */
  positionsMatching(needle: string): number[] {
    if (needle.includes(SEPARATOR)) return this.scan(needle);
    this.prepare();
    const joined = this.joined ?? '';
    const hits: number[] = [];
    let position = 0;
    for (let offset = joined.indexOf(needle); offset !== -1; ) {
      position = this.positionAtFrom(offset, position);
      // A hit that runs past its entry's end spans the separator, which the needle cannot contain.
      if (!this.changed.has(position)) hits.push(position);
      const next = this.starts[position + 1];
      offset = next === undefined ? -1 : joined.indexOf(needle, next);
    }
    if (this.changed.size === 0) return hits;
    const changedHits = [...this.changed].filter((changed) => this.textAt(changed).includes(needle));
    return [...hits, ...changedHits].toSorted((a, b) => a - b);
  }

  /** Builds the joined text now if the next search would. */
  prepare(): void {
    this.prepareFor(Number.POSITIVE_INFINITY);
  }

  /**
   * Reads texts for the next build for about `budgetMs`, and builds once all are read; true when the
   * index is ready. For slices between requests: 100,000 texts are read over many short slices, not in one long task.
   * A text that changes meanwhile is checked on its own, as after any build.
   */
  prepareFor(budgetMs: number): boolean {
    if (this.pending === null) {
      if (this.joined !== null && this.changed.size <= REBUILD_AFTER_CHANGES) return true;
      this.pending = [];
      this.changed.clear();
    }
    const texts = this.pending;
    const until = performance.now() + budgetMs;
    while (texts.length < this.size && performance.now() < until) {
      const end = Math.min(this.size, texts.length + READ_SLICE);
      for (let position = texts.length; position < end; position += 1) texts.push(this.textAt(position));
    }
    if (texts.length < this.size) return false;
    this.build(texts);
    this.pending = null;
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
   * hits come in order and the next search starts at the next entry, so a walk is mostly one step,
   * where a binary search per hit cost 17 at 100,000 entries.
   */
  private positionAtFrom(offset: number, position: number): number {
    let at = position;
    while (at + 1 < this.size && (this.starts[at + 1] ?? Number.POSITIVE_INFINITY) <= offset) at += 1;
    return at;
  }

  private scan(needle: string): number[] {
    return Array.from({ length: this.size }, (_, position) => position).filter((position) => this.textAt(position).includes(needle));
  }
}
