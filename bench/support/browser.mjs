// Launching Debian's Chromium headless for the bench, with the flags from shared/docs/browser-testing.md.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CLOSED_NETWORK_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** `webgpu: true` adds --enable-unsafe-webgpu (a SwiftShader adapter); false leaves WebGPU without one. */
export async function launch({ webgpu }) {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const args = [...CLOSED_NETWORK_FLAGS, ...(webgpu ? ['--enable-unsafe-webgpu'] : [])];
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/** A page that records console errors and uncaught exceptions for the test to assert on. */
export async function openApp(browser, url, { viewport = { width: 1400, height: 1000 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.goto(url);
  await page.getByTestId('train-button').waitFor();
  return { context, page, errors };
}

/** Collects the page's console errors and uncaught exceptions, for a test to assert on. */
export function recordErrors(page, errors = []) {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}
