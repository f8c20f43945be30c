// End-to-end tests: the built app (dist/) served under a subpath, driven in Debian's Chromium
// (no browser download). Tests tagged @webgpu run with a SwiftShader WebGPU adapter; every other
// test runs without one, so the fallback path is exercised too (shared/docs/browser-testing.md).
import { defineConfig, type LaunchOptions } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags needed on a closed network, plus WebGPU when asked for. */
function chromium({ webgpu }: { webgpu: boolean }): LaunchOptions {
  return {
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
      ...(webgpu ? ['--enable-unsafe-webgpu'] : []),
    ],
  };
}

export default defineConfig({
  testDir: 'e2e/tests',
  outputDir: 'e2e/artifacts/results',
  globalSetup: './e2e/support/globalSetup.ts',
  // Training on SwiftShader keeps both cores busy: a second worker slows every test down and
  // makes the timing-sensitive ones (steps within a deadline) flaky.
  workers: 1,
  fullyParallel: false,
  // A retry would hide a flaky failure; it should be seen and fixed.
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  // Tests that train for long set their own, longer timeout.
  timeout: 240_000,
  // As long as the old runner's waits for an element: a page that trains is slow to update.
  expect: { timeout: 30_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 1000 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 30_000,
  },
  projects: [
    { name: 'webgpu', grep: /@webgpu/, use: { launchOptions: chromium({ webgpu: true }) } },
    {
      name: 'no-webgpu',
      grepInvert: /@webgpu/,
      use: { launchOptions: chromium({ webgpu: false }) },
    },
  ],
});
