/**
 * Choosing the next token from a language model's probabilities: temperature and top-k sampling,
 * and greedy (argmax) decoding as the limit of temperature → 0. Everything stays on the device.
 */
import * as tf from '@tensorflow/tfjs';

export interface SamplingOptions {
  /** 0: the likeliest token (argmax); otherwise log p is divided by it before sampling. */
  temperature: number;
  /** Only the k likeliest tokens can be drawn; 0 (or ≥ the vocabulary): all of them. */
  topK: number;
}

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
 * drawn from, [rows] (1 for greedy decoding). `seed` makes the draw repeatable. tfjs draws one
 * uniform number per call and seed, shared by every row: rows of one call are not independent
 * draws, so a writer samples one row per call with a seed per position.
 */
export function pickNext(
  probabilities: tf.Tensor2D,
  options: SamplingOptions,
  seed: number,
): { id: tf.Tensor1D; sampledProbability: tf.Tensor1D } {
  return tf.tidy(() => {
    const rows = probabilities.shape[0];
    if (options.temperature <= 0) {
      return {
        id: tf.argMax(probabilities, 1) as tf.Tensor1D,
        sampledProbability: tf.ones([rows]),
      };
    }
    const logits = samplingLogits(probabilities, options);
    const id = tf.reshape(tf.multinomial(logits, 1, seed), [rows]) as tf.Tensor1D; // [rows] int32
    const drawnFrom = tf.softmax(logits); // [rows, V]
    const chosen = tf.oneHot(id, probabilities.shape[1]); // [rows, V]
    const sampledProbability = tf.sum(tf.mul(drawnFrom, chosen), 1) as tf.Tensor1D; // [rows]
    return { id, sampledProbability };
  });
}
