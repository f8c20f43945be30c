// `npm run bench`: LayerLab's training throughput against a bare tfjs loop, per backend, in
// headless Chromium (WebGPU there is SwiftShader, a software adapter). See bench/README.md.
//
// Usage: node bench/run.mjs [--backends=webgpu,webgl,cpu] [--rounds=2] [--scale=1]
//                          [--variants | --report]
//   --rounds    alternating LayerLab/bare rounds per backend; the best of each side is reported
//   --scale     multiplies the measured step counts (0.2 for a quick smoke run)
//   --variants  instead of the main table, times the steps between the bare loop and LayerLab
//               (see VARIANTS) to attribute LayerLab's overhead; writes bench/results/variants.json,
//               which the next full run summarises in BENCHMARKS.md
//   --report    only rewrites BENCHMARKS.md from bench/results/latest.json and variants.json
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { build } from 'vite';
import { typeInto, ui, waitFor } from '../e2e/assert.mjs';
import { launch, openApp } from '../e2e/browser.mjs';
import { serveDist } from '../e2e/server.mjs';
import { snapshot, usage, waitForQuiet } from './cpu.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');
const DIST = join(ROOT, 'dist');
const RESULTS = join(here, 'results');
const BARE_DIST = join(RESULTS, 'bare-dist');
const BENCHMARKS_MD = join(ROOT, 'BENCHMARKS.md');

const BACKENDS = ['webgpu', 'webgl', 'cpu'];
const BATCH = 32;
/** LayerLab's 'mnist-mlp' preset: 60,000 MNIST samples, 10 % held out → 54,000 / 32 steps. */
const STEPS_PER_EPOCH = Math.floor((60_000 * 0.9) / BATCH);
const READ_EVERY_MS = 250;
const MAX_STEPS_AHEAD = 64;
const GOAL_RATIO = 0.9;
/**
 * Steps per backend, the same for LayerLab and the bare loop. The warm-up steps (shader
 * compilation, buffer pools, the first reads) are discarded; each measured window takes about
 * 15–20 s here (WebGPU ~250, WebGL ~1,100, CPU ~900 samples/s), 30–40 s per side with two rounds.
 */
const PLAN = {
  webgpu: { warmup: 30, steps: 120 },
  webgl: { warmup: 60, steps: 700 },
  cpu: { warmup: 60, steps: 560 },
};
/** `--variants`: from LayerLab as shipped down to the bare loop, one difference at a time. */
const VARIANTS = [
  ['layerlab', 'LayerLab as shipped (the main table)'],
  [
    'layerlab-nocharts',
    'LayerLab with the two charts hidden (`display: none`): no chart rendering on the main thread',
  ],
  [
    'layerlab-noval',
    'as `layerlab-nocharts`, with the validation split set to 0: no validation pass at epoch ends',
  ],
  [
    'trainer-yield',
    "LayerLab's `Trainer.runStep` + the MessageChannel yield after every step, in the bare worker (no session, no validation, no UI)",
  ],
  [
    'trainer',
    "LayerLab's `Trainer.runStep` in a tight loop (the shuffled batch copied on the CPU and uploaded, Flatten, correct-count, device-side sums; both sums read back)",
  ],
  [
    'bare-gather',
    'the bare loop, but batches picked by uploading 32 indices and gathering x and y',
  ],
  ['bare', 'the bare loop of the main table'],
];

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const backends = (args.backends ?? BACKENDS.join(',')).split(',').filter(Boolean);
const scale = Number(args.scale ?? 1);
const rounds = Number(args.rounds ?? 2);
for (const b of backends) if (!BACKENDS.includes(b)) throw new Error(`unknown backend ${b}`);
if (!(scale > 0)) throw new Error('--scale must be a positive number');
if (!(rounds >= 1)) throw new Error('--rounds must be at least 1');

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

