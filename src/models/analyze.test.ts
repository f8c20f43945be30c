import { describe, expect, it } from 'vitest';
import { builtinDataset, type DatasetInfo } from '../data/datasets';
import { analyzeInEnglish, type EnglishAnalysis } from './testing/englishAnalysis';
import { PRESETS } from './presets';
import type { LayerSpec, ModelSpec, Padding } from './spec';
import { DEFAULT_DATASET, DEFAULT_TRAINING, type TrainingConfig } from './trainingConfig';

const MNIST = builtinDataset('mnist');
const XOR = builtinDataset('xor');

const dense = (
  id: string,
  units: number,
  activation: 'relu' | 'softmax' | 'sigmoid' | 'tanh' | 'linear' = 'relu',
): LayerSpec => ({
  id,
  kind: 'dense',
  units,
  activation,
});
const flatten = (id: string): LayerSpec => ({ id, kind: 'flatten' });
const dropout = (id: string, rate: number): LayerSpec => ({ id, kind: 'dropout', rate });
const conv = (
  id: string,
  filters: number,
  kernelSize: number,
  strides = 1,
  padding: Padding = 'same',
): LayerSpec => ({ id, kind: 'conv2d', filters, kernelSize, strides, padding, activation: 'relu' });
const pool = (
  id: string,
  poolSize: number,
  strides: number,
  padding: Padding = 'valid',
): LayerSpec => ({
  id,
  kind: 'maxpool2d',
  poolSize,
  strides,
  padding,
});
const spec = (...layers: LayerSpec[]): ModelSpec => ({ version: 1, layers });

/** Analyses without mutating: checks the spec is deep-equal to a clone taken before. */
function analyze(
  model: ModelSpec,
  dataset: DatasetInfo,
  config: TrainingConfig = DEFAULT_TRAINING,
): EnglishAnalysis {
  const before = structuredClone(model);
  const configBefore = structuredClone(config);
  const result = analyzeInEnglish(model, dataset, config);
  expect(model).toEqual(before);
  expect(config).toEqual(configBefore);
  return result;
}

