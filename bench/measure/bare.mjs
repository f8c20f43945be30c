// (b) The bare tfjs loop (bench/bare), built with Vite and run in a dedicated worker.
import { build } from 'vite';
import { waitFor } from '../support/assert.mjs';
import { launch } from '../support/browser.mjs';
import { BARE_DIST, BARE_ROOT, BATCH, MAX_STEPS_AHEAD, READ_EVERY_MS } from '../config.mjs';
import { perStep, snapshot, usage } from '../cpu.mjs';

export async function buildBare() {
  await build({
    configFile: false,
    root: BARE_ROOT,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: {
      outDir: BARE_DIST,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4000,
      reportCompressedSize: false,
    },
  });
}

export async function measureBare(url, backend, plan, variant = 'bare') {
  const browser = await launch({ webgpu: true });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__bare?.status === 'idle');
    const request = {
      backend,
      variant,
      warmupSteps: plan.warmup,
      steps: plan.steps,
      batchSize: BATCH,
      readEveryMs: READ_EVERY_MS,
      maxStepsAhead: MAX_STEPS_AHEAD,
    };
    await page.evaluate((r) => window.startBare(r), request);
    let cpuStart = null;
    const state = await waitFor(
      async () => {
        const s = await page.evaluate(() => window.__bare);
        if (!cpuStart && s.progress === 'measuring') cpuStart = snapshot();
        return s;
      },
      (s) => s.status === 'done' || s.status === 'error',
      { what: `bare ${variant} on ${backend}`, timeout: 600_000, interval: 200 },
    );
    if (state.status === 'error') throw new Error(`bare ${variant} on ${backend}: ${state.error}`);
    const cpu = cpuStart ? usage(cpuStart, snapshot()) : null;
    return { ...state.result, cpu, cpuMsPerStep: perStep(cpu, plan.steps), errors };
  } finally {
    await browser.close();
  }
}
