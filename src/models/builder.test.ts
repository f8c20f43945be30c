import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset, type DatasetInfo } from '../data/datasets';
import { analyzeInEnglish } from './testing/englishAnalysis';
import { buildModel } from './builder';
import { buildModelQuickly } from './testing/quickBuild';
import { isBlock } from './layerTypes/blocks';
import { PRESETS } from './presets';
import type { ModelSpec } from './spec';
import { DEFAULT_TRAINING } from './trainingConfig';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Output shapes of the model's layers after the input layer, without the batch dimension. */
function layerShapes(model: tf.LayersModel): number[][] {
  return model.layers
    .filter((layer) => layer.getClassName() !== 'InputLayer')
    .map((layer) => (layer.outputShape as (number | null)[]).slice(1) as number[]);
}

async function initialWeights(model: tf.LayersModel): Promise<Float32Array[]> {
  return Promise.all(model.weights.map(async (w) => (await w.read().data()) as Float32Array));
}

function checkAgainstAnalysis(spec: ModelSpec, dataset: DatasetInfo): void {
  const analysis = analyzeInEnglish(spec, dataset, DEFAULT_TRAINING);
  const model = buildModelQuickly(spec, dataset.inputShape, 1);
  try {
    expect(model.countParams()).toBe(analysis.totalParams);
    expect(model.inputs[0]?.shape).toEqual([null, ...dataset.inputShape]);
    expect(model.outputs[0]?.shape).toEqual([null, ...(analysis.layers.at(-1)?.outputShape ?? [])]);
    // A block builds into several tfjs layers: only whole-model totals compare one to one then
    // (blocks.test.ts compares blocks with their expansions layer by layer).
    if (spec.layers.some(isBlock)) return;
    expect(layerShapes(model)).toEqual(analysis.layers.map((l) => l.outputShape));
    model.layers.slice(1).forEach((layer, i) => {
      expect(layer.countParams()).toBe(analysis.layers[i]?.params);
    });
  } finally {
    model.dispose();
  }
}