describe('analyzeModel: valid designs', () => {
  it('the LSTM sentiment classifier has Keras’s 166,305 parameters', () => {
    const preset = PRESETS.find((p) => p.id === 'sentiment-lstm');
    if (!preset) throw new Error('sentiment-lstm preset missing');
    const a = analyzeInEnglish(
      preset.spec,
      builtinDataset('sentiment'),
      preset.training,
      preset.dataset,
    );
    // Embedding 10000×16; LSTM 4·(32·(16+32)+32); Dense 32+1.
    expect(a.layers.map((l) => l.params)).toEqual([160_000, 6_272, 33]);
    expect(a.totalParams).toBe(166_305);
    expect(a.blockingReason).toBeNull();
  });

  it('MLP 784-64-64-10 on MNIST has 55,050 parameters', () => {
    const a = analyze(
      spec(flatten('f'), dense('d1', 64), dense('d2', 64), dense('d3', 10, 'softmax')),
      MNIST,
    );
    expect(a.inputShape).toEqual([28, 28, 1]);
    expect(a.totalParams).toBe(55_050);
    expect(a.layers.map((l) => l.params)).toEqual([0, 50_240, 4_160, 650]);
    expect(a.layers.map((l) => l.outputShape)).toEqual([[784], [64], [64], [10]]);
    expect(a.layers.map((l) => l.id)).toEqual(['f', 'd1', 'd2', 'd3']);
    expect(a.layers.every((l) => l.problem === null)).toBe(true);
    expect(a.modelProblems).toEqual([]);
    expect(a.settingProblems).toEqual({});
    expect(a.warnings).toEqual([]);
    expect(a.blockingReason).toBeNull();
  });

  it('the 2-3-1 net on a 2-D toy set has 13 parameters', () => {
    const a = analyze(spec(dense('h', 3, 'tanh'), dense('o', 1, 'sigmoid')), XOR, {
      ...DEFAULT_TRAINING,
      loss: 'meanSquaredError',
    });
    expect(a.totalParams).toBe(13);
    expect(a.layers.map((l) => l.params)).toEqual([9, 4]);
    expect(a.layers.map((l) => l.outputShape)).toEqual([[3], [1]]);
    expect(a.blockingReason).toBeNull();
  });

  it("the seeds' MNIST CNN preset has 421,642 parameters (Keras's count)", () => {
    const preset = PRESETS.find((p) => p.id === 'mnist-cnn');
    expect(preset).toBeDefined();
    if (!preset) return;
    const a = analyze(preset.spec, builtinDataset(preset.dataset.id), preset.training);
    expect(a.totalParams).toBe(421_642);
    expect(a.layers.map((l) => l.outputShape)).toEqual([
      [28, 28, 32],
      [14, 14, 32],
      [14, 14, 64],
      [7, 7, 64],
      [3136],
      [128],
      [10],
    ]);
    expect(a.layers.map((l) => l.params)).toEqual([320, 0, 18_496, 0, 0, 401_536, 1_290]);
    expect(a.blockingReason).toBeNull();
  });

  it('every preset is valid with its own dataset and settings', () => {
    for (const preset of PRESETS) {
      const a = analyzeInEnglish(
        preset.spec,
        builtinDataset(preset.dataset.id),
        preset.training,
        preset.dataset,
      );
      expect(a.blockingReason, preset.id).toBeNull();
      expect(a.warnings, preset.id).toEqual([]);
    }
  });

  it('conv with valid padding and stride 2 gives floor((n - k) / s) + 1', () => {
    const a = analyze(
      spec(conv('c', 8, 3, 2, 'valid'), flatten('f'), dense('o', 10, 'softmax')),
      MNIST,
    );
    expect(a.layers[0]?.outputShape).toEqual([13, 13, 8]);
    expect(a.layers[0]?.params).toBe(3 * 3 * 1 * 8 + 8);
    expect(a.layers[1]?.outputShape).toEqual([13 * 13 * 8]);
    expect(a.blockingReason).toBeNull();
  });

  it('conv with same padding and stride 2 gives ceil(n / s)', () => {
    const a = analyze(spec(conv('c', 4, 5, 2, 'same'), conv('c2', 6, 3, 3, 'same')), MNIST);
    expect(a.layers[0]?.outputShape).toEqual([14, 14, 4]);
    expect(a.layers[1]?.outputShape).toEqual([5, 5, 6]);
    expect(a.layers[1]?.params).toBe(3 * 3 * 4 * 6 + 6);
  });

  it('maxpool keeps the channels and shrinks height and width', () => {
    const a = analyze(
      spec(conv('c', 3, 3), pool('p1', 2, 2), pool('p2', 3, 2), pool('p3', 2, 2, 'same')),
      MNIST,
    );
    expect(a.layers.map((l) => l.outputShape)).toEqual([
      [28, 28, 3],
      [14, 14, 3],
      [6, 6, 3],
      [3, 3, 3],
    ]);
    expect(a.layers.map((l) => l.params)).toEqual([30, 0, 0, 0]);
  });

  it('dropout keeps the shape and has no parameters', () => {
    const a = analyze(spec(dense('h', 8), dropout('d', 0.5), dense('o', 2, 'softmax')), XOR);
    expect(a.layers[1]?.outputShape).toEqual([8]);
    expect(a.layers[1]?.params).toBe(0);
    expect(a.totalParams).toBe(2 * 8 + 8 + 8 * 2 + 2);
    expect(a.blockingReason).toBeNull();
  });
});

interface LayerCase {
  name: string;
  model: ModelSpec;
  dataset: DatasetInfo;
  /** Index of the layer that carries the problem. */
  at: number;
  fragment: string;
}