async function measureLayerLab(
  url,
  backend,
  plan,
  { hideCharts = false, validation = true, screenshot = null } = {},
) {
  const browser = await launch({ webgpu: true });
  try {
    const { page, errors } = await openApp(browser, url);
    await page.addInitScript(recordLongTasks);
    await page.reload();
    await page.getByTestId('train-button').waitFor();
    if (hideCharts) await page.addStyleTag({ content: 'figure.chart { display: none; }' });

    await page.getByTestId('preset-select').selectOption('mnist-mlp');
    await page.getByTestId('preset-load').click();
    await page.getByTestId('backend-select').selectOption(backend);
    await typeInto(page.getByTestId('batch-input'), String(BATCH));
    await typeInto(page.getByTestId('epochs-input'), '1000');
    if (!validation) await typeInto(page.getByTestId('valsplit-input'), '0');
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
      .textContent({ timeout: 1000 })
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
    const cpuFromStep = await waitFor(
      () => ui.step(page),
      (s) => s >= plan.warmup,
      { what: `step ≥ ${plan.warmup}`, timeout: 300_000, interval: 100 },
    );
    const cpuStart = snapshot();
    const cpuToStep = await waitFor(
      () => ui.step(page),
      (s) => s >= target,
      { what: `step ≥ ${target}`, timeout: 600_000, interval: 100 },
    );
    const cpu = usage(cpuStart, snapshot());
    const { steps, longTasks, longTasksError } = await page.evaluate(() => ({
      steps: window.__steps,
      longTasks: window.__longTasks,
      longTasksError: window.__longTasksError ?? null,
    }));
    const chart = await ui.chart(page, 'loss');
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

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
    return {
      available: true,
      backend: actual,
      detail: reason,
      hideCharts,
      settings,
      preparingSeconds,
      fromStep: s0,
      toStep: s1,
      seconds,
      stepsPerSec: (s1 - s0) / seconds,
      samplesPerSec: ((s1 - s0) * BATCH) / seconds,
      validation,
      validationPassesInWindow: validation
        ? Math.floor(s1 / STEPS_PER_EPOCH) - Math.floor((s0 - 1) / STEPS_PER_EPOCH)
        : 0,
      counterUpdates: steps.filter(([t]) => t >= t0 && t <= t1).length,
      longTasks: inWindow.length,
      // Long tasks during which the step counter changed: a train record reaching the page.
      longTasksWithRecord: inWindow.filter((t) =>
        steps.some(([at]) => at >= t.start && at <= t.start + t.duration + 5),
      ).length,
      longTaskMs: Math.round(inWindow.reduce((sum, t) => sum + t.duration, 0)),
      longestTaskMs: Math.round(Math.max(0, ...inWindow.map((t) => t.duration))),
      longTasksError,
      chartPoints: chart.points,
      cpu,
      cpuMsPerStep: perStep(cpu, cpuToStep - cpuFromStep),
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

/** CPU milliseconds per training step: all of Chromium and by part (see cpu.mjs). */
function perStep(cpu, steps) {
  if (!cpu || !(steps > 0) || !Number.isFinite(cpu.ourMs)) return null;
  const parts = Object.fromEntries(
    Object.entries(cpu.partMs).map(([k, ms]) => [k, Math.round((ms / steps) * 10) / 10]),
  );
  const known = Object.values(cpu.partMs).reduce((a, b) => a + b, 0);
  return {
    total: Math.round((cpu.ourMs / steps) * 10) / 10,
    ...parts,
    rest: Math.round(((cpu.ourMs - known) / steps) * 10) / 10,
  };
}

/** Other processes busier than this (cores) during a measurement make it worth repeating. */
const CONTAMINATED_CORES = 0.35;
/** ...but only while the whole run is younger than this, and at most this often per run. */
let retryUntilMs = 4 * 60_000;
let retriesLeft = 2;

/** One measurement of a variant, after waiting for the rest of the machine to be quiet. */
async function measure(urls, backend, variant, round) {
  const first = await measureOnce(urls, backend, variant, round);
  if (
    !first.available ||
    !(first.cpu?.otherCores > CONTAMINATED_CORES) ||
    Date.now() - started > retryUntilMs ||
    retriesLeft <= 0
  )
    return first;
  retriesLeft -= 1;
  log(`${backend} ${variant} #${round}: other processes were busy; measuring again`);
  const second = await measureOnce(urls, backend, variant, round);
  return second.available && second.samplesPerSec > first.samplesPerSec
    ? { ...second, discarded: [first] }
    : { ...first, discarded: [second] };
}

/** Waiting for a quiet machine is capped per measurement and for the whole run. */
let quietBudgetMs = 60_000;

async function measureOnce(urls, backend, variant, round) {
  const quiet = await waitForQuiet({ maxMs: Math.min(15_000, quietBudgetMs) });
  quietBudgetMs = Math.max(0, quietBudgetMs - quiet.waitedSeconds * 1000);
  const plan = planFor(backend);
  const result = variant.startsWith('layerlab')
    ? await measureLayerLab(urls.app, backend, plan, {
        hideCharts: variant === 'layerlab-nocharts' || variant === 'layerlab-noval',
        validation: variant !== 'layerlab-noval',
        screenshot:
          variant === 'layerlab' && round === 1 ? join(RESULTS, `layerlab-${backend}.png`) : null,
      })
    : await measureBare(urls.bare, backend, plan, variant);
  const other = result.cpu ? `, other processes ${result.cpu.otherCores} cores` : '';
  log(
    result.available
      ? `${backend} ${variant} #${round}: ${fmt(result.samplesPerSec)} samples/s` +
          (variant.startsWith('layerlab') ? `, ${result.longTasks} long tasks` : '') +
          other +
          (quiet.waitedSeconds > 1.5 ? ` (waited ${quiet.waitedSeconds} s for quiet)` : '')
      : `${backend} ${variant} #${round}: unavailable (${result.detail})`,
  );
  return { ...result, variant, round, quietBefore: quiet };
}

const best = (runs) =>
  runs
    .filter((r) => r.available)
    .reduce((a, b) => (a === null || b.samplesPerSec > a.samplesPerSec ? b : a), null);

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

function fmt(n, digits = 0) {
  return Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '—';
}
const LABEL = { webgpu: 'WebGPU (SwiftShader)', webgl: 'WebGL (SwiftShader)', cpu: 'CPU' };
const list = (items) => items.join(', ');

function loadVariants() {
  const path = join(RESULTS, 'variants.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/** Best samples/s of a variant relative to the bare loop, from variants.json. */
function variantRatio(data, backend, variant) {
  const r = best(data.results.filter((x) => x.backend === backend && x.variant === variant));
  const base = best(data.results.filter((x) => x.backend === backend && x.variant === 'bare'));
  return r && base ? r.samplesPerSec / base.samplesPerSec : NaN;
}

function interpretation(rows) {
  const measured = rows.filter((r) => r.layerlab && r.bare);
  const out = [];
  if (measured.length === 0) return ['No backend could be measured on both sides.'];
  const slow = measured.filter((r) => r.ratio < GOAL_RATIO);
  const janky = measured.filter((r) => r.longTasks > 0);
  const summary = [];
  summary.push(
    slow.length === 0
      ? `Throughput meets the goal on every measured backend (ratio ${list(measured.map((r) => fmt(r.ratio, 2)))}).`
      : `Throughput is below the goal on ${list(slow.map((r) => `${LABEL[r.backend]} (${fmt(r.ratio, 2)})`))}` +
          (slow.length < measured.length
            ? ` and meets it on ${list(measured.filter((r) => r.ratio >= GOAL_RATIO).map((r) => `${LABEL[r.backend]} (${fmt(r.ratio, 2)})`))}.`
            : '.'),
  );
  summary.push(
    janky.length === 0
      ? 'No main-thread long task occurred in the measured windows.'
      : `The zero-long-task goal is missed on ${list(janky.map((r) => `${LABEL[r.backend]} (${r.longTasks} in ${fmt(r.windowSeconds)} s, longest ${fmt(r.longestTaskMs)} ms)`))}.`,
  );
  const missing = rows.filter((r) => !r.layerlab || !r.bare);
  if (missing.length) summary.push(`Not measured: ${list(missing.map((r) => r.backend))}.`);
  out.push(summary.join(' '));

  const extra = measured
    .filter((r) => r.layerlab.cpuMsPerStep && r.bare.cpuMsPerStep)
    .map((r) => {
      const a = r.layerlab.cpuMsPerStep;
      const b = r.bare.cpuMsPerStep;
      const d = (k) => fmt(a[k] - b[k], 1);
      return (
        `${LABEL[r.backend]} ${fmt(a.total, 1)} vs ${fmt(b.total, 1)} ms (page main thread ` +
        `${d('pageMain')}, other renderer threads ${d('rendererOther')}, worker ${d('worker')}, ` +
        `GPU process ${d('gpuProcess')})`
      );
    });
  if (extra.length)
    out.push(
      `Where the time goes: per training step, LayerLab used more CPU than the bare loop: ${list(extra)}. ` +
        'The page main thread and other renderer threads are the UI; the GPU process runs the extra ' +
        'work (batch uploads, correct-count, running sums, validation) and also rasterises the page. ' +
        'On two cores every millisecond of it is taken from training.',
    );
  if (janky.length) {
    const runs = measured.flatMap((r) => r.runs.layerlab.filter((x) => x.available));
    const all = runs.reduce((n, x) => n + x.longTasks, 0);
    const atRecords = runs.reduce((n, x) => n + (x.longTasksWithRecord ?? 0), 0);
    out.push(
      `Of the ${all} long tasks, ${atRecords} contained a step-counter update, i.e. they are the ` +
        'task in which a batch of train records reaches the page and React re-renders the counters ' +
        'and both charts (records arrive about four times a second; on WebGPU every one or two ' +
        'seconds, since each read waits for the queued steps). With SwiftShader and the worker ' +
        'keeping both cores busy, that task can exceed 50 ms.',
    );
  }
  const variants = loadVariants();
  if (variants) {
    const rel = (variant) =>
      list(
        variants.backends
          .filter((b) => Number.isFinite(variantRatio(variants, b, variant)))
          .map((b) => `${LABEL[b]} ${fmt(variantRatio(variants, b, variant) * 100)} %`),
      ) || 'not measured';
    const lines = [
      'The overhead breakdown below measures the differences one at a time (relative to the bare ' +
        `loop): LayerLab as shipped ${rel('layerlab')}; with the charts hidden ${rel('layerlab-nocharts')}; ` +
        `also without validation ${rel('layerlab-noval')}; ` +
        `LayerLab's Trainer with its per-step yield in the bare worker ${rel('trainer-yield')}; ` +
        `without the yield ${rel('trainer')}; the bare loop with gathered batches ${rel('bare-gather')}.`,
    ];
    const cpuGather = variants.backends.includes('cpu')
      ? variantRatio(variants, 'cpu', 'bare-gather')
      : NaN;
    if (cpuGather < 0.9)
      lines.push(
        `On the CPU backend the bare loop with gathered batches ran at ${fmt(cpuGather * 100)} % of ` +
          "the one with sliced batches: tfjs-cpu's GatherV2 is a per-element JavaScript loop that " +
          'allocates index arrays for every element (about 2.5 ms for a batch of 32 MNIST images in ' +
          'a worker here, plus the garbage it leaves), whereas a contiguous slice is a zero-copy view; ' +
          'shuffling once per epoch and slicing contiguous batches would avoid it.',
      );
    lines.push(
      'Neighbouring rows that differ by less than about 10 % are within the run-to-run noise.',
    );
    out.push(lines.join(' '));
  }
  out.push(
    'What differs between the two columns by construction: per step, LayerLab copies the 32 ' +
      'shuffled samples on the CPU and uploads that batch (the bare loop slices a contiguous batch of ' +
      'a dataset held on the device), computes the ' +
      'correct-count from the same forward pass and adds loss and count into device-side sums, and ' +
      'yields to the worker event loop so that Pause/Stop apply at the next step; at every epoch end ' +
      `(every ${STEPS_PER_EPOCH} steps) it waits for the queued steps and evaluates the 6,000 ` +
      'validation samples; and the page draws the curves. Both read the loss back at most every ' +
      `${READ_EVERY_MS} ms and let at most ${MAX_STEPS_AHEAD} steps queue up.`,
  );
  out.push(
    'Caveats: these are software backends on a 2-core machine. WebGPU and WebGL run on SwiftShader ' +
      'on the same two cores as the worker, the page and the browser, so anything the app does on ' +
      'the main thread competes directly with the "GPU"; the numbers say little about a real GPU. ' +
      'Throughput here swings by 10–20 % between identical runs even on a quiet machine, and by up ' +
      'to a factor of two when anything else runs, which is why each side is the best of ' +
      'alternating rounds taken after waiting for a quiet machine, with the CPU used by other ' +
      'processes recorded for every round in `bench/results/latest.json`. Read ratios within ' +
      '±0.1 of the goal as "at the goal, within noise".',
  );
  return out;
}

/** Columns of the CPU-time tables: CPU ms per step, in all and by part of Chromium. */
const CPU_HEADER =
  'CPU ms/step: all | training worker | page main thread | other renderer threads | GPU process | rest';
function cpuCells(r) {
  const c = r?.cpuMsPerStep;
  if (!c) return '— | — | — | — | — | —';
  return [c.total, c.worker, c.pageMain, c.rendererOther, c.gpuProcess, c.rest]
    .map((x) => fmt(x, 1))
    .join(' | ');
}

/** "rounds of the bare loop: WebGPU 1, WebGL 3" (variants.json may merge several calls). */
function roundsByBackend(data) {
  const counts = data.backends.map(
    (b) =>
      `${LABEL[b]} ${data.results.filter((r) => r.backend === b && r.variant === 'bare').length}`,
  );
  return `rounds of the bare loop: ${list(counts)}${data.mergedFrom ? `; ${data.mergedFrom.length} runs merged` : ''}`;
}

function variantsSection() {
  const data = loadVariants();
  if (!data) return [];
  const out = [
    '## Overhead breakdown',
    '',
    `From \`node bench/run.mjs --variants\`, ${data.date.slice(0, 10)} (${data.machine.cpu}, ` +
      `${data.machine.cores} cores; ${roundsByBackend(data)}). Samples/s, relative to ` +
      'the bare loop on the same backend (best rounds of each; the `rounds` column says how many), ' +
      'and the CPU time each training step cost in that round. Each variant differs from the next ' +
      'in one respect:',
    '',
    ...VARIANTS.map(([name, what]) => `- \`${name}\`: ${what}.`),
    '',
    `| backend | variant | rounds | samples/s | vs bare | ${CPU_HEADER} |`,
    `| --- | --- | ---: | ---: | ---: | ${CPU_HEADER.split('|')
      .map(() => '---:')
      .join(' | ')} |`,
  ];
  for (const backend of data.backends) {
    const base = best(data.results.filter((x) => x.backend === backend && x.variant === 'bare'));
    for (const [variant] of VARIANTS) {
      const runs = data.results.filter((x) => x.backend === backend && x.variant === variant);
      const r = best(runs);
      if (!r) continue;
      const rel = base ? `${fmt((r.samplesPerSec / base.samplesPerSec) * 100)} %` : '—';
      out.push(
        `| ${LABEL[backend]} | \`${variant}\` | ${runs.length} | ${fmt(r.samplesPerSec)} | ${rel} | ${cpuCells(r)} |`,
      );
    }
  }
  return [...out, ''];
}

async function writeBenchmarks(report) {
  const rows = report.rows;
  const m = report.machine;
  const table = [
    '| backend | LayerLab samples/s | bare tfjs samples/s | ratio | long tasks > 50 ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => {
      const a = r.layerlab ? fmt(r.layerlab.samplesPerSec) : `— (${r.unavailable})`;
      const b = r.bare ? fmt(r.bare.samplesPerSec) : '—';
      const lt = r.layerlab ? `${r.longTasks} in ${fmt(r.windowSeconds)} s` : '—';
      return `| ${LABEL[r.backend]} | ${a} | ${b} | ${fmt(r.ratio, 2)} | ${lt} |`;
    }),
  ];
  const rounds = rows
    .filter((r) => r.layerlab)
    .map(
      (r) =>
        `${LABEL[r.backend]}: LayerLab ${list(r.runs.layerlab.map((x) => fmt(x.samplesPerSec)))}, ` +
        `bare ${list(r.runs.bare.map((x) => fmt(x.samplesPerSec)))} samples/s ` +
        `(${r.plan.warmup} warm-up + ${r.plan.steps} measured steps per round; LayerLab's windows ` +
        `held ${r.layerlab.validationPassesInWindow} validation pass(es) in the best round)`,
    );
  const cpuTable = [
    `| backend | loop | ${CPU_HEADER} |`,
    `| --- | --- | ${CPU_HEADER.split('|')
      .map(() => '---:')
      .join(' | ')} |`,
    ...rows
      .filter((r) => r.layerlab)
      .flatMap((r) => [
        `| ${LABEL[r.backend]} | LayerLab | ${cpuCells(r.layerlab)} |`,
        `| ${LABEL[r.backend]} | bare | ${cpuCells(r.bare)} |`,
      ]),
  ];
  const md = [
    '# Benchmarks',
    '',
    "**Goal:** LayerLab's training loop runs at ≥ 0.9 × the throughput of a bare tfjs loop training the same model on the same backend (ratio ≥ 0.9), with zero main-thread long tasks (> 50 ms) while it trains with the curves on screen.",
    '',
    '## Training throughput: MNIST MLP 784-64-64-10, batch 32',
    '',
    ...table,
    '',
    `- **Command:** \`npm run bench\` (\`npm run build\`, then \`node bench/run.mjs\`, which took ${fmt(report.totalSeconds / 60, 1)} min).`,
    `- **Date:** ${report.date.slice(0, 10)}.`,
    `- **Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; headless Chromium ${m.chromium} with \`--enable-unsafe-webgpu\` (WebGPU is SwiftShader, a software adapter; WebGL is ANGLE on SwiftShader).`,
    "- **LayerLab:** the built app (`dist/`) served locally; the `mnist-mlp` preset loaded through the UI (Flatten → Dense 64 relu → Dense 64 relu → Dense 10 softmax, Adam lr 0.001, bundled MNIST with 10 % validation), backend forced, batch 32, Train. Steps/s come from the on-screen step counter (a MutationObserver timestamps each change) between its first update at or after the warm-up step and its first at or after warm-up + N steps, with the loss and accuracy curves drawn. Long tasks: `PerformanceObserver({ type: 'longtask', buffered: true })` installed before the app loads, counted over the measured windows of all rounds.",
    "- **Bare tfjs:** `bench/bare`, a dedicated worker: `tf.sequential` of the same three Dense layers (glorotUniform), `tf.train.adam(0.001)`, `optimizer.minimize` on mean categorical cross-entropy, random data of MNIST's shape kept on the device (54,000 samples, contiguous batches); the loss is read back every ~250 ms (and at least every 64 steps); the same warm-up and N steps, timed inside the worker.",
    `- **Rounds:** ${report.rounds} alternating LayerLab/bare rounds per backend, each after waiting for the machine to be quiet; the table shows the best round of each side. ${rounds.join('; ')}.`,
    '',
    '### CPU time per training step',
    '',
    'The same best rounds, as CPU milliseconds per step used by Chromium, by part: the dedicated ' +
      "worker's thread (tfjs, and on the CPU backend the kernels themselves), the page's main thread " +
      '(React, the charts), other renderer threads (compositor, garbage collection, compilers), the ' +
      'GPU process (SwiftShader running the WebGPU/WebGL work) and the rest (browser process, ' +
      'this script).',
    '',
    ...cpuTable,
    '',
    '## Interpretation',
    '',
    ...interpretation(rows).flatMap((line) => [line, '']),
    ...variantsSection(),
    'Raw numbers, every round, and screenshots of the LayerLab runs: `bench/results/` (not committed).',
    '',
  ].join('\n');
  // Sections other scripts own (e.g. bench/models.mjs: <!-- models:start --> … <!-- models:end -->)
  // are kept, after this one.
  const previous = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '';
  const kept = previous.match(/<!-- ([\w-]+):start[\s\S]*?<!-- \1:end -->/g) ?? [];
  const options = (await prettier.resolveConfig(BENCHMARKS_MD)) ?? {};
  writeFileSync(
    BENCHMARKS_MD,
    await prettier.format([md.trimEnd(), ...kept].join('\n\n') + '\n', {
      ...options,
      parser: 'markdown',
    }),
  );
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (args.report) {
    const latest = join(RESULTS, 'latest.json');
    if (!existsSync(latest)) throw new Error('no bench/results/latest.json: run the bench first');
    await writeBenchmarks(JSON.parse(readFileSync(latest, 'utf8')));
    log('rewrote BENCHMARKS.md from bench/results/latest.json and variants.json');
    return;
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('bench: dist/ is missing; run `npm run build` first (or `npm run bench`).');
    process.exit(1);
  }
  mkdirSync(RESULTS, { recursive: true });
  log('building bench/bare');
  await buildBare();
  const app = await serveDist({ root: DIST });
  const bare = await serveDist({ root: BARE_DIST, base: '/bare/' });
  const urls = { app: app.url, bare: bare.url };
  const versionCheck = await launch({ webgpu: true });
  const chromium = versionCheck.version();
  await versionCheck.close();
  const info = machine(chromium);
  log(`${info.cpu} × ${info.cores}, Chromium ${chromium}, load average ${info.loadAverageAtStart}`);
  try {
    if (args.variants) {
      // Not bound to the main run's time budget: wait and repeat more to get cleaner numbers.
      retriesLeft = 30;
      retryUntilMs = Infinity;
      quietBudgetMs = 600_000;
      const results = [];
      for (const backend of backends) {
        for (let round = 1; round <= rounds; round++) {
          for (const [variant] of VARIANTS) {
            results.push(await measure(urls, backend, variant, round));
          }
        }
      }
      const report = {
        date: new Date().toISOString(),
        machine: info,
        backends,
        rounds,
        plan: Object.fromEntries(backends.map((b) => [b, planFor(b)])),
        results,
        totalSeconds: (Date.now() - started) / 1000,
      };
      writeFileSync(join(RESULTS, 'variants.json'), JSON.stringify(report, null, 2));
      for (const backend of backends) {
        const base = best(results.filter((r) => r.backend === backend && r.variant === 'bare'));
        for (const [variant] of VARIANTS) {
          const r = best(results.filter((x) => x.backend === backend && x.variant === variant));
          console.log(
            `${backend.padEnd(7)} ${variant.padEnd(18)} ${fmt(r?.samplesPerSec).padStart(6)} samples/s ${fmt(((r?.samplesPerSec ?? NaN) / (base?.samplesPerSec ?? NaN)) * 100).padStart(4)} %`,
          );
        }
      }
      log('wrote bench/results/variants.json');
      return;
    }

    const rows = [];
    for (const backend of backends) {
      const runs = { layerlab: [], bare: [] };
      let unavailable = null;
      for (let round = 1; round <= rounds && !unavailable; round++) {
        const a = await measure(urls, backend, 'layerlab', round);
        runs.layerlab.push(a);
        if (!a.available) {
          unavailable = a.detail;
          break;
        }
        const b = await measure(urls, backend, 'bare', round);
        runs.bare.push(b);
        if (!b.available) unavailable = b.detail;
      }
      const layerlab = best(runs.layerlab);
      const bareBest = best(runs.bare);
      const measuredRuns = runs.layerlab.filter((r) => r.available);
      rows.push({
        backend,
        plan: planFor(backend),
        unavailable,
        layerlab,
        bare: bareBest,
        ratio: layerlab && bareBest ? layerlab.samplesPerSec / bareBest.samplesPerSec : NaN,
        longTasks: measuredRuns.reduce((sum, r) => sum + r.longTasks, 0),
        longestTaskMs: Math.max(0, ...measuredRuns.map((r) => r.longestTaskMs)),
        windowSeconds: measuredRuns.reduce((sum, r) => sum + r.seconds, 0),
        runs,
      });
    }
    const report = {
      date: new Date().toISOString(),
      command: 'npm run bench',
      goal: { ratio: GOAL_RATIO, longTasks: 0 },
      machine: info,
      rounds,
      rows,
      totalSeconds: (Date.now() - started) / 1000,
    };
    writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(report, null, 2));
    await writeBenchmarks(report);
    console.log('\nbackend | LayerLab samples/s | bare samples/s | ratio | long tasks > 50 ms');
    for (const r of rows) {
      console.log(
        `${r.backend} | ${fmt(r.layerlab?.samplesPerSec)} | ${fmt(r.bare?.samplesPerSec)} | ${fmt(r.ratio, 2)} | ${r.layerlab ? `${r.longTasks} in ${fmt(r.windowSeconds)} s` : '—'}`,
      );
    }
    log('wrote bench/results/latest.json and BENCHMARKS.md');
  } finally {
    await app.close();
    await bare.close();
  }
}

await main();
