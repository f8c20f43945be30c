// The `test` every spec imports: Playwright's, plus the app's address and a record of the page's
// errors. Specs assert on `pageErrors` themselves, because some provoke errors on purpose.
import { test as base, expect, type Page } from '@playwright/test';
import { APP_URL_VARIABLE } from './globalSetup';

interface Fixtures {
  /** Console errors and uncaught exceptions of `page` (and of pages passed to recordErrors). */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from this pattern: an empty one means none.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, provide) => {
    const url = process.env[APP_URL_VARIABLE];
    if (!url)
      throw new Error(`${APP_URL_VARIABLE} is unset: run the suite with \`npx playwright test\``);
    await provide(url);
  },
  // A browser of its own for every test, as each test had before: the SwiftShader GPU process
  // is shared by a browser's contexts, and one test's queued GPU work must not stall the next
  // test's page. Playwright still applies the `use` options and records traces for it.
  context: async ({ playwright, launchOptions }, provide) => {
    const browser = await playwright.chromium.launch(launchOptions);
    const context = await browser.newContext();
    await provide(context);
    await context.close();
    await browser.close();
  },
  pageErrors: async ({ page }, provide) => {
    await provide(recordErrors(page));
  },
});

export { expect };

/** Collects a page's console errors and uncaught exceptions into `errors`. */
export function recordErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Opens the app at `path` (relative to its folder) and waits until it can train. */
export async function openApp(page: Page, path = './'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('train-button')).toBeVisible({ timeout: 30_000 });
}