const layerCases: LayerCase[] = [
  {
    name: 'Conv2D after Flatten',
    model: spec(flatten('f'), conv('c', 8, 3), dense('o', 10, 'softmax')),
    dataset: MNIST,
    at: 1,
    fragment: 'needs an image input',
  },
  {
    name: 'Conv2D on a 2-D toy set',
    model: spec(conv('c', 8, 3), dense('o', 2, 'softmax')),
    dataset: XOR,
    at: 0,
    fragment: 'needs an image input',
  },
  {
    name: 'MaxPool2D on a flat input',
    model: spec(dense('h', 4), pool('p', 2, 2), dense('o', 2, 'softmax')),
    dataset: XOR,
    at: 1,
    fragment: 'needs an image input',
  },
  {
    name: 'Dense with 0 units',
    model: spec(flatten('f'), dense('h', 0), dense('o', 10, 'softmax')),
    dataset: MNIST,
    at: 1,
    fragment: 'Units must be at least 1',
  },
  {
    name: 'Dense with 2.5 units',
    model: spec(dense('h', 8), dense('h2', 2.5), dense('o', 2, 'softmax')),
    dataset: XOR,
    at: 1,
    fragment: 'Units must be a whole number',
  },
  {
    name: 'Dense directly on an image',
    model: spec(conv('c', 4, 3), dense('h', 16), dense('o', 10, 'softmax')),
    dataset: MNIST,
    at: 1,
    fragment: 'Add a Flatten layer',
  },
  {
    name: 'dropout rate 1',
    model: spec(dense('h', 8), dropout('d', 1), dense('o', 2, 'softmax')),
    dataset: XOR,
    at: 1,
    fragment: 'Dropout rate',
  },
  {
    name: 'negative dropout rate',
    model: spec(dense('h', 8), dropout('d', -0.1), dense('o', 2, 'softmax')),
    dataset: XOR,
    at: 1,
    fragment: 'Dropout rate',
  },
  {
    name: 'a kernel larger than its input with valid padding',
    // 28 → pool 8/8 valid → 3×3, then a 5×5 valid kernel does not fit.
    model: spec(
      pool('p', 8, 8),
      conv('c', 4, 5, 1, 'valid'),
      flatten('f'),
      dense('o', 10, 'softmax'),
    ),
    dataset: MNIST,
    at: 1,
    fragment: 'larger than its 3×3 input',
  },
  {
    name: 'a pool window larger than its input with valid padding',
    model: spec(pool('p', 8, 8), pool('p2', 4, 1), flatten('f'), dense('o', 10, 'softmax')),
    dataset: MNIST,
    at: 1,
    fragment: 'larger than its 3×3 input',
  },
  {
    name: 'a fractional stride',
    model: spec(conv('c', 4, 3, 1.5), flatten('f'), dense('o', 10, 'softmax')),
    dataset: MNIST,
    at: 0,
    fragment: 'Stride must be a whole number',
  },
];

describe('analyzeModel: layer problems', () => {
  it.each(layerCases)('$name', ({ model, dataset, at, fragment }) => {
    const a = analyze(model, dataset);
    const bad = a.layers[at];
    expect(bad?.id).toBe(model.layers[at]?.id);
    expect(bad?.problem).toContain(fragment);
    expect(bad?.problem).toContain(`Layer ${at + 1} `);
    expect(bad?.outputShape).toBeNull();
    // Layers before it are fine and have shapes; layers after it have no strict shape and no
    // problem (what can still be known of them is partialShapes.test.ts's subject).
    a.layers.slice(0, at).forEach((l) => {
      expect(l.problem).toBeNull();
      expect(l.outputShape).not.toBeNull();
      expect(l.sketch.shape).toEqual(l.outputShape);
    });
    a.layers.slice(at + 1).forEach((l) => {
      expect(l.problem).toBeNull();
      expect(l.outputShape).toBeNull();
    });
    expect(a.layers).toHaveLength(model.layers.length);
    expect(a.blockingReason).toBe(bad?.problem);
    // The total counts every known count, the valid prefix's in full.
    const prefix = a.layers.slice(0, at).reduce((s, l) => s + l.params, 0);
    expect(a.totalParams).toBeGreaterThanOrEqual(prefix);
  });

  it('reports the first problem when several layers are invalid', () => {
    const a = analyze(spec(dense('h', 0), dense('h2', -1), dense('o', 2, 'softmax')), XOR);
    expect(a.layers[0]?.problem).toContain('Units must be at least 1');
    expect(a.layers[1]?.problem).toBeNull();
    expect(a.blockingReason).toBe(a.layers[0]?.problem);
  });
});

