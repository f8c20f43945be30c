/**
 * The layer types in real training: each weighted layer type (and each block) trains with the
 * Trainer of the worker without leaking tensors between steps; L1/L2 penalties reach the loss; a
 * transformer model with a positional embedding survives save/load. (Learning curves on the
 * sequence tasks: sequenceTraining.slow.test.ts.)
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset, type DatasetInfo } from '../data/datasets';
import { createRandom } from '../data/random';
import { generateSequenceTask } from '../data/sequences';
import type { LabelledData } from '../data/types';
import { makeSplit, sliceBatch, type Split } from './batches';
import { Trainer } from './trainer';
import { analyzeInEnglish } from '../models/testing/englishAnalysis';
import { buildModel } from '../models/builder';
import type { LayerOf, LayerSpec, ModelSpec } from '../models/spec';
import { DEFAULT_TRAINING, type TrainingConfig } from '../models/trainingConfig';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const REVERSE = builtinDataset('reverse');
const [T = 8] = REVERSE.inputShape;
const VOCAB = REVERSE.classes.length;

/** Small images for the convolution layers: [6, 6, 2], 3 classes. */
const IMAGES: DatasetInfo = {
  id: 'mnist',
  name: 'tiny images',
  inputShape: [6, 6, 2],
  classes: ['a', 'b', 'c'],
  origin: 'builtin',
  kind: 'images',
  task: 'classification',
  inputIsTokens: false,
};

const CONFIG: TrainingConfig = {
  ...DEFAULT_TRAINING,
  optimizer: 'adam',
  learningRate: 0.01,
  loss: 'categoricalCrossentropy',
  batchSize: 8,
  validationSplit: 0,
  seed: 1,
};

/** The reversal task on the device, one one-hot label per time step: y [count, T, vocab]. */
function sequenceSplit(id: 'reverse' | 'sort', count: number, seed: number): Split {
  const data = generateSequenceTask(id, count, T, VOCAB, seed);
  const split = makeSplit(data, REVERSE.inputShape, VOCAB, VOCAB);
  expect(split.labelsPerSample).toBe(T);
  return split;
}

function imageSplit(count: number, seed: number): Split {
  const random = createRandom(seed);
  const size = 6 * 6 * 2;
  const data: LabelledData = {
    x: Float32Array.from({ length: count * size }, () => random()),
    y: Int32Array.from({ length: count }, () => Math.floor(random() * 3)),
    count,
  };
  return makeSplit(data, IMAGES.inputShape, 3, 3);
}

/** Reads and disposes the pending metrics, as the session does: the mean loss per step. */
async function drainLoss(trainer: Trainer): Promise<number> {
  const pending = trainer.drainMetrics();
  if (!pending) throw new Error('no pending metrics');
  try {
    const [lossSum = NaN] = await pending.lossSum.data();
    return lossSum / pending.batches;
  } finally {
    pending.lossSum.dispose();
    pending.correctSum.dispose();
  }
}

interface Run {
  model: tf.LayersModel;
  trainer: Trainer;
  train: Split;
  dispose(): void;
}

const live: Run[] = [];
afterEach(() => {
  while (live.length > 0) live.pop()?.dispose();
});

function start(
  model: ModelSpec,
  dataset: DatasetInfo,
  train: Split,
  config: TrainingConfig = CONFIG,
): Run {
  const built = buildModel(model, dataset.inputShape, config.seed);
  const trainer = new Trainer(built, config, train, null);
  const run: Run = {
    model: built,
    trainer,
    train,
    dispose() {
      trainer.dispose();
      built.dispose();
      const i = live.indexOf(run);
      if (i >= 0) live.splice(i, 1);
    },
  };
  live.push(run);
  return run;
}

const embed = (outputDim = 8): LayerOf<'embedding'> => ({
  id: 'e',
  kind: 'embedding',
  inputDim: VOCAB,
  outputDim,
});
const readout: LayerSpec = { id: 'out', kind: 'dense', units: VOCAB, activation: 'softmax' };
const conv: LayerSpec = {
  id: 'c',
  kind: 'conv2d',
  filters: 4,
  kernelSize: 3,
  strides: 1,
  padding: 'same',
  activation: 'relu',
};
const classify: LayerSpec[] = [
  { id: 'f', kind: 'flatten' },
  { id: 'cls', kind: 'dense', units: 3, activation: 'softmax' },
];

interface TrainCase {
  name: string;
  data: 'sequence' | 'image';
  layers: LayerSpec[];
}

