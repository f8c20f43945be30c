// The WASM backend in the browser: chosen in the Backend select it trains the spiral and says how
// it runs; a model it cannot train (a CNN: no filter gradient in tfjs-backend-wasm 4.22) falls
// back, and the backend status names the missing operation.
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun } from '../support/training';
import { controls, loadPreset, openSection, typeInto } from '../support/ui';

test('WASM chosen by the user trains an epoch of the spiral, and the status says WASM', async ({
  page,
  pageErrors,
}, testInfo) => {
  await openApp(page);
  await loadPreset(page, 'spiral-mlp');
  const ui = controls(page);
  await ui.backend.selectOption('wasm');
  await typeInto(ui.epochs, '1');
  const done = await trainAndWait(page, { phase: 'done' }, { timeout: 120_000 });
  expect(done.backend, 'trained on WASM').toBe('wasm');
  expect(done.loss.valPoints, 'the epoch ended with its validation pass').toBeGreaterThanOrEqual(1);
  expect(Number.isFinite(done.loss.last), 'a finite loss').toBe(true);
  await expect(page.getByTestId('backend-name')).toHaveText('WASM');
  await expect(page.getByTestId('backend-reason')).toHaveText('WASM: chosen by you.');
  const status = page.getByTestId('backend');
  await openSection(status);
  // The first visit has no service worker yet, so no COOP/COEP: SIMD on one thread.
  await expect(status.locator('.trials li')).toHaveText([
    '✓ WASM: one training step passed (SIMD on, single-threaded: the page is not cross-origin isolated (see README))',
  ]);
  await page.screenshot({ path: testInfo.outputPath('wasm-spiral.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('a CNN chosen onto WASM falls back, and the status names the operation WASM lacks', async ({
  page,
  pageErrors,
}, testInfo) => {
  test.setTimeout(300_000);
  await openApp(page);
  await loadPreset(page, 'mnist-cnn');
  await controls(page).backend.selectOption('wasm');
  // MNIST is downloaded and decoded first; then WASM is refused before any step, and WebGL
  // (SwiftShader here) proves itself with one CNN step.
  const started = await trainAndWait(page, { phase: 'training' }, { timeout: 240_000 });
  // Paused, not stopped: a stopped run scores MNIST's 10,000 test digits, minutes on SwiftShader.
  await controls(page).pause.click();
  await waitForRun(page, { phase: 'paused' });
  expect(started.backend, 'not WASM').not.toBe('wasm');
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toContainText(
    "You chose WASM, but it failed (this model needs tfjs's Conv2DBackpropFilter operation (the gradient of a convolution’s filters) to train, which the WASM backend does not have).",
  );
  const status = page.getByTestId('backend');
  await openSection(status);
  await expect(status.locator('.trials li').first()).toHaveText(
    "✗ WASM: this model needs tfjs's Conv2DBackpropFilter operation (the gradient of a convolution’s filters) to train, which the WASM backend does not have",
  );
  await page.screenshot({ path: testInfo.outputPath('wasm-cnn-fallback.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});
