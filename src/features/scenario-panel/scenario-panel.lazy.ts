/**
 * The scenario panel, for `import()` in src/app/mock-mode.tsx only. A second entry, not part of
 * `index.ts`: the root layout imports `index.ts` statically, and a dynamic import of a module that
 * is also imported statically brings everything it exports into the initial chunk, which would put
 * the panel (mock builds only) on every page's first load.
 */
export { ScenarioPanel } from './components/scenario-panel';
