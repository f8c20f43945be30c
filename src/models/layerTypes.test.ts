/**
 * Every layer type against the numbers Keras reports for the same configuration (output shape and
 * parameter count, hard-coded from the Keras formulas stated beside each case), checked through
 * analyzeModel AND through the tfjs model buildModel makes; then the invalid combinations, each
 * with its message on the layer that carries it.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../data/datasets';
import { analyzeInEnglish, type EnglishAnalysis } from './testing/englishAnalysis';
import { buildModel } from './builder';
import { LAYER_TYPES } from './layerRegistry';
import type { LayerSpec, ModelSpec, Shape } from './spec';
import { DEFAULT_TRAINING } from './trainingConfig';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A dataset description for any input shape (the layer checks only read the shape and tokens). */
function inputOf(inputShape: Shape, inputIsTokens = false): DatasetInfo {
  return {
    id: inputIsTokens ? 'reverse' : 'spiral',
    name: 'test input',
    inputShape,
    classes: ['a', 'b'],
    origin: 'builtin',
    kind: inputIsTokens ? 'sequence' : 'points2d',
    task: 'classification',
    inputIsTokens,
  };
}

const spec = (...layers: LayerSpec[]): ModelSpec => ({ version: 1, layers });

/** Output shape (without the batch axis) of a built layer; the first output for multi-output layers. */
function builtShape(layer: tf.layers.Layer): number[] {
  const shape = layer.outputShape;
  const first = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
  return first.slice(1) as number[];
}

interface KerasCase {
  name: string;
  input: Shape;
  tokens?: boolean;
  layers: LayerSpec[];
  /** Keras's output shape of each layer, without the batch dimension. */
  shapes: Shape[];
  /** Keras's parameter count of each layer (model.summary(), trainable + non-trainable). */
  params: number[];
}

const rnn = (
  id: string,
  kind: 'simplernn' | 'lstm' | 'gru',
  units: number,
  returnSequences = false,
): LayerSpec => ({ id, kind, units, returnSequences });

