import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { splitValidation } from '../data/split';
import { generateToy2d } from '../data/toy2d';
import { buildModel } from '../models/builder';
import type { ModelSpec } from '../models/spec';
import {
  DEFAULT_TRAINING,
  OPTIMIZERS,
  type OptimizerName,
  type TrainingConfig,
} from '../models/trainingConfig';
import { computeLoss, countCorrect } from '../models/losses';
import { makeSplit, sliceBatch, type Split } from './batches';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const XOR_MLP: ModelSpec = {
  version: 1,
  layers: [
    { id: 'h', kind: 'dense', units: 8, activation: 'tanh' },
    { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
  ],
};

const XOR_CONFIG: TrainingConfig = {
  ...DEFAULT_TRAINING,
  optimizer: 'adam',
  learningRate: 0.05,
  loss: 'categoricalCrossentropy',
  batchSize: 32,
  validationSplit: 0.2,
};

interface Setup {
  model: tf.LayersModel;
  trainer: Trainer;
  train: Split;
  validation: Split | null;
  dispose(): void;
}

const live: Setup[] = [];
afterEach(() => {
  while (live.length > 0) live.pop()?.dispose();
});

/** XOR (400 clean points from `seed`), split, uploaded, and a Trainer over `spec`. */
function setup(config: Partial<TrainingConfig> = {}, spec: ModelSpec = XOR_MLP): Setup {
  const full = { ...XOR_CONFIG, ...config };
  const data = splitValidation(generateToy2d('xor', 400, 0, full.seed), full.validationSplit);
  const model = buildModel(spec, [2], full.seed);
  const outputs = model.outputs[0]?.shape.at(-1) ?? 2;
  const train = makeSplit(data.train, [2], outputs, 2);
  const validation = data.validation ? makeSplit(data.validation, [2], outputs, 2) : null;
  const trainer = new Trainer(model, full, train, validation);
  const s: Setup = {
    model,
    trainer,
    train,
    validation,
    dispose() {
      trainer.dispose();
      model.dispose();
      const i = live.indexOf(s);
      if (i >= 0) live.splice(i, 1);
    },
  };
  live.push(s);
  return s;
}

/** Reads and disposes the pending metrics, the way the session does: mean loss and accuracy. */
async function drain(
  trainer: Trainer,
): Promise<{ loss: number; accuracy: number; batches: number }> {
  const pending = trainer.drainMetrics();
  if (!pending) throw new Error('no pending metrics');
  try {
    const [[lossSum = NaN], [correct = NaN]] = await Promise.all([
      pending.lossSum.data(),
      pending.correctSum.data(),
    ]);
    return {
      loss: lossSum / pending.batches,
      accuracy: correct / pending.samples,
      batches: pending.batches,
    };
  } finally {
    pending.lossSum.dispose();
    pending.correctSum.dispose();
  }
}

async function weightsOf(model: tf.LayersModel): Promise<number[]> {
  const parts = await Promise.all(model.trainableWeights.map((w) => w.read().data()));
  return parts.flatMap((p) => Array.from(p));
}

/** Mean loss (no penalties) and correct count of the whole split in one forward pass. */
async function referenceScores(model: tf.LayersModel, split: Split): Promise<[number, number]> {
  const scores = tf.tidy(() => {
    const { x, y } = sliceBatch(split, 0, split.count);
    const pred = model.predict(x) as tf.Tensor;
    return tf.stack([computeLoss('categoricalCrossentropy', y, pred), countCorrect(y, pred)]);
  });
  const [loss = NaN, correct = NaN] = await scores.data();
  scores.dispose();
  return [loss, correct];
}

describe('Trainer', () => {
  it('learns XOR: the mean loss falls below 0.1 and validation accuracy is high', async () => {
    const { trainer } = setup({ seed: 42 });
    expect(trainer.stepsPerEpoch).toBe(10); // 320 training points / 32
    for (let i = 0; i < 10; i++) trainer.runStep();
    const first = await drain(trainer);
    for (let i = 0; i < 240; i++) trainer.runStep();
    await drain(trainer);
    for (let i = 0; i < 50; i++) trainer.runStep();
    const last = await drain(trainer);
    expect(last.batches).toBe(50);
    expect(first.loss).toBeGreaterThan(0.3);
    expect(last.loss).toBeLessThan(0.1);
    expect(last.accuracy).toBeGreaterThan(0.95);
    const validation = await trainer.evaluate();
    expect(validation?.loss).toBeLessThan(0.15);
    expect(validation?.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(trainer.step).toBe(300);
    expect(trainer.epoch).toBe(30);
  });

  it('is deterministic for a seed, and another seed gives another run', async () => {
    const run = async (seed: number) => {
      const s = setup({ seed });
      const losses: number[] = [];
      for (let i = 0; i < 5; i++) {
        for (let j = 0; j < 4; j++) s.trainer.runStep();
        losses.push((await drain(s.trainer)).loss);
      }
      const weights = await weightsOf(s.model);
      s.dispose();
      return { losses, weights };
    };
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(a.losses).toEqual(b.losses);
    expect(a.weights).toEqual(b.weights);
    expect(a.losses).not.toEqual(c.losses);
  });

  it('counts steps and epochs, dropping the last partial batch', () => {
    // 400 points, split 0.1 → 360 training points; batch 50 → 7 steps per epoch (10 dropped).
    const { trainer } = setup({ validationSplit: 0.1, batchSize: 50 });
    expect(trainer.stepsPerEpoch).toBe(7);
    for (let i = 0; i < 6; i++) trainer.runStep();
    expect(trainer.epoch).toBe(0);
    trainer.runStep();
    expect(trainer.step).toBe(7);
    expect(trainer.epoch).toBe(1);
    for (let i = 0; i < 7; i++) trainer.runStep();
    expect(trainer.epoch).toBe(2);
  });

  it('metrics cover exactly the steps since the last drain', async () => {
    const { trainer } = setup();
    expect(trainer.drainMetrics()).toBeNull();
    for (let i = 0; i < 3; i++) trainer.runStep();
    const pending = trainer.drainMetrics();
    expect(pending?.batches).toBe(3);
    expect(pending?.samples).toBe(3 * 32);
    const correct = (await pending?.correctSum.data())?.[0] ?? -1;
    expect(Number.isInteger(correct)).toBe(true);
    expect(correct).toBeGreaterThanOrEqual(0);
    expect(correct).toBeLessThanOrEqual(96);
    pending?.lossSum.dispose();
    pending?.correctSum.dispose();
    expect(trainer.drainMetrics()).toBeNull();
    trainer.runStep();
    expect((await drain(trainer)).batches).toBe(1);
  });

  it('refuses a batch larger than the training split', () => {
    const model = buildModel(XOR_MLP, [2], 1);
    const data = generateToy2d('xor', 100, 0, 1);
    const train = makeSplit(data, [2], 2, 2);
    try {
      expect(() => new Trainer(model, { ...XOR_CONFIG, batchSize: 101 }, train, null)).toThrow(
        'Batch size 101 is larger than the 100 training samples: lower the batch size.',
      );
      const ok = new Trainer(model, { ...XOR_CONFIG, batchSize: 100 }, train, null);
      expect(ok.stepsPerEpoch).toBe(1);
      ok.dispose();
    } finally {
      model.dispose();
    }
  });

  it('evaluates in fixed batches, including a split smaller than one batch', async () => {
    const small = setup({ validationSplit: 0.05, batchSize: 32 }); // 20 validation points
    const result = await small.trainer.evaluate();
    expect(result).not.toBeNull();
    expect(result?.accuracy).toBeGreaterThanOrEqual(0);
    expect(result?.accuracy).toBeLessThanOrEqual(1);
    expect(result?.loss).toBeGreaterThan(0);
    // Accuracy is a multiple of 1/20: all 20 points in one batch.
    expect(
      Math.abs((result?.accuracy ?? 0) * 20 - Math.round((result?.accuracy ?? 0) * 20)),
    ).toBeLessThan(1e-6);
    const none = setup({ validationSplit: 0 });
    expect(none.validation).toBeNull();
    expect(await none.trainer.evaluate()).toBeNull();
  });

  it('scores every sample of a split, the leftover ones in one more batch of the same shape', async () => {
    const { trainer, model, validation } = setup({ seed: 8 }); // 80 points: 2 batches of 32 + 16
    for (let i = 0; i < 30; i++) trainer.runStep();
    await drain(trainer);
    const result = await trainer.evaluate();
    // The reference: the whole split in one pass.
    const [loss, correct] = await referenceScores(model, validation!);
    expect(result?.count).toBe(80);
    expect(result?.loss).toBeCloseTo(loss, 5);
    expect(result?.accuracy).toBeCloseTo(correct / 80, 6);
  });

  it('adds the L1/L2 penalties to the validation loss, as to the training loss', async () => {
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'h', kind: 'dense', units: 8, activation: 'tanh', l2: 0.01 },
        { id: 'o', kind: 'dense', units: 2, activation: 'softmax', l2: 0.01 },
      ],
    };
    const { trainer, model, validation } = setup({ seed: 8 }, spec);
    const result = await trainer.evaluate();
    const [loss] = await referenceScores(model, validation!);
    const kernels = model.trainableWeights.filter((w) => w.shape.length === 2);
    const squares = await Promise.all(kernels.map((w) => tf.sum(tf.square(w.read())).data()));
    const penalty = 0.01 * squares.reduce((sum, [v = NaN]) => sum + v, 0);
    expect(penalty).toBeGreaterThan(0.01);
    expect(result?.loss).toBeCloseTo(loss + penalty, 5);
  });

  it('learns with one sigmoid output and binary cross-entropy', async () => {
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'h', kind: 'dense', units: 8, activation: 'tanh' },
        { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid' },
      ],
    };
    const { trainer } = setup({ loss: 'binaryCrossentropy', seed: 3 }, spec);
    for (let i = 0; i < 20; i++) trainer.runStep();
    const early = await drain(trainer);
    for (let i = 0; i < 180; i++) trainer.runStep();
    await drain(trainer);
    for (let i = 0; i < 50; i++) trainer.runStep();
    const late = await drain(trainer);
    expect(late.loss).toBeLessThan(early.loss / 2);
    expect(late.accuracy).toBeGreaterThan(0.9);
  });
});

