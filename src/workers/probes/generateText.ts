/**
 * Text written by a character language model as it trains: starting from a window of real text,
 * the model's distribution over the next character is sampled (softmax with a temperature), the
 * character is appended, the window slides, and so on. Every step stays on the device (no
 * readback inside the loop); the caller reads the ids back with the rest of the probe cycle.
 */
import * as tf from '@tensorflow/tfjs';
import { pickNext, uniformsFor } from '../generation/sampling';

/** Characters written per probe cycle: long enough to read, short enough to stay cheap. */
export const GENERATED_CHARACTERS = 80;
/** Below 1 favours likely characters (fewer typos), above 1 more surprising ones. */
export const GENERATION_TEMPERATURE = 0.8;

/**
 * `prompt` is one input window of character ids ([T]); returns the `count` sampled ids, [count]
 * as float32 (to travel in the probe's packed readback). Call inside a tidy.
 */
export function sampleCharacters(
  model: tf.LayersModel,
  prompt: Float32Array,
  count: number,
  temperature: number,
  seed: number,
): tf.Tensor1D {
  const length = prompt.length;
  const uniforms = uniformsFor(seed, count);
  let window: tf.Tensor2D = tf.tensor2d(prompt, [1, length]); // [1, T] ids as floats
  const written: tf.Tensor[] = [];
  for (let i = 0; i < count; i++) {
    const probabilities = model.apply(window, { training: false }) as tf.Tensor3D; // [1, T, V]
    const vocabulary = probabilities.shape[2];
    const last = probabilities
      .slice([0, length - 1, 0], [1, 1, vocabulary])
      .reshape([1, vocabulary]) as tf.Tensor2D; // [1, V]
    const { id } = pickNext(last, { temperature, topK: 0 }, uniforms.subarray(i, i + 1)); // [1]
    const next = tf.reshape(tf.cast(id, 'float32'), [1, 1]); // [1, 1]
    written.push(next.reshape([1]));
    window = tf.concat([window.slice([0, 1], [1, length - 1]), next], 1) as tf.Tensor2D; // slide by one
  }
  return tf.concat(written) as tf.Tensor1D; // [count]
}

/** Sampled ids → text with the corpus's vocabulary (id 0 is the unknown character). */
export function decodeCharacters(ids: Float32Array, vocabulary: readonly string[]): string {
  return Array.from(ids, (id) => (id > 0 ? (vocabulary[id] ?? '') : '□')).join('');
}