const KERAS_CASES: KerasCase[] = [
  {
    name: 'Dense(16) on a sequence [5, 8] acts on the last axis',
    input: [5, 8],
    layers: [{ id: 'd', kind: 'dense', units: 16, activation: 'relu' }],
    shapes: [[5, 16]],
    // kernel d·units + bias units = 8·16 + 16
    params: [144],
  },
  {
    name: 'Dense(16) on a flat [8]',
    input: [8],
    layers: [{ id: 'd', kind: 'dense', units: 16, activation: 'tanh' }],
    shapes: [[16]],
    params: [144],
  },
  {
    name: 'Conv2D: same padding keeps h×w, valid + stride 2 gives floor((n − k)/s) + 1',
    input: [8, 8, 3],
    layers: [
      {
        id: 'c1',
        kind: 'conv2d',
        filters: 4,
        kernelSize: 3,
        strides: 1,
        padding: 'same',
        activation: 'relu',
      },
      {
        id: 'c2',
        kind: 'conv2d',
        filters: 6,
        kernelSize: 3,
        strides: 2,
        padding: 'valid',
        activation: 'linear',
      },
    ],
    // kernel k·k·c·filters + bias filters: 3·3·3·4 + 4 = 112; 3·3·4·6 + 6 = 222; floor(5/2)+1 = 3
    shapes: [
      [8, 8, 4],
      [3, 3, 6],
    ],
    params: [112, 222],
  },
  {
    name: 'Conv2D(32, 3) on MNIST [28, 28, 1]',
    input: [28, 28, 1],
    layers: [
      {
        id: 'c',
        kind: 'conv2d',
        filters: 32,
        kernelSize: 3,
        strides: 1,
        padding: 'same',
        activation: 'relu',
      },
    ],
    shapes: [[28, 28, 32]], // 3·3·1·32 + 32
    params: [320],
  },
  {
    name: 'AveragePooling2D: valid and same padding, no weights',
    input: [8, 8, 4],
    layers: [
      { id: 'p1', kind: 'avgpool2d', poolSize: 2, strides: 2, padding: 'valid' },
      { id: 'p2', kind: 'avgpool2d', poolSize: 3, strides: 1, padding: 'same' },
      { id: 'p3', kind: 'avgpool2d', poolSize: 3, strides: 2, padding: 'valid' },
    ],
    // valid: floor((8 − 2)/2) + 1 = 4; same: ceil(4/1) = 4; valid: floor((4 − 3)/2) + 1 = 1
    shapes: [
      [4, 4, 4],
      [4, 4, 4],
      [1, 1, 4],
    ],
    params: [0, 0, 0],
  },
  {
    name: 'GlobalAveragePooling1D [10, 16] → [16]',
    input: [10, 16],
    layers: [{ id: 'g', kind: 'globalavgpool1d' }],
    shapes: [[16]],
    params: [0],
  },
  {
    name: 'GlobalAveragePooling2D [7, 7, 64] → [64]',
    input: [7, 7, 64],
    layers: [{ id: 'g', kind: 'globalavgpool2d' }],
    shapes: [[64]],
    params: [0],
  },
  {
    name: 'BatchNormalization on 64 features',
    input: [64],
    layers: [{ id: 'b', kind: 'batchnorm', momentum: 0.99, epsilon: 0.001 }],
    shapes: [[64]],
    // gamma, beta (trainable) + moving_mean, moving_variance (non-trainable): 4·64
    params: [256],
  },
  {
    name: 'BatchNormalization on an image with 64 channels (per channel, last axis)',
    input: [7, 7, 64],
    layers: [{ id: 'b', kind: 'batchnorm', momentum: 0.9, epsilon: 0.001 }],
    shapes: [[7, 7, 64]],
    params: [256],
  },
  {
    name: 'LayerNormalization on 32 features',
    input: [32],
    layers: [{ id: 'n', kind: 'layernorm', epsilon: 0.001 }],
    shapes: [[32]], // gamma + beta: 2·32
    params: [64],
  },
  {
    name: 'LayerNormalization on a sequence [10, 32]',
    input: [10, 32],
    layers: [{ id: 'n', kind: 'layernorm', epsilon: 1e-6 }],
    shapes: [[10, 32]],
    params: [64],
  },
  {
    name: 'Embedding(1000, 16) on [20] token ids',
    input: [20],
    tokens: true,
    layers: [{ id: 'e', kind: 'embedding', inputDim: 1000, outputDim: 16 }],
    shapes: [[20, 16]], // inputDim · outputDim
    params: [16_000],
  },
  {
    name: 'SimpleRNN(32) on [10, 8]',
    input: [10, 8],
    layers: [rnn('r', 'simplernn', 32)],
    // kernel d·u + recurrent u·u + bias u = 32·(8 + 32) + 32
    shapes: [[32]],
    params: [1_312],
  },
  {
    name: 'LSTM(32) on [10, 8]',
    input: [10, 8],
    layers: [rnn('r', 'lstm', 32)],
    shapes: [[32]], // 4 gates · (32·(8 + 32) + 32)
    params: [5_248],
  },
  {
    name: 'LSTM(32, return_sequences) on [10, 8]',
    input: [10, 8],
    layers: [rnn('r', 'lstm', 32, true)],
    shapes: [[10, 32]],
    params: [5_248],
  },
  {
    name: 'GRU(32) on [10, 8] (Keras reset_after=False, as tfjs)',
    input: [10, 8],
    layers: [rnn('r', 'gru', 32)],
    shapes: [[32]], // 3 gates · (32·(8 + 32) + 32)
    params: [3_936],
  },
  {
    name: 'GRU(8, return_sequences) then SimpleRNN(4) stacked',
    input: [6, 3],
    layers: [rnn('g', 'gru', 8, true), rnn('s', 'simplernn', 4)],
    // 3·(8·(3 + 8) + 8) = 288; 4·(8 + 4) + 4 = 52
    shapes: [[6, 8], [4]],
    params: [288, 52],
  },
  {
    name: 'MultiHeadAttention d=16, heads 2, key_dim 8',
    input: [10, 16],
    layers: [{ id: 'a', kind: 'attention', numHeads: 2, keyDim: 8, causal: false, dropout: 0 }],
    // q, k, v: 3·(d·h·k + h·k); output: h·k·d + d. 3·(16·16 + 16) + 16·16 + 16
    shapes: [[10, 16]],
    params: [1_088],
  },
  {
    name: 'MultiHeadAttention d=64, heads 4, key_dim 16 (causal)',
    input: [6, 64],
    layers: [{ id: 'a', kind: 'attention', numHeads: 4, keyDim: 16, causal: true, dropout: 0.1 }],
    shapes: [[6, 64]], // 3·(64·64 + 64) + 64·64 + 64
    params: [16_640],
  },
  {
    name: 'learned positional embedding, maxLength 10, d 16 on exactly 10 steps',
    input: [10, 16],
    layers: [{ id: 'p', kind: 'positional', mode: 'learned', maxLength: 10 }],
    shapes: [[10, 16]], // keras-nlp PositionEmbedding: maxLength · d
    params: [160],
  },
  {
    name: 'learned positional embedding, maxLength 10, d 16 on 7 steps (the table keeps 10 rows)',
    input: [7, 16],
    layers: [{ id: 'p', kind: 'positional', mode: 'learned', maxLength: 10 }],
    shapes: [[7, 16]],
    params: [160],
  },
  {
    name: 'sinusoidal positional embedding has no weights',
    input: [10, 16],
    layers: [{ id: 'p', kind: 'positional', mode: 'sinusoidal', maxLength: 10 }],
    shapes: [[10, 16]],
    params: [0],
  },
  {
    name: 'Add of [T, d] + [T, d] keeps [T, d]',
    input: [6, 8],
    layers: [
      { id: 'd', kind: 'dense', units: 8, activation: 'linear' },
      { id: 'm', kind: 'add', from: 'input' },
    ],
    shapes: [
      [6, 8],
      [6, 8],
    ],
    params: [72, 0],
  },
  {
    name: 'Concatenate of [T, d] and [T, d] gives [T, 2d]',
    input: [6, 8],
    layers: [
      { id: 'd', kind: 'dense', units: 8, activation: 'linear' },
      { id: 'm', kind: 'concatenate', from: 'input' },
    ],
    shapes: [
      [6, 8],
      [6, 16],
    ],
    params: [72, 0],
  },
  {
    name: 'Concatenate of images joins the channels',
    input: [5, 5, 2],
    layers: [
      {
        id: 'c',
        kind: 'conv2d',
        filters: 3,
        kernelSize: 3,
        strides: 1,
        padding: 'same',
        activation: 'relu',
      },
      { id: 'm', kind: 'concatenate', from: 'input' },
    ],
    shapes: [
      [5, 5, 3],
      [5, 5, 5],
    ],
    params: [57, 0], // 3·3·2·3 + 3
  },
  {
    name: 'Reshape [784] → [28, 28], Flatten back, Activation and Dropout keep shapes',
    input: [784],
    layers: [
      { id: 'r', kind: 'reshape', targetShape: [28, 28] },
      { id: 'a', kind: 'activation', activation: 'tanh' },
      { id: 'f', kind: 'flatten' },
      { id: 'o', kind: 'dropout', rate: 0.5 },
    ],
    shapes: [[28, 28], [28, 28], [784], [784]],
    params: [0, 0, 0, 0],
  },
  {
    name: "the seeds' text classifier Embedding(10000,16) → GAP1D → Dense 16 → Dense 1 on [100]",
    input: [100],
    tokens: true,
    layers: [
      { id: 'e', kind: 'embedding', inputDim: 10_000, outputDim: 16 },
      { id: 'g', kind: 'globalavgpool1d' },
      { id: 'h', kind: 'dense', units: 16, activation: 'relu' },
      { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid' },
    ],
    // 10000·16 = 160,000; 0; 16·16 + 16 = 272; 16 + 1 = 17: total 160,289
    shapes: [[100, 16], [16], [16], [1]],
    params: [160_000, 0, 272, 17],
  },
  {
    name: 'an LSTM on MNIST rows after a Reshape [28, 28]',
    input: [28, 28, 1],
    layers: [
      { id: 'r', kind: 'reshape', targetShape: [28, 28] },
      rnn('l', 'lstm', 32),
      { id: 'o', kind: 'dense', units: 10, activation: 'softmax' },
    ],
    // 4·(32·(28 + 32) + 32) = 7,808; 32·10 + 10 = 330
    shapes: [[28, 28], [32], [10]],
    params: [0, 7_808, 330],
  },
  // The seeds' MNIST CNN (421,642) is checked in analyze.test.ts and builder.test.ts.
];

describe('layer types: shapes and parameter counts as Keras reports them', () => {
  it('every layer kind of the registry is covered by a case (blocks in blocks.test.ts)', () => {
    const covered = new Set(KERAS_CASES.flatMap((c) => c.layers.map((l) => l.kind)));
    const missing = Object.keys(LAYER_TYPES).filter(
      (kind) => !covered.has(kind as LayerSpec['kind']) && !kind.endsWith('block'),
    );
    // maxpool2d is covered by analyze.test.ts and builder.test.ts.
    expect(missing).toEqual(['maxpool2d']);
  });

  it.each(KERAS_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dataset = inputOf(c.input, c.tokens ?? false);
    const analysis = analyzeInEnglish(spec(...c.layers), dataset, DEFAULT_TRAINING);
    expect(analysis.layers.map((l) => l.problem)).toEqual(c.layers.map(() => null));
    expect(analysis.layers.map((l) => l.outputShape)).toEqual(c.shapes);
    expect(analysis.layers.map((l) => l.params)).toEqual(c.params);
    const total = c.params.reduce((a, b) => a + b, 0);
    expect(analysis.totalParams).toBe(total);

    const model = buildModel(spec(...c.layers), c.input, 1);
    try {
      expect(model.countParams()).toBe(total);
      const built = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
      expect(built.map(builtShape)).toEqual(c.shapes);
      expect(built.map((l) => l.countParams())).toEqual(c.params);
      expect(builtShape(model.layers[model.layers.length - 1] as tf.layers.Layer)).toEqual(
        c.shapes.at(-1),
      );
    } finally {
      model.dispose();
    }
  });

  it('BatchNormalization: half of its 256 parameters are the non-trainable running statistics', () => {
    const model = buildModel(
      spec({ id: 'b', kind: 'batchnorm', momentum: 0.99, epsilon: 0.001 }),
      [64],
      1,
    );
    try {
      const count = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape[0]!, 0);
      expect(count(model.trainableWeights)).toBe(128);
      expect(count(model.nonTrainableWeights)).toBe(128);
    } finally {
      model.dispose();
    }
  });

  it('LSTM: the forget-gate bias starts at 1 (Keras unit_forget_bias) and dispose frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const model = buildModel(spec(rnn('l', 'lstm', 4)), [3, 2], 1);
    const bias = model.getLayer('lstm_1').getWeights()[2];
    // Gates in Keras's order: input, forget, cell, output.
    expect(Array.from((await bias?.data()) ?? [])).toEqual([
      0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a leakyRelu activation adds a LeakyReLU layer but no parameters', () => {
    const layers: LayerSpec[] = [{ id: 'd', kind: 'dense', units: 4, activation: 'leakyRelu' }];
    const analysis = analyzeInEnglish(spec(...layers), inputOf([3]), DEFAULT_TRAINING);
    expect(analysis.totalParams).toBe(16);
    const model = buildModel(spec(...layers), [3], 1);
    try {
      expect(model.countParams()).toBe(16);
      expect(model.layers.map((l) => l.getClassName())).toEqual([
        'InputLayer',
        'Dense',
        'LeakyReLU',
      ]);
    } finally {
      model.dispose();
    }
  });
});

