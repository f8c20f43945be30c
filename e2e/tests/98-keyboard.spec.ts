// Keyboard only: from the top of the page, Tab reaches the designer; a layer is added, edited,
// moved and removed with keys alone, focus never falls back to the page after a move or a
// removal, the focused control always shows a focus ring, and Enter on Train trains.
// What has focus is named by its test id: the check is about the element, not its words.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../support/test';
import { waitForRun } from '../support/training';
import { controls, layerCards } from '../support/ui';

interface Focus {
  testId: string | null;
  layerId: string | null;
  ring: boolean;
}

/** What has focus: its test id, the layer card it sits in, and whether a focus ring is drawn. */
function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { testId: null, layerId: null, ring: false };
    const style = getComputedStyle(el);
    return {
      testId: el.getAttribute('data-testid'),
      layerId: el.closest('[data-layer-id]')?.getAttribute('data-layer-id') ?? null,
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

/** Presses Tab (or Shift+Tab) until `want(focus)` holds; fails after `limit` presses. */
async function tabTo(
  page: Page,
  want: (focus: Focus) => boolean,
  what: string,
  { back = false, limit = 150 } = {},
): Promise<Focus> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    if (want(focus)) {
      expect(focus.ring, `${what} shows a focus ring when reached by keyboard`).toBe(true);
      return focus;
    }
  }
  throw new Error(`Tab never reached ${what} in ${limit} presses`);
}

const cardIds = (page: Page) =>
  layerCards(page).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-layer-id')));

test('the designer works from the keyboard alone, and Enter trains', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  const ui = controls(page);
  const before = await cardIds(page);
  expect(before, "the spiral MLP's three layers").toHaveLength(3);

  // Add a Dropout layer: choose it in the layer-type list with arrow keys, then Enter on Add.
  await tabTo(page, (f) => f.testId === 'add-layer-kind', 'the layer-type list');
  for (let i = 0; i < 40 && (await ui.layerKind.inputValue()) !== 'dropout'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(ui.layerKind, 'Dropout chosen with the arrow keys').toHaveValue('dropout');
  await tabTo(page, (f) => f.testId === 'add-layer', 'the Add button');
  await page.keyboard.press('Enter');
  const added = await cardIds(page);
  expect(added, 'a fourth layer').toHaveLength(4);
  const dropoutId = added[3]!;
  const positionOfDropout = async () => (await cardIds(page)).indexOf(dropoutId);

  // Edit its rate: Tab backwards into the new card's field and type.
  await tabTo(
    page,
    (f) => f.layerId === dropoutId && f.testId === 'layer-field-rate',
    'the dropout rate',
    { back: true },
  );
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('0.3');
  await expect(
    page.locator(`[data-layer-id="${dropoutId}"]`).getByRole('spinbutton', { name: 'rate' }),
    'the rate typed',
  ).toHaveValue('0.3', { timeout: 60_000 });

  // Move it up twice with Enter; focus stays on the moved layer's button each time.
  await tabTo(
    page,
    (f) => f.layerId === dropoutId && f.testId === 'layer-up',
    'the new layer’s move-up button',
    { back: true },
  );
  await page.keyboard.press('Enter');
  expect(await positionOfDropout(), 'moved to third place').toBe(2);
  expect(await focused(page), 'focus follows the moved layer').toMatchObject({
    layerId: dropoutId,
    testId: 'layer-up',
  });
  await page.keyboard.press('Enter');
  expect(await positionOfDropout(), 'moved to second place').toBe(1);
  // Moving it to the top disables "up": focus goes to its "down" button, not the page.
  await page.keyboard.press('Enter');
  expect(await positionOfDropout(), 'moved to the top').toBe(0);
  expect(
    await focused(page),
    "at the top, focus moves to the same layer's down button",
  ).toMatchObject({ layerId: dropoutId, testId: 'layer-down' });
  await page.keyboard.press('Enter');
  expect(await positionOfDropout(), 'and down again with Enter').toBe(1);

  // Remove it: focus lands on the layer that took its place, not on the page.
  await tabTo(
    page,
    (f) => f.layerId === dropoutId && f.testId === 'layer-remove',
    'the remove button',
  );
  await page.keyboard.press('Enter');
  expect(await cardIds(page), 'back to the three layers').toEqual(before);
  expect(
    await focused(page),
    "after a removal focus is on the next layer's remove button",
  ).toMatchObject({ layerId: before[1], testId: 'layer-remove' });

  // Settings and Train by keyboard too.
  await tabTo(page, (f) => f.testId === 'epochs-input', 'the epochs field');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('3');
  await tabTo(page, (f) => f.testId === 'backend-select', 'the backend list');
  for (let i = 0; i < 5 && (await ui.backend.inputValue()) !== 'cpu'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await tabTo(page, (f) => f.testId === 'train-button', 'Train', { limit: 400 });
  await page.keyboard.press('Enter');
  // Training started by Enter runs to the end.
  const run = await waitForRun(page, { phase: 'done' });
  expect(run.step, 'steps were taken').toBeGreaterThan(0);

  // The colour-blind aid, by keyboard: Space on "Shapes for classes" redraws the data plot
  // with a shape per class, and the choice survives a reload.
  await page.getByTestId('dataset-browser').locator('summary').focus();
  await page.keyboard.press('Enter');
  const plot = page.getByTestId('browser-points');
  await expect(plot).toBeVisible();
  const drawn = () => plot.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  const circles = await drawn();
  await tabTo(page, (f) => f.testId === 'class-shapes-toggle', 'the class-shapes switch', {
    back: true,
    limit: 400,
  });
  await page.keyboard.press('Space');
  const shapes = page.getByRole('checkbox', { name: /^Shapes for classes/ });
  await expect(shapes, 'switched on by Space').toBeChecked();
  await expect.poll(drawn, 'the points redrawn with shapes').not.toBe(circles);
  await page.reload();
  await expect(shapes, 'the class shapes stay on after a reload').toBeChecked({ timeout: 30_000 });
  expect(pageErrors).toEqual([]);
});
