// (a) LayerLab itself, driven through its UI: samples/s from the on-screen step counter, the
// main-thread long tasks and the CPU each step cost, over a window of steps after a warm-up.
import { typeInto, ui, waitFor } from '../support/assert.mjs';
import { launch, openApp } from '../support/browser.mjs';
import { BATCH, STEPS_PER_EPOCH } from '../config.mjs';
import { perStep, snapshot, usage } from '../cpu.mjs';
import { traceLongTasks } from './taskTrace.mjs';

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
  // What a long task was: Chromium's long-animation-frame entries split a slow frame into script
  // (with each script's source and what invoked it) and style, layout and paint.
  window.__longFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.duration < 50) continue;
        const end = entry.startTime + entry.duration;
        window.__longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          render: entry.renderStart > 0 ? end - entry.renderStart : 0,
          layout: entry.styleAndLayoutStart > 0 ? end - entry.styleAndLayoutStart : 0,
          scripts: entry.scripts.map((s) => ({
            where: `${s.invoker} ${(s.sourceURL ?? '').split('/').pop()}:${s.sourceFunctionName ?? ''}`,
            duration: s.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Older Chromium: long tasks are counted, not explained.
  }
}

/** The long frames of a window in short: script vs render time, and the scripts that cost most. */
function explainFrames(frames) {
  const script = new Map();
  for (const frame of frames) {
    for (const s of frame.scripts) script.set(s.where, (script.get(s.where) ?? 0) + s.duration);
  }
  return {
    count: frames.length,
    renderMs: Math.round(frames.reduce((sum, f) => sum + f.render, 0)),
    layoutMs: Math.round(frames.reduce((sum, f) => sum + f.layout, 0)),
    topScripts: [...script.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([where, ms]) => `${where} ${Math.round(ms)} ms`),
  };
}

/** How long the main thread is traced for the CPU time of its long tasks, after the window. */
const TRACE_SECONDS = 10;

/** Records [performance.now(), step] each time the step counter changes. */
function recordSteps() {
  const element = document.querySelector('[data-testid="step-count"]');
  if (!element) throw new Error('no step counter');
  window.__steps = [[performance.now(), Number(element.textContent)]];
  new MutationObserver(() => {
    window.__steps.push([performance.now(), Number(element.textContent)]);
  }).observe(element, { childList: true, characterData: true, subtree: true });
}

export async function measureLayerLab(
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
    const { steps, longTasks, longTasksError, longFrames } = await page.evaluate(() => ({
      steps: window.__steps,
      longTasks: window.__longTasks,
      longTasksError: window.__longTasksError ?? null,
      longFrames: window.__longFrames ?? [],
    }));
    const chart = await ui.chart(page, 'loss');
    // After the throughput window, so that tracing cannot slow what it measured.
    const traced = await traceLongTasks(browser, page, TRACE_SECONDS);
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
      longFrames: explainFrames(
        longFrames.filter((f) => f.start < t1 && f.start + f.duration > t0),
      ),
      traced,
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