interface InvalidCase {
  name: string;
  input: Shape;
  tokens?: boolean;
  layers: LayerSpec[];
  /** Index of the layer that must carry the problem. */
  at: number;
  fragments: string[];
}

const dense = (id: string, units: number): LayerSpec => ({
  id,
  kind: 'dense',
  units,
  activation: 'relu',
});

const INVALID_CASES: InvalidCase[] = [
  {
    name: 'Add of mismatched shapes',
    input: [4],
    layers: [dense('a', 8), dense('b', 6), { id: 'm', kind: 'add', from: 'a' }],
    at: 2,
    fragments: ['shapes must match', 'the layer above gives [6]', 'layer 1 gives [8]'],
  },
  {
    name: 'Add of a sequence and the token-free input of another rank',
    input: [6, 8],
    layers: [
      { id: 'g', kind: 'globalavgpool1d' },
      { id: 'm', kind: 'add', from: 'input' },
    ],
    at: 1,
    fragments: ['shapes must match', 'the input gives [6, 8]'],
  },
  {
    name: 'Concatenate with mismatched leading dimensions',
    input: [4, 4, 2],
    layers: [
      {
        id: 'c',
        kind: 'conv2d',
        filters: 4,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'relu',
      },
      { id: 'm', kind: 'concatenate', from: 'input' },
    ],
    at: 1,
    fragments: ['all other dimensions must match', '[2, 2, 4]', '[4, 4, 2]'],
  },
  {
    name: 'a merge whose `from` names a layer below it',
    input: [4],
    layers: [dense('a', 4), { id: 'm', kind: 'add', from: 'c' }, dense('c', 4)],
    at: 1,
    fragments: ['from layer 3', 'not above it', 'cycle'],
  },
  {
    name: 'a merge whose `from` names itself',
    input: [4],
    layers: [dense('a', 4), { id: 'm', kind: 'concatenate', from: 'm' }],
    at: 1,
    fragments: ['not above it', 'cycle'],
  },
  {
    name: 'a merge whose `from` names a missing id',
    input: [4],
    layers: [dense('a', 4), { id: 'm', kind: 'add', from: 'nope' }],
    at: 1,
    fragments: ['"nope"', 'not a layer above it'],
  },
  {
    name: 'attention on a flat input',
    input: [16],
    layers: [{ id: 'a', kind: 'attention', numHeads: 2, keyDim: 8, causal: false, dropout: 0 }],
    at: 0,
    fragments: ['needs a sequence', 'flat vector [16]'],
  },
  {
    name: 'an LSTM on an image without a Reshape',
    input: [28, 28, 1],
    layers: [rnn('l', 'lstm', 32), dense('o', 10)],
    at: 0,
    fragments: ['needs a sequence', 'image [28, 28, 1]', 'Add a Reshape'],
  },
  {
    name: 'an LSTM directly on token ids',
    input: [8],
    tokens: true,
    layers: [rnn('l', 'lstm', 16, true), dense('o', 10)],
    at: 0,
    fragments: ['token ids', 'Start the model with an Embedding'],
  },
  {
    name: 'a Dense directly on token ids',
    input: [8],
    tokens: true,
    layers: [dense('o', 10)],
    at: 0,
    fragments: ['Start the model with an Embedding'],
  },
  {
    name: 'an Embedding on non-token input',
    input: [20],
    layers: [{ id: 'e', kind: 'embedding', inputDim: 100, outputDim: 8 }],
    at: 0,
    fragments: ['Embedding needs token ids', '[20] of numbers'],
  },
  {
    name: 'a second Embedding after the first',
    input: [8],
    tokens: true,
    layers: [
      { id: 'e', kind: 'embedding', inputDim: 10, outputDim: 8 },
      { id: 'e2', kind: 'embedding', inputDim: 10, outputDim: 8 },
    ],
    at: 1,
    fragments: ['Embedding needs token ids', '[8, 8]'],
  },
  {
    name: 'a Reshape with mismatched counts',
    input: [784],
    layers: [{ id: 'r', kind: 'reshape', targetShape: [27, 28] }],
    at: 0,
    fragments: ['(784 values)', '(756 values)', 'counts must match'],
  },
  {
    name: 'a positional maxLength shorter than T',
    input: [8],
    tokens: true,
    layers: [
      { id: 'e', kind: 'embedding', inputDim: 10, outputDim: 8 },
      { id: 'p', kind: 'positional', mode: 'sinusoidal', maxLength: 4 },
    ],
    at: 1,
    fragments: ['max length 4 is shorter than the 8 time steps'],
  },
  {
    name: 'GlobalAveragePooling1D on an image',
    input: [7, 7, 64],
    layers: [{ id: 'g', kind: 'globalavgpool1d' }],
    at: 0,
    fragments: ['GlobalAveragePooling1D needs a sequence', 'image [7, 7, 64]'],
  },
  {
    name: 'GlobalAveragePooling2D on a sequence',
    input: [10, 16],
    layers: [{ id: 'g', kind: 'globalavgpool2d' }],
    at: 0,
    fragments: ['needs an image input'],
  },
  {
    name: 'an unknown initializer',
    input: [4],
    layers: [
      dense('a', 4),
      {
        id: 'b',
        kind: 'dense',
        units: 2,
        activation: 'softmax',
        kernelInitializer: 'zeros' as never,
      },
    ],
    at: 1,
    fragments: ['Unknown initialiser "zeros"'],
  },
  {
    name: 'a negative L2 factor',
    input: [10, 8],
    layers: [{ id: 'r', kind: 'gru', units: 4, returnSequences: false, l2: -0.1 }],
    at: 0,
    fragments: ['L2 penalty must be between 0 and 1', '-0.1'],
  },
  {
    name: 'an L1 factor above 1 on an Embedding',
    input: [8],
    tokens: true,
    layers: [{ id: 'e', kind: 'embedding', inputDim: 10, outputDim: 4, l1: 2 }],
    at: 0,
    fragments: ['L1 penalty must be between 0 and 1'],
  },
  {
    name: 'an unknown positional mode',
    input: [10, 16],
    layers: [{ id: 'p', kind: 'positional', mode: 'rotary' as never, maxLength: 10 }],
    at: 0,
    fragments: ['Unknown mode "rotary"'],
  },
  {
    name: 'attention with 0 heads',
    input: [10, 16],
    layers: [{ id: 'a', kind: 'attention', numHeads: 0, keyDim: 8, causal: false, dropout: 0 }],
    at: 0,
    fragments: ['Heads must be at least 1'],
  },
  {
    name: 'a merge from a layer that has a problem',
    input: [4],
    layers: [
      { id: 'r', kind: 'reshape', targetShape: [3] },
      { id: 'm', kind: 'add', from: 'r' },
    ],
    at: 0,
    fragments: ['counts must match'],
  },
];

