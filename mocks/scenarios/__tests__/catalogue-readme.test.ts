import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { backendStateProblems } from '../../backend/persistence';
import { ScenarioRegistry } from '../../backend/scenario-registry';
import { scenarios } from '../catalogue';

const START = '<!-- scenario-table:start -->';
const END = '<!-- scenario-table:end -->';
const EXAMPLE_START = '<!-- example-scenario:start -->';
const EXAMPLE_END = '<!-- example-scenario:end -->';

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

test("docs/scenarios.md's example scenario is the example file, and one the mock can start", () => {
  const page = readFileSync(new URL('../../../docs/scenarios.md', import.meta.url), 'utf8');
  const block = page.slice(page.indexOf(EXAMPLE_START) + EXAMPLE_START.length, page.indexOf(EXAMPLE_END));
  const shown: unknown = JSON.parse(block.replace('```json', '').replace('```', ''));
  const file: unknown = JSON.parse(
    readFileSync(new URL('../../../e2e/scenarios/stuck-then-outage.json', import.meta.url), 'utf8'),
  );
  expect(shown).toEqual(file);
  expect(new ScenarioRegistry(backendStateProblems).register(shown)).toEqual({ ok: true, name: 'stuck-then-outage' });
});
