/**
 * A character language model writing: its distribution over the next character at the window's
 * last position is sampled, the character is appended, the window slides by one, and so on. All of
 * it is queued on the device; the caller reads the packed result back once.
 */
import * as tf from '@tensorflow/tfjs';
import { pickNext, type SamplingOptions } from './sampling';

/** The model's likeliest characters kept per written one (fewer when the vocabulary is smaller). */
export const ALTERNATIVES = 5;

/** Columns of one written token in the packed result; see unpackTokens. */
export const tokenColumns = (alternatives: number): number => 3 + 2 * alternatives;

/** One written token as numbers: ids index the vocabulary. */
export interface WrittenIds {
  id: number;
  /** The model's own probability of it. */
  probability: number;
  /** Its probability in the distribution it was drawn from (temperature, top-k). */
  sampledProbability: number;
  alternatives: { id: number; probability: number }[];
}

/** The next-token probabilities after the window's last position: [1, T, V] or [1, V] → [1, V]. */
function nextDistribution(model: tf.LayersModel, window: tf.Tensor2D): tf.Tensor2D {
  const out = model.apply(window, { training: false }) as tf.Tensor;
  if (out.rank === 2) return out as tf.Tensor2D;
  const [, time = 0, vocabulary = 0] = out.shape;
  return tf.reshape(tf.slice(out, [0, time - 1, 0], [1, 1, vocabulary]), [1, vocabulary]); // [1, V]
}

/**
 * Writes `count` tokens after `window` (T ids of one input window). Returns [count, columns] as
 * float32: id, the model's probability of it, the probability it was drawn with, then the
 * `alternatives` likeliest ids and their probabilities. Position i is drawn with seed `seed + i`.
 */
export function writeTokens(
  model: tf.LayersModel,
  window: Float32Array,
  count: number,
  options: SamplingOptions,
  seed: number,
): { packed: tf.Tensor2D; alternatives: number } {
  return tf.tidy(() => {
    const length = window.length;
    let input: tf.Tensor2D = tf.tensor2d(window, [1, length]); // [1, T] ids as floats
    const rows: tf.Tensor[] = [];
    let alternatives = ALTERNATIVES;
    for (let i = 0; i < count; i++) {
      const p = nextDistribution(model, input); // [1, V]
      alternatives = Math.min(ALTERNATIVES, p.shape[1]);
      const { id, sampledProbability } = pickNext(p, options, seed + i); // [1], [1]
      const probability = tf.sum(tf.mul(p, tf.oneHot(id, p.shape[1])), 1); // [1]
      const top = tf.topk(p, alternatives); // [1, A] each, likeliest first
      const next = tf.reshape(tf.cast(id, 'float32'), [1, 1]); // [1, 1]
      rows.push(
        tf.concat(
          [
            next,
            tf.reshape(probability, [1, 1]),
            tf.reshape(sampledProbability, [1, 1]),
            tf.cast(top.indices, 'float32'),
            top.values,
          ],
          1,
        ), // [1, 3 + 2A]
      );
      input = tf.concat([tf.slice(input, [0, 1], [1, length - 1]), next], 1) as tf.Tensor2D; // slide by one
    }
    return { packed: tf.concat(rows, 0) as tf.Tensor2D, alternatives }; // [count, 3 + 2A]
  });
}

/** The packed rows of writeTokens as records. */
export function unpackTokens(values: Float32Array, alternatives: number): WrittenIds[] {
  const columns = tokenColumns(alternatives);
  const written: WrittenIds[] = [];
  for (let row = 0; row + columns <= values.length; row += columns) {
    const at = (c: number) => values[row + c] ?? NaN;
    written.push({
      id: at(0),
      probability: at(1),
      sampledProbability: at(2),
      alternatives: Array.from({ length: alternatives }, (_, a) => ({
        id: at(3 + a),
        probability: at(3 + alternatives + a),
      })),
    });
  }
  return written;
}
