import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset, type DatasetInfo } from '../../data/datasets';
import { generateSequenceTask } from '../../data/sequences';
import { splitData } from '../../data/split';
import { generateToy2d } from '../../data/toy2d';
import type { LabelledData } from '../../data/types';
import { PRESETS } from '../../models/presets';
import { DEFAULT_DATASET, DEFAULT_TRAINING } from '../../models/trainingConfig';
import type { ProbeSettings, ProbeViews, StartRequest } from '../../shared/protocol';
import { createRun, disposeRun, type Run } from '../run';
import {
  BOUNDARY_GRID,
  CONFUSION_SAMPLES,
  computeProbes,
  NEURON_GRID,
  PROJECTION_SAMPLES,
} from './computeProbes';
import { GENERATED_CHARACTERS } from './generateText';
import { HISTOGRAM_BINS } from './gpuStats';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ALL: ProbeViews = {
  activations: true,
  attention: true,
  boundary: true,
  confusion: true,
  histograms: true,
  projection: true,
  generation: true,
  graph: true,
};

function settings(
  views: Partial<ProbeViews> = ALL,
  patch: Partial<ProbeSettings> = {},
): ProbeSettings {
  const none = Object.fromEntries(Object.keys(ALL).map((k) => [k, false])) as unknown as ProbeViews;
  return {
    views: { ...none, ...views },
    intervalMs: 250,
    frozen: false,
    sample: { kind: 'validation', index: 3 },
    projectionLayer: null,
    rewind: null,
    ...patch,
  };
}

function runFor(
  presetId: string,
  data: LabelledData,
  info: DatasetInfo,
  validationSplit = 0.2,
): Run {
  const preset = PRESETS.find((p) => p.id === presetId);
  if (!preset) throw new Error(presetId);
  const request: StartRequest = {
    runId: 1,
    spec: preset.spec,
    dataset: { ...DEFAULT_DATASET, ...preset.dataset },
    datasetInfo: info,
    training: { ...DEFAULT_TRAINING, ...preset.training, testSplit: 0 },
    datasetBaseUrl: 'file:///',
    pauseAfterFirstStep: false,
    restoreFrom: null,
    partner: null,
  };
  return createRun(
    request,
    splitData(data, validationSplit, 0),
    () => 0,
    () => undefined,
  );
}

