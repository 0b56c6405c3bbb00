import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error plain ES module without types
import { launchOptions } from './scripts/browser-path.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const launch = launchOptions();

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry everywhere: CI shares 2 cores with the browser and the server, and a timing
  // blip should not sink a run. `npm test` names every test that needed it.
  retries: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.PW_REPORTER ? [[process.env.PW_REPORTER]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    launchOptions: launch,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: launch } }],
  webServer: {
    command: `node demo/server.mjs --port ${PORT} --quiet`,
    // A throw-away embedded store and a known admin token (e2e/admin.ts), whatever the shell has.
    env: {
      DATA_DIR: 'memory://',
      DATABASE_URL: '',
      ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin-token-for-tests-only',
      ALLOWED_ORIGINS: '',
    },
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: !process.env.CI,
    // The embedded PostgreSQL initialises its store on start (seconds on a busy 2-core machine).
    timeout: 120_000,
  },
});
