// `npm run bench`: LayerLab's training throughput against a bare tfjs loop, per backend, in
// headless Chromium (WebGPU there is SwiftShader, a software adapter). See bench/README.md.
//
// Usage: node bench/run.mjs [--backends=webgpu,webgl,cpu] [--scale=1] [--variants]
//   --scale     multiplies the measured step counts (0.2 for a quick smoke run)
//   --variants  instead of the main table, times the bare loop against LayerLab's own Trainer
//               (with and without the per-step yield) to attribute LayerLab's overhead;
//               writes bench/results/variants.json (shown in BENCHMARKS.md by the next full run)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { build } from 'vite';
import { typeInto, ui, waitFor } from '../e2e/assert.mjs';
import { launch, openApp } from '../e2e/browser.mjs';
import { serveDist } from '../e2e/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');
const DIST = join(ROOT, 'dist');
const RESULTS = join(here, 'results');
const BARE_DIST = join(RESULTS, 'bare-dist');
const BENCHMARKS_MD = join(ROOT, 'BENCHMARKS.md');

const BACKENDS = ['webgpu', 'webgl', 'cpu'];
const BATCH = 32;
/** LayerLab's 'mnist-mlp' preset: 8,000 MNIST samples, 10 % held out → 7,200 / 32 steps. */
const STEPS_PER_EPOCH = Math.floor((8000 * 0.9) / BATCH);
const READ_EVERY_MS = 250;
const GOAL_RATIO = 0.9;
/**
 * Steps per backend, the same for LayerLab and the bare loop: the warm-up steps (shader
 * compilation, buffer pools) are discarded, the measured window is sized for ~20–40 s here.
 */
const PLAN = {
  webgpu: { warmup: 30, steps: 200 },
  webgl: { warmup: 60, steps: 800 },
  cpu: { warmup: 60, steps: 600 },
};
const VARIANTS = ['bare', 'bare-gather', 'trainer', 'trainer-yield'];

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const backends = (args.backends ?? BACKENDS.join(',')).split(',').filter(Boolean);
const scale = Number(args.scale ?? 1);
for (const b of backends) if (!BACKENDS.includes(b)) throw new Error(`unknown backend ${b}`);
if (!(scale > 0)) throw new Error('--scale must be a positive number');

const started = Date.now();
const log = (message) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

function planFor(backend) {
  const plan = PLAN[backend];
  return { warmup: plan.warmup, steps: Math.max(10, Math.round(plan.steps * scale)) };
}

// ---------------------------------------------------------------------------------------------
// (a) LayerLab itself, driven through its UI.

/** Installed before the app loads: every main-thread long task (> 50 ms) lands in __longTasks. */
function recordLongTasks() {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    window.__longTasksError = String(error);
  }
}

/** Records [performance.now(), step] each time the step counter changes. */
function recordSteps() {
  const element = document.querySelector('[data-testid="step-count"]');
  if (!element) throw new Error('no step counter');
  window.__steps = [[performance.now(), Number(element.textContent)]];
  new MutationObserver(() => {
    window.__steps.push([performance.now(), Number(element.textContent)]);
  }).observe(element, { childList: true, characterData: true, subtree: true });
}

