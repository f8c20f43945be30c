import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../data/random';
import { MultiHeadSelfAttention, PositionalEmbedding, attentionParamCount } from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Dims {
  d: number;
  h: number;
  k: number;
}

/** A layer built on a symbolic [null, T, d] input; returns the layer and its two symbolic outputs. */
function buildLayer(dims: Dims, time: number, causal = false, seed = 7) {
  const layer = new MultiHeadSelfAttention({ numHeads: dims.h, keyDim: dims.k, causal, seed });
  const input = tf.input({ shape: [time, dims.d] });
  const [output, maps] = layer.apply(input) as tf.SymbolicTensor[];
  return { layer, input, output: output as tf.SymbolicTensor, maps: maps as tf.SymbolicTensor };
}

function callLayer(layer: tf.layers.Layer, x: tf.Tensor, training = false): [tf.Tensor, tf.Tensor] {
  const [output, maps] = layer.apply(x, { training }) as tf.Tensor[];
  return [output as tf.Tensor, maps as tf.Tensor];
}

/** Overwrites every weight (biases included) with seeded values so a reference check sees them all. */
function randomiseWeights(layer: tf.layers.Layer, seed: number): void {
  const random = createRandom(seed);
  layer.setWeights(
    layer.getWeights().map((w) => {
      const values = Float32Array.from({ length: w.size }, () => random() * 2 - 1);
      return tf.tensor(values, w.shape);
    }),
  );
}