describe('analyzeModel: model problems', () => {
  it('output units that do not match the classes', () => {
    const model = spec(flatten('f'), dense('h', 32), dense('o', 5, 'softmax'));
    const a = analyze(model, MNIST);
    expect(a.modelProblems).toHaveLength(1);
    expect(a.modelProblems[0]).toContain('has 10 classes');
    expect(a.modelProblems[0]).toContain('[5]');
    expect(a.modelProblems[0]).toContain('Set the last Dense layer to 10 units');
    expect(a.layers.every((l) => l.problem === null)).toBe(true);
    expect(a.layers.map((l) => l.outputShape)).toEqual([[784], [32], [5]]);
    expect(a.blockingReason).toBe(a.modelProblems[0]);
  });

  it('an image output asks for Flatten and Dense', () => {
    const a = analyze(spec(conv('c', 10, 3)), MNIST);
    expect(a.modelProblems[0]).toContain('has 10 classes');
    expect(a.modelProblems[0]).toContain('Add Flatten and a Dense layer');
    expect(a.blockingReason).toBe(a.modelProblems[0]);
  });

  it('a 2-class set accepts 2 softmax units or 1 sigmoid unit, but not 3', () => {
    const bce: TrainingConfig = { ...DEFAULT_TRAINING, loss: 'binaryCrossentropy' };
    expect(analyze(spec(dense('h', 4), dense('o', 2, 'softmax')), XOR).blockingReason).toBeNull();
    expect(
      analyze(spec(dense('h', 4), dense('o', 1, 'sigmoid')), XOR, bce).blockingReason,
    ).toBeNull();
    const three = analyze(spec(dense('h', 4), dense('o', 3, 'softmax')), XOR);
    expect(three.blockingReason).toContain('has 2 classes');
  });

  it('categorical cross-entropy with 1 output unit', () => {
    const a = analyze(spec(dense('h', 4), dense('o', 1, 'sigmoid')), XOR, {
      ...DEFAULT_TRAINING,
      loss: 'categoricalCrossentropy',
    });
    expect(a.modelProblems).toHaveLength(1);
    expect(a.modelProblems[0]).toContain('Categorical cross-entropy needs one output per class');
    expect(a.blockingReason).toBe(a.modelProblems[0]);
  });

  it('an empty model', () => {
    const a = analyze(spec(), MNIST);
    expect(a.layers).toEqual([]);
    expect(a.totalParams).toBe(0);
    expect(a.modelProblems[0]).toContain('no layers');
    expect(a.blockingReason).toContain('no layers');
  });

  it('a layer problem takes precedence over the model problem it causes', () => {
    const a = analyze(spec(flatten('f'), dense('h', 0), dense('o', 3)), MNIST);
    expect(a.modelProblems).toEqual([]);
    expect(a.blockingReason).toContain('Units must be at least 1');
  });
});

