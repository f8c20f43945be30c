/**
 * Choosing the next token from a language model's probabilities: temperature and top-k sampling,
 * and greedy (argmax) decoding as the limit of temperature → 0.
 *
 * The draw is inverse-CDF sampling with a uniform number made on the CPU from LayerLab's seeded
 * generator: the same seed draws the same tokens on every backend. (tf.multinomial would not:
 * its CPU kernel gives every row of a call the same number, its WebGL kernel hashes the seed as a
 * float, and seed 0 means "unseeded".)
 */
import * as tf from '@tensorflow/tfjs';
import { createRandom } from '../../data/random';

export interface SamplingOptions {
  /** 0 (or below GREEDY_BELOW): the likeliest token (argmax); otherwise log p is divided by it. */
  temperature: number;
  /** Only the k likeliest tokens can be drawn; 0 (or ≥ the vocabulary): all of them. */
  topK: number;
}

/**
 * Temperatures below this are greedy. log p / τ overflows float32 for tiny τ (every logit −∞,
 * softmax NaN), and long before that the draw is greedy in all but exact ties: at τ = 0.001 a
 * token 1% less likely than the best is already e^10 times less likely to be drawn.
 */
export const GREEDY_BELOW = 1e-3;

/** Tokens outside the top k get this logit: exp(-1e9 - max) is exactly 0 in float32. */
const EXCLUDED = -1e9;

/**
 * The logits the next token is drawn from: log p / τ, with every token outside the k likeliest
 * excluded. softmax of it is p^(1/τ) renormalised over the kept tokens. [rows, V] → [rows, V].
 * For τ > 0 only.
 */
export function samplingLogits(probabilities: tf.Tensor2D, options: SamplingOptions): tf.Tensor2D {
  return tf.tidy(() => {
    const vocabulary = probabilities.shape[1];
    const logits = tf.div(tf.log(tf.add(probabilities, 1e-9)), options.temperature) as tf.Tensor2D;
    if (options.topK <= 0 || options.topK >= vocabulary) return logits;
    const { values } = tf.topk(logits, options.topK); // [rows, k], largest first
    const kth = tf.slice(values, [0, options.topK - 1], [-1, 1]); // [rows, 1]: the smallest kept
    // Ties with the k-th are kept too: which of equals to drop would be arbitrary.
    return tf.where(tf.less(logits, kth), tf.fill(logits.shape, EXCLUDED), logits) as tf.Tensor2D;
  });
}

/**
 * The next token of each row, [rows] int32, and the probability it had in the distribution it was
 * drawn from, [rows] (1 for greedy decoding). `uniforms` holds one number in [0, 1) per row (unused
 * for greedy decoding): the token is the first whose cumulative probability passes it.
 */
export function pickNext(
  probabilities: tf.Tensor2D,
  options: SamplingOptions,
  uniforms: Float32Array,
): { id: tf.Tensor1D; sampledProbability: tf.Tensor1D } {
  return tf.tidy(() => {
    const [rows, vocabulary] = probabilities.shape;
    if (options.temperature < GREEDY_BELOW) {
      return {
        id: tf.argMax(probabilities, 1) as tf.Tensor1D,
        sampledProbability: tf.ones([rows]),
      };
    }
    if (uniforms.length !== rows) throw new Error(`${rows} rows need ${rows} uniform numbers.`);
    const drawnFrom = tf.softmax(samplingLogits(probabilities, options)); // [rows, V]
    const cdf = tf.cumsum(drawnFrom, 1); // [rows, V], rising to ≈ 1
    // u scaled by the row's own total, so float rounding in the sum cannot push it past the end.
    const total = tf.slice(cdf, [0, vocabulary - 1], [-1, 1]); // [rows, 1]
    const target = tf.mul(tf.tensor2d(uniforms, [rows, 1]), total); // [rows, 1]
    // How many tokens' cumulative probability is still below the target: the drawn token's index.
    const id = tf.sum(tf.cast(tf.less(cdf, target), 'int32'), 1) as tf.Tensor1D; // [rows]
    const chosen = tf.oneHot(id, vocabulary); // [rows, V]
    const sampledProbability = tf.sum(tf.mul(drawnFrom, chosen), 1) as tf.Tensor1D; // [rows]
    return { id, sampledProbability };
  });
}

/** `count` uniform numbers in [0, 1) from LayerLab's seeded generator, one per written token. */
export function uniformsFor(seed: number, count: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: count }, () => random());
}