describe('layer types: invalid combinations', () => {
  it.each(INVALID_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const a: EnglishAnalysis = analyzeInEnglish(
      spec(...c.layers),
      inputOf(c.input, c.tokens ?? false),
      DEFAULT_TRAINING,
    );
    const layer = c.layers[c.at];
    if (!layer) throw new Error('bad case');
    const problem = a.layers[c.at]?.problem ?? '';
    expect(problem.startsWith(`Layer ${c.at + 1} (${LAYER_TYPES[layer.kind].label}): `)).toBe(true);
    for (const fragment of c.fragments) expect(problem).toContain(fragment);
    // Only that layer carries a problem: those above are fine, those below are unknown, not blamed.
    a.layers.forEach((l, i) => {
      if (i !== c.at) expect(l.problem).toBeNull();
      if (i > c.at) expect(l.outputShape).toBeNull();
    });
    expect(a.blockingReason).toBe(problem);
  });

  it('a merge from a layer with a problem is not blamed when the stack is already broken', () => {
    // 'm' takes from 'b', which is invalid: the walk stops at 'b', so 'm' is skipped, not blamed.
    const a = analyzeInEnglish(
      spec(
        dense('a', 4),
        { id: 'b', kind: 'reshape', targetShape: [5] },
        {
          id: 'm',
          kind: 'add',
          from: 'b',
        },
      ),
      inputOf([4]),
      DEFAULT_TRAINING,
    );
    expect(a.layers.map((l) => l.problem === null)).toEqual([true, false, true]);
  });
});
