import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAttentionProbe } from './attentionProbe';
import { buildModel } from './builder';
import type { ModelSpec } from './spec';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const spec: ModelSpec = {
  version: 1,
  layers: [
    { id: 'e', kind: 'embedding', inputDim: 10, outputDim: 16 },
    { id: 'p', kind: 'positional', mode: 'sinusoidal', maxLength: 8 },
    { id: 'a', kind: 'attention', numHeads: 2, keyDim: 8, causal: true, dropout: 0 },
    {
      id: 't',
      kind: 'transformerblock',
      numHeads: 4,
      keyDim: 4,
      ffUnits: 32,
      dropout: 0,
      causal: false,
    },
    { id: 'd', kind: 'dense', units: 10, activation: 'softmax' },
  ],
};

describe('buildAttentionProbe', () => {
  it('returns the maps of every attention layer, blocks included, sharing the weights', async () => {
    const model = buildModel(spec, [8], 1);
    const probe = buildAttentionProbe(model);
    expect(probe).not.toBeNull();
    if (!probe) return;
    expect(probe.layerNames).toHaveLength(2);
    // The probe holds no weights of its own.
    expect(probe.model.countParams()).toBeLessThanOrEqual(model.countParams());
    const probeVariables = new Set(probe.model.weights.map((w) => w.read()));
    for (const w of probe.model.weights) {
      expect(model.weights.some((m) => m.read() === w.read())).toBe(true);
    }
    expect(probeVariables.size).toBeGreaterThan(0);

    const x = tf.tensor2d([[1, 2, 3, 4, 5, 6, 7, 8]]);
    const maps = probe.model.predict(x) as tf.Tensor[];
    expect(maps.map((m) => m.shape)).toEqual([
      [1, 2, 8, 8],
      [1, 4, 8, 8],
    ]);
    const causal = (await maps[0]!.array()) as number[][][][];
    for (const head of causal[0]!) {
      head.forEach((row, i) => {
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        row.slice(i + 1).forEach((v) => expect(v).toBeLessThan(1e-6));
      });
    }
    // Training the model changes what the probe reports: the same variables.
    const before = await maps[1]!.data();
    const variable = model
      .getLayer(probe.layerNames[1] ?? '')
      .trainableWeights[0]!.read() as tf.Variable;
    variable.assign(tf.mul(variable, 3));
    const after = (probe.model.predict(x) as tf.Tensor[])[1]!;
    expect(Array.from(await after.data())).not.toEqual(Array.from(before));
    tf.dispose([x, ...maps, after]);
    model.dispose();
  });

  it('is null for a model without attention', () => {
    const model = buildModel(
      { version: 1, layers: [{ id: 'd', kind: 'dense', units: 2, activation: 'softmax' }] },
      [2],
      1,
    );
    expect(buildAttentionProbe(model)).toBeNull();
    model.dispose();
  });
});
