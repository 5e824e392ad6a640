// End-to-end tests: Debian's Chromium (never a downloaded browser) against the
// release build in dist/, served on loopback by tests/support/serve.mjs.
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const PORT = 4173;
export const LMS_PORT = 4180;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/output/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'tests/output/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `node tests/support/prepare-site.mjs && node tests/support/serve.mjs --root tests/output/site --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The stand-in learning platform (prepared with the site above): files only.
      command: `node tests/support/wait-for.mjs tests/output/lms/lms.html && node tests/support/serve.mjs --root tests/output/lms --port ${LMS_PORT} --fallback off`,
      url: `http://127.0.0.1:${LMS_PORT}/lms.html`,
      reuseExistingServer: false,
      timeout: 90_000,
    },
  ],
});
