/** One line of the benchmark's table. */
export type Figure = {
  /** The figure's number in bench/README.md, e.g. '3'. */
  id: string;
  label: string;
  /** Orders in the list when measured, or null when the figure does not depend on them (bundle sizes). */
  orders: number | null;
  unit: 'ms' | 'kB' | 'MB' | 'count' | 'score';
  runs: number;
  median: number;
  /** Null where one value is all there is (a size, a single run). */
  p95: number | null;
  /** The target, and whether it is met (null: no target for this line). */
  target: string;
  met: boolean | null;
  note: string;
};

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** A figure measured over several runs: median and p95 of `values`, its median or p95 judged against `below`. */
export function spread(
  base: Omit<Figure, 'runs' | 'median' | 'p95' | 'met'>,
  values: readonly number[],
  judge?: { on: 'median' | 'p95'; below: number },
): Figure {
  const figure = {
    ...base,
    runs: values.length,
    median: median(values),
    p95: values.length > 1 ? percentile(values, 95) : null,
  };
  if (!judge) return { ...figure, met: null };
  return { ...figure, met: (judge.on === 'p95' ? (figure.p95 ?? figure.median) : figure.median) < judge.below };
}

/** A figure that is one number (a size, a score, a count). */
export function single(base: Omit<Figure, 'runs' | 'median' | 'p95'>, value: number): Figure {
  return { ...base, runs: 1, median: value, p95: null };
}

/** True when every number of the figure is finite: the smoke test's only check. */
export function isMeasured(figure: Figure): boolean {
  return Number.isFinite(figure.median) && (figure.p95 === null || Number.isFinite(figure.p95));
}

const orderCount = new Intl.NumberFormat('en-US');

function formatValue(value: number | null, unit: Figure['unit']): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ms':
      return `${value < 100 ? value.toFixed(1) : Math.round(value)} ms`;
    case 'kB':
      return `${value.toFixed(1)} kB`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'count':
      return String(Math.round(value));
    case 'score':
      return String(Math.round(value));
  }
}

const HEADER = ['#', 'figure', 'orders', 'runs', 'median', 'p95', 'target', 'met', 'notes'] as const;

function cells(figure: Figure): string[] {
  return [
    figure.id,
    figure.label,
    figure.orders === null ? '—' : orderCount.format(figure.orders),
    String(figure.runs),
    formatValue(figure.median, figure.unit),
    formatValue(figure.p95, figure.unit),
    figure.target,
    figure.met === null ? '' : figure.met ? 'yes' : 'NO',
    figure.note,
  ];
}

/** The table as text: fixed-width columns, one line per figure. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map(cells);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join(' | ')}`;
  return [line(HEADER), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for bench/README.md: a chunk's indented label reads as a sub-line. */
export function markdownTable(figures: readonly Figure[]): string {
  // A `<` that could open a tag is escaped; `< 600 ms` reads as it is.
  const escape = (cell: string) => cell.replaceAll('|', '\\|').replaceAll(/<(?=[A-Za-z/!?])/g, '&lt;');
  const line = (row: readonly string[]) => `| ${row.map(escape).join(' | ')} |`;
  const rows = figures.map((figure) => {
    const row = cells(figure);
    const label = row[1] ?? '';
    row[1] = label.startsWith(' ') ? `↳ ${label.trim()}` : label;
    return line(row);
  });
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows].join('\n');
}
