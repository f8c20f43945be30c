/**
 * Augmented runs are reproducible: a run resumed (or forked) at step s draws the shifts and
 * rotations the uninterrupted run drew at step s, as dropout masks are (dropoutReproducible).
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../data/random';
import { buildModel } from '../models/builder';
import type { ModelSpec } from '../models/spec';
import { DEFAULT_TRAINING, type TrainingConfig } from '../models/trainingConfig';
import type { AugmentOptions } from './augment';
import { makeSplit, type Split } from './batches';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SIDE = 8;
const SPEC: ModelSpec = {
  version: 1,
  layers: [
    { id: 'f', kind: 'flatten' },
    { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
  ],
};
const CONFIG: TrainingConfig = {
  ...DEFAULT_TRAINING,
  optimizer: 'sgd',
  learningRate: 0.5,
  loss: 'categoricalCrossentropy',
  batchSize: 16,
  validationSplit: 0,
  seed: 9,
};
const AUGMENT: AugmentOptions = { shift: true, rotate: true, flip: false };

const disposers: (() => void)[] = [];
afterEach(() => {
  while (disposers.length > 0) disposers.pop()?.();
});

/** 64 random 8×8 images; class 1 when the left half is brighter. */
function images(): Split {
  const random = createRandom(4);
  const count = 64;
  const x = new Float32Array(count * SIDE * SIDE).map(() => random());
  const y = new Int32Array(count).map((_, n) => {
    let left = 0;
    for (let i = 0; i < SIDE * SIDE; i++) {
      left += (i % SIDE < SIDE / 2 ? 1 : -1) * (x[n * SIDE * SIDE + i] ?? 0);
    }
    return left > 0 ? 1 : 0;
  });
  return makeSplit({ x, y, count }, [SIDE, SIDE, 1], 2, 2);
}

function trainerFor(augment: AugmentOptions | null): { model: tf.LayersModel; t: Trainer } {
  const model = buildModel(SPEC, [SIDE, SIDE, 1], CONFIG.seed);
  const t = new Trainer(model, CONFIG, images(), null, augment);
  disposers.push(() => {
    t.dispose();
    model.dispose();
  });
  return { model, t };
}

async function train(t: Trainer, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) t.runStep();
  const pending = t.drainMetrics();
  tf.dispose([pending?.lossSum, pending?.correctSum]);
}

async function weightsOf(model: tf.LayersModel): Promise<number[]> {
  const parts = await Promise.all(model.trainableWeights.map((w) => w.read().data()));
  return parts.flatMap((p) => Array.from(p));
}

describe('reproducible augmentation', () => {
  it('a run resumed at step 6 draws the augmentations the uninterrupted run drew', async () => {
    const whole = trainerFor(AUGMENT);
    await train(whole.t, 10);

    const first = trainerFor(AUGMENT);
    await train(first.t, 6);
    const resumed = trainerFor(AUGMENT);
    resumed.model.setWeights(first.model.getWeights());
    resumed.t.restoreProgress(6);
    await train(resumed.t, 4);

    // Plain SGD has no state besides the weights, so equal draws mean equal weights.
    const [expected, actual] = await Promise.all([
      weightsOf(whole.model),
      weightsOf(resumed.model),
    ]);
    expect(actual).toHaveLength(expected.length);
    actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 6));
  });

  it('the augmentation changes the images: without it the same seed trains other weights', async () => {
    const augmented = trainerFor(AUGMENT);
    await train(augmented.t, 4);
    const plain = trainerFor(null);
    await train(plain.t, 4);
    const [a, b] = await Promise.all([weightsOf(augmented.model), weightsOf(plain.model)]);
    expect(a.some((v, i) => Math.abs(v - (b[i] ?? NaN)) > 1e-4)).toBe(true);
  });
});
