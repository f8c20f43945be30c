// `node bench/views.mjs`: what the live internals views cost. The seeds' CNN on MNIST and the
// transformer on sequence reversal are trained through LayerLab twice, every view closed and every
// view open, in alternating rounds on the same backend; it reports throughput, main-thread long
// tasks and the worker's tensor count and GPU bytes over the window. Writes a section of
// BENCHMARKS.md and bench/results/views.json. Run after `npm run build`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp } from './support/browser.mjs';
import { serveDist } from './support/server.mjs';
import { writeSection } from './support/section.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(root, 'bench', 'results');
const ALL_MODELS = [
  { preset: 'reverse-transformer', label: 'Transformer on sequence reversal', steps: 400 },
  { preset: 'mnist-cnn', label: 'CNN conv32-conv64-fc128-fc10 on MNIST', steps: 60 },
  // The network picture: every neuron's map and all 320 weight lines redrawn with each probe.
  { preset: 'spiral-mlp', label: 'Spiral MLP 2-16-16-2 (network picture)', steps: 3000 },
];
// BENCH_MODELS=reverse-transformer measures only the named presets.
const ONLY = (process.env.BENCH_MODELS ?? '').split(',').filter(Boolean);
const MODELS = ALL_MODELS.filter((m) => ONLY.length === 0 || ONLY.includes(m.preset));
const MEMORY_STEPS = Number(process.env.BENCH_MEMORY_STEPS ?? 1000);
const VIEWS = ['activations', 'attention', 'boundary', 'confusion', 'histograms', 'projection'];
const BACKEND = process.env.BENCH_BACKEND ?? 'webgl';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP = 4;
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const log = (m) => console.log(`[views] ${m}`);

function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function stats(page) {
  const el = page.getByTestId('run-stats');
  return {
    step: Number(await page.getByTestId('step-count').textContent()),
    tensors: Number(await el.getAttribute('data-tensors')),
    gpuBytes: Number(await el.getAttribute('data-gpu-bytes')),
  };
}

/** Opens the app with the preset on the backend (every view open if asked) and starts training. */
async function startTraining(browser, url, model, open) {
  const { page } = await openApp(browser, url, { viewport: { width: 1400, height: 2400 } });
  await page.addInitScript(recordLongTasks);
  await page.reload();
  await page.getByTestId('train-button').waitFor();
  await page.getByTestId('preset-select').selectOption(model.preset);
  await page.getByTestId('preset-load').click();
  await page.getByTestId('backend-select').selectOption(BACKEND);
  await page.getByTestId('epochs-input').fill('1000');
  if (open) {
    for (const view of VIEWS) {
      const section = page.getByTestId(`view-${view}`);
      if (await section.count()) await section.locator('summary').click();
    }
  }
  await page.getByTestId('train-button').click();
  return page;
}

/**
 * --memory: every view open for MEMORY_STEPS steps of the transformer, the worker's tensor count
 * and GPU bytes every 100 steps (a leak shows as a rising column).
 */
async function memoryRun(url) {
  const model = ALL_MODELS[0];
  const browser = await launch({ webgpu: true });
  try {
    const page = await startTraining(browser, url, model, true);
    const samples = [];
    for (let target = 0; target <= MEMORY_STEPS; target += 100) {
      await page.waitForFunction(
        (t) => Number(document.querySelector('[data-testid=step-count]')?.textContent) >= t,
        Math.max(target, WARMUP),
        { timeout: 600_000, polling: 200 },
      );
      const now = await stats(page);
      samples.push(now);
      log(`step ${now.step}: ${now.tensors} tensors, ${now.gpuBytes} GPU bytes`);
    }
    return { preset: model.preset, label: model.label, samples };
  } finally {
    await browser.close();
  }
}

async function measure(url, model, open) {
  const browser = await launch({ webgpu: true });
  try {
    const page = await startTraining(browser, url, model, open);
    await page.waitForFunction(
      (w) => Number(document.querySelector('[data-testid=step-count]')?.textContent) >= w,
      WARMUP,
      { timeout: 300_000, polling: 100 },
    );
    await page.evaluate(() => (window.__longTasks = []));
    const start = await stats(page);
    const t0 = Date.now();
    await page
      .waitForFunction(
        (target) =>
          Number(document.querySelector('[data-testid=step-count]')?.textContent) >= target,
        start.step + model.steps,
        { timeout: MAX_SECONDS * 1000, polling: 100 },
      )
      .catch(() => undefined);
    const end = await stats(page);
    const seconds = (Date.now() - t0) / 1000;
    const longTasks = await page.evaluate(() => window.__longTasks.filter((d) => d > 50));
    const probeStep = await page
      .getByTestId('probe-step')
      .textContent()
      .catch(() => null);
    return {
      stepsPerSec: (end.step - start.step) / seconds,
      steps: end.step - start.step,
      seconds,
      longTasks: longTasks.length,
      longestTask: Math.max(0, ...longTasks),
      tensors: [start.tensors, end.tensors],
      gpuBytes: [start.gpuBytes, end.gpuBytes],
      probeStep,
    };
  } finally {
    await browser.close();
  }
}

