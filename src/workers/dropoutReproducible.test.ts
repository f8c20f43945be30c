/**
 * Dropout is reproducible: the same seed and settings give the same losses with Dropout layers and
 * attention dropout on, each step draws new masks, and a run resumed at step s draws the masks the
 * uninterrupted run drew.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { splitValidation } from '../data/split';
import { generateToy2d } from '../data/toy2d';
import { buildModel } from '../models/builder';
import { MultiHeadSelfAttention } from '../models/layers/multiHeadSelfAttention';
import { SeededDropout, setDropoutStep } from '../models/layers/seededDropout';
import type { ModelSpec } from '../models/spec';
import { DEFAULT_TRAINING, type TrainingConfig } from '../models/trainingConfig';
import { makeSplit, type Split } from './batches';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** XOR through a dense layer, attention over 4 positions of 2 features, then dropout. */
const SPEC: ModelSpec = {
  version: 1,
  layers: [
    { id: 'h', kind: 'dense', units: 8, activation: 'tanh' },
    { id: 'r', kind: 'reshape', targetShape: [4, 2] },
    { id: 'a', kind: 'attention', numHeads: 2, keyDim: 2, causal: false, dropout: 0.3 },
    { id: 'f', kind: 'flatten' },
    { id: 'd', kind: 'dropout', rate: 0.3 },
    { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
  ],
};

const CONFIG: TrainingConfig = {
  ...DEFAULT_TRAINING,
  optimizer: 'sgd',
  learningRate: 0.1,
  loss: 'categoricalCrossentropy',
  batchSize: 32,
  validationSplit: 0,
};

const disposers: (() => void)[] = [];
afterEach(() => {
  while (disposers.length > 0) disposers.pop()?.();
});

function trainingSplit(seed: number): Split {
  const data = splitValidation(generateToy2d('xor', 320, 0, seed), 0);
  return makeSplit(data.train, [2], 2, 2);
}

function trainerFor(seed: number, spec: ModelSpec = SPEC): { model: tf.LayersModel; t: Trainer } {
  const model = buildModel(spec, [2], seed);
  const t = new Trainer(model, { ...CONFIG, seed }, trainingSplit(seed), null);
  disposers.push(() => {
    t.dispose();
    model.dispose();
  });
  return { model, t };
}

/** The mean loss of each step, read one by one. */
async function stepLosses(t: Trainer, steps: number): Promise<number[]> {
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    t.runStep();
    const pending = t.drainMetrics();
    if (!pending) throw new Error('no pending metrics');
    const [loss = NaN] = await pending.lossSum.data();
    pending.lossSum.dispose();
    pending.correctSum.dispose();
    losses.push(loss);
  }
  return losses;
}

async function weightsOf(model: tf.LayersModel): Promise<number[]> {
  const parts = await Promise.all(model.trainableWeights.map((w) => w.read().data()));
  return parts.flatMap((p) => Array.from(p));
}

describe('reproducible dropout', () => {
  it('two runs with the same seed give identical losses with dropout and attention dropout', async () => {
    const a = await stepLosses(trainerFor(11).t, 12);
    const b = await stepLosses(trainerFor(11).t, 12);
    expect(a).toEqual(b);
    expect(a.every(Number.isFinite)).toBe(true);
  });

  it('the dropout actually drops: without it the same seed gives other losses', async () => {
    const withDropout = await stepLosses(trainerFor(11).t, 6);
    const noDropout: ModelSpec = {
      ...SPEC,
      layers: SPEC.layers.map((l) =>
        l.kind === 'dropout'
          ? { ...l, rate: 0 }
          : l.kind === 'attention'
            ? { ...l, dropout: 0 }
            : l,
      ),
    };
    const without = await stepLosses(trainerFor(11, noDropout).t, 6);
    expect(withDropout).not.toEqual(without);
  });

  it('a run resumed at step 5 draws the masks the uninterrupted run drew', async () => {
    const whole = trainerFor(5);
    await stepLosses(whole.t, 10);

    const first = trainerFor(5);
    await stepLosses(first.t, 5);
    const resumed = trainerFor(5);
    resumed.model.setWeights(first.model.getWeights());
    resumed.t.restoreProgress(5);
    await stepLosses(resumed.t, 5);

    // Plain SGD has no state besides the weights, so equal masks mean equal weights.
    const [expected, actual] = await Promise.all([
      weightsOf(whole.model),
      weightsOf(resumed.model),
    ]);
    expect(actual).toHaveLength(expected.length);
    actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 6));
  });
});

