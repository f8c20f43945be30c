import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../data/random';
import { affineParameters, augmentBatch } from './augment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A 5×5 single-channel image with one bright pixel at (row, col). */
function dot(row: number, col: number): tf.Tensor4D {
  const pixels = new Float32Array(25);
  pixels[row * 5 + col] = 1;
  return tf.tensor4d(pixels, [1, 5, 5, 1]);
}

async function brightest(image: tf.Tensor4D): Promise<[number, number]> {
  const values = await image.data();
  const at = values.indexOf(Math.max(...values));
  return [Math.floor(at / 5), at % 5];
}

function apply(image: tf.Tensor4D, parameters: number[]): tf.Tensor4D {
  return tf.image.transform(image, tf.tensor2d([parameters]), 'nearest', 'constant', 0);
}

describe('affineParameters', () => {
  it('is the identity with nothing to do', () => {
    expect(affineParameters(28, 28, 0, 0, 0, false)).toEqual([1, -0, 0, 0, 1, 0, 0, 0]);
  });

  it('shifts right and down by (dx, dy)', async () => {
    const moved = apply(dot(1, 1), affineParameters(5, 5, 0, 2, 1, false));
    expect(await brightest(moved)).toEqual([2, 3]);
  });

  it('flips horizontally about the centre', async () => {
    const flipped = apply(dot(1, 0), affineParameters(5, 5, 0, 0, 0, true));
    expect(await brightest(flipped)).toEqual([1, 4]);
  });

  it('rotates a quarter turn about the centre', async () => {
    const turned = apply(dot(0, 2), affineParameters(5, 5, Math.PI / 2, 0, 0, false));
    // The top-middle pixel ends up at the middle of a side, the centre stays put.
    const [row, col] = await brightest(turned);
    expect(row).toBe(2);
    expect([0, 4]).toContain(col);
  });
});

describe('augmentBatch', () => {
  it('keeps the shape, moves images differently, and leaks no tensors', async () => {
    const images = tf.concat([dot(2, 2), dot(2, 2), dot(2, 2), dot(2, 2)]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const random = createRandom(3);
    const out = augmentBatch(images, { shift: true, rotate: false, flip: false }, random);
    expect(out.shape).toEqual([4, 5, 5, 1]);
    const values = await out.data(); // [4, 5, 5, 1]
    const positions = [0, 1, 2, 3].map((n) => {
      const image = Array.from(values.subarray(n * 25, (n + 1) * 25));
      const at = image.indexOf(Math.max(...image));
      return [Math.floor(at / 5), at % 5] as const;
    });
    expect(new Set(positions.map((p) => p.join(','))).size).toBeGreaterThan(1);
    for (const [row, col] of positions) {
      expect(Math.abs(row - 2)).toBeLessThanOrEqual(2);
      expect(Math.abs(col - 2)).toBeLessThanOrEqual(2);
    }
    out.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is the identity when every option is off', async () => {
    const image = dot(1, 3);
    const out = augmentBatch(image, { shift: false, rotate: false, flip: false }, createRandom(1));
    expect(Array.from(await out.data())).toEqual(Array.from(await image.data()));
  });
});
