/**
 * MSW's cookie store refuses to load in a browser-like place without `localStorage`, and workers
 * have none. The console authenticates with a bearer token and the mock sets no cookie, so a store
 * that holds nothing is all MSW needs here. Imported before MSW, so it is in place when MSW loads.
 */
if (typeof localStorage === 'undefined') {
  const emptyStorage: Pick<Storage, 'getItem' | 'setItem'> = { getItem: () => null, setItem: () => undefined };
  Object.defineProperty(globalThis, 'localStorage', { value: emptyStorage });
}
