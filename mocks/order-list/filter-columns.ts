import type { OrdersQuery } from '@/contract/orders-api';
import type { BudgetClock } from './budget-clock';

/** An order's values for the list's filters, as the filters spell them. */
export type FilterValues = Required<Pick<OrdersQuery, 'status' | 'provider' | 'provisioning'>>;
const FILTER_NAMES = ['status', 'provider', 'provisioning'] as const satisfies readonly (keyof FilterValues)[];
/** Positions read between two looks at the clock: a look costs more than reading one order. */
const FILL_CHECK_EVERY = 1024;

/**
 * Every order's filter values as one-byte codes by position, so that a filter reads three bytes an
 * order, not the order, and any combination of filters costs the same. A changed order updates its
 * own bytes, so a provisioning step never makes the index rebuild.
 *
 * The values are read position by position (`fill`), in short slices between requests or all at
 * once when a filter needs them: reading 100,000 orders is too long for one task in front of an
 * admin's first filter change.
 */
export class FilterColumns {
  private readonly columns: Record<keyof FilterValues, Uint8Array>;
  /** Each filter's values seen so far, numbered from 1 (0 is an empty slot). */
  private readonly codes = {
    status: new Map<string, number>(),
    provider: new Map<string, number>(),
    provisioning: new Map<string, number>(),
  };
  /** Positions below this one have been read. */
  private filled = 0;

  constructor(
    private readonly size: number,
    private readonly budgetClock: BudgetClock,
  ) {
    this.columns = { status: new Uint8Array(size), provider: new Uint8Array(size), provisioning: new Uint8Array(size) };
  }

  /** Whether every position has been read. */
  get complete(): boolean {
    return this.filled === this.size;
  }

  /**
   * Reads the values of positions not read yet, until `until` has
   * passed on the budget clock, checked every 1,024 positions; true once every position is read. `valuesAt` gives a
   * position's values as they are now, so a change to a position not read yet needs no `set`.
   */
  fill(valuesAt: (position: number) => FilterValues, until: number): boolean {
    while (this.filled < this.size) {
      this.set(this.filled, valuesAt(this.filled));
      this.filled += 1;
      if (this.filled % FILL_CHECK_EVERY === 0 && this.budgetClock() >= until) break;
    }
    return this.complete;
  }

  set(position: number, values: FilterValues): void {
    for (const name of FILTER_NAMES) this.columns[name][position] = this.codeOf(name, values[name]);
  }

  /**
   * Whether the order at a position has every wanted value, once every position is read (`fill`).
   * A value no order has ever had matches nothing, without reading a position.
   */
  matcher(wanted: Partial<FilterValues>): (position: number) => boolean {
    if (!this.complete) throw new Error('FilterColumns.matcher before every position was read');
    const checks: { column: Uint8Array; code: number }[] = [];
    for (const name of FILTER_NAMES) {
      const value = wanted[name];
      if (value === undefined) continue;
      const code = this.codes[name].get(value);
      if (code === undefined) return () => false;
      checks.push({ column: this.columns[name], code });
    }
    return (position) => {
      for (const { column, code } of checks) if (column[position] !== code) return false;
      return true;
    };
  }

  private codeOf(name: keyof FilterValues, value: string): number {
    const codes = this.codes[name];
    const known = codes.get(value);
    if (known !== undefined) return known;
    // The filters' values are the contract's enums, a handful each: a byte holds them with room to spare.
    if (codes.size === 255) throw new Error(`More than 255 values of the ${name} filter`);
    codes.set(value, codes.size + 1);
    return codes.size;
  }
}