describe('Trainer memory', () => {
  it('holds the same number of tensors after step 10 and after step 100', async () => {
    const { trainer } = setup();
    const countAfter = async (steps: number) => {
      while (trainer.step < steps) trainer.runStep();
      await drain(trainer);
      return tf.memory().numTensors;
    };
    const at10 = await countAfter(10);
    const at50 = await countAfter(50);
    const at100 = await countAfter(100);
    expect(at50).toBe(at10);
    expect(at100).toBe(at10);
    await trainer.evaluate();
    expect(tf.memory().numTensors).toBe(at10);
  });

  it.each(OPTIMIZERS)('%s: disposing the run releases every tensor it made', (optimizer) => {
    const before = tf.memory().numTensors;
    const s = setup({ optimizer });
    for (let i = 0; i < 3; i++) s.trainer.runStep();
    s.trainer.setLearningRate(0.001);
    s.trainer.runStep();
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Trainer.setLearningRate', () => {
  it.each(OPTIMIZERS)(
    '%s: the next step uses the new learning rate',
    async (optimizer: OptimizerName) => {
      const { trainer, model } = setup({ optimizer, learningRate: 0.05 });
      expect(trainer.learningRate).toBe(0.05);
      trainer.runStep(); // creates the optimizer's state with a non-zero step
      trainer.setLearningRate(0);
      expect(trainer.learningRate).toBe(0);
      const before = await weightsOf(model);
      trainer.runStep();
      trainer.runStep();
      expect(await weightsOf(model)).toEqual(before);
      trainer.setLearningRate(0.05);
      trainer.runStep();
      const after = await weightsOf(model);
      expect(after).not.toEqual(before);
      expect(after.every(Number.isFinite)).toBe(true);
      await drain(trainer);
    },
  );

  it('sgd: the update is proportional to the learning rate', async () => {
    const run = async (lr: number) => {
      const s = setup({ optimizer: 'sgd', learningRate: lr, seed: 11 });
      const w0 = await weightsOf(s.model);
      s.trainer.runStep();
      const w1 = await weightsOf(s.model);
      s.dispose();
      return w1.map((v, i) => v - (w0[i] ?? 0));
    };
    const small = await run(0.01);
    const big = await run(0.03);
    const i = small.findIndex((d) => Math.abs(d) > 1e-4);
    expect(i).toBeGreaterThanOrEqual(0);
    expect((big[i] ?? 0) / (small[i] ?? 1)).toBeCloseTo(3, 3);
  });
});
