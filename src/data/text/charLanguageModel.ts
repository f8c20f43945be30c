/**
 * A text → a character language model dataset: windows of the text where the target at each step
 * is the next character (task 'sequence'). x = ids of characters [i, i+T), y = ids of [i+1, i+T+1).
 * Windows stay in text order, so a validation split taken from the tail (src/data/split.ts) is the
 * end of the text, which the model never trained on.
 */
import { message, type Message } from '../../shared/messages/message';
import type { Random } from '../random';
import type { LabelledData } from '../types';
import { buildCharVocabulary, encodeChars } from './charTokenizer';
import type { Vocabulary } from './vocabulary';

export interface CharLanguageModelOptions {
  /** Characters per window (T): how far back the model can look. */
  sequenceLength?: number;
  /**
   * Characters between the starts of consecutive windows. Default T: windows do not overlap, so
   * each character is a target once per epoch (as char-rnn). Smaller strides make more, overlapping
   * windows from a short text.
   */
  stride?: number;
  /** At most this many windows, spread evenly over the text; bounds memory on a long text. */
  maxSamples?: number;
  /** Most character ids, <oov> included; default every character of the text. */
  vocabSize?: number;
}

export const DEFAULT_CHAR_SEQUENCE_LENGTH = 32;
/** 100k windows of 32 characters are 25 MB of x and y: plenty for a browser model. */
export const DEFAULT_CHAR_MAX_SAMPLES = 100_000;

export interface CharLanguageModelDataset {
  /** x: [count, T] character ids as floats; y: [count, T] next-character ids. */
  data: LabelledData;
  vocabulary: Vocabulary;
  inputShape: [number];
  notes: Message[];
}

export function buildCharLanguageModel(
  text: string,
  {
    sequenceLength = DEFAULT_CHAR_SEQUENCE_LENGTH,
    stride = sequenceLength,
    maxSamples = DEFAULT_CHAR_MAX_SAMPLES,
    vocabSize,
  }: CharLanguageModelOptions = {},
): CharLanguageModelDataset {
  requireWholeNumber('sequenceLength', sequenceLength);
  requireWholeNumber('stride', stride);
  requireWholeNumber('maxSamples', maxSamples);
  const vocabulary = buildCharVocabulary(
    text,
    vocabSize === undefined ? {} : { maxSize: vocabSize },
  );
  const ids = encodeChars(text, vocabulary); // [characters]
  const T = sequenceLength;
  if (ids.length < T + 1) {
    throw new Error(
      `The text has ${ids.length} characters; a sequenceLength of ${T} needs at least ${T + 1} (a window and the character after it).`,
    );
  }

  const windows = Math.floor((ids.length - T - 1) / stride) + 1;
  const count = Math.min(windows, maxSamples);
  const x = new Float32Array(count * T); // [count, T]
  const y = new Int32Array(count * T); // [count, T]
  for (let n = 0; n < count; n++) {
    // Every window when they fit; otherwise an evenly spaced subset, so the whole text is used.
    const start = Math.floor((n * windows) / count) * stride;
    x.set(ids.subarray(start, start + T), n * T);
    y.set(ids.subarray(start + 1, start + T + 1), n * T);
  }

  const oov = ids.filter((id) => id === vocabulary.oovId).length;
  const windowValues = { windows: count, length: T, characters: ids.length };
  const notes = [
    message('data.note.characters', { characters: vocabulary.tokens.length - 1 }),
    count < windows
      ? message('data.note.windowsSpread', { ...windowValues, possible: windows })
      : message('data.note.windowsEvery', { ...windowValues, stride }),
  ];
  if (oov > 0) {
    const percent = ((100 * oov) / ids.length).toFixed(1);
    notes.push(message('data.note.unknownCharacters', { percent }));
  }
  return { data: { x, y, count }, vocabulary, inputShape: [T], notes };
}

function requireWholeNumber(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1; got ${value}.`);
  }
}

/**
 * Draws the next character's id from a model's output distribution. Temperature reshapes it:
 * p_i^(1/t), renormalised. 1 samples the model as is, below 1 sharpens (safer, more repetitive
 * text), above 1 flattens (more surprising, more errors), 0 always takes the most likely id.
 * Computed in log space so small temperatures do not underflow to all zeros. Pure: the caller
 * passes the seeded random source.
 */
export function sampleNextChar(
  probabilities: ArrayLike<number>,
  temperature: number,
  random: Random,
): number {
  if (probabilities.length === 0) throw new Error('probabilities is empty.');
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw new Error(`temperature must be a number of at least 0; got ${temperature}.`);
  }
  let best = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    if (!Number.isFinite(p) || p < 0) {
      throw new Error(`probabilities[${i}] is ${p}; probabilities must be finite and at least 0.`);
    }
    if (p > (probabilities[best] as number)) best = i;
  }
  const top = probabilities[best] as number;
  if (top === 0) throw new Error('probabilities are all 0.');
  if (temperature === 0) return best;

  // weight_i = (p_i / p_max)^(1/t), so the largest weight is 1 and nothing overflows.
  const weights = new Float64Array(probabilities.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const p = probabilities[i] as number;
    weights[i] = p === 0 ? 0 : Math.exp((Math.log(p) - Math.log(top)) / temperature);
    total += weights[i] as number;
  }
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return i;
  }
  return best; // only reached through rounding when r lands on the very end of the range
}
