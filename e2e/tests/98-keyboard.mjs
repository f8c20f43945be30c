// Keyboard only: from the top of the page, Tab reaches the designer; a layer is added, edited,
// moved and removed with keys alone, focus never falls back to the page after a move or a
// removal, the focused control always shows a focus ring, and Enter on Train trains.
import { launch, openApp } from '../browser.mjs';
import { assert, ui, waitFor } from '../assert.mjs';

/** What has focus: its test id, the layer card it sits in, and whether a focus ring is drawn. */
function focused(page) {
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
async function tabTo(page, want, what, { back = false, limit = 150 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    if (want(focus)) {
      assert(focus.ring, `${what} shows a focus ring when reached by keyboard`);
      return focus;
    }
  }
  throw new Error(`Tab never reached ${what} in ${limit} presses`);
}

const cardIds = (page) =>
  page
    .getByTestId('layer-card')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-layer-id')));

export const tests = {
  async 'the designer works from the keyboard alone, and Enter trains'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      const before = await cardIds(page);
      assert(before.length === 3, `the spiral MLP's three layers: ${before}`);

      // Add a Dropout layer: choose it in the layer-type list with arrow keys, then Enter on Add.
      await tabTo(page, (f) => f.testId === 'add-layer-kind', 'the layer-type list');
      const kind = page.getByTestId('add-layer-kind');
      for (let i = 0; i < 40 && (await kind.inputValue()) !== 'dropout'; i++) {
        await page.keyboard.press('ArrowDown');
      }
      assert((await kind.inputValue()) === 'dropout', 'Dropout chosen with the arrow keys');
      await tabTo(page, (f) => f.testId === 'add-layer', 'the Add button');
      await page.keyboard.press('Enter');
      const added = await cardIds(page);
      assert(added.length === 4, `a fourth layer: ${added}`);
      const dropoutId = added[3];

      // Edit its rate: Tab backwards into the new card's field and type.
      await tabTo(
        page,
        (f) => f.layerId === dropoutId && f.testId === 'layer-field-rate',
        'the dropout rate',
        { back: true },
      );
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('0.3');
      await waitFor(
        () =>
          page
            .locator(`[data-layer-id="${dropoutId}"] [data-testid="layer-field-rate"]`)
            .inputValue(),
        (v) => v === '0.3',
        { what: 'the rate typed' },
      );

      // Move it up twice with Enter; focus stays on the moved layer's button each time.
      await tabTo(
        page,
        (f) => f.layerId === dropoutId && f.testId === 'layer-up',
        'the new layer’s move-up button',
        { back: true },
      );
      await page.keyboard.press('Enter');
      assert((await cardIds(page)).indexOf(dropoutId) === 2, 'moved to third place');
      let focus = await focused(page);
      assert(
        focus.layerId === dropoutId && focus.testId === 'layer-up',
        `focus follows the moved layer: ${JSON.stringify(focus)}`,
      );
      await page.keyboard.press('Enter');
      assert((await cardIds(page)).indexOf(dropoutId) === 1, 'moved to second place');
      // Moving it to the top disables "up": focus goes to its "down" button, not the page.
      await page.keyboard.press('Enter');
      assert((await cardIds(page)).indexOf(dropoutId) === 0, 'moved to the top');
      focus = await focused(page);
      assert(
        focus.layerId === dropoutId && focus.testId === 'layer-down',
        `at the top, focus moves to the same layer's down button: ${JSON.stringify(focus)}`,
      );
      await page.keyboard.press('Enter');
      assert((await cardIds(page)).indexOf(dropoutId) === 1, 'and down again with Enter');

      // Remove it: focus lands on the layer that took its place, not on the page.
      await tabTo(
        page,
        (f) => f.layerId === dropoutId && f.testId === 'layer-remove',
        'the remove button',
      );
      await page.keyboard.press('Enter');
      assert((await cardIds(page)).join() === before.join(), 'back to the three layers');
      focus = await focused(page);
      assert(
        focus.layerId === before[1] && focus.testId === 'layer-remove',
        `after a removal focus is on the next layer's remove button: ${JSON.stringify(focus)}`,
      );

      // Settings and Train by keyboard too.
      await tabTo(page, (f) => f.testId === 'epochs-input', 'the epochs field');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('3');
      await tabTo(page, (f) => f.testId === 'backend-select', 'the backend list');
      for (
        let i = 0;
        i < 5 && (await page.getByTestId('backend-select').inputValue()) !== 'cpu';
        i++
      ) {
        await page.keyboard.press('ArrowDown');
      }
      await tabTo(page, (f) => f.testId === 'train-button', 'Train', { limit: 400 });
      await page.keyboard.press('Enter');
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'done',
        { what: 'training started by Enter runs to the end' },
      );
      assert((await ui.step(page)) > 0, 'steps were taken');

      // The colour-blind aid, by keyboard: Space on "Shapes for classes" redraws the data plot
      // with a shape per class, and the choice survives a reload.
      await page.getByTestId('dataset-browser').locator('summary').focus();
      await page.keyboard.press('Enter');
      const plot = page.getByTestId('browser-points');
      await plot.waitFor();
      const drawn = () => plot.evaluate((canvas) => canvas.toDataURL());
      const circles = await drawn();
      await tabTo(page, (f) => f.testId === 'class-shapes-toggle', 'the class-shapes switch', {
        back: true,
        limit: 400,
      });
      await page.keyboard.press('Space');
      assert(await page.getByTestId('class-shapes-toggle').isChecked(), 'switched on by Space');
      await waitFor(drawn, (d) => d !== circles, { what: 'the points redrawn with shapes' });
      await page.reload();
      await page.getByTestId('class-shapes-toggle').waitFor();
      assert(
        await page.getByTestId('class-shapes-toggle').isChecked(),
        'the class shapes stay on after a reload',
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