async function measureLayerLab(url, backend, plan) {
  const browser = await launch({ webgpu: true });
  try {
    const { page, errors } = await openApp(browser, url);
    await page.addInitScript(recordLongTasks);
    await page.reload();
    await page.getByTestId('train-button').waitFor();

    await page.getByTestId('preset-select').selectOption('mnist-mlp');
    await page.getByTestId('preset-load').click();
    await page.getByTestId('backend-select').selectOption(backend);
    await typeInto(page.getByTestId('batch-input'), String(BATCH));
    await typeInto(page.getByTestId('epochs-input'), '1000');
    const settings = {
      batch: await page.getByTestId('batch-input').inputValue(),
      epochs: await page.getByTestId('epochs-input').inputValue(),
      backend: await page.getByTestId('backend-select').inputValue(),
      totalParams: await page.getByTestId('total-params').textContent(),
    };
    if (settings.batch !== String(BATCH) || settings.backend !== backend)
      throw new Error(`settings not applied: ${JSON.stringify(settings)}`);

    await page.evaluate(recordSteps);
    const clicked = Date.now();
    await page.getByTestId('train-button').click();
    const phase = await waitFor(
      () => ui.phase(page),
      (p) => p === 'training' || p === 'error' || p === 'done',
      { what: 'training phase', timeout: 180_000, interval: 100 },
    );
    const preparingSeconds = (Date.now() - clicked) / 1000;
    const actual = await ui.backend(page);
    const reason = await page
      .getByTestId('backend-reason')
      .textContent()
      .catch(() => '');
    if (phase !== 'training' || actual !== backend) {
      const message = await page
        .getByTestId('phase-message')
        .textContent({ timeout: 1000 })
        .catch(() => '');
      return {
        available: false,
        backend: actual,
        detail: `phase ${phase}, backend ${actual}: ${message || reason}`,
        errors,
      };
    }

    const target = plan.warmup + plan.steps;
    await waitFor(
      () => ui.step(page),
      (s) => s >= target,
      { what: `step ≥ ${target}`, timeout: 600_000, interval: 250 },
    );
    const { steps, longTasks, longTasksError } = await page.evaluate(() => ({
      steps: window.__steps,
      longTasks: window.__longTasks,
      longTasksError: window.__longTasksError ?? null,
    }));
    const chart = await ui.chart(page, 'loss');
    const accChart = await ui.chart(page, 'accuracy').catch(() => null);
    await page.screenshot({ path: join(RESULTS, `layerlab-${backend}.png`), fullPage: true });

    await page.getByTestId('stop-button').click();
    await waitFor(
      () => ui.phase(page),
      (p) => p === 'done' || p === 'error',
      { what: 'done after stop', timeout: 120_000 },
    );

    const from = steps.find(([, s]) => s >= plan.warmup);
    const to = steps.find(([, s]) => s >= target);
    if (!from || !to || to[1] <= from[1]) throw new Error('step counter log has no window');
    const [t0, s0] = from;
    const [t1, s1] = to;
    const seconds = (t1 - t0) / 1000;
    const inWindow = longTasks.filter((t) => t.start < t1 && t.start + t.duration > t0);
    const afterStart = longTasks.filter((t) => t.start >= steps[0][0]);
    const gaps = steps.slice(1).map(([t], i) => t - steps[i][0]);
    return {
      available: true,
      backend: actual,
      detail: reason,
      settings,
      preparingSeconds,
      windowSteps: s1 - s0,
      fromStep: s0,
      toStep: s1,
      seconds,
      stepsPerSec: (s1 - s0) / seconds,
      samplesPerSec: ((s1 - s0) * BATCH) / seconds,
      validationPassesInWindow:
        Math.floor(s1 / STEPS_PER_EPOCH) - Math.floor((s0 - 1) / STEPS_PER_EPOCH),
      counterUpdates: steps.length,
      longestCounterGapMs: Math.max(...gaps),
      longTasks: inWindow.length,
      longTaskMs: inWindow.reduce((sum, t) => sum + t.duration, 0),
      longestTaskMs: Math.max(0, ...inWindow.map((t) => t.duration)),
      longTasksSinceTrain: afterStart.length,
      longTasksError,
      chartPoints: chart.points,
      chartValPoints: chart.valPoints,
      accuracyChartPoints: accChart?.points ?? null,
      errors,
      // Times in ms relative to the window's start, for looking into stalls.
      stepLog: steps.map(([t, s]) => [Math.round(t - t0), s]),
      longTaskLog: longTasks.map((t) => [Math.round(t.start - t0), Math.round(t.duration)]),
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (b) The bare tfjs loop (bench/bare), in a dedicated worker.

async function buildBare() {
  await build({
    configFile: false,
    root: join(here, 'bare'),
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

async function measureBare(url, backend, plan, variant = 'bare') {
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
    };
    const clicked = Date.now();
    await page.evaluate((r) => window.startBare(r), request);
    const state = await waitFor(
      () => page.evaluate(() => window.__bare),
      (s) => s.status === 'done' || s.status === 'error',
      { what: `bare ${variant} on ${backend}`, timeout: 600_000, interval: 500 },
    );
    if (state.status === 'error') throw new Error(`bare ${variant} on ${backend}: ${state.error}`);
    return { ...state.result, totalSeconds: (Date.now() - clicked) / 1000, errors };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting.

function machine(chromium) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '—';
const LABEL = { webgpu: 'WebGPU (SwiftShader)', webgl: 'WebGL (SwiftShader)', cpu: 'CPU' };

function interpretation(rows) {
  const measured = rows.filter((r) => r.layerlab.available && r.bare.available);
  const lines = [];
  const meet = measured.filter((r) => r.ratio >= GOAL_RATIO && r.layerlab.longTasks === 0);
  const slow = measured.filter((r) => r.ratio < GOAL_RATIO);
  const janky = measured.filter((r) => r.layerlab.longTasks > 0);
  const missing = rows.filter((r) => !r.layerlab.available || !r.bare.available);
  lines.push(
    measured.length === 0
      ? 'No backend could be measured on both sides.'
      : meet.length === measured.length
        ? `The goal is met on every measured backend: LayerLab trains at ${measured
            .map((r) => `${fmt(r.ratio * 100)} %`)
            .join(' / ')} of the bare loop's speed with no main-thread long task while the curves update.`
        : `The goal is met on ${meet.length ? meet.map((r) => LABEL[r.backend]).join(', ') : 'no backend'}.` +
          (slow.length
            ? ` LayerLab is below ${GOAL_RATIO * 100} % of the bare loop on ${slow
                .map((r) => `${LABEL[r.backend]} (${fmt(r.ratio * 100)} %)`)
                .join(', ')}.`
            : '') +
          (janky.length
            ? ` Main-thread long tasks occurred on ${janky
                .map((r) => `${LABEL[r.backend]} (${r.layerlab.longTasks}, longest ${fmt(r.layerlab.longestTaskMs)} ms)`)
                .join(', ')}.`
            : ' No main-thread long task occurred while training.'),
  );
  if (missing.length)
    lines.push(
      `Not measured: ${missing
        .map((r) => `${r.backend} (${r.layerlab.available ? r.bare.detail : r.layerlab.detail})`)
        .join('; ')}.`,
    );
  lines.push(
    'What differs between the two columns, by construction: LayerLab picks each batch by uploading ' +
      '32 shuffled indices and gathering x and y on the device (the bare loop slices a contiguous ' +
      'batch), computes the correct-count from the same forward pass and adds loss and count into ' +
      'device-side sums every step, yields to the worker event loop (a MessageChannel round trip) ' +
      'after every step so that Pause/Stop apply at the next step, evaluates the 800 validation ' +
      `samples at every epoch end (every ${STEPS_PER_EPOCH} steps; the window counts them), and ` +
      'posts one record per read to the page, which draws the curves. Both read the loss back at ' +
      `most every ${READ_EVERY_MS} ms. All of this is per-step JavaScript and small kernels: it ` +
      'weighs most where a step itself is cheap.',
  );
  lines.push(
    'These are software backends on a 2-core machine: WebGPU and WebGL run on SwiftShader on the ' +
      'same two cores as the worker, the page and the browser, so any JavaScript the app adds ' +
      'competes directly with the "GPU". The numbers say little about a real GPU, and a busy ' +
      'machine (see the load average) lowers both columns; compare runs only on the same machine.',
  );
  return lines;
}

function variantsSection() {
  const path = join(RESULTS, 'variants.json');
  if (!existsSync(path)) return [];
  const data = JSON.parse(readFileSync(path, 'utf8'));
  const out = [
    '## Overhead breakdown (`node bench/run.mjs --variants`)',
    '',
    `Measured ${data.date} (${data.machine.cpu}, ${data.machine.cores} cores, load average ` +
      `${data.machine.loadAverageAtStart.join(' ')} at start). Each row is the same worker ` +
      'loop as the bare column with one thing changed; samples/s, and in brackets relative to `bare`.',
    '',
    '- `bare`: the bare loop of the main table (contiguous slice of a device-resident dataset).',
    '- `bare-gather`: the batch is picked by uploading 32 shuffled indices and gathering x and y.',
    "- `trainer`: LayerLab's own `Trainer.runStep` and model builder in the same tight loop (gather, Flatten, correct-count, device-side sums; both sums read back every 250 ms).",
    "- `trainer-yield`: as `trainer`, plus the MessageChannel yield after every step that LayerLab's session loop does.",
    '',
    `| variant | ${data.backends.join(' | ')} |`,
    `| --- | ${data.backends.map(() => '---:').join(' | ')} |`,
  ];
  for (const variant of VARIANTS) {
    const cells = data.backends.map((backend) => {
      const r = data.results.find((x) => x.backend === backend && x.variant === variant);
      const base = data.results.find((x) => x.backend === backend && x.variant === 'bare');
      if (!r?.available) return '—';
      return `${fmt(r.samplesPerSec)} (${fmt((r.samplesPerSec / base.samplesPerSec) * 100)} %)`;
    });
    out.push(`| ${variant} | ${cells.join(' | ')} |`);
  }
  return [...out, ''];
}

async function writeBenchmarks(report) {
  const rows = report.results;
  const m = report.machine;
  const table = [
    '| backend | LayerLab samples/s | bare tfjs samples/s | ratio | long tasks > 50 ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => {
      const a = r.layerlab;
      const b = r.bare;
      return `| ${LABEL[r.backend]} | ${a.available ? fmt(a.samplesPerSec) : `— (${a.detail})`} | ${
        b.available ? fmt(b.samplesPerSec) : `— (${b.detail})`
      } | ${fmt(r.ratio, 2)} | ${a.available ? a.longTasks : '—'} |`;
    }),
  ];
  const windows = rows
    .filter((r) => r.layerlab.available)
    .map(
      (r) =>
        `${LABEL[r.backend]}: steps ${r.layerlab.fromStep}–${r.layerlab.toStep} in ${fmt(r.layerlab.seconds, 1)} s ` +
        `(${r.layerlab.validationPassesInWindow} validation passes; bare: ${r.bare.steps} steps in ${fmt(r.bare.seconds, 1)} s)`,
    );
  const md = [
    '# Benchmarks',
    '',
    "**Goal:** LayerLab's training loop runs at ≥ 0.9 × the throughput of a bare tfjs loop training the same model on the same backend, with zero main-thread long tasks (> 50 ms) while it trains with the curves on screen.",
    '',
    '## Training throughput: MNIST MLP 784-64-64-10, batch 32',
    '',
    ...table,
    '',
    `- **Command:** \`npm run bench\` (builds, then \`node bench/run.mjs\`; the whole run took ${fmt(report.totalSeconds / 60, 1)} min).`,
    `- **Date:** ${report.date}.`,
    `- **Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; headless Chromium ${m.chromium} (\`--enable-unsafe-webgpu\`: WebGPU is SwiftShader, a software adapter; WebGL is ANGLE on SwiftShader). Load average at start: ${m.loadAverageAtStart.join(' ')}.`,
    "- **LayerLab (a):** the built app (`dist/`) served locally; the `mnist-mlp` preset loaded through the UI (Flatten → Dense 64 relu → Dense 64 relu → Dense 10 softmax, Adam lr 0.001, bundled MNIST, 10 % validation), backend forced, batch 32, Train. Steps/s are taken from the on-screen step counter (a MutationObserver timestamps each change) between the first update at or after the warm-up step and the first at or after warm-up + N, with the loss and accuracy curves drawn. Long tasks: a `PerformanceObserver({ type: 'longtask', buffered: true })` installed before the app loads, counted over the same window.",
    "- **Bare tfjs (b):** `bench/bare`, a dedicated worker with a `tf.sequential` of the same three Dense layers (glorotUniform), `tf.train.adam(0.001)`, `optimizer.minimize` on mean categorical cross-entropy, random data of MNIST's shape kept on the device (7,200 samples, contiguous batches), the loss read back every ~250 ms; the same warm-up and N steps, timed inside the worker.",
    `- **Windows:** ${windows.join('; ')}.`,
    '',
    '## Interpretation',
    '',
    ...interpretation(rows).flatMap((line) => [line, '']),
    ...variantsSection(),
    'Raw numbers: `bench/results/latest.json` (not committed); screenshots of each LayerLab run next to it.',
    '',
  ].join('\n');
  const options = (await prettier.resolveConfig(BENCHMARKS_MD)) ?? {};
  writeFileSync(BENCHMARKS_MD, await prettier.format(md, { ...options, parser: 'markdown' }));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('bench: dist/ is missing; run `npm run build` first (or `npm run bench`).');
    process.exit(1);
  }
  mkdirSync(RESULTS, { recursive: true });
  log('building bench/bare');
  await buildBare();
  const app = await serveDist({ root: DIST });
  const bare = await serveDist({ root: BARE_DIST, base: '/bare/' });
  const probe = await launch({ webgpu: true });
  const chromium = probe.version();
  await probe.close();
  const info = machine(chromium);
  log(`${info.cpu} × ${info.cores}, Chromium ${chromium}, load ${info.loadAverageAtStart}`);
  try {
    if (args.variants) {
      const results = [];
      for (const backend of backends) {
        for (const variant of VARIANTS) {
          const result = await measureBare(bare.url, backend, planFor(backend), variant);
          results.push(result);
          log(`${backend} ${variant}: ${fmt(result.samplesPerSec)} samples/s (${result.detail})`);
        }
      }
      const report = {
        date: new Date().toISOString(),
        machine: info,
        backends,
        plan: Object.fromEntries(backends.map((b) => [b, planFor(b)])),
        results,
        totalSeconds: (Date.now() - started) / 1000,
      };
      writeFileSync(join(RESULTS, 'variants.json'), JSON.stringify(report, null, 2));
      log('wrote bench/results/variants.json');
      return;
    }

    const results = [];
    for (const backend of backends) {
      const plan = planFor(backend);
      log(`${backend}: LayerLab, ${plan.warmup} warm-up + ${plan.steps} steps`);
      const a = await measureLayerLab(app.url, backend, plan);
      log(
        a.available
          ? `${backend}: LayerLab ${fmt(a.samplesPerSec)} samples/s, ${a.longTasks} long tasks`
          : `${backend}: LayerLab unavailable (${a.detail})`,
      );
      const b = a.available
        ? await measureBare(bare.url, backend, plan)
        : { available: false, detail: 'skipped: LayerLab could not run this backend' };
      if (a.available)
        log(
          b.available
            ? `${backend}: bare ${fmt(b.samplesPerSec)} samples/s`
            : `${backend}: bare unavailable (${b.detail})`,
        );
      const ratio = a.available && b.available ? a.samplesPerSec / b.samplesPerSec : NaN;
      results.push({ backend, plan, ratio, layerlab: a, bare: b });
    }
    const report = {
      date: new Date().toISOString(),
      command: 'npm run bench',
      goal: { ratio: GOAL_RATIO, longTasks: 0 },
      machine: info,
      results,
      totalSeconds: (Date.now() - started) / 1000,
    };
    writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(report, null, 2));
    await writeBenchmarks({ ...report, date: report.date.slice(0, 10) });
    console.log('\nbackend | LayerLab samples/s | bare samples/s | ratio | long tasks');
    for (const r of results) {
      console.log(
        `${r.backend} | ${fmt(r.layerlab.samplesPerSec)} | ${fmt(r.bare.samplesPerSec)} | ${fmt(r.ratio, 2)} | ${r.layerlab.longTasks ?? '—'}`,
      );
    }
    log('wrote bench/results/latest.json and BENCHMARKS.md');
  } finally {
    await app.close();
    await bare.close();
  }
}

await main();
