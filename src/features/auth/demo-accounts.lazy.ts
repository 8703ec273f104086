/**
 * The demo accounts, for `import()` in src/app/mock-mode.tsx only. A second entry, not part of
 * `index.ts`: the console imports `index.ts` statically, and a dynamic import of a module that is
 * also imported statically brings everything it exports into the initial chunk; mock builds would
 * then load the demo accounts on every page.
 */
export { DemoAccounts } from './components/demo-accounts';
