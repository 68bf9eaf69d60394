import { defineConfig } from '@playwright/test';

// The UI layer drives the packaged VSIX installed into code-server; scripts/test/ui.mjs
// builds, installs and starts it, then runs this config with MARGINALIA_UI_URL set.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/ui/artifacts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../test-results/ui/report.json' }]],
  use: {
    viewport: { width: 1400, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
    screenshot: 'only-on-failure',
    // An action whose element never comes (a quick pick that lost its input) fails
    // here, with its own message, rather than at the end of the test's time.
    actionTimeout: 20_000,
  },
});