describe('computeProbes on the spiral MLP', () => {
  const info = builtinDataset('spiral');
  const data = generateToy2d('spiral', 600, 0.1, 42); // 480 train, 120 validation

  it('returns every view with the documented shapes', async () => {
    const run = runFor('spiral-mlp', data, info);
    try {
      run.trainer.runStep();
      const first = await computeProbes(run, settings());
      expect(first.histograms?.every((h) => h.grads === null)).toBe(true); // no step since asked
      run.trainer.runStep();
      const r = await computeProbes(run, settings());
      expect(r.step).toBe(2);
      // The sample: validation sample 3, its label and the 2 class probabilities.
      expect(r.sample?.index).toBe(3);
      expect(Array.from(r.sample?.x ?? [])).toEqual(Array.from(data.x.subarray(483 * 2, 484 * 2)));
      expect(r.sample?.label?.[0]).toBe(data.y[483]);
      expect(r.sample?.output).toHaveLength(2);
      expect((r.sample?.output[0] ?? 0) + (r.sample?.output[1] ?? 0)).toBeCloseTo(1, 5);
      // Activations: one per top-level layer, dense vectors kept whole.
      expect(r.activations?.map((a) => [a.id, a.shape])).toEqual([
        ['l1', [16]],
        ['l2', [16]],
        ['l3', [2]],
      ]);
      expect(Array.from(r.activations?.[2]?.values ?? [])).toEqual(
        Array.from(r.sample?.output ?? []),
      );
      // The boundary grid and the neuron maps of both hidden layers.
      expect(r.boundary?.size).toBe(BOUNDARY_GRID);
      expect(r.boundary?.outputs).toHaveLength(BOUNDARY_GRID ** 2 * 2);
      expect(r.boundary?.neurons.map((n) => [n.layer, n.units, n.maps.length])).toEqual([
        ['l1', 16, 16 * NEURON_GRID ** 2],
        ['l2', 16, 16 * NEURON_GRID ** 2],
      ]);
      // The network picture's weights: every Dense kernel as the model holds it after step 2.
      expect(r.boundary?.weights.map((w) => [w.layer, w.inputs, w.units])).toEqual([
        ['l1', 2, 16],
        ['l2', 16, 16],
        ['l3', 16, 2],
      ]);
      const kernels = await Promise.all(
        run.model.layers
          .filter((l) => l.getClassName() === 'Dense')
          .map((l) => l.getWeights()[0]!.data()),
      );
      r.boundary?.weights.forEach((w, i) =>
        expect(Array.from(w.kernel)).toEqual(Array.from(kernels[i]!)),
      );
      // The confusion matrix counts every scored validation sample once: whole batches of 32
      // (the training shapes), so 96 of the 120.
      const scored = Math.min(CONFUSION_SAMPLES, 96);
      const matrix = r.confusion?.matrix ?? new Int32Array(0);
      expect(matrix.reduce((a, b) => a + b, 0)).toBe(scored);
      expect(Array.from(r.confusion?.truth ?? [])).toEqual(Array.from(data.y.subarray(480, 576)));
      // Histograms: every weight's counts add up to its size; gradients arrived after a step.
      const weights = run.model.trainableWeights;
      // Named as the layer calls them, without the counter tfjs adds once a name was taken.
      expect(r.histograms?.map((h) => h.weight)).toEqual(weights.map((w) => w.originalName));
      for (const h of r.histograms ?? []) expect(h.weight).not.toMatch(/\/\w*[a-z]_\d+$/);
      r.histograms?.forEach((h, i) => {
        const size = weights[i]?.shape.reduce((a: number, b) => a * (b ?? 1), 1);
        expect(h.weights.counts).toHaveLength(HISTOGRAM_BINS);
        expect(h.weights.counts.reduce((a, b) => a + b, 0)).toBe(size);
        expect(h.grads?.counts.reduce((a, b) => a + b, 0)).toBe(size);
        expect(h.grads?.range).toBeGreaterThan(0);
      });
      // PCA of the last hidden layer for the validation samples.
      expect(r.projection?.layer).toBe('l2');
      expect(r.projection?.points).toHaveLength(Math.min(PROJECTION_SAMPLES, 96) * 2);
      expect(r.projection?.explainedRatio[0]).toBeGreaterThan(0);
    } finally {
      disposeRun(run);
    }
  });

  it('says where its samples come from: training samples when no validation is held out', async () => {
    for (const [split, from] of [
      [0.2, 'validation'],
      [0, 'training'],
    ] as const) {
      const run = runFor('spiral-mlp', data, info, split);
      try {
        run.trainer.runStep();
        const r = await computeProbes(run, settings({ activations: true, confusion: true }));
        expect(r.samplesFrom, `split ${split}`).toBe(from);
        // The confusion matrix counts the split it names: at most the 120 held out, or more.
        const counted = r.confusion?.matrix.reduce((a, b) => a + b, 0) ?? 0;
        if (from === 'validation') expect(counted).toBeLessThanOrEqual(120);
        else expect(counted).toBeGreaterThan(120);
      } finally {
        disposeRun(run);
      }
    }
  });

  it('computes nothing for closed views, and leaks no tensors over many cycles', async () => {
    const run = runFor('spiral-mlp', data, info);
    try {
      const closed = await computeProbes(run, settings({}));
      expect(Object.keys(closed)).toEqual(['step', 'rewound', 'samplesFrom']);
      // The graph on screen asks for the sample and every layer's output (its thumbnails) only.
      const graph = await computeProbes(run, settings({ graph: true }));
      expect(Object.keys(graph).sort()).toEqual([
        'activations',
        'rewound',
        'sample',
        'samplesFrom',
        'step',
      ]);
      expect(graph.activations?.map((a) => a.id)).toEqual(['l1', 'l2', 'l3']);
      // The trainer's running sums are handed over and freed, as the metrics reader does.
      const settle = () => {
        const pending = run.trainer.drainMetrics();
        pending?.lossSum.dispose();
        pending?.correctSum.dispose();
      };
      run.trainer.runStep();
      await computeProbes(run, settings());
      settle();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) {
        run.trainer.runStep();
        await computeProbes(run, settings());
        settle();
        expect(tf.memory().numTensors).toBe(before);
      }
    } finally {
      disposeRun(run);
    }
  });

  it('uses a custom sample when one is given (the drawing pad, a typed text)', async () => {
    const run = runFor('spiral-mlp', data, info);
    try {
      const x = Float32Array.from([0.25, -0.5]);
      const r = await computeProbes(
        run,
        settings({ activations: true }, { sample: { kind: 'custom', x } }),
      );
      expect(r.sample?.index).toBeNull();
      expect(r.sample?.label).toBeNull();
      expect(Array.from(r.sample?.x ?? [])).toEqual([0.25, -0.5]);
      expect(r.boundary).toBeUndefined();
    } finally {
      disposeRun(run);
    }
  });
});

describe('computeProbes on the reversal transformer', () => {
  it('returns each head’s [T, T] map with rows that sum to 1, and the tokens', async () => {
    const info = builtinDataset('reverse');
    const data = generateSequenceTask('reverse', 200, 8, 10, 1);
    const run = runFor('reverse-transformer', data, info);
    try {
      const r = await computeProbes(run, settings({ attention: true, activations: true }));
      const maps = r.attention ?? [];
      expect(maps).toHaveLength(1);
      const [attention] = maps;
      expect([attention?.heads, attention?.length]).toEqual([2, 8]);
      for (let row = 0; row < 2 * 8; row++) {
        const sum = Array.from(attention?.maps.subarray(row * 8, row * 8 + 8) ?? []).reduce(
          (a, b) => a + b,
          0,
        );
        expect(sum).toBeCloseTo(1, 5);
      }
      expect(r.sample?.tokens).toEqual(Array.from(r.sample?.x ?? [], (id) => String(id)));
      expect(r.sample?.output).toHaveLength(8 * 10);
      // The transformer block's output [8, 32] is kept whole; attention is not a 2-D boundary.
      expect(r.activations?.find((a) => a.id === 'l3')?.shape).toEqual([8, 32]);
    } finally {
      disposeRun(run);
    }
  });
});

