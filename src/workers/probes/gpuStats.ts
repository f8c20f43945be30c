/**
 * Reductions done on the device for the internals views, so only small summaries are read back.
 */
import * as tf from '@tensorflow/tfjs';

/** Bins of every weight and gradient histogram. */
export const HISTOGRAM_BINS = 32;

/**
 * [bins + 1]: the counts of `values` in `bins` equal bins over [-range, range], then the range
 * (max |value|, at least 1e-12 so an all-zero gradient still has bins). Symmetric, so 0 sits in the
 * middle and a vanishing gradient shows as one spike there.
 */
export function symmetricHistogram(values: tf.Tensor, bins = HISTOGRAM_BINS): tf.Tensor1D {
  return tf.tidy(() => {
    const flat = values.reshape([-1]); // [n]
    const range = tf.maximum(tf.max(tf.abs(flat)), 1e-12);
    const position = tf.div(tf.add(tf.div(flat, range), 1), 2); // [0, 1]
    const bin = tf.clipByValue(tf.floor(tf.mul(position, bins)), 0, bins - 1).toInt();
    const counts = tf.bincount(bin as tf.Tensor1D, tf.tensor1d([], 'float32'), bins).toFloat();
    return tf.concat([counts, range.reshape([1])]) as tf.Tensor1D;
  });
}

/**
 * One sample's layer output [1, ...shape] cut down for display: at most 1,024 values of a vector,
 * 64 × 64 of a sequence, 16 channels of a 48 × 48 map. Returns the kept shape and the values.
 */
export function downsampleActivation(output: tf.Tensor): { shape: number[]; values: tf.Tensor } {
  const shape = output.shape.slice(1);
  const limits =
    shape.length === 1
      ? [1024]
      : shape.length === 2
        ? [64, 64]
        : shape.length === 3
          ? [48, 48, 16]
          : null;
  if (!limits) {
    const total = shape.reduce((a, b) => a * b, 1);
    const kept = Math.min(total, 1024);
    return { shape: [kept], values: output.reshape([total]).slice(0, kept) };
  }
  const kept = shape.map((d, i) => Math.min(d, limits[i] ?? d));
  const values = output.slice(new Array<number>(shape.length + 1).fill(0), [1, ...kept]);
  return { shape: kept, values };
}
