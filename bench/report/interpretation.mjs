// The "Interpretation" paragraphs of BENCHMARKS.md, from the main table's rows and variants.json.
import { GOAL_RATIO, MAX_STEPS_AHEAD, READ_EVERY_MS, STEPS_PER_EPOCH } from '../config.mjs';
import { fmt, LABEL, list } from './format.mjs';
import { loadVariants, variantRatio } from './results.mjs';

export function interpretation(rows) {
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
  const traced = janky.filter((r) => r.traced && r.traced.longTasks > 0);
  if (traced.length > 0) {
    const own = traced.filter((r) => r.traced.cpuLongTasks > 0);
    summary.push(
      own.length === 0
        ? `The trace taken after each window explains them: on ${list(traced.map((r) => `${LABEL[r.backend]} (longest ${r.traced.longestCpuMs} ms CPU)`))} no long task had 50 ms of CPU time; the page's thread spent the rest of each waiting for a core the software GPU and the training worker held.`
        : `The trace taken after each window finds tasks long on CPU time alone on ${list(own.map((r) => `${LABEL[r.backend]} (${r.traced.cpuLongTasks}, longest ${r.traced.longestCpuMs} ms CPU)`))}: the page's own work.`,
    );
  }
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