describe('MultiHeadSelfAttention', () => {
  // Keras MultiHeadAttention(num_heads=h, key_dim=k) as self-attention on d features:
  // 3·(d·h·k + h·k) + h·k·d + d. Computed by hand:
  //   d=16,h=2,k=8:  3·(256+16) + 256+16   =  1,088
  //   d=64,h=4,k=16: 3·(4096+64) + 4096+64 = 16,640
  //   d=32,h=4,k=8:  3·(1024+32) + 1024+32 =  4,224
  //   d=12,h=3,k=5:  3·(180+15) + 180+12   =    777  (h·k ≠ d)
  it.each([
    [16, 2, 8, 1088],
    [64, 4, 16, 16640],
    [32, 4, 8, 4224],
    [12, 3, 5, 777],
  ])('d=%i h=%i k=%i has the Keras parameter count %i', (d, h, k, expected) => {
    const { layer } = buildLayer({ d, h, k }, 5);
    expect(layer.countParams()).toBe(expected);
    expect(attentionParamCount(d, h, k)).toBe(expected);
    expect(layer.trainableWeights.map((w) => w.shape)).toEqual([
      [d, h * k],
      [h * k],
      [d, h * k],
      [h * k],
      [d, h * k],
      [h * k],
      [h * k, d],
      [d],
    ]);
    layer.dispose();
  });

  it('gives outputs [B,T,d] and maps [B,h,T,T], symbolically and on tensors', () => {
    const { layer, output, maps } = buildLayer({ d: 16, h: 2, k: 8 }, 5);
    expect(output.shape).toEqual([null, 5, 16]);
    expect(maps.shape).toEqual([null, 2, 5, 5]);
    expect(layer.computeOutputShape([3, 5, 16])).toEqual([
      [3, 5, 16],
      [3, 2, 5, 5],
    ]);
    const x = tf.randomNormal([3, 5, 16], 0, 1, 'float32', 1);
    const [out, attn] = callLayer(layer, x);
    expect(out.shape).toEqual([3, 5, 16]);
    expect(attn.shape).toEqual([3, 2, 5, 5]);
    tf.dispose([x, out, attn]);
    layer.dispose();
  });

  it.each([false, true])(
    'causal=%s: every map row sums to 1; causal maps are 0 above the diagonal',
    async (causal) => {
      const [B, T, h] = [2, 6, 3];
      const { layer } = buildLayer({ d: 8, h, k: 4 }, T, causal, 11);
      randomiseWeights(layer, 5);
      const x = tf.randomNormal([B, T, 8], 0, 2, 'float32', 2);
      const [out, attn] = callLayer(layer, x);
      const values = await attn.data();
      let aboveMax = 0;
      let belowMax = 0;
      for (let row = 0; row < B * h * T; row++) {
        const t = row % T;
        let sum = 0;
        for (let s = 0; s < T; s++) {
          const a = values[row * T + s] ?? NaN;
          sum += a;
          if (s > t) aboveMax = Math.max(aboveMax, a);
          else belowMax = Math.max(belowMax, a);
        }
        expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
      }
      if (causal) expect(aboveMax).toBeLessThan(1e-6);
      else expect(aboveMax).toBeGreaterThan(1e-3); // the unmasked layer does look ahead
      expect(belowMax).toBeGreaterThan(0);
      tf.dispose([x, out, attn]);
      layer.dispose();
    },
  );

  it.each([false, true])(
    'causal=%s: matches a plain-loop reference (B=1,T=3,d=4,h=2,k=2)',
    async (causal) => {
      const [T, d, h, k] = [3, 4, 2, 2];
      const { layer } = buildLayer({ d, h, k }, T, causal, 3);
      randomiseWeights(layer, 9);
      const xValues = [0.5, -1, 2, 0.1, -0.3, 0.8, -1.5, 1.2, 1, 0.2, -0.7, -2];
      const x = tf.tensor3d(xValues, [1, T, d]);
      const [out, attn] = callLayer(layer, x);
      const [wq, bq, wk, bk, wv, bv, wo, bo] = await Promise.all(
        layer.trainableWeights.map(async (w) => Array.from(await w.read().data())),
      );
      const at = (a: number[] | undefined, i: number) => a?.[i] ?? NaN;
      const X = (t: number, i: number) => at(xValues, t * d + i);

      // Projections: P[t][j] = Σ_i x[t][i] W[i][j] + b[j], with j = head·k + c.
      const project = (w: number[] | undefined, b: number[] | undefined) =>
        Array.from({ length: T }, (_, t) =>
          Array.from({ length: h * k }, (_, j) => {
            let s = at(b, j);
            for (let i = 0; i < d; i++) s += X(t, i) * at(w, i * h * k + j);
            return s;
          }),
        );
      const Q = project(wq, bq);
      const K = project(wk, bk);
      const V = project(wv, bv);
      const expectedMaps: number[] = [];
      const context = Array.from({ length: T }, () => new Array<number>(h * k).fill(0));
      for (let head = 0; head < h; head++) {
        for (let t = 0; t < T; t++) {
          const scores = Array.from({ length: T }, (_, s) => {
            if (causal && s > t) return -Infinity;
            let dot = 0;
            for (let c = 0; c < k; c++) {
              dot += (Q[t]?.[head * k + c] ?? NaN) * (K[s]?.[head * k + c] ?? NaN);
            }
            return dot / Math.sqrt(k);
          });
          const max = Math.max(...scores);
          const exps = scores.map((v) => Math.exp(v - max));
          const total = exps.reduce((a, b) => a + b, 0);
          const weights = exps.map((e) => e / total);
          expectedMaps.push(...weights);
          for (let c = 0; c < k; c++) {
            let s = 0;
            for (let u = 0; u < T; u++) s += (weights[u] ?? NaN) * (V[u]?.[head * k + c] ?? NaN);
            const row = context[t];
            if (row) row[head * k + c] = s;
          }
        }
      }
      const expectedOut: number[] = [];
      for (let t = 0; t < T; t++) {
        for (let o = 0; o < d; o++) {
          let s = at(bo, o);
          for (let j = 0; j < h * k; j++) s += (context[t]?.[j] ?? NaN) * at(wo, j * d + o);
          expectedOut.push(s);
        }
      }
      const gotMaps = Array.from(await attn.data());
      const gotOut = Array.from(await out.data());
      expect(gotMaps).toHaveLength(expectedMaps.length);
      expect(gotOut).toHaveLength(expectedOut.length);
      gotMaps.forEach((v, i) => expect(Math.abs(v - at(expectedMaps, i))).toBeLessThan(1e-4));
      gotOut.forEach((v, i) => expect(Math.abs(v - at(expectedOut, i))).toBeLessThan(1e-4));
      tf.dispose([x, out, attn]);
      layer.dispose();
    },
  );

  it.each([
    ['plain', false, 0],
    ['causal with dropout', true, 0.2],
  ] as const)(
    '%s: every weight gets a finite, non-zero gradient',
    async (_label, causal, dropout) => {
      const layer = new MultiHeadSelfAttention({
        numHeads: 2,
        keyDim: 3,
        causal,
        dropout,
        seed: 4,
      });
      const x = tf.randomNormal([2, 5, 6], 0, 1, 'float32', 3);
      tf.dispose(callLayer(layer, x)); // builds the weights
      const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      expect(variables).toHaveLength(8);
      const target = tf.randomNormal([2, 5, 6], 0, 1, 'float32', 8);
      const { value, grads } = tf.variableGrads(() => {
        const [out] = callLayer(layer, x, true);
        return tf.losses.meanSquaredError(target, out);
      }, variables);
      for (const v of variables) {
        const g = grads[v.name];
        expect(g, v.name).toBeDefined();
        expect(g?.shape).toEqual(v.shape);
        const values = await (g as tf.Tensor).data();
        expect(values.every(Number.isFinite), v.name).toBe(true);
        expect(
          values.some((a) => a !== 0),
          v.name,
        ).toBe(true);
      }
      expect(Number.isFinite((await value.data())[0])).toBe(true);
      tf.dispose([x, target, value, ...Object.values(grads)]);
      layer.dispose();
    },
  );

  it('applies dropout to the weights only while training', async () => {
    const layer = new MultiHeadSelfAttention({ numHeads: 2, keyDim: 4, dropout: 0.5, seed: 1 });
    const x = tf.randomNormal([2, 4, 8], 0, 1, 'float32', 3);
    const [inferA, mapsA] = callLayer(layer, x, false);
    const [inferB] = callLayer(layer, x, false);
    const [trained, mapsTrained] = callLayer(layer, x, true);
    const diff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b)));
    const [same, differs, mapsSame] = [
      diff(inferA, inferB),
      diff(inferA, trained),
      diff(mapsA, mapsTrained),
    ];
    expect((await same.data())[0]).toBe(0);
    expect((await differs.data())[0]).toBeGreaterThan(1e-3);
    // The returned maps are the softmax before dropout (as Keras returns them).
    expect((await mapsSame.data())[0]).toBe(0);
    tf.dispose([x, inferA, mapsA, inferB, trained, mapsTrained, same, differs, mapsSame]);
    layer.dispose();
  });

  it('rejects invalid arguments', () => {
    expect(() => new MultiHeadSelfAttention({ numHeads: 0, keyDim: 4, seed: 1 })).toThrow(
      /numHeads/,
    );
    expect(() => new MultiHeadSelfAttention({ numHeads: 2, keyDim: 1.5, seed: 1 })).toThrow(
      /keyDim/,
    );
    expect(
      () => new MultiHeadSelfAttention({ numHeads: 2, keyDim: 4, dropout: 1, seed: 1 }),
    ).toThrow(/dropout/);
  });

  it('the same seed gives the same weights, a different seed different ones; kernels differ', async () => {
    const read = async (seed: number) => {
      const { layer } = buildLayer({ d: 8, h: 2, k: 4 }, 3, false, seed);
      const values = await Promise.all(
        layer.getWeights().map(async (w) => Array.from(await w.data())),
      );
      layer.dispose();
      return values;
    };
    const [a, b, c] = [await read(5), await read(5), await read(6)];
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(c[0]);
    expect(a[0]).not.toEqual(a[2]); // query and key kernels use distinct derived seeds
    expect(a[2]).not.toEqual(a[4]);
  });
});

