/**
 * Text written by a character language model as it trains: starting from a window of real text,
 * the model's distribution over the next character is sampled (softmax with a temperature), the
 * character is appended, the window slides, and so on. Every step stays on the device (no
 * readback inside the loop); the caller reads the ids back with the rest of the probe cycle.
 */
import * as tf from '@tensorflow/tfjs';
import { uniformsFor } from '../generation/sampling';
import { writeTokens } from '../generation/writeTokens';

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
  // The prompt writer's loop; the live view keeps only the ids (the packed rows' first column).
  const { packed } = writeTokens(model, prompt, { temperature, topK: 0 }, uniformsFor(seed, count));
  return tf.reshape(tf.slice(packed, [0, 0], [count, 1]), [count]); // [count]
}

/** Sampled ids → text with the corpus's vocabulary (id 0 is the unknown character). */
export function decodeCharacters(ids: Float32Array, vocabulary: readonly string[]): string {
  return Array.from(ids, (id) => (id > 0 ? (vocabulary[id] ?? '') : '□')).join('');
}