describe('analyzeModel: settings', () => {
  const good = spec(dense('h', 8, 'tanh'), dense('o', 2, 'softmax'));
  const cases: Array<[keyof TrainingConfig, Partial<TrainingConfig>, string]> = [
    ['learningRate', { learningRate: 0 }, 'Learning rate'],
    ['learningRate', { learningRate: -0.1 }, 'Learning rate'],
    ['learningRate', { learningRate: Number.NaN }, 'Learning rate'],
    ['learningRate', { learningRate: 100 }, 'Learning rate'],
    ['batchSize', { batchSize: 0 }, 'Batch size'],
    ['batchSize', { batchSize: 8.5 }, 'Batch size'],
    ['epochs', { epochs: 1.5 }, 'Epochs'],
    ['epochs', { epochs: 0 }, 'Epochs'],
    ['validationSplit', { validationSplit: 0.9, testSplit: 0 }, 'Validation split'],
    ['testSplit', { testSplit: 0.6 }, 'Test split'],
    ['testSplit', { validationSplit: 0.5, testSplit: 0.4 }, 'too little to train on'],
    ['validationSplit', { validationSplit: -0.1 }, 'Validation split'],
    ['seed', { seed: -1 }, 'Seed'],
    ['momentum', { momentum: 1 }, 'momentum must be a number from 0 to 0.9999'],
    ['beta2', { beta2: -0.1 }, 'beta2'],
    ['epsilon', { epsilon: 0 }, 'epsilon'],
    ['weightDecay', { weightDecay: 2 }, 'weightDecay'],
    [
      'schedule',
      { schedule: { ...DEFAULT_TRAINING.schedule, warmupSteps: 2.5 } },
      'schedule.warmupSteps must be a whole number',
    ],
    ['schedule', { schedule: { ...DEFAULT_TRAINING.schedule, gamma: 0 } }, 'schedule.gamma'],
    ['clipping', { clipping: { kind: 'norm', threshold: 0 } }, 'clipping.threshold'],
    [
      'earlyStopping',
      { earlyStopping: { ...DEFAULT_TRAINING.earlyStopping, patience: 0 } },
      'earlyStopping.patience',
    ],
  ];

  it.each(cases)('%s: %o is a problem', (key, patch, fragment) => {
    const a = analyze(good, XOR, { ...DEFAULT_TRAINING, ...patch });
    expect(Object.keys(a.settingProblems)).toEqual([key]);
    expect(a.settingProblems[key]).toContain(fragment);
    expect(a.blockingReason).toBe(a.settingProblems[key]);
    expect(a.modelProblems).toEqual([]);
  });

  it('the edges of the allowed ranges are accepted', () => {
    const a = analyze(good, XOR, {
      ...DEFAULT_TRAINING,
      learningRate: 10,
      batchSize: 1024,
      epochs: 1000,
      validationSplit: 0.5,
      seed: 0,
    });
    expect(a.settingProblems).toEqual({});
    expect(a.blockingReason).toBeNull();
  });

  it('dataset noise and point count are checked when given', () => {
    const a = analyzeInEnglish(good, XOR, DEFAULT_TRAINING, {
      ...DEFAULT_DATASET,
      noise: 0.9,
      samples: 10,
    });
    expect(a.settingProblems.noise).toContain('Noise');
    expect(a.settingProblems.samples).toContain('Points');
    expect(a.blockingReason).toBe(a.settingProblems.noise);
    expect(
      analyzeInEnglish(good, XOR, DEFAULT_TRAINING, DEFAULT_DATASET).blockingReason,
    ).toBeNull();
  });

  it('a layer problem is reported before a settings problem', () => {
    const a = analyze(spec(dense('h', 0), dense('o', 2)), XOR, {
      ...DEFAULT_TRAINING,
      learningRate: 0,
    });
    expect(a.settingProblems.learningRate).toBeDefined();
    expect(a.blockingReason).toContain('Units must be at least 1');
  });
});

describe('analyzeModel: warnings', () => {
  it('categorical cross-entropy with a relu last layer warns but does not block', () => {
    const a = analyze(spec(dense('h', 8), dense('o', 2, 'relu')), XOR);
    expect(a.warnings).toHaveLength(1);
    expect(a.warnings[0]).toContain('softmax');
    expect(a.warnings[0]).toContain('"relu"');
    expect(a.blockingReason).toBeNull();
  });

  it('binary cross-entropy with a linear last layer warns but does not block', () => {
    const a = analyze(spec(dense('h', 8), dense('o', 1, 'linear')), XOR, {
      ...DEFAULT_TRAINING,
      loss: 'binaryCrossentropy',
    });
    expect(a.warnings[0]).toContain('sigmoid');
    expect(a.blockingReason).toBeNull();
  });

  it('mean squared error with any last activation does not warn', () => {
    const a = analyze(spec(dense('h', 8), dense('o', 2, 'linear')), XOR, {
      ...DEFAULT_TRAINING,
      loss: 'meanSquaredError',
    });
    expect(a.warnings).toEqual([]);
  });
});
