import type { ReactNode } from 'react';
import { formatClockTime, formatExactTime } from '@/lib/time';

/** Padding of a journal cell, for the cells each journal renders. */
export const journalCellClasses = 'px-2.5 py-1.5 align-top';

type JournalTableProps<Entry> = {
  caption: string;
  /** After the Time column, which the table renders itself. */
  columns: readonly string[];
  /** Shown instead of the table while the journal is empty. */
  empty: string;
  /** Newest first. */
  entries: readonly Entry[];
  renderCells: (entry: Entry) => ReactNode;
};

/**
 * A journal in a box of bounded height: the request journal alone can hold 200 lines, which
 * would push the next section out of reach.
 */
export function JournalTable<Entry extends { at: string }>({
  caption,
  columns,
  empty,
  entries,
  renderCells,
}: JournalTableProps<Entry>) {
  if (entries.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-gray-300 px-3 py-4 text-center text-sm text-gray-500 dark:border-gray-700 dark:text-gray-400">
        {empty}
      </p>
    );
  }
  return (
    <div
      // Focusable, so a keyboard user can scroll a long journal (axe: scrollable-region-focusable).
      // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="max-h-72 overflow-auto rounded-lg border border-gray-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-800"
    >
      <table className="w-full text-left text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-gray-50 text-[0.6875rem] tracking-wide text-gray-600 uppercase dark:bg-gray-800 dark:text-gray-300">
          <tr>
            {['Time', ...columns].map((column) => (
              <th key={column} scope="col" className="px-2.5 py-1.5 font-semibold whitespace-nowrap">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200 dark:divide-gray-800">
          {entries.map((entry, index) => (
            // A journal only grows at its newest end, shown first: counted from the oldest, keys stay put.
            <tr key={entries.length - index}>
              <td className={`${journalCellClasses} whitespace-nowrap text-gray-600 tabular-nums dark:text-gray-300`}>
                <time dateTime={entry.at} title={formatExactTime(entry.at)}>
                  {formatClockTime(entry.at, { seconds: true })}
                </time>
              </td>
              {renderCells(entry)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
