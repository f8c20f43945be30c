import { describe, expect, it } from 'vitest';
import { thumbnailImage } from './thumbnailImage';

describe('thumbnailImage', () => {
  it('draws an image’s first channel', () => {
    // [2, 2, 3]: channel 0 holds 0, 3, 6, 9.
    const image = thumbnailImage(
      [2, 2, 3],
      Float32Array.from({ length: 12 }, (_, i) => i),
    );
    expect(image && [image.rows, image.cols]).toEqual([2, 2]);
    expect(image?.strides).toEqual({ offset: 0, row: 6, col: 3 });
  });

  it('draws a sequence as [steps, features]', () => {
    const image = thumbnailImage([4, 8], new Float32Array(32));
    expect(image && [image.rows, image.cols, image.strides.row]).toEqual([4, 8, 8]);
  });

  it('folds a vector into a near-square grid with the rest empty', () => {
    const image = thumbnailImage(
      [10],
      Float32Array.from({ length: 10 }, (_, i) => i + 1),
    );
    expect(image && [image.rows, image.cols]).toEqual([3, 4]);
    expect(Array.from(image?.values ?? []).slice(8)).toEqual([9, 10, NaN, NaN]);
  });

  it('draws nothing for a scalar, a rank-4 output or no values', () => {
    expect(thumbnailImage([], Float32Array.of(1))).toBeNull();
    expect(thumbnailImage([1, 1, 1, 1], Float32Array.of(1))).toBeNull();
    expect(thumbnailImage([3], new Float32Array(0))).toBeNull();
  });
});
