import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installCpuKernels, unsortedSegmentSum } from './cpuUnsortedSegmentSum';

beforeAll(async () => {
  installCpuKernels();
  await tf.setBackend('cpu');
});

describe('the CPU UnsortedSegmentSum', () => {
  it('sums rows into their segments, drops out-of-range ids, keeps empty segments at zero', async () => {
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    const ids = tf.tensor1d([2, 0, 2, 9], 'int32');
    const sum = tf.unsortedSegmentSum(x, ids, 4);
    expect(sum.shape).toEqual([4, 2]);
    expect(Array.from(await sum.data())).toEqual([3, 4, 0, 0, 6, 8, 0, 0]);
  });

  it('matches one-hotᵀ · x on random data with several inner dimensions, and int tensors', async () => {
    const x = tf.randomNormal([15, 2, 2], 0, 1, 'float32', 7);
    const ids = tf.tensor1d([0, 3, 3, 1, 6, 2, 2, 2, 5, 0, 1, 4, 6, 6, 3], 'int32');
    const reference = tf.matMul(tf.oneHot(ids, 7).toFloat(), x.reshape([15, 4]), true, false);
    const sum = tf.unsortedSegmentSum(x, ids, 7);
    expect(sum.shape).toEqual([7, 2, 2]);
    const diff = await tf.max(tf.abs(tf.sub(sum.reshape([7, 4]), reference))).data();
    expect(diff[0]).toBeLessThan(1e-5);
    const ints = tf.unsortedSegmentSum(
      tf.tensor1d([1, 2, 3], 'int32'),
      tf.tensor1d([1, 1, 0], 'int32'),
      2,
    );
    expect(ints.dtype).toBe('int32');
    expect(Array.from(await ints.data())).toEqual([3, 3]);
  });

  it('is the registered kernel, and gives the Embedding gradient of a 10,000-word table', async () => {
    const table = tf.variable(tf.randomNormal([10000, 16], 0, 1, 'float32', 1));
    const ids = tf.tensor2d(
      Array.from({ length: 32 * 32 }, (_, i) => (i * 37) % 10000),
      [32, 32],
      'int32',
    );
    const [g] = tf.grads((t: tf.Tensor) => tf.sum(tf.gather(t, ids)))([table]);
    const values = await (g as tf.Tensor).data();
    // d(sum)/d(row) = how often the row was gathered: every id here appears once.
    expect(values[0]).toBe(1);
    expect(values[37 * 16]).toBe(1);
    expect(values[16]).toBe(0);
    // tfjs's own kernel loops over the 10,000 rows (~35 s here); ours must be the one registered.
    expect(tf.getKernel('UnsortedSegmentSum', 'cpu')?.kernelFunc).toBe(unsortedSegmentSum);
  });
});
