import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin, ProxyOptions } from 'vite';
import { defineConfig } from 'vitest/config';

const srcDir = fileURLToPath(new URL('./src', import.meta.url));
const mocksDir = fileURLToPath(new URL('./mocks', import.meta.url));
const mswCookieStoreShim = fileURLToPath(new URL('./mocks/shims/msw-cookie-store.ts', import.meta.url));

/**
 * The built console runs no inline script and loads nothing from elsewhere (the mock backend runs in
 * a worker from the same origin, which `worker-src 'self'` allows). Build only: the dev server injects inline scripts (React refresh).
 * A real deployment should also send it as a header, with frame-ancestors, which a meta tag cannot set.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Radix Dialog's scroll lock (react-remove-scroll) adds a <style> element while a modal is open.
  // Inline style elements only: scripts stay 'self', and React sets style props through the CSSOM.
  "style-src-elem 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** MSW's cookie store, replaced by a store that holds nothing: see the shim for why. */
const replaceMswCookieStore: Plugin = {
  name: 'replace-msw-cookie-store',
  // Ahead of Vite's own resolver, which would otherwise resolve the relative import first.
  enforce: 'pre',
  resolveId: (source, importer) =>
    source === '../cookieStore.mjs' && importer?.includes('/msw/lib/core/') ? mswCookieStoreShim : null,
};

/**
 * `--mode server` (`npm run dev:server`, the e2e suite's server project): the console holds no mock and
 * reaches the standalone mock server (`npm run mock:server`) over HTTP, through the dev or preview
 * server, so the page keeps one origin as it would in front of a real backend.
 */
const mockServerProxy: Plugin = {
  name: 'mock-server-proxy',
  config: (_, { mode }) => {
    if (mode !== 'server') return;
    const toMockServer: ProxyOptions = {
      target: process.env.MOCK_SERVER_URL ?? 'http://127.0.0.1:4010',
      // The mock's simulated network error drops the connection: the page must see it dropped too,
      // not the proxy's 502. First in line, so the proxy takes it for the client's own reset and stays quiet.
      configure: (proxy) =>
        proxy.on('proxyReq', (proxyReq, req) =>
          proxyReq.prependListener('error', (error: NodeJS.ErrnoException) => {
            if (error.code === 'ECONNRESET') req.socket.destroy();
          }),
        ),
    };
    const proxy = { '/api/': toMockServer, '/__mock/': toMockServer };
    return { server: { proxy }, preview: { proxy } };
  },
};

/**
 * A feature's front door (`src/features/<name>/index.ts`) only re-exports. Declared free of side
 * effects, the bundler takes each name from the module that defines it, so a name used only by a
 * lazily loaded chunk stays in that chunk: the sign-in form in the sign-in page's, the resolve button
 * in the drawer's. Otherwise a front door imported by the first page brings all of its feature along.
 */
const featureFrontDoors = { test: /\/src\/features\/[^/]+\/index\.ts$/, sideEffects: false };

export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), mockServerProxy],
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${srcDir}/` },
      { find: /^@mocks\//, replacement: `${mocksDir}/` },
    ],
  },
  build: { rolldownOptions: { treeshake: { moduleSideEffects: [featureFrontDoors] } } },
  // The mock backend's worker is a module, like the page's scripts; MSW is bundled only there.
  worker: { format: 'es', plugins: () => [replaceMswCookieStore] },
  optimizeDeps: {
    // The dev server's scan starts from index.html and does not follow the worker's `new URL()`:
    // without this, it finds MSW on the first visit and reloads the page.
    include: ['msw'],
    rolldownOptions: { plugins: [replaceMswCookieStore] },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'mocks/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/testing/setup-component-tests.ts'],
          // Accessible queries over a 44-row table are slow in jsdom on 2 cores; correctness, not speed, is tested here.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