describe('computeProbes on a text model', () => {
  it('tokenises a typed sentence with the dataset’s vocabulary', async () => {
    const tokens = ['<pad>', '<oov>', 'good', 'bad', 'food'];
    const info: DatasetInfo = {
      ...builtinDataset('sentiment'),
      inputShape: [5],
      vocabSize: tokens.length,
    };
    const x = Float32Array.from({ length: 40 * 5 }, (_, i) => (i * 7) % 5);
    const y = Int32Array.from({ length: 40 }, (_, i) => i % 2);
    const request: StartRequest = {
      runId: 2,
      spec: {
        version: 1,
        layers: [
          { id: 'e', kind: 'embedding', inputDim: 5, outputDim: 4 },
          { id: 'p', kind: 'globalavgpool1d' },
          { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid' },
        ],
      },
      dataset: { ...DEFAULT_DATASET, id: 'sentiment', sequenceLength: 5 },
      datasetInfo: info,
      training: { ...DEFAULT_TRAINING, loss: 'binaryCrossentropy', batchSize: 8, testSplit: 0 },
      datasetBaseUrl: 'file:///',
      pauseAfterFirstStep: false,
      restoreFrom: null,
      partner: null,
    };
    const data = { ...splitData({ x, y, count: 40 }, 0.2, 0), tokens };
    const run = createRun(
      request,
      data,
      () => 0,
      () => undefined,
    );
    try {
      const r = await computeProbes(
        run,
        settings({ activations: true }, { sample: { kind: 'text', text: 'Good FOOD, terrible!' } }),
      );
      // Padding first, as the training texts: good → 2, food → 4, "terrible" is unknown → 1.
      expect(Array.from(r.sample?.x ?? [])).toEqual([0, 0, 2, 4, 1]);
      expect(r.sample?.tokens).toEqual(['<pad>', '<pad>', 'good', 'food', '<oov>']);
      expect(r.sample?.output).toHaveLength(1);
    } finally {
      disposeRun(run);
    }
  });
});

describe('computeProbes on a character language model', () => {
  it('writes text with the corpus vocabulary, continuing a real window, without leaking', async () => {
    const vocabulary = ['<oov>', 'a', 'b', 'c', ' '];
    const length = 6;
    const info: DatasetInfo = {
      ...builtinDataset('pride-and-prejudice'),
      inputShape: [length],
      classes: vocabulary,
      vocabSize: vocabulary.length,
    };
    // "abc abc abc …" cut into windows; the target is the next character at each position.
    const text = Array.from({ length: 400 }, (_, i) => 1 + (i % 4));
    const count = 60;
    const x = Float32Array.from(
      { length: count * length },
      (_, i) => text[Math.floor(i / length) + (i % length)] ?? 0,
    );
    const y = Int32Array.from(
      { length: count * length },
      (_, i) => text[Math.floor(i / length) + (i % length) + 1] ?? 0,
    );
    const request: StartRequest = {
      runId: 3,
      spec: {
        version: 1,
        layers: [
          { id: 'e', kind: 'embedding', inputDim: vocabulary.length, outputDim: 4 },
          { id: 'r', kind: 'lstm', units: 8, returnSequences: true },
          { id: 'o', kind: 'dense', units: vocabulary.length, activation: 'softmax' },
        ],
      },
      dataset: { ...DEFAULT_DATASET, id: 'pride-and-prejudice', sequenceLength: length },
      datasetInfo: info,
      training: { ...DEFAULT_TRAINING, batchSize: 8, testSplit: 0 },
      datasetBaseUrl: 'file:///',
      pauseAfterFirstStep: false,
      restoreFrom: null,
      partner: null,
    };
    const run = createRun(
      request,
      { ...splitData({ x, y, count }, 0.2, 0), tokens: vocabulary },
      () => 0,
      () => undefined,
    );
    try {
      const first = await computeProbes(run, settings({ generation: true }));
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) await computeProbes(run, settings({ generation: true }));
      expect(tf.memory().numTensors).toBe(before);
      const generated = first.generation;
      expect(generated?.text).toHaveLength(GENERATED_CHARACTERS);
      expect(generated?.text).toMatch(/^[abc □]+$/);
      expect(generated?.prompt).toHaveLength(length);
      expect(generated?.prompt).toMatch(/^[abc ]+$/);
      // Other datasets never generate.
      expect(first.activations).toBeUndefined();
    } finally {
      disposeRun(run);
    }
  });
});
