import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import type { MockBackendOption } from './e2e/fixtures';

const PORT = 4173;

/**
 * The server project: the console built in `--mode server`, served on its own port, whose proxy
 * reaches a mock server started for the run, with a state folder of its own (a fresh one per run,
 * which the server makes): every test has its own tenant there.
 */
const SERVER_MODE_PORT = 4175;
const MOCK_SERVER_URL = 'http://127.0.0.1:4011';
const mockServerStateDir = join(tmpdir(), `provision-console-e2e-${Date.now()}`);

export default defineConfig<MockBackendOption>({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two cores: more workers only queue behind each other.
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    // Recording a trace roughly doubles each test's time on two cores; CI keeps only its log and
    // screenshots, so it records none. Locally a failure keeps its trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    // Playwright cannot download its browser here; Debian's Chromium (scripts/install-chromium.sh) is used instead.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'in-page', use: { baseURL: `http://localhost:${PORT}` } },
    {
      // The brief's checklist, the scenario walks, the scenario panel and scenario documents, against the mock server over HTTP.
      name: 'server',
      testMatch: [
        'provision-button.spec.ts',
        'scenarios.spec.ts',
        'scenario-panel.spec.ts',
        'scenario-documents.spec.ts',
      ],
      use: { baseURL: `http://localhost:${SERVER_MODE_PORT}`, mockBackend: 'server' },
    },
  ],
  // The production builds, served statically: much faster to start than the dev server.
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npm run mock:server -- --port ${new URL(MOCK_SERVER_URL).port} --state-dir ${JSON.stringify(mockServerStateDir)}`,
      url: `${MOCK_SERVER_URL}/__mock/state`,
      // Never one left from an earlier run: its tenants would hold that run's state, not this run's fresh directory.
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite preview --mode server --outDir dist-server --port ${SERVER_MODE_PORT} --strictPort`,
      url: `http://localhost:${SERVER_MODE_PORT}`,
      env: { MOCK_SERVER_URL },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