const TRAIN_CASES: TrainCase[] = [
  {
    name: 'dense on a sequence',
    data: 'sequence',
    layers: [embed(), { id: 'd', kind: 'dense', units: 8, activation: 'gelu' }, readout],
  },
  { name: 'conv2d', data: 'image', layers: [conv, ...classify] },
  {
    name: 'avgpool2d',
    data: 'image',
    layers: [
      conv,
      { id: 'p', kind: 'avgpool2d', poolSize: 2, strides: 2, padding: 'valid' },
      ...classify,
    ],
  },
  {
    name: 'maxpool2d + globalavgpool2d',
    data: 'image',
    layers: [
      conv,
      { id: 'p', kind: 'maxpool2d', poolSize: 2, strides: 1, padding: 'same' },
      { id: 'g', kind: 'globalavgpool2d' },
      { id: 'cls', kind: 'dense', units: 3, activation: 'softmax' },
    ],
  },
  {
    name: 'batchnorm',
    data: 'image',
    layers: [conv, { id: 'b', kind: 'batchnorm', momentum: 0.9, epsilon: 0.001 }, ...classify],
  },
  {
    name: 'layernorm',
    data: 'sequence',
    layers: [embed(), { id: 'n', kind: 'layernorm', epsilon: 0.001 }, readout],
  },
  { name: 'embedding', data: 'sequence', layers: [embed(), readout] },
  {
    name: 'simplernn',
    data: 'sequence',
    layers: [embed(), { id: 'r', kind: 'simplernn', units: 8, returnSequences: true }, readout],
  },
  {
    name: 'lstm',
    data: 'sequence',
    layers: [embed(), { id: 'r', kind: 'lstm', units: 8, returnSequences: true }, readout],
  },
  {
    name: 'gru',
    data: 'sequence',
    layers: [embed(), { id: 'r', kind: 'gru', units: 8, returnSequences: true }, readout],
  },
  {
    name: 'attention (causal, with dropout)',
    data: 'sequence',
    layers: [
      embed(),
      { id: 'a', kind: 'attention', numHeads: 2, keyDim: 4, causal: true, dropout: 0.1 },
      readout,
    ],
  },
  {
    name: 'positional (learned)',
    data: 'sequence',
    layers: [embed(), { id: 'p', kind: 'positional', mode: 'learned', maxLength: 10 }, readout],
  },
  {
    name: 'positional (sinusoidal)',
    data: 'sequence',
    layers: [embed(), { id: 'p', kind: 'positional', mode: 'sinusoidal', maxLength: 8 }, readout],
  },
  {
    name: 'add',
    data: 'sequence',
    layers: [
      embed(),
      { id: 'd', kind: 'dense', units: 8, activation: 'tanh' },
      { id: 'm', kind: 'add', from: 'e' },
      readout,
    ],
  },
  {
    name: 'concatenate',
    data: 'sequence',
    layers: [
      embed(),
      { id: 'd', kind: 'dense', units: 4, activation: 'relu' },
      { id: 'm', kind: 'concatenate', from: 'e' },
      readout,
    ],
  },
  {
    name: 'residual block (dense)',
    data: 'sequence',
    layers: [
      embed(),
      { id: 'rb', kind: 'residualblock', variant: 'dense', width: 8, activation: 'leakyRelu' },
      readout,
    ],
  },
  {
    name: 'residual block (conv)',
    data: 'image',
    layers: [
      conv,
      { id: 'rb', kind: 'residualblock', variant: 'conv', width: 4, activation: 'relu' },
      ...classify,
    ],
  },
  {
    name: 'transformer block',
    data: 'sequence',
    layers: [
      embed(),
      { id: 'p', kind: 'positional', mode: 'learned', maxLength: 8 },
      {
        id: 'tb',
        kind: 'transformerblock',
        numHeads: 2,
        keyDim: 4,
        ffUnits: 16,
        dropout: 0.1,
        causal: false,
      },
      readout,
    ],
  },
  {
    name: 'L1/L2 penalties on dense, embedding and lstm kernels',
    data: 'sequence',
    layers: [
      { ...embed(), l2: 0.001 },
      { id: 'r', kind: 'lstm', units: 8, returnSequences: true, l1: 0.001 },
      { id: 'd', kind: 'dense', units: 8, activation: 'relu', l1: 0.001, l2: 0.001 },
      readout,
    ],
  },
];

describe('sequence data on the device', () => {
  it('a batch keeps one one-hot label per time step: y [count, T, vocab]', async () => {
    const data = generateSequenceTask('sort', 6, T, VOCAB, 4);
    const batch = sliceBatch(makeSplit(data, REVERSE.inputShape, VOCAB, VOCAB), 0, 6);
    const labels = tf.argMax(batch.y, -1);
    try {
      expect(batch.x.shape).toEqual([6, T]);
      expect(batch.y.shape).toEqual([6, T, VOCAB]);
      expect(Array.from(await labels.data())).toEqual(Array.from(data.y));
      expect(Array.from(await batch.x.data())).toEqual(Array.from(data.x));
    } finally {
      tf.dispose([batch.x, batch.y, labels]);
    }
  });
});

