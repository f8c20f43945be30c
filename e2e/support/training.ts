// One way to train and wait in every spec: press Train (or Resume, Step), then poll what the page
// shows until the run reaches a step, a phase or any condition on its numbers, and return them.
import { test, type Page } from '@playwright/test';
import { openApp } from './test';
import { controls, typeInto } from './ui';

export type Phase = 'idle' | 'preparing' | 'training' | 'paused' | 'done' | 'error';

/** A metric chart's summary, as its data attributes expose it. */
export interface Curve {
  points: number;
  valPoints: number;
  first: number;
  last: number;
}

/** What the page shows about the current run. */
export interface RunReadout {
  phase: Phase;
  step: number;
  backend: string | null;
  loss: Curve;
  accuracy: Curve;
}

/**
 * A phase to reach, a step to reach (while training or paused), or any condition on the numbers
 * (which may also read the page, e.g. a lesson's goal).
 */
export type Until =
  { phase: Phase } | { step: number } | ((run: RunReadout) => boolean | Promise<boolean>);

export interface WaitOptions {
  timeout?: number;
  /** Polling interval in ms. */
  interval?: number;
}

const DEFAULT_TIMEOUT = 60_000;

export async function readCurve(page: Page, metric: 'loss' | 'accuracy'): Promise<Curve> {
  const chart = page.getByTestId(`${metric}-chart`);
  const read = async (name: string) => Number(await chart.getAttribute(`data-${name}`));
  return {
    points: await read('points'),
    valPoints: await read('val-points'),
    first: await read('first'),
    last: await read('last'),
  };
}

export async function readRun(page: Page): Promise<RunReadout> {
  return {
    phase: (await page.getByTestId('phase').getAttribute('data-phase')) as Phase,
    step: Number(await page.getByTestId('step-count').textContent()),
    backend: await page.getByTestId('backend-name').getAttribute('data-backend'),
    loss: await readCurve(page, 'loss'),
    accuracy: await readCurve(page, 'accuracy'),
  };
}

async function reached(run: RunReadout, until: Until): Promise<boolean> {
  if (typeof until === 'function') return until(run);
  if ('phase' in until) return run.phase === until.phase;
  return run.step >= until.step && (run.phase === 'training' || run.phase === 'paused');
}

function describe(until: Until): string {
  if (typeof until === 'function') return until.toString();
  return 'phase' in until ? `phase ${until.phase}` : `step ${until.step}`;
}

/**
 * Waits until the run reaches `until` and returns what the page shows then. A run that ends in the
 * error phase fails at once with the app's message (unless the error phase is what is awaited).
 */
export async function waitForRun(
  page: Page,
  until: Until,
  { timeout = DEFAULT_TIMEOUT, interval = 250 }: WaitOptions = {},
): Promise<RunReadout> {
  return test.step(`wait for ${describe(until)}`, async () => {
    const end = Date.now() + timeout;
    const errorAwaited = typeof until === 'object' && 'phase' in until && until.phase === 'error';
    // An error shown before the wait began (Train pressed again after a crash) is not this run's.
    let errorWouldBeNew = false;
    for (;;) {
      const run = await readRun(page);
      if (await reached(run, until)) return run;
      if (run.phase !== 'error') errorWouldBeNew = true;
      else if (errorWouldBeNew && !errorAwaited) {
        throw new Error(`The run failed: ${await page.getByTestId('phase-message').textContent()}`);
      }
      if (Date.now() > end) {
        throw new Error(
          `Timed out after ${timeout} ms waiting for ${describe(until)}; last: ${JSON.stringify(run)}`,
        );
      }
      await page.waitForTimeout(interval);
    }
  });
}

/** Presses Train and waits until the run reaches `until`. */
export async function trainAndWait(
  page: Page,
  until: Until,
  options?: WaitOptions,
): Promise<RunReadout> {
  // By test id: the button's name changes with the language and once a run exists (Restart).
  await page.getByTestId('train-button').click();
  return waitForRun(page, until, options);
}

/**
 * The run-history specs' start: the app opened on its default spiral design, one run of `epochs`
 * epochs trained to the end (Run 1). Returns the training controls.
 */
export async function spiralRunDone(page: Page, epochs = 3) {
  await openApp(page);
  const ui = controls(page);
  await typeInto(ui.epochs, String(epochs));
  await trainAndWait(page, { phase: 'done' });
  return ui;
}
