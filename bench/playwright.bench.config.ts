import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import e2eConfig from '../playwright.config';

/** Its own port, so the benchmark never measures (or collides with) a server an e2e run left behind. */
const PORT = 4174;
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** `npm run bench`: the production build with the mock, served by `vite preview`, driven in Debian's Chromium. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../test-results/bench',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 10 * 60_000,
  use: { ...e2eConfig.use, baseURL: `http://localhost:${PORT}`, trace: 'off', screenshot: 'off' },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    cwd: projectRoot,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