describe('buildModel', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'preset %s: parameter count and shapes agree with analyzeModel',
    (_id, preset) => {
      const dataset = builtinDataset(preset.dataset.id);
      expect(analyzeInEnglish(preset.spec, dataset, preset.training).blockingReason).toBeNull();
      checkAgainstAnalysis(preset.spec, dataset);
    },
  );

  it('strided, valid-padded and pooled layers agree with shape inference', () => {
    const designs: ModelSpec[] = [
      {
        version: 1,
        layers: [
          {
            id: 'a',
            kind: 'conv2d',
            filters: 4,
            kernelSize: 3,
            strides: 2,
            padding: 'valid',
            activation: 'relu',
          },
          {
            id: 'b',
            kind: 'conv2d',
            filters: 3,
            kernelSize: 5,
            strides: 3,
            padding: 'same',
            activation: 'tanh',
          },
          { id: 'c', kind: 'maxpool2d', poolSize: 3, strides: 2, padding: 'same' },
          { id: 'd', kind: 'maxpool2d', poolSize: 2, strides: 1, padding: 'valid' },
          { id: 'e', kind: 'flatten' },
          { id: 'f', kind: 'dropout', rate: 0.3 },
          { id: 'g', kind: 'dense', units: 10, activation: 'softmax' },
        ],
      },
      {
        version: 1,
        layers: [
          { id: 'a', kind: 'maxpool2d', poolSize: 3, strides: 3, padding: 'valid' },
          {
            id: 'b',
            kind: 'conv2d',
            filters: 2,
            kernelSize: 4,
            strides: 2,
            padding: 'valid',
            activation: 'linear',
          },
          { id: 'c', kind: 'flatten' },
          { id: 'd', kind: 'dense', units: 10, activation: 'softmax' },
        ],
      },
    ];
    for (const design of designs) checkAgainstAnalysis(design, builtinDataset('mnist'));
  });

  it('the same seed gives identical initial weights; another seed gives different ones', async () => {
    const preset = PRESETS.find((p) => p.id === 'spiral-mlp');
    expect(preset).toBeDefined();
    if (!preset) return;
    const shape = builtinDataset(preset.dataset.id).inputShape;
    const a = buildModel(preset.spec, shape, 7);
    const b = buildModel(preset.spec, shape, 7);
    const c = buildModel(preset.spec, shape, 8);
    try {
      const [wa, wb, wc] = await Promise.all([a, b, c].map(initialWeights));
      if (!wa || !wb || !wc) throw new Error('weights missing');
      expect(wa.length).toBe(6); // 3 × (kernel, bias)
      wa.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(wb[i] ?? [])));
      // Kernels (even indices) differ with another seed; biases start at zero.
      [0, 2, 4].forEach((i) =>
        expect(Array.from(wa[i] ?? [])).not.toEqual(Array.from(wc[i] ?? [])),
      );
      [1, 3, 5].forEach((i) => expect(Array.from(wa[i] ?? []).every((v) => v === 0)).toBe(true));
      expect(Array.from(wa[0] ?? []).some((v) => v !== 0)).toBe(true);
    } finally {
      a.dispose();
      b.dispose();
      c.dispose();
    }
  });

  it('kernels follow Glorot uniform bounds and each layer draws its own values', async () => {
    const model = buildModel(
      {
        version: 1,
        layers: [
          { id: 'h', kind: 'dense', units: 32, activation: 'relu' },
          { id: 'h2', kind: 'dense', units: 32, activation: 'relu' },
        ],
      },
      [32],
      3,
    );
    try {
      const [k1 = new Float32Array(), , k2 = new Float32Array()] = await initialWeights(model);
      const limit = Math.sqrt(6 / (32 + 32));
      const largest = (w: Float32Array) => w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(k1.length).toBe(32 * 32);
      expect(largest(k1)).toBeLessThanOrEqual(limit);
      expect(largest(k1)).toBeGreaterThan(limit * 0.9);
      expect(largest(k2)).toBeLessThanOrEqual(limit);
      // Same shape, same run seed: still different values (one seed per layer).
      expect(Array.from(k1)).not.toEqual(Array.from(k2));
    } finally {
      model.dispose();
    }
  });

  it('a quick build (tests only) differs only in its orthogonal recurrent kernels’ values', async () => {
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'e', kind: 'embedding', inputDim: 10, outputDim: 4 },
        { id: 'r', kind: 'lstm', units: 6, returnSequences: false },
        { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
      ],
    };
    const real = buildModel(spec, [5], 3);
    const quick = buildModelQuickly(spec, [5], 3);
    try {
      // Saved the same way: an imported model.json cannot tell them apart.
      expect(JSON.stringify(quick.toJSON(null, false))).toBe(
        JSON.stringify(real.toJSON(null, false)),
      );
      const kernel = quick.getLayer('lstm_2').weights[1];
      expect(kernel?.originalName).toMatch(/recurrent_kernel$/);
      const [units, gates] = kernel?.shape ?? [];
      expect([units, gates]).toEqual([6, 24]);
      // Orthonormal rows: K·Kᵀ = I.
      const values = (await kernel?.read().data()) as Float32Array;
      const row = (i: number) => values.subarray(i * 24, (i + 1) * 24);
      for (let i = 0; i < 6; i++) {
        for (let j = 0; j < 6; j++) {
          const dot = row(i).reduce((sum, v, k) => sum + v * (row(j)[k] ?? 0), 0);
          expect(dot).toBe(i === j ? 1 : 0);
        }
      }
    } finally {
      real.dispose();
      quick.dispose();
    }
  });

  it('does not leak tensors once disposed', () => {
    const before = tf.memory().numTensors;
    const preset = PRESETS.find((p) => p.id === 'mnist-cnn');
    if (!preset) throw new Error('mnist-cnn preset missing');
    const model = buildModel(preset.spec, builtinDataset('mnist').inputShape, 42);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
