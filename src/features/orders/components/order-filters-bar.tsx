import { useId, useState, type ChangeEvent } from 'react';
import { orderStatuses, providers } from '@/contract/order';
import { SEARCH_MAX_LENGTH, type OrderFilters, type ProvisioningFilter } from '@/contract/orders-api';
import { Button } from '@/components/ui/button/button';
import { hasFilters, noFilters } from '../filters';
import { providerLabels, provisioningLabels, statusLabels } from '../labels';

const provisioningFilters: readonly ProvisioningFilter[] = ['none', 'provisioning', 'failed', 'active'];

type OrderFiltersBarProps = {
  filters: OrderFilters;
  onFiltersChange: (patch: Partial<OrderFilters>) => void;
};

export function OrderFiltersBar({ filters, onFiltersChange }: OrderFiltersBarProps) {
  return (
    <fieldset className="flex flex-wrap items-end gap-3">
      <legend className="sr-only">Filter orders</legend>
      <SearchField value={filters.q} onSearch={(q) => onFiltersChange({ q })} />
      <FilterSelect
        label="Status"
        value={filters.status}
        options={orderStatuses}
        labels={statusLabels}
        onChange={(status) => onFiltersChange({ status })}
      />
      <FilterSelect
        label="Provider"
        value={filters.provider}
        options={providers}
        labels={providerLabels}
        onChange={(provider) => onFiltersChange({ provider })}
      />
      <FilterSelect
        label="Provisioning"
        value={filters.provisioning}
        options={provisioningFilters}
        labels={provisioningLabels}
        onChange={(provisioning) => onFiltersChange({ provisioning })}
      />
      {hasFilters(filters) ? (
        <Button variant="outline" onClick={() => onFiltersChange(noFilters)}>
          Clear filters
        </Button>
      ) : null}
    </fieldset>
  );
}

const fieldClasses =
  'h-8 rounded-md border border-gray-300 bg-white px-2 text-sm text-gray-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100 dark:focus-visible:outline-blue-400';
const labelClasses = 'text-xs font-medium text-gray-600 dark:text-gray-300';

function SearchField({ value, onSearch }: { value: string | undefined; onSearch: (q: string | undefined) => void }) {
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [shownValue, setShownValue] = useState(value);
  // Searches sent whose URL has not come back yet. Every keystroke searches (the list answers in a
  // few milliseconds, and React Query cancels a superseded request), so several may be under way.
  const [unconfirmed, setUnconfirmed] = useState<readonly (string | undefined)[]>([]);
  if (value !== shownValue) {
    setShownValue(value);
    const echo = unconfirmed.indexOf(value);
    // The echo of a search this box sent: the admin may have typed on since, so the box keeps its text.
    if (echo >= 0) setUnconfirmed(unconfirmed.slice(echo + 1));
    else {
      // Changed elsewhere (Clear filters, the back button, a link): the box shows it.
      setUnconfirmed([]);
      setDraft(value ?? '');
    }
  }

  function handleChange(text: string) {
    setDraft(text);
    const q = text.trim() || undefined;
    const latest = unconfirmed.length > 0 ? unconfirmed.at(-1) : value;
    if (q === latest) return;
    setUnconfirmed([...unconfirmed, q]);
    onSearch(q);
  }

  return (
    <div className="flex min-w-56 flex-1 flex-col gap-1 sm:max-w-xs">
      <label htmlFor={id} className={labelClasses}>
        Search orders
      </label>
      <input
        id={id}
        type="search"
        value={draft}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder="Order ID, customer or IP"
        onChange={(event) => handleChange(event.target.value)}
        className={`${fieldClasses} placeholder:text-gray-400`}
      />
    </div>
  );
}

type FilterSelectProps<T extends string> = {
  label: string;
  value: T | undefined;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T | undefined) => void;
};

function FilterSelect<T extends string>({ label, value, options, labels, onChange }: FilterSelectProps<T>) {
  const id = useId();
  function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    onChange(options.find((option) => option === event.target.value));
  }
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      <select id={id} value={value ?? ''} onChange={handleChange} className={fieldClasses}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
