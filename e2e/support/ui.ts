// The controls a user finds by name, located as a user (or a screen reader) finds them: by role
// and accessible name, in English. Readouts without a name of their own keep their test ids.
import type { Locator, Page } from '@playwright/test';

const exact = { exact: true };

export function controls(page: Page) {
  const button = (name: string | RegExp) => page.getByRole('button', { name, ...exact });
  const combobox = (name: string) => page.getByRole('combobox', { name, ...exact });
  const number = (name: string) => page.getByRole('spinbutton', { name, ...exact });
  return {
    train: button(/^(▶ Train|↻ Restart)$/),
    pause: button('❚❚ Pause'),
    resume: button('▶ Resume'),
    step: button('Step'),
    stop: button('■ Stop'),
    reset: button('Reset'),
    preset: combobox('Preset'),
    loadPreset: button('Load preset'),
    dataset: combobox('Dataset'),
    /** How many samples a generated set has: "Points" for 2-D sets, "Samples" otherwise. */
    samples: page.getByRole('spinbutton', { name: /^(Points|Samples)$/ }),
    noise: number('Noise'),
    optimizer: combobox('Optimizer'),
    loss: combobox('Loss'),
    learningRate: number('Learning rate (live)'),
    batchSize: number('Batch size'),
    epochs: number('Epochs'),
    backend: combobox('Backend'),
    language: combobox('Language'),
    layerKind: combobox('Layer type to add'),
    addLayer: button(/^\+ Add /),
  };
}

/** The layer cards of the designer, in order. */
export function layerCards(page: Page): Locator {
  return page.getByRole('listitem', { name: /^Layer \d+: / });
}

/** A layer card's own controls. */
export function layerControls(card: Locator) {
  return {
    units: card.getByRole('spinbutton', { name: 'units', ...exact }),
    rate: card.getByRole('spinbutton', { name: 'rate', ...exact }),
    activation: card.getByRole('combobox', { name: 'activation', ...exact }),
    up: card.getByRole('button', { name: /^Move layer \d+ up$/ }),
    down: card.getByRole('button', { name: /^Move layer \d+ down$/ }),
    remove: card.getByRole('button', { name: /^Remove layer \d+$/ }),
    problem: card.getByTestId('layer-problem'),
    shape: card.getByTestId('layer-shape'),
    params: card.getByTestId('layer-params'),
  };
}

/** Loads a preset by its id, as a user does: choose it, press Load preset. */
export async function loadPreset(page: Page, id: string): Promise<void> {
  const ui = controls(page);
  await ui.preset.selectOption(id);
  await ui.loadPreset.click();
}

/** Opens a collapsed section (a <details>) by its summary's text, unless it is open already. */
export async function openSection(section: Locator): Promise<void> {
  if (!(await section.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await section.locator('summary').click();
  }
}

/** Replaces a number field's text as a user would: select all, type. */
export async function typeInto(field: Locator, text: string | number): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(String(text));
}

/** The decision boundary canvas's pixels (RGBA, row by row). */
export function boundaryPixels(page: Page): Promise<number[]> {
  return page
    .getByTestId('decision-boundary')
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d')!;
      return Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data);
    });
}
