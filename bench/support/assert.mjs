// Small polling helpers and UI readers for the bench scripts (Playwright Test has its own in e2e/).
export function assert(condition, message) {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

/** Polls `read` until `check(value)` holds; fails with the last value after `timeout` ms. */
export async function waitFor(
  read,
  check,
  { timeout = 60_000, interval = 200, what = 'condition' } = {},
) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (check(value)) return value;
    if (Date.now() > end)
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Readers for what the UI shows. */
export const ui = {
  step: async (page) => Number(await page.getByTestId('step-count').textContent()),
  phase: async (page) => page.getByTestId('phase').getAttribute('data-phase'),
  backend: async (page) => page.getByTestId('backend-name').getAttribute('data-backend'),
  chart: async (page, metric) => {
    const chart = page.getByTestId(`${metric}-chart`);
    return {
      points: Number(await chart.getAttribute('data-points')),
      valPoints: Number(await chart.getAttribute('data-val-points')),
      first: Number(await chart.getAttribute('data-first')),
      last: Number(await chart.getAttribute('data-last')),
    };
  },
};

/** Replaces a number field's text as a user would: select all, type. */
export async function typeInto(locator, text) {
  await locator.click();
  await locator.press('ControlOrMeta+a');
  await locator.pressSequentially(String(text));
}
