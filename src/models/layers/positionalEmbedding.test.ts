import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PositionalEmbedding, positionalEmbeddingParamCount, sinusoidalTable } from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function build(mode: 'learned' | 'sinusoidal', maxLength: number, time: number, d: number) {
  const layer = new PositionalEmbedding({ mode, maxLength, seed: 3 });
  const output = layer.apply(tf.input({ shape: [time, d] })) as tf.SymbolicTensor;
  return { layer, output };
}

describe('PositionalEmbedding', () => {
  it('learned: maxLength·d trainable parameters, output shape = input shape', () => {
    const { layer, output } = build('learned', 10, 6, 16);
    expect(layer.countParams()).toBe(160);
    expect(positionalEmbeddingParamCount('learned', 10, 16)).toBe(160);
    expect(layer.trainableWeights.map((w) => w.shape)).toEqual([[10, 16]]);
    expect(output.shape).toEqual([null, 6, 16]);
    layer.dispose();
  });

  it('sinusoidal: no parameters at all', () => {
    const { layer, output } = build('sinusoidal', 10, 6, 16);
    expect(layer.countParams()).toBe(0);
    expect(layer.weights).toHaveLength(0);
    expect(positionalEmbeddingParamCount('sinusoidal', 10, 16)).toBe(0);
    expect(output.shape).toEqual([null, 6, 16]);
    layer.dispose();
  });

  it('sinusoidal: adds sin on even and cos on odd dimensions', async () => {
    const [T, d] = [5, 6];
    const layer = new PositionalEmbedding({ mode: 'sinusoidal', maxLength: 8, seed: 0 });
    const x = tf.zeros([2, T, d]);
    const out = layer.apply(x) as tf.Tensor;
    const values = await out.data();
    const at = (b: number, pos: number, j: number) => values[(b * T + pos) * d + j] ?? NaN;
    for (let j = 0; j < d; j++) {
      expect(at(0, 0, j)).toBeCloseTo(j % 2 === 0 ? 0 : 1, 6); // sin 0 = 0, cos 0 = 1
    }
    expect(at(0, 1, 0)).toBeCloseTo(Math.sin(1), 6);
    expect(at(0, 1, 1)).toBeCloseTo(Math.cos(1), 6);
    expect(at(1, 3, 2)).toBeCloseTo(Math.sin(3 / Math.pow(10000, 2 / d)), 6);
    expect(at(1, 4, 5)).toBeCloseTo(Math.cos(4 / Math.pow(10000, 4 / d)), 6);
    // Same table for every batch row, and exactly what sinusoidalTable gives.
    const table = sinusoidalTable(8, d);
    for (let b = 0; b < 2; b++) {
      for (let i = 0; i < T * d; i++) expect(values[b * T * d + i]).toBe(table[i]);
    }
    tf.dispose([x, out]);
    layer.dispose();
  });

  it('sinusoidal: odd feature sizes end on a sin dimension', () => {
    const table = sinusoidalTable(3, 5);
    expect(table[2 * 5 + 4]).toBeCloseTo(Math.sin(2 / Math.pow(10000, 4 / 5)), 6);
  });

  it('learned: output = input + the first T rows of the table', async () => {
    const [T, d] = [4, 3];
    const layer = new PositionalEmbedding({ mode: 'learned', maxLength: 7, seed: 5 });
    const x = tf.randomNormal([2, T, d], 0, 1, 'float32', 1);
    const out = layer.apply(x) as tf.Tensor;
    const [xs, ys, table] = await Promise.all([
      x.data(),
      out.data(),
      (layer.trainableWeights[0] as tf.LayerVariable).read().data(),
    ]);
    for (let b = 0; b < 2; b++) {
      for (let i = 0; i < T * d; i++) {
        const idx = b * T * d + i;
        expect(Math.abs((ys[idx] ?? NaN) - ((xs[idx] ?? NaN) + (table[i] ?? NaN)))).toBeLessThan(
          1e-6,
        );
      }
    }
    tf.dispose([x, out]);
    layer.dispose();
  });

  it('learned: the gradient reaches exactly the used rows of the table', async () => {
    const [T, d, maxLength] = [3, 4, 6];
    const layer = new PositionalEmbedding({ mode: 'learned', maxLength, seed: 2 });
    const x = tf.randomNormal([2, T, d], 0, 1, 'float32', 4);
    tf.dispose(layer.apply(x) as tf.Tensor); // builds the table
    const table = layer.trainableWeights[0]?.read() as tf.Variable;
    const { value, grads } = tf.variableGrads(
      () => tf.sum(tf.square(layer.apply(x) as tf.Tensor)),
      [table],
    );
    const grad = grads[table.name];
    expect(grad?.shape).toEqual([maxLength, d]);
    const g = await (grad as tf.Tensor).data();
    expect(g.every(Number.isFinite)).toBe(true);
    for (let pos = 0; pos < maxLength; pos++) {
      const row = Array.from(g.subarray(pos * d, (pos + 1) * d));
      if (pos < T) expect(row.some((v) => v !== 0)).toBe(true);
      else expect(row.every((v) => v === 0)).toBe(true); // rows past T are unused
    }
    tf.dispose([x, value, ...Object.values(grads)]);
    layer.dispose();
  });

  it('the same seed gives the same learned table', async () => {
    const read = async (seed: number) => {
      const layer = new PositionalEmbedding({ mode: 'learned', maxLength: 5, seed });
      tf.tidy(() => layer.apply(tf.zeros([1, 5, 4])) as tf.Tensor).dispose(); // builds the table
      const values = Array.from(await layer.getWeights()[0]!.data());
      layer.dispose();
      return values;
    };
    expect(await read(8)).toEqual(await read(8));
    expect(await read(8)).not.toEqual(await read(9));
  });

  it('rejects sequences longer than maxLength and bad arguments', () => {
    expect(() => build('learned', 4, 6, 8)).toThrow(/maxLength/);
    const layer = new PositionalEmbedding({ mode: 'sinusoidal', maxLength: 4, seed: 0 });
    expect(() => layer.apply(tf.zeros([1, 5, 2]))).toThrow(/maxLength/);
    expect(() => new PositionalEmbedding({ mode: 'learned', maxLength: 0, seed: 0 })).toThrow(
      /maxLength/,
    );
    expect(
      () =>
        new PositionalEmbedding({ mode: 'rotary' as unknown as 'learned', maxLength: 4, seed: 0 }),
    ).toThrow(/mode/);
  });

  it.each(['learned', 'sinusoidal'] as const)(
    '%s: config round-trips through save/load with identical outputs',
    async (mode) => {
      const input = tf.input({ shape: [5, 4] });
      const output = new PositionalEmbedding({ mode, maxLength: 8, seed: 6, name: 'pe' }).apply(
        input,
      ) as tf.SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: output });
      let saved: tf.io.ModelArtifacts | null = null;
      await model.save(
        tf.io.withSaveHandler(async (artifacts) => {
          saved = artifacts;
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
      const loaded = await tf.loadLayersModel(
        tf.io.fromMemory(saved as unknown as tf.io.ModelArtifacts),
      );
      expect(loaded.getLayer('pe')).toBeInstanceOf(PositionalEmbedding);
      expect(loaded.getLayer('pe').getConfig()).toEqual(model.getLayer('pe').getConfig());
      expect(model.getLayer('pe').getConfig()).toMatchObject({ mode, maxLength: 8, seed: 6 });
      const x = tf.randomNormal([2, 5, 4], 0, 1, 'float32', 7);
      const diff = tf.tidy(() =>
        tf.max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor))),
      );
      expect((await diff.data())[0]).toBeLessThan(1e-6);
      tf.dispose([x, diff]);
      loaded.dispose();
      model.dispose();
    },
  );
});
