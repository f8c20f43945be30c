import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickNext, samplingLogits, uniformsFor } from './sampling';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 64 rows of random distributions over 12 tokens. */
function randomDistributions(seed: number): tf.Tensor2D {
  return tf.tidy(() => tf.softmax(tf.randomNormal([64, 12], 0, 2, 'float32', seed)) as tf.Tensor2D);
}

async function idsOf(p: tf.Tensor2D, temperature: number, topK: number, seed: number) {
  const uniforms = uniformsFor(seed, p.shape[0]);
  const { id, sampledProbability } = pickNext(p, { temperature, topK }, uniforms);
  const [ids, probabilities] = await Promise.all([id.data(), sampledProbability.data()]);
  id.dispose();
  sampledProbability.dispose();
  return { ids: Array.from(ids), probabilities: Array.from(probabilities) };
}

describe('pickNext', () => {
  it('temperature → 0 equals argmax decoding', async () => {
    const p = randomDistributions(3);
    const argmax = Array.from(await tf.argMax(p, 1).data());
    const greedy = await idsOf(p, 0, 0, 1);
    expect(greedy.ids).toEqual(argmax);
    expect(greedy.probabilities.every((v) => v === 1)).toBe(true);
    for (const seed of [1, 2, 3]) {
      const cold = await idsOf(p, 1e-4, 0, seed);
      expect(cold.ids).toEqual(argmax);
      cold.probabilities.forEach((v) => expect(v).toBeCloseTo(1, 5));
    }
    p.dispose();
  });

  it('temperatures too small for float32 (1e-39) are greedy, not NaN', async () => {
    const p = randomDistributions(5);
    const argmax = Array.from(await tf.argMax(p, 1).data());
    const tiny = await idsOf(p, 1e-39, 0, 1);
    expect(tiny.ids).toEqual(argmax);
    expect(tiny.probabilities.every((v) => v === 1)).toBe(true);
    p.dispose();
  });

  it('top-1 is argmax at any temperature; top-k draws only among the k likeliest', async () => {
    const p = randomDistributions(4);
    const argmax = Array.from(await tf.argMax(p, 1).data());
    expect((await idsOf(p, 2, 1, 9)).ids).toEqual(argmax);
    const { indices } = tf.topk(p, 3);
    const top3 = (await indices.array()) as number[][];
    for (const seed of [5, 6, 7, 8]) {
      const { ids } = await idsOf(p, 3, 3, seed);
      ids.forEach((id, row) => expect(top3[row]).toContain(id));
    }
    indices.dispose();
    p.dispose();
  });

  it('at temperature 1 without top-k draws with the model’s own probabilities', async () => {
    // p = [0.1, 0.2, 0.7] in each of 4,000 rows, each row with its own uniform number.
    const p = tf.tile(tf.tensor2d([[0.1, 0.2, 0.7]]), [4000, 1]) as tf.Tensor2D;
    const { ids, probabilities } = await idsOf(p, 1, 0, 11);
    const share = (k: number) => ids.filter((id) => id === k).length / ids.length;
    expect(share(0)).toBeCloseTo(0.1, 1);
    expect(share(1)).toBeCloseTo(0.2, 1);
    expect(share(2)).toBeCloseTo(0.7, 1);
    ids.forEach((id, i) => expect(probabilities[i]).toBeCloseTo([0.1, 0.2, 0.7][id] ?? NaN, 4));
    p.dispose();
  });

  it('the inverse CDF: a uniform number picks the token whose cumulative share passes it', async () => {
    const p = tf.tile(tf.tensor2d([[0.1, 0.2, 0.7]]), [5, 1]) as tf.Tensor2D;
    const uniforms = Float32Array.from([0, 0.05, 0.15, 0.31, 0.999]);
    const { id, sampledProbability } = pickNext(p, { temperature: 1, topK: 0 }, uniforms);
    expect(Array.from(await id.data())).toEqual([0, 0, 1, 2, 2]);
    tf.dispose([p, id, sampledProbability]);
  });

  it('never draws a token top-k excluded, even with a uniform number at the very top', async () => {
    // The likeliest two are the first two; u ≈ 1 must land on the second, not on an excluded one.
    const p = tf.tensor2d([[0.5, 0.3, 0.15, 0.05]]);
    const { id } = pickNext(p, { temperature: 1, topK: 2 }, Float32Array.from([0.9999999]));
    expect(Array.from(await id.data())).toEqual([1]);
    tf.dispose([p, id]);
  });

  it('the same seed draws the same tokens; another seed others', async () => {
    const p = randomDistributions(5);
    expect(await idsOf(p, 1, 0, 42)).toEqual(await idsOf(p, 1, 0, 42));
    expect((await idsOf(p, 1, 0, 42)).ids).not.toEqual((await idsOf(p, 1, 0, 43)).ids);
    p.dispose();
  });
});

describe('samplingLogits', () => {
  it('is p^(1/τ) renormalised over the top k', async () => {
    const p = tf.tensor2d([[0.5, 0.3, 0.15, 0.05]]);
    const drawn = tf.softmax(samplingLogits(p, { temperature: 0.5, topK: 2 }));
    // p² over the two likeliest: 0.25 / 0.34 and 0.09 / 0.34.
    const values = Array.from(await drawn.data());
    [0.25 / 0.34, 0.09 / 0.34, 0, 0].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 5));
    tf.dispose([p, drawn]);
  });

  it('leaves no tensors behind', () => {
    const p = randomDistributions(6);
    const before = tf.memory().numTensors;
    for (const temperature of [0.7, 0]) {
      const { id, sampledProbability } = pickNext(p, { temperature, topK: 4 }, uniformsFor(1, 64));
      tf.dispose([id, sampledProbability]);
    }
    expect(tf.memory().numTensors).toBe(before);
    p.dispose();
  });
});
