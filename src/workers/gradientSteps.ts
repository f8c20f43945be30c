/**
 * What the trainer does to the gradients between computing and applying them: their global norm
 * (recorded as a curve), clipping, and AdamW's decoupled weight decay. Inside the step's tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import type { GradientClipping } from '../models/trainingConfig';

/** √(Σ g²) over every gradient: the length of the whole update direction. */
export function globalNorm(grads: tf.NamedTensorMap): tf.Scalar {
  const squares = Object.values(grads).map((g) => tf.sum(tf.square(g)));
  return tf.sqrt(squares.length > 0 ? tf.addN(squares) : tf.scalar(0)) as tf.Scalar;
}

/**
 * The gradients clipped as `clipping` says. By norm: all scaled by min(1, threshold / (norm +
 * 1e-6)), as PyTorch's clip_grad_norm_ does, so their direction is kept; by value: each value
 * limited to ±threshold (clip_grad_value_). `norm` is the global norm when already computed.
 */
export function clipGradients(
  grads: tf.NamedTensorMap,
  clipping: GradientClipping,
  norm: tf.Scalar | null = null,
): tf.NamedTensorMap {
  const { kind, threshold } = clipping;
  if (kind === 'none') return grads;
  if (kind === 'value') {
    return Object.fromEntries(
      Object.entries(grads).map(([name, g]) => [name, tf.clipByValue(g, -threshold, threshold)]),
    );
  }
  const scale = tf.minimum(1, tf.div(threshold, tf.add(norm ?? globalNorm(grads), 1e-6)));
  return Object.fromEntries(Object.entries(grads).map(([name, g]) => [name, tf.mul(g, scale)]));
}

/** AdamW's decoupled decay, before the Adam step: every weight w ← w · (1 − rate). */
export function decayWeights(variables: readonly tf.Variable[], rate: number): void {
  if (rate === 0) return;
  for (const v of variables) v.assign(tf.mul(v, 1 - rate));
}
