/**
 * Where probes look: the plane a 2-D dataset lives in (its grid, for the decision boundary), and
 * fixed-size batches over a split (so probes reuse the shapes training allocated).
 */
import * as tf from '@tensorflow/tfjs';
import type { LabelledData } from '../../data/types';
import { sliceInputs, type Split } from '../batches';

/** Bounds of 2-D (or 1-D) inputs with a margin, for the boundary grid. */
export function domainOf(data: LabelledData, inputs: number): [number, number, number, number] {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let n = 0; n < data.count; n++) {
    const x = data.x[n * inputs] ?? 0;
    const y = inputs === 2 ? (data.x[n * inputs + 1] ?? 0) : (data.y[n] ?? 0);
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  }
  const mx = (x1 - x0) * 0.1 || 1;
  const my = (y1 - y0) * 0.1 || 1;
  return [x0 - mx, x1 + mx, y0 - my, y1 + my];
}

/**
 * [side * side, 2] grid points over the domain, both ends included: point (ix, iy) at
 * iy * side + ix, with iy = 0 at the bottom (ymin), as the boundary views draw them.
 */
export function gridPoints(domain: [number, number, number, number], side: number): Float32Array {
  const [x0, x1, y0, y1] = domain;
  const points = new Float32Array(side * side * 2);
  for (let iy = 0; iy < side; iy++) {
    for (let ix = 0; ix < side; ix++) {
      const at = (iy * side + ix) * 2;
      points[at] = x0 + (ix / (side - 1)) * (x1 - x0);
      points[at + 1] = y0 + (iy / (side - 1)) * (y1 - y0);
    }
  }
  return points;
}

/**
 * The largest multiple of the batch size up to `count` (all of `count` when it is below one
 * batch): probes then reuse the shapes training allocated instead of growing the GPU buffer pool.
 */
export function wholeBatches(count: number, batch: number): number {
  return count < batch ? count : count - (count % batch);
}

/**
 * `f` on samples [0, count) of a split, one batch at a time (uploaded as it is needed), results
 * concatenated along the first axis.
 */
export function inBatches(
  split: Split,
  count: number,
  batch: number,
  f: (xb: tf.Tensor) => tf.Tensor,
): tf.Tensor {
  const parts: tf.Tensor[] = [];
  for (let start = 0; start < count; start += batch) {
    parts.push(f(sliceInputs(split, start, Math.min(batch, count - start))));
  }
  return parts.length === 1 ? (parts[0] as tf.Tensor) : tf.concat(parts);
}
