import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { generateSequenceTask } from '../data/sequences';
import { gatherBatch, makeSplit, sliceBatch, sliceInputs } from './batches';

const pairs = { x: Float32Array.from([1, 2, 3, 4, 5, 6]), y: Int32Array.from([1, 0, 1]), count: 3 };

async function values(t: tf.Tensor): Promise<number[]> {
  return Array.from(await t.data());
}

describe('batches from a split in CPU memory', () => {
  it('one-hot encodes labels for several outputs and keeps 0/1 for one output', async () => {
    const many = sliceBatch(makeSplit(pairs, [2], 2, 2), 0, 3);
    const one = sliceBatch(makeSplit(pairs, [2], 1, 2), 0, 3);
    try {
      expect(many.x.shape).toEqual([3, 2]);
      expect(many.y.shape).toEqual([3, 2]);
      expect(many.y.dtype).toBe('float32');
      expect(await values(many.y)).toEqual([0, 1, 1, 0, 0, 1]);
      expect(one.y.shape).toEqual([3, 1]);
      expect(await values(one.y)).toEqual([1, 0, 1]);
      expect(await values(one.x)).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      tf.dispose([many.x, many.y, one.x, one.y]);
    }
  });

  it('keeps image samples in their shape', () => {
    const data = { x: new Float32Array(2 * 2 * 2 * 1), y: Int32Array.from([3, 9]), count: 2 };
    const batch = sliceBatch(makeSplit(data, [2, 2, 1], 10, 10), 0, 2);
    expect(batch.x.shape).toEqual([2, 2, 2, 1]);
    expect(batch.y.shape).toEqual([2, 10]);
    tf.dispose([batch.x, batch.y]);
  });

  it('gathers the samples asked for, in that order, as gathering on the device would', async () => {
    const data = generateSequenceTask('reverse', 20, 8, 10, 3);
    const split = makeSplit(data, [8], 10, 10);
    expect(split.labelsPerSample).toBe(8);
    const indices = Int32Array.from([7, 2, 19, 2, 0]);
    const batch = gatherBatch(split, indices);
    const whole = sliceBatch(split, 0, 20);
    const idx = tf.tensor1d(indices, 'int32');
    const expectedX = tf.gather(whole.x, idx);
    const expectedY = tf.gather(whole.y, idx);
    try {
      expect(batch.x.shape).toEqual([5, 8]);
      expect(batch.y.shape).toEqual([5, 8, 10]);
      expect(await values(batch.x)).toEqual(await values(expectedX));
      expect(await values(batch.y)).toEqual(await values(expectedY));
    } finally {
      tf.dispose([batch.x, batch.y, whole.x, whole.y, idx, expectedX, expectedY]);
    }
  });

  it('sends regression targets as they are: [batch, targets]', async () => {
    const data = {
      x: Float32Array.from([0, 1, 2]),
      y: Float32Array.from([5, 6, 7, 8, 9, 10]),
      count: 3,
    };
    const split = makeSplit(data, [1], 2, 2);
    expect(split.regression).toBe(true);
    const batch = gatherBatch(split, [2, 0]);
    try {
      expect(batch.y.shape).toEqual([2, 2]);
      expect(await values(batch.y)).toEqual([9, 10, 5, 6]);
      expect(await values(batch.x)).toEqual([2, 0]);
    } finally {
      tf.dispose([batch.x, batch.y]);
    }
  });

  it('slices inputs alone for probes, and keeps no tensor of the split on the device', async () => {
    const before = tf.memory().numTensors;
    const split = makeSplit(pairs, [2], 2, 2);
    expect(tf.memory().numTensors).toBe(before);
    const x = sliceInputs(split, 1, 2);
    expect(x.shape).toEqual([2, 2]);
    expect(await values(x)).toEqual([3, 4, 5, 6]);
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
