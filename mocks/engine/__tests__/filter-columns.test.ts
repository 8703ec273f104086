import { describe, expect, it } from 'vitest';
import { FilterColumns, type FilterValues } from '../filter-columns';

const orders: FilterValues[] = [
  { status: 'active', provider: 'smartvps', provisioning: 'active' },
  { status: 'paid', provider: 'hostycare', provisioning: 'failed' },
  { status: 'paid', provider: 'smartvps', provisioning: 'none' },
];

const matching = (columns: FilterColumns<FilterValues>, wanted: Partial<FilterValues>) => {
  const matches = columns.matcher(wanted);
  return orders.flatMap((_, position) => (matches(position) ? [position] : []));
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
    expect(matching(new FilterColumns(orders, (order) => order), wanted)).toEqual(positions);
  });

  it('matches an order by its new values once they are set', () => {
    const columns = new FilterColumns(orders, (order) => order);
    columns.set(2, { status: 'cancelled', provider: 'hostycare', provisioning: 'none' });
    expect(matching(columns, { status: 'paid' })).toEqual([1]);
    expect(matching(columns, { status: 'cancelled', provider: 'hostycare' })).toEqual([2]);
  });
});
