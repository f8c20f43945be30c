/**
 * Kernel launches per training step, for every preset: LayerLab's Trainer step against a bare
 * `optimizer.minimize` step of the same model on the same batch. On a GPU each launch has a fixed
 * cost, so the launches LayerLab adds (the shuffled batch gathered, the correct-count, the running
 * sums) are what it costs beyond the model itself. Counted with tf.profile on the CPU backend: a
 * kernel there is a dispatch on WebGPU, except the shape-only ones (Reshape, Identity) WebGPU
 * does without one. Prints the table that BENCHMARKS.md reports.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset } from '../data/datasets';
import { computeLoss, createOptimizer } from '../models/losses';
import { PRESETS } from '../models/presets';
import { installCpuKernels } from './kernels/cpuUnsortedSegmentSum';
import { sliceBatch } from './batches';
import { harness, request } from './testing/sessionHarness';

/** Kernels that only relabel a tensor's shape: no dispatch on WebGPU or WebGL. */
const SHAPE_ONLY = new Set(['Reshape', 'Identity', 'ExpandDims', 'Squeeze']);

const rows: string[] = [];

/**
 * The CNN and the recurrent presets take minutes a step on tfjs's CPU backend under load: they are
 * counted when LAUNCHES_ALL=1 is set (BENCHMARKS.md's table), and left out of the test suite.
 */
const SLOW_ON_CPU = new Set(['mnist-cnn', 'reverse-lstm', 'sentiment-lstm', 'char-lstm']);
const COUNTED = PRESETS.map((p) => p.id).filter(
  (id) => process.env.LAUNCHES_ALL === '1' || !SLOW_ON_CPU.has(id),
);

beforeAll(async () => {
  await tf.setBackend('cpu');
  installCpuKernels();
});

afterAll(() => {
  console.info(
    ['preset | LayerLab launches/step | bare launches/step | added', ...rows].join('\n'),
  );
});

const launches = (kernels: { name: string }[]) =>
  kernels.filter((k) => !SHAPE_ONLY.has(k.name)).length;

describe('kernel launches per training step', () => {
  it.each(COUNTED)(
    '%s: LayerLab adds at most 12 launches to a step',
    async (id) => {
      const preset = PRESETS.find((p) => p.id === id)!;
      const h = harness();
      await h.session.handle({
        type: 'start',
        request: request({
          spec: preset.spec,
          dataset: preset.dataset,
          datasetInfo: builtinDataset(preset.dataset.id),
          training: { ...preset.training, backend: 'cpu' },
          pauseAfterFirstStep: true,
        }),
      });
      await h.until(() => h.session.phase === 'paused', 'the first step', 60_000);
      const trainer = h.session.trainer!;
      const model = h.session.model!;
      trainer.runStep(); // the second step: the optimizer's slots exist from here on
      // tf.profile hands back one object that the next profile overwrites: count at once.
      const ours = launches((await tf.profile(() => trainer.runStep())).kernels);
      trainer.drainMetrics()?.lossSum.dispose();

      const split = h.session.currentRun!.trainer.train;
      const { x, y } = sliceBatch(split, 0, preset.training.batchSize);
      const optimizer = createOptimizer(preset.training);
      const minimize = () =>
        optimizer.minimize(() =>
          computeLoss(preset.training.loss, y, model.apply(x, { training: true }) as tf.Tensor),
        );
      const bareStep = () => tf.tidy(() => void minimize());
      bareStep(); // its slots
      const bare = launches((await tf.profile(bareStep)).kernels);
      optimizer.dispose();
      x.dispose();
      y.dispose();
      await h.session.handle({ type: 'reset' });

      rows.push(`${id} | ${ours} | ${bare} | ${ours - bare}`);
      expect(ours - bare).toBeLessThanOrEqual(12);
    },
    120_000,
  );
});