describe('every layer type trains in the Trainer without leaking tensors', () => {
  it.each(TRAIN_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dataset = c.data === 'sequence' ? REVERSE : IMAGES;
    const model: ModelSpec = { version: 1, layers: c.layers };
    // A valid design for its dataset: the Train button would be enabled.
    expect(analyzeInEnglish(model, dataset, CONFIG).blockingReason).toBeNull();

    const before = tf.memory().numTensors;
    const train = c.data === 'sequence' ? sequenceSplit('reverse', 32, 3) : imageSplit(32, 3);
    const run = start(model, dataset, train);
    const { trainer } = run;
    expect(trainer.labelsPerSample).toBe(c.data === 'sequence' ? T : 1);

    while (trainer.step < 3) trainer.runStep();
    const early = await drainLoss(trainer);
    const at3 = tf.memory().numTensors;
    while (trainer.step < 13) trainer.runStep();
    const late = await drainLoss(trainer);
    const at13 = tf.memory().numTensors;

    expect(at13).toBe(at3);
    expect(Number.isFinite(early)).toBe(true);
    expect(Number.isFinite(late)).toBe(true);
    expect(early).toBeGreaterThan(0);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('L1/L2 penalties', () => {
  const withPenalty = (penalty: { l1?: number; l2?: number }): ModelSpec => ({
    version: 1,
    layers: [
      embed(),
      { id: 'd', kind: 'dense', units: 8, activation: 'relu', ...penalty },
      readout,
    ],
  });

  /** The loss of the first step (taken before the update) and the initial kernel of 'd'. */
  async function firstStep(model: ModelSpec) {
    const run = start(model, REVERSE, sequenceSplit('reverse', 32, 5));
    const kernel = await run.model.getLayer('dense_2').getWeights()[0]!.data();
    run.trainer.runStep();
    const loss = await drainLoss(run.trainer);
    run.dispose();
    return { loss, kernel: Array.from(kernel) };
  }

  it('l2 = 0.1 on a Dense kernel adds 0.1·Σw² to the training loss, at the same seed', async () => {
    const plain = await firstStep(withPenalty({ l2: 0 }));
    const penalised = await firstStep(withPenalty({ l2: 0.1 }));
    expect(penalised.kernel).toEqual(plain.kernel); // same seed, same starting weights
    const sumSquares = plain.kernel.reduce((s, w) => s + w * w, 0);
    expect(sumSquares).toBeGreaterThan(0);
    expect(penalised.loss).toBeGreaterThan(plain.loss);
    expect(penalised.loss - plain.loss).toBeCloseTo(0.1 * sumSquares, 4);
  });

  it('l1 = 0.1 adds 0.1·Σ|w|', async () => {
    const plain = await firstStep(withPenalty({}));
    const penalised = await firstStep(withPenalty({ l1: 0.1 }));
    const sumAbs = plain.kernel.reduce((s, w) => s + Math.abs(w), 0);
    expect(penalised.loss - plain.loss).toBeCloseTo(0.1 * sumAbs, 4);
  });

  it('model.calculateLosses() holds exactly the penalty terms', async () => {
    const plain = buildModel(withPenalty({ l2: 0 }), REVERSE.inputShape, 1);
    const penalised = buildModel(withPenalty({ l2: 0.1 }), REVERSE.inputShape, 1);
    try {
      expect(tf.tidy(() => plain.calculateLosses().length)).toBe(0);
      const total = tf.tidy(() => tf.addN(penalised.calculateLosses()));
      const kernel = await penalised.getLayer('dense_2').getWeights()[0]!.data();
      const expected = 0.1 * Array.from(kernel).reduce((s, w) => s + w * w, 0);
      expect((await total.data())[0]).toBeCloseTo(expected, 5);
      total.dispose();
    } finally {
      plain.dispose();
      penalised.dispose();
    }
  });
});

describe('save and load', () => {
  it.each(['learned', 'sinusoidal'] as const)(
    'a transformer block model with a %s positional embedding round-trips with identical predictions',
    async (mode) => {
      const model: ModelSpec = {
        version: 1,
        layers: [
          embed(16),
          { id: 'p', kind: 'positional', mode, maxLength: 12 },
          {
            id: 'tb',
            kind: 'transformerblock',
            numHeads: 2,
            keyDim: 8,
            ffUnits: 32,
            dropout: 0.1,
            causal: true,
          },
          readout,
        ],
      };
      const run = start(model, REVERSE, sequenceSplit('reverse', 32, 2));
      // A few steps, so the weights are no longer the seeded initial ones.
      for (let i = 0; i < 3; i++) run.trainer.runStep();
      await drainLoss(run.trainer);

      const saved: { artifacts: tf.io.ModelArtifacts | null } = { artifacts: null };
      await run.model.save(
        tf.io.withSaveHandler(async (artifacts) => {
          saved.artifacts = artifacts;
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
      if (!saved.artifacts) throw new Error('nothing saved');
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved.artifacts));
      const x = sliceBatch(sequenceSplit('sort', 5, 9), 0, 5);
      try {
        expect(loaded.countParams()).toBe(run.model.countParams());
        expect(loaded.layers.map((l) => l.getClassName())).toEqual(
          run.model.layers.map((l) => l.getClassName()),
        );
        const diff = tf.tidy(() =>
          tf.max(
            tf.abs(tf.sub(run.model.predict(x.x) as tf.Tensor, loaded.predict(x.x) as tf.Tensor)),
          ),
        );
        expect((await diff.data())[0]).toBeLessThan(1e-6);
        diff.dispose();
      } finally {
        tf.dispose([x.x, x.y]);
        loaded.dispose();
      }
    },
  );
});
