// Rewrites BENCHMARKS.md from a main-table report (bench/results/latest.json's content), keeping
// the sections other scripts own.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { BENCHMARKS_MD } from '../config.mjs';
import { GOAL_TORCH_RATIO } from '../config.mjs';
import { cpuCells, CPU_HEADER, fmt, LABEL, list, torchComparison } from './format.mjs';
import { interpretation } from './interpretation.mjs';
import { variantsSection } from './variants.mjs';

export async function writeBenchmarks(report) {
  const rows = report.rows;
  const m = report.machine;
  const table = [
    '| backend | LayerLab samples/s | bare tfjs samples/s | ratio | long tasks > 50 ms | traced: long / long on CPU |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => {
      const a = r.layerlab ? fmt(r.layerlab.samplesPerSec) : `— (${r.unavailable})`;
      const b = r.bare ? fmt(r.bare.samplesPerSec) : '—';
      const lt = r.layerlab ? `${r.longTasks} in ${fmt(r.windowSeconds)} s` : '—';
      const tr = r.traced
        ? `${r.traced.longTasks} / ${r.traced.cpuLongTasks} in ${r.traced.seconds} s (CPU ≤ ${r.traced.longestCpuMs} ms)`
        : '—';
      return `| ${LABEL[r.backend]} | ${a} | ${b} | ${fmt(r.ratio, 2)} | ${lt} | ${tr} |`;
    }),
  ];
  const torch = report.torch;
  const vs = torchComparison(rows, torch);
  const torchLine = vs
    ? `- **PyTorch reference:** ${fmt(torch.samplesPerSec)} samples/s (\`/usr/bin/python3 bench/torch/mnist_mlp.py\`, run by the bench: the same 784-64-64-10 MLP, Adam lr 0.001, batch ${torch.batch}, the bundled MNIST, CPU, ${torch.threads} thread, torch ${torch.torch}, ${torch.warmup} warm-up + ${torch.steps} measured steps). LayerLab's fastest row, ${LABEL[vs.best.backend]}, is **${fmt(vs.ratio, 2)}×** of it (issue 17's goal: ≥ ${GOAL_TORCH_RATIO}×).`
    : `- **PyTorch reference:** not measured (${torch?.detail ?? 'this report predates it'}).`;
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
    torchLine,
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