describe('attention dropout', () => {
  it('draws a new mask at each step and the same mask again for the same step', async () => {
    const layer = new MultiHeadSelfAttention({ numHeads: 2, keyDim: 4, dropout: 0.5, seed: 1 });
    const x = tf.randomNormal([2, 5, 8], 0, 1, 'float32', 3);
    const outputAt = async (step: number | null) => {
      if (step !== null) layer.setDropoutStep(step);
      const [y, maps] = layer.apply(x, { training: true }) as tf.Tensor[];
      const values = Array.from(await (y as tf.Tensor).data());
      tf.dispose([y as tf.Tensor, maps as tf.Tensor]);
      return values;
    };
    const step0 = await outputAt(0);
    const step1 = await outputAt(null);
    expect(step1).not.toEqual(step0);
    expect(await outputAt(0)).toEqual(step0);
    x.dispose();
    layer.dispose();
  });
});

describe('SeededDropout', () => {
  const ones = () => tf.ones([1, 400]);

  async function maskAt(layer: SeededDropout, step: number | null): Promise<number[]> {
    if (step !== null) layer.setDropoutStep(step);
    const x = ones();
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    const values = Array.from(await y.data());
    x.dispose();
    y.dispose();
    return values;
  }

  it('draws a new mask at each step and the same mask again for the same step', async () => {
    const layer = new SeededDropout({ rate: 0.5, seed: 3 });
    const step0 = await maskAt(layer, 0);
    const step1 = await maskAt(layer, null); // the counter moved on by itself
    const again0 = await maskAt(layer, 0);
    expect(step1).not.toEqual(step0);
    expect(again0).toEqual(step0);
    // Inverted dropout: kept units are scaled by 1 / (1 - rate); about half are kept.
    expect(new Set(step0)).toEqual(new Set([0, 2]));
    const kept = step0.filter((v) => v > 0).length;
    expect(kept).toBeGreaterThan(150);
    expect(kept).toBeLessThan(250);
  });

  it('is the identity outside training and is saved as a plain Keras Dropout', async () => {
    const model = tf.sequential({
      layers: [new SeededDropout({ rate: 0.4, seed: 1, inputShape: [3] })],
    });
    const x = tf.tensor2d([[1, 2, 3]]);
    const y = model.predict(x) as tf.Tensor;
    expect(Array.from(await y.data())).toEqual([1, 2, 3]);
    const topology = model.toJSON(null, false) as { config: { layers: { class_name: string }[] } };
    expect(topology.config.layers[0]?.class_name).toBe('Dropout');
    // Bare tfjs reads it back as its own Dropout.
    const loaded = await tf.models.modelFromJSON(topology as never);
    expect(loaded.layers[0]?.getClassName()).toBe('Dropout');
    expect((topology.config.layers[0] as { config?: { seed?: unknown } }).config?.seed).toBeNull();
    [x, y].forEach((t) => t.dispose());
    model.dispose();
    loaded.dispose();
  });

  it('setDropoutStep reaches the layers of a model', async () => {
    const layer = new SeededDropout({ rate: 0.5, seed: 9, inputShape: [400] });
    const model = tf.sequential({ layers: [layer] });
    const step4 = await maskAt(layer, 4);
    setDropoutStep(model, 4);
    expect(await maskAt(layer, null)).toEqual(step4);
    model.dispose();
  });

  it('holds no tensors between steps', async () => {
    const { model, t } = trainerFor(2);
    await stepLosses(t, 2);
    const before = tf.memory().numTensors;
    await stepLosses(t, 5);
    expect(tf.memory().numTensors).toBe(before);
    expect(model.layers.some((l) => l instanceof SeededDropout)).toBe(true);
  });
});
