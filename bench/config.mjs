// What the main bench measures and where its results go: shared by bench/measure and bench/report.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..');
export const DIST = join(ROOT, 'dist');
export const BARE_ROOT = join(here, 'bare');
export const RESULTS = join(here, 'results');
export const BARE_DIST = join(RESULTS, 'bare-dist');
export const BENCHMARKS_MD = join(ROOT, 'BENCHMARKS.md');

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];
/** Issue 17's target: LayerLab's best row at least this share of PyTorch's (CPU, one thread). */
export const GOAL_TORCH_RATIO = 0.5;
export const BATCH = 32;
/** LayerLab's 'mnist-mlp' preset: 60,000 MNIST samples, 10 % held out → 54,000 / 32 steps. */
export const STEPS_PER_EPOCH = Math.floor((60_000 * 0.9) / BATCH);
export const READ_EVERY_MS = 250;
export const MAX_STEPS_AHEAD = 64;
export const GOAL_RATIO = 0.9;
/**
 * Steps per backend, the same for LayerLab and the bare loop. The warm-up steps (shader
 * compilation, buffer pools, the first reads) are discarded; each measured window takes about
 * 15–20 s here (WebGPU ~250, WebGL ~1,100, WASM ~3,000, CPU ~900 samples/s), 30–40 s per side with two rounds.
 */
const PLAN = {
  webgpu: { warmup: 30, steps: 120 },
  webgl: { warmup: 60, steps: 700 },
  wasm: { warmup: 60, steps: 1400 },
  cpu: { warmup: 60, steps: 560 },
};
/** `--variants`: from LayerLab as shipped down to the bare loop, one difference at a time. */
export const VARIANTS = [
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

/** A backend's warm-up and measured steps, the measured ones multiplied by `--scale`. */
export function planFor(backend, scale) {
  const plan = PLAN[backend];
  return { warmup: plan.warmup, steps: Math.max(10, Math.round(plan.steps * scale)) };
}