mkdirSync(RESULTS, { recursive: true });
// --report rewrites the BENCHMARKS.md section from bench/results/views.json without measuring;
// --memory measures the memory table only.
const MEMORY_ONLY = process.argv.includes('--memory');
const REPORT_ONLY = process.argv.includes('--report') || MEMORY_ONLY;
const server = await serveDist({ root: join(root, 'dist') });
const memoryPath = join(RESULTS, 'views-memory.json');
if (MEMORY_ONLY) writeFileSync(memoryPath, JSON.stringify(await memoryRun(server.url), null, 2));
const memory = existsSync(memoryPath) ? JSON.parse(readFileSync(memoryPath, 'utf8')) : null;
const results = [];
for (const model of REPORT_ONLY ? [] : MODELS) {
  const runs = { closed: [], open: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const open of [false, true]) {
      const r = await measure(server.url, model, open);
      runs[open ? 'open' : 'closed'].push(r);
      log(
        `${model.preset} ${open ? 'open  ' : 'closed'} ${r.stepsPerSec.toFixed(2)} steps/s, ${r.longTasks} long tasks, tensors ${r.tensors.join('→')}, GPU bytes ${r.gpuBytes.join('→')}`,
      );
    }
  }
  const best = (list) => list.reduce((a, b) => (b.stepsPerSec > a.stepsPerSec ? b : a));
  results.push({
    ...model,
    rounds: ROUNDS,
    seconds: MAX_SECONDS,
    closed: best(runs.closed),
    open: best(runs.open),
    runs,
  });
}
await server.close();
// Models not measured this time (BENCH_MODELS) keep their last results.
const previousPath = join(RESULTS, 'views.json');
const previous = existsSync(previousPath) ? JSON.parse(readFileSync(previousPath, 'utf8')) : null;
if (previous?.backend === BACKEND) {
  for (const old of previous.results) {
    if (!results.some((r) => r.preset === old.preset)) results.push(old);
  }
  results.sort(
    (a, b) =>
      ALL_MODELS.findIndex((m) => m.preset === a.preset) -
      ALL_MODELS.findIndex((m) => m.preset === b.preset),
  );
}
writeFileSync(previousPath, JSON.stringify({ backend: BACKEND, results }, null, 2));

const mb = (b) => (b / 2 ** 20).toFixed(1);
const rows = results.map((r) => {
  const ratio = r.open.stepsPerSec / r.closed.stepsPerSec;
  return `| ${r.label} (best of ${r.rounds}, ≤ ${r.seconds} s) | ${r.closed.stepsPerSec.toFixed(2)} | ${r.open.stepsPerSec.toFixed(2)} | ${ratio.toFixed(2)} | ${r.open.longTasks} (longest ${Math.round(r.open.longestTask)} ms) | ${r.open.tensors.join(' → ')} over ${r.open.steps} steps | ${mb(r.open.gpuBytes[0])} → ${mb(r.open.gpuBytes[1])} MB (closed: ${mb(r.closed.gpuBytes[1])} MB) |`;
});
await writeSection(
  'views',
  [
    '## The internals views: every view open vs every view closed',
    '',
    `\`node bench/views.mjs\` (after \`npm run build\`; \`BENCH_MODELS\`, \`BENCH_ROUNDS\`, \`BENCH_SECONDS\` narrow it), backend ${BACKEND} in headless Chromium, alternating closed/open rounds, the best of each, a window after ${WARMUP} warm-up steps. Tensors and GPU bytes are the worker's \`tf.memory()\` at the start and end of the window. On a software GPU the CNN manages under 1 step/s, so its window covers only a few dozen steps.`,
    '',
    '| model | steps/s closed | steps/s open | ratio | long tasks > 50 ms (open) | live tensors (open) | GPU bytes allocated (open) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(memory
      ? [
          '',
          `Memory with every view open over ${memory.samples.at(-1).step} steps of the ${memory.label.toLowerCase()} (\`node bench/views.mjs --memory\`):`,
          '',
          '| step | live tensors | GPU bytes allocated |',
          '| --- | --- | --- |',
          ...memory.samples.map((m) => `| ${m.step} | ${m.tensors} | ${mb(m.gpuBytes)} MB |`),
        ]
      : []),
  ],
  'bench/views.mjs',
);
log('wrote BENCHMARKS.md and bench/results/views.json');
