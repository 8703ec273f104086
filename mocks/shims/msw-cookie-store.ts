/**
 * Stands in for MSW's cookie store wherever MSW is bundled for the browser (vite.config.ts): the
 * mock's worker, and the dev server's pre-bundling.
 *
 * MSW keeps the cookies that mocked responses set in a tough-cookie jar, saved to localStorage. That
 * jar brings tldts' public suffix list into the worker's script, and the store refuses to load at all
 * where there is no localStorage, as in a worker. The console authenticates with a bearer
 * token and the mock sets no cookie, so requests carry no stored cookies. A handler that ever sets one
 * fails loudly here rather than being ignored.
 */
export const cookieStore = {
  getCookies: (_url: string): { key: string; value: string }[] => [],
  setCookie: async (_setCookieHeader: string, url: string): Promise<void> => {
    throw new Error(
      `A mocked response to ${url} sets a cookie; the mock backend keeps none (mocks/shims/msw-cookie-store.ts)`,
    );
  },
};
