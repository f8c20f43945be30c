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
 * `alternatives` likeliest ids and their probabilities. `uniforms` holds one number per token
 * (sampling.ts). Each position is its own tidy: only its row and the next window outlive it.
 */
export function writeTokens(
  model: tf.LayersModel,
  window: Float32Array,
  options: SamplingOptions,
  uniforms: Float32Array,
): { packed: tf.Tensor2D; alternatives: number } {
  const length = window.length;
  let input: tf.Tensor2D = tf.tensor2d(window, [1, length]); // [1, T] ids as floats
  const rows: tf.Tensor2D[] = [];
  let alternatives = ALTERNATIVES;
  try {
    for (let i = 0; i < uniforms.length; i++) {
      const current = input;
      const [row, next] = tf.tidy(() => {
        const p = nextDistribution(model, current); // [1, V]
        alternatives = Math.min(ALTERNATIVES, p.shape[1]);
        const { id, sampledProbability } = pickNext(p, options, uniforms.subarray(i, i + 1));
        const probability = tf.sum(tf.mul(p, tf.oneHot(id, p.shape[1])), 1); // [1]
        const top = tf.topk(p, alternatives); // [1, A] each, likeliest first
        const written = tf.reshape(tf.cast(id, 'float32'), [1, 1]); // [1, 1]
        const packedRow = tf.concat(
          [
            written,
            tf.reshape(probability, [1, 1]),
            tf.reshape(sampledProbability, [1, 1]),
            tf.cast(top.indices, 'float32'),
            top.values,
          ],
          1,
        ) as tf.Tensor2D; // [1, 3 + 2A]
        const slid = tf.concat([tf.slice(current, [0, 1], [1, length - 1]), written], 1); // slide by one
        return [packedRow, slid as tf.Tensor2D];
      });
      rows.push(row);
      input = next;
      current.dispose();
    }
    return { packed: tf.concat(rows, 0), alternatives }; // [count, 3 + 2A]
  } finally {
    input.dispose();
    tf.dispose(rows);
  }
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