/** Token reversal: target[t] = tokens[T-1-t]. One-hot targets [N, T, V]. */
function reversalData(count: number, time: number, vocab: number, seed: number) {
  const random = createRandom(seed);
  const tokens = Int32Array.from({ length: count * time }, () => Math.floor(random() * vocab));
  const reversed = new Int32Array(count * time);
  for (let n = 0; n < count; n++) {
    for (let t = 0; t < time; t++) {
      reversed[n * time + t] = tokens[n * time + (time - 1 - t)] ?? 0;
    }
  }
  return tf.tidy(() => ({
    x: tf.tensor2d(tokens, [count, time], 'int32'),
    y: tf.oneHot(tf.tensor1d(reversed, 'int32'), vocab).reshape([count, time, vocab]),
  }));
}

/** tokens → Embedding → learned positions → attention → per-position Dense softmax. */
function toyModel(time: number, vocab: number, dims: Dims, seed: number) {
  const input = tf.input({ shape: [time], dtype: 'int32', name: 'tokens' });
  const embedded = tf.layers
    .embedding({
      inputDim: vocab,
      outputDim: dims.d,
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed }),
      name: 'embedding',
    })
    .apply(input) as tf.SymbolicTensor;
  const positioned = new PositionalEmbedding({
    mode: 'learned',
    maxLength: time,
    seed: seed + 1,
    name: 'positions',
  }).apply(embedded) as tf.SymbolicTensor;
  const attention = new MultiHeadSelfAttention({
    numHeads: dims.h,
    keyDim: dims.k,
    seed: seed + 2,
    name: 'attention',
  });
  const [attended, maps] = attention.apply(positioned) as tf.SymbolicTensor[];
  // Dense on [B, T, d]: tfjs-layers' K.dot reshapes to [B·T, d] internally, so its gradient works.
  const probs = tf.layers
    .dense({
      units: vocab,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 3 }),
      name: 'readout',
    })
    .apply(attended as tf.SymbolicTensor) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: probs, name: 'toy_reversal' });
  return { model, attention, maps: maps as tf.SymbolicTensor };
}

function crossEntropy(y: tf.Tensor, probs: tf.Tensor): tf.Scalar {
  return tf.tidy(
    () => tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(tf.add(probs, 1e-7))), -1))) as tf.Scalar,
  );
}

