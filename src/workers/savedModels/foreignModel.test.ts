import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishText } from '../../shared/messages/englishText';
import { converterFile, k2Dense, k2Input, k2Layer } from '../../models/import/testing/fixtures';
import { makeExperiment } from '../../shared/experiment';
import type { UploadedFile } from '../../shared/protocol';
import type { Answer } from '../commandDispatch';
import { refusal } from '../testing/refusal';
import { harness, request } from '../testing/sessionHarness';
import { modelHandlers, type ModelServiceDeps } from './modelService';
import { createMemorySavedModelStore } from './savedModelStore';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A Keras 2 MLP for the XOR points (2 inputs), as the tfjs converter writes it, with weights. */
const KERAS_XOR = converterFile(
  {
    class_name: 'Sequential',
    config: {
      name: 'sequential',
      layers: [
        k2Input('dense_input', [null, 2]),
        k2Dense('dense', 8, 'tanh'),
        k2Layer('Dropout', 'dropout', { rate: 0.1, noise_shape: null, seed: null }),
        k2Dense('dense_1', 2, 'softmax'),
      ],
    },
  },
  [
    { name: 'dense/kernel', shape: [2, 8] },
    { name: 'dense/bias', shape: [8] },
    { name: 'dense_1/kernel', shape: [8, 2] },
    { name: 'dense_1/bias', shape: [2] },
  ],
);

/** Deterministic weights: value i of the file is sin(i) / 2. */
const VALUES = Float32Array.from({ length: 2 * 8 + 8 + 8 * 2 + 2 }, (_, i) => Math.sin(i) / 2);

const files = (withWeights: boolean): UploadedFile[] => [
  { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(KERAS_XOR)).buffer },
  ...(withWeights ? [{ name: 'group1-shard1of1.bin', bytes: VALUES.slice().buffer }] : []),
];

function deps(store = createMemorySavedModelStore()): ModelServiceDeps {
  return {
    store,
    currentRun: () => null,
    backend: () => 'cpu',
    newId: () => 'model:keras',
    now: () => new Date(Date.UTC(2026, 10, 23)),
  };
}

const experiment = makeExperiment({
  name: '',
  spec: { version: 1, layers: [] },
  dataset: request().dataset,
  training: request().training,
  views: { open: [], intervalMs: 250 },
});

function imported(answer: Answer<'uploadModel'>) {
  if (answer.type !== 'modelImported') throw new Error(JSON.stringify(answer));
  return answer;
}

describe('uploading a Keras model', () => {
  it('gives the design; with its weights, a saved model whose predictions use them', async () => {
    const store = createMemorySavedModelStore();
    const withWeights = imported(
      await modelHandlers(deps(store)).uploadModel({
        type: 'uploadModel',
        requestId: 1,
        files: files(true),
        experiment,
      }),
    );
    expect(withWeights.spec.layers.map((l) => l.kind)).toEqual(['dense', 'dropout', 'dense']);
    expect(withWeights.inputShape).toEqual([2]);
    expect(withWeights.entry).toMatchObject({ source: 'keras', params: 42, step: 0 });

    // Load it as a run on the XOR points: the model computes softmax(tanh(x·W1 + b1)·W2 + b2).
    const h = harness({ loadSavedModel: (id) => store.getModel(id) });
    const req = request({
      spec: withWeights.spec,
      restoreFrom: { kind: 'savedModel', id: 'model:keras' },
    });
    await h.session.handle({ type: 'start', request: req });
    expect(h.session.phase).toBe('paused');
    const x = tf.tensor2d([[0.5, -1]]);
    const out = h.session.model?.predict(x) as tf.Tensor;
    const w1 = tf.tensor2d(VALUES.slice(0, 16), [2, 8]);
    const b1 = tf.tensor1d(VALUES.slice(16, 24));
    const w2 = tf.tensor2d(VALUES.slice(24, 40), [8, 2]);
    const b2 = tf.tensor1d(VALUES.slice(40, 42));
    const expected = tf.softmax(tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, w1), b1)), w2), b2));
    const [got, want] = [await out.data(), await expected.data()];
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i] ?? NaN, 6));
    const restored = h.events.find((e) => e.type === 'restored');
    expect(restored?.type === 'restored' ? restored.notes.map(englishText) : []).toEqual([
      'The file has no optimizer state: the optimizer starts afresh.',
    ]);
    tf.dispose([x, out, w1, b1, w2, b2, expected]);
    await h.session.handle({ type: 'reset' });
  });

  it('without its weight files gives the design and says the weights were not loaded', async () => {
    const event = imported(
      await modelHandlers(deps()).uploadModel({
        type: 'uploadModel',
        requestId: 2,
        files: files(false),
        experiment,
      }),
    );
    expect(event.entry).toBeNull();
    expect(event.notes.map(englishText).join(' ')).toMatch(
      /weights were not loaded: choose the \.bin files/,
    );
  });

  it('names every unsupported layer and stores nothing', async () => {
    const store = createMemorySavedModelStore();
    const bad = converterFile({
      class_name: 'Sequential',
      config: {
        name: 'sequential',
        layers: [
          k2Input('in', [null, 20, 3]),
          k2Layer('Conv1D', 'conv1d_3', { filters: 4, kernel_size: [3] }),
          k2Layer('Bidirectional', 'bidirectional', {}),
          k2Dense('dense', 2, 'softmax'),
        ],
      },
    });
    const message = await refusal(
      modelHandlers(deps(store)).uploadModel({
        type: 'uploadModel',
        requestId: 3,
        files: [{ name: 'odd.json', bytes: new TextEncoder().encode(JSON.stringify(bad)).buffer }],
        experiment,
      }),
    );
    expect(message).toMatch(/^odd\.json: /);
    expect(message).toContain('conv1d_3');
    expect(message).toContain('Bidirectional');
    expect(await store.list()).toEqual([]);
  });
});
