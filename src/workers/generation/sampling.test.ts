import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickNext, samplingLogits } from './sampling';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 64 rows of random distributions over 12 tokens. */
function randomDistributions(seed: number): tf.Tensor2D {
  return tf.tidy(() => tf.softmax(tf.randomNormal([64, 12], 0, 2, 'float32', seed)) as tf.Tensor2D);
}

async function idsOf(p: tf.Tensor2D, temperature: number, topK: number, seed: number) {
  const { id, sampledProbability } = pickNext(p, { temperature, topK }, seed);
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
    // p = [0.1, 0.2, 0.7], drawn 1,000 times with 1,000 seeds (one row per call: tfjs gives every
    // row of one call the same uniform number, so the rows of a call are not independent draws).
    const p = tf.tensor2d([[0.1, 0.2, 0.7]]);
    const ids: number[] = [];
    for (let seed = 0; seed < 1000; seed++) {
      const drawn = await idsOf(p, 1, 0, seed);
      ids.push(drawn.ids[0] ?? -1);
      expect(drawn.probabilities[0]).toBeCloseTo([0.1, 0.2, 0.7][drawn.ids[0] ?? 0] ?? NaN, 4);
    }
    const share = (k: number) => ids.filter((id) => id === k).length / ids.length;
    expect(share(0)).toBeCloseTo(0.1, 1);
    expect(share(1)).toBeCloseTo(0.2, 1);
    expect(share(2)).toBeCloseTo(0.7, 1);
    p.dispose();
  });

  it('the same seed draws the same tokens', async () => {
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
    pickNext(p, { temperature: 0.7, topK: 4 }, 1).id.dispose();
    const { id, sampledProbability } = pickNext(p, { temperature: 0, topK: 0 }, 1);
    tf.dispose([id, sampledProbability]);
    // The first call's sampledProbability was not disposed: exactly that one is left.
    expect(tf.memory().numTensors).toBe(before + 1);
    p.dispose();
  });
});