describe('MultiHeadSelfAttention in a model', () => {
  it('learns to reverse a token sequence (loss falls by more than half)', async () => {
    // Measured on cpu with seeds 42, 7 and 123: loss ≈1.65 → 0.5–0.8 after 25 steps, ≈0.01 after
    // 50 (8e-6 after 80), so 50 steps leave a wide margin (1–4 s).
    const [T, V, batch, steps] = [6, 5, 32, 50];
    const { model } = toyModel(T, V, { d: 16, h: 2, k: 8 }, 42);
    const data = reversalData(256, T, V, 1);
    const optimizer = tf.train.adam(0.01);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const lossOn = (x: tf.Tensor, y: tf.Tensor) =>
      crossEntropy(y, model.apply(x, { training: true }) as tf.Tensor);
    const fullLoss = async () => {
      const loss = tf.tidy(() => lossOn(data.x, data.y));
      const [value = NaN] = await loss.data();
      loss.dispose();
      return value;
    };
    const before = await fullLoss();
    for (let step = 0; step < steps; step++) {
      const start = (step * batch) % 256;
      tf.tidy(() => {
        const xb = data.x.slice([start, 0], [batch, T]);
        const yb = data.y.slice([start, 0, 0], [batch, T, V]);
        optimizer.minimize(() => lossOn(xb, yb), false, variables);
      });
    }
    const after = await fullLoss();
    expect(before).toBeGreaterThan(1.4); // ≈ ln 5 at the start
    expect(after).toBeLessThan(0.5 * before);
    tf.dispose([data.x, data.y]);
    optimizer.dispose();
    model.dispose();
  });

  it('holds no extra tensors between training steps', () => {
    const [T, V, batch] = [6, 5, 16];
    const { model } = toyModel(T, V, { d: 8, h: 2, k: 4 }, 3);
    const data = reversalData(batch, T, V, 2);
    const optimizer = tf.train.adam(0.01);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const counts = new Map<number, number>();
    for (let step = 1; step <= 50; step++) {
      tf.tidy(() => {
        optimizer.minimize(
          () => crossEntropy(data.y, model.apply(data.x, { training: true }) as tf.Tensor),
          false,
          variables,
        );
      });
      counts.set(step, tf.memory().numTensors);
    }
    expect(counts.get(50)).toBe(counts.get(10));
    tf.dispose([data.x, data.y]);
    optimizer.dispose();
    model.dispose();
  });

  it('round-trips through save/load with identical predictions and config', async () => {
    const [T, V] = [6, 5];
    const { model } = toyModel(T, V, { d: 8, h: 2, k: 4 }, 9);
    const x = reversalData(4, T, V, 3).x;
    let saved: tf.io.ModelArtifacts | null = null;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    expect(saved).not.toBeNull();
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory(saved as unknown as tf.io.ModelArtifacts),
    );
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(
      model.layers.map((l) => l.getClassName()),
    );
    // Our layers' configs round-trip exactly. (tfjs's own Embedding does not: it comes back with
    // dtype added and undefined fields turned into null, so it is left out of this comparison.)
    for (const name of ['positions', 'attention', 'readout']) {
      expect(loaded.getLayer(name).getConfig()).toEqual(model.getLayer(name).getConfig());
    }
    expect(loaded.getLayer('attention')).toBeInstanceOf(MultiHeadSelfAttention);
    expect(loaded.getLayer('positions')).toBeInstanceOf(PositionalEmbedding);
    const diff = tf.tidy(() =>
      tf.max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor))),
    );
    expect((await diff.data())[0]).toBeLessThan(1e-6);
    tf.dispose([x, diff]);
    loaded.dispose();
    model.dispose();
  });

  it('a probe model on the same layer reads the maps [B,h,T,T] and shares the weights', async () => {
    const [T, V] = [6, 5];
    const { model, attention, maps } = toyModel(T, V, { d: 8, h: 2, k: 4 }, 5);
    const params = model.countParams();
    const probe = tf.model({ inputs: model.inputs, outputs: maps });
    expect(model.countParams()).toBe(params);
    // The probe's weights are the same Variable objects, a subset of the model's (no readout).
    const modelVars = new Set(model.weights.map((w) => w.read()));
    expect(probe.weights.length).toBeGreaterThan(0);
    for (const w of probe.weights) expect(modelVars.has(w.read())).toBe(true);
    expect(probe.countParams()).toBe(params - (8 * V + V)); // everything except the readout Dense
    const x = reversalData(3, T, V, 4).x;
    const out = probe.predict(x) as tf.Tensor;
    expect(out.shape).toEqual([3, 2, T, T]);
    // Training the model moves what the probe sees: one shared set of weights.
    const before = await out.data();
    attention.setWeights(attention.getWeights().map((w) => tf.mul(w, 2)));
    const after = probe.predict(x) as tf.Tensor;
    expect(Array.from(await after.data())).not.toEqual(Array.from(before));
    tf.dispose([x, out, after]);
    model.dispose();
  });
});
