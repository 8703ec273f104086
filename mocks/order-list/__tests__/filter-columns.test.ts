import { describe, expect, it } from 'vitest';
import { FilterColumns, type FilterValues } from '../filter-columns';

/** The reading's deadlines in these tests are past or infinite: the clock's own time never matters. */
const stoppedClock = () => 0;

const orders: FilterValues[] = [
  { status: 'active', provider: 'smartvps', provisioning: 'active' },
  { status: 'paid', provider: 'hostycare', provisioning: 'failed' },
  { status: 'paid', provider: 'smartvps', provisioning: 'none' },
];

/** A reader of `values` by position, as the list index reads its orders. */
const readerOf =
  (values: readonly FilterValues[]) =>
  (position: number): FilterValues => {
    const found = values[position];
    if (!found) throw new Error(`Nothing at position ${position}`);
    return found;
  };

function columnsOf(values: readonly FilterValues[]): FilterColumns {
  const columns = new FilterColumns(values.length, stoppedClock);
  columns.fill(readerOf(values), Number.POSITIVE_INFINITY);
  return columns;
}

const matching = (columns: FilterColumns, wanted: Partial<FilterValues>, size = orders.length) => {
  const matches = columns.matcher(wanted);
  return Array.from({ length: size }, (_, position) => position).filter(matches);
};

describe('FilterColumns', () => {
  it.each<[string, Partial<FilterValues>, number[]]>([
    ['no filter', {}, [0, 1, 2]],
    ['one filter', { status: 'paid' }, [1, 2]],
    ['two filters', { status: 'paid', provider: 'smartvps' }, [2]],
    ['all three', { status: 'paid', provider: 'hostycare', provisioning: 'failed' }, [1]],
    ['a value no order has', { status: 'cancelled' }, []],
    ['a value no order has, beside one many have', { status: 'paid', provisioning: 'provisioning' }, []],
  ])('%s', (_, wanted, positions) => {
    expect(matching(columnsOf(orders), wanted)).toEqual(positions);
  });

  it('matches an order by its new values once they are set', () => {
    const columns = columnsOf(orders);
    columns.set(2, { status: 'cancelled', provider: 'hostycare', provisioning: 'none' });
    expect(matching(columns, { status: 'paid' })).toEqual([1]);
    expect(matching(columns, { status: 'cancelled', provider: 'hostycare' })).toEqual([2]);
  });

  describe('read in slices', () => {
    // 2,500 orders: the fill looks at the clock every 1,024, so a deadline already past stops it there.
    const many = Array.from({ length: 2_500 }, (_, position) => readerOf(orders)(position % orders.length));
    const past = Number.NEGATIVE_INFINITY;

    it('reads up to the first look at the clock after the deadline, and says when every position is read', () => {
      const columns = new FilterColumns(many.length, stoppedClock);
      const read: number[] = [];
      const valuesAt = (position: number) => {
        read.push(position);
        return readerOf(many)(position);
      };
      expect(columns.fill(valuesAt, past)).toBe(false);
      expect(read).toHaveLength(1_024);
      expect(columns.fill(valuesAt, past)).toBe(false);
      expect(columns.fill(valuesAt, past)).toBe(true);
      expect(read).toEqual(many.map((_, position) => position));
      expect(columns.fill(valuesAt, past)).toBe(true);
      expect(read).toHaveLength(many.length);
    });

    it('keeps what was set on positions already read, and reads the others as they are when it gets to them', () => {
      const columns = new FilterColumns(many.length, stoppedClock);
      columns.fill(readerOf(many), past);
      const cancelled: FilterValues = { status: 'cancelled', provider: 'hostycare', provisioning: 'none' };
      // Read already: the change is set, and the rest of the reading leaves it alone.
      columns.set(5, cancelled);
      // Not read yet: the order changes, and the reading finds it changed.
      const later = many.map((values, position) => (position === 2_000 ? cancelled : values));
      columns.fill(readerOf(later), Number.POSITIVE_INFINITY);
      expect(matching(columns, { status: 'cancelled' }, many.length)).toEqual([5, 2_000]);
    });

    it('refuses to match before every position is read', () => {
      const columns = new FilterColumns(many.length, stoppedClock);
      columns.fill(readerOf(many), past);
      expect(() => columns.matcher({ status: 'paid' })).toThrow('before every position was read');
    });
  });
});
