import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { scenarios } from '../catalogue';

const START = '<!-- scenario-table:start -->';
const END = '<!-- scenario-table:end -->';

/** The README's scenario table as the catalogue says it should read. */
function expectedTable(): string {
  const rows = [...scenarios.values()].map(
    (scenario) => `| \`${scenario.name}\` | ${scenario.description} | ${scenario.demonstrates} |`,
  );
  return ['| scenario | what it is | what you see |', '|---|---|---|', ...rows].join('\n');
}

test('the README lists every scenario of the catalogue, word for word', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
  // On failure, paste the expected value between the markers in README.md.
  expect(table).toBe(expectedTable());
});
