/**
 * What a graph node's thumbnail draws from a layer's output for one sample: an image's first
 * channel, a sequence's [steps, features] matrix, a vector folded into a near-square grid.
 */
import { channelOf, rowMajor, type Strides } from '../canvas/paint';

export interface ThumbnailImage {
  values: Float32Array;
  rows: number;
  cols: number;
  strides: Strides;
}

/** The image for an output of `shape` (no batch dimension); null for a shape it cannot draw. */
export function thumbnailImage(
  shape: readonly number[],
  values: Float32Array,
): ThumbnailImage | null {
  if (values.length === 0) return null;
  if (shape.length === 3) {
    const [rows = 0, cols = 0, channels = 1] = shape; // [h, w, c], channels last
    return { values, rows, cols, strides: channelOf(cols, channels, 0) };
  }
  if (shape.length === 2) {
    const [rows = 0, cols = 0] = shape; // [steps, features]
    return { values, rows, cols, strides: rowMajor(cols) };
  }
  if (shape.length === 1) {
    // n units folded row by row into a side × side grid; cells past the last unit stay empty (NaN).
    const n = values.length;
    const side = Math.ceil(Math.sqrt(n));
    const rows = Math.ceil(n / side);
    const grid = new Float32Array(rows * side).fill(Number.NaN);
    grid.set(values);
    return { values: grid, rows, cols: side, strides: rowMajor(side) };
  }
  return null;
}
